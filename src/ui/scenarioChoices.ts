/** The built-in scenarios as the scenario picker lists them. */
import type { ScenarioInput } from '../sim/index.ts';
import type { ScenarioChoice } from './startParams.ts';
import { labelWithReal, scenarioTerms } from './vocabulary.ts';

/** The scenario a first visit opens. */
export const DEFAULT_SCENARIO_ID = 'dinner-service';

export interface ScenarioOption extends ScenarioChoice {
  /** What the picker shows: `Kitchen stations · memory` (the name alone when no term is known). */
  label: string;
  description: string;
}

/** `dinner-service` -> `Dinner service`. */
export function humanize(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One option per scenario, in the order given, named from the vocabulary when it knows the id. */
export function scenarioOptions(scenarios: Readonly<Record<string, ScenarioInput>>): ScenarioOption[] {
  return Object.entries(scenarios).map(([id, input]) => {
    const term = Object.hasOwn(scenarioTerms, id) ? scenarioTerms[id] : undefined;
    const name = term?.label ?? humanize(input.name || id);
    return { id, name, label: term ? labelWithReal(term) : name, description: input.description ?? '' };
  });
}
