/**
 * The scenarios shipped with the product (the JSON files in `./scenarios/`): one dinner service with every
 * kind at once, one per kind, and the largest, the food hall, which the benchmark uses.
 */
import dinnerService from './scenarios/dinner-service.json' with { type: 'json' };
import foodHall from './scenarios/food-hall.json' with { type: 'json' };
import ingredients from './scenarios/ingredients.json' with { type: 'json' };
import manager from './scenarios/manager.json' with { type: 'json' };
import shelf from './scenarios/shelf.json' with { type: 'json' };
import staff from './scenarios/staff.json' with { type: 'json' };
import stations from './scenarios/stations.json' with { type: 'json' };
import tables from './scenarios/tables.json' with { type: 'json' };
import unboundedShelf from './scenarios/unbounded-shelf.json' with { type: 'json' };
import type { ScenarioInput } from './scenario.ts';

/** Built-in scenarios by id (unvalidated input; pass through `parseScenario` or `scenarioOrThrow`). */
export const builtInScenarios: Readonly<Record<string, ScenarioInput>> = {
  'dinner-service': dinnerService as ScenarioInput,
  tables: tables as ScenarioInput,
  staff: staff as ScenarioInput,
  ingredients: ingredients as ScenarioInput,
  stations: stations as ScenarioInput,
  shelf: shelf as ScenarioInput,
  'unbounded-shelf': unboundedShelf as ScenarioInput,
  manager: manager as ScenarioInput,
  'food-hall': foodHall as ScenarioInput,
};

/** Ids of the built-in scenarios, in menu order. */
export const builtInScenarioIds = Object.keys(builtInScenarios);
