/** The built-in scenarios as the scenario picker lists them. */
import type { ScenarioInput } from '../sim/index.ts';
import type { ScenarioChoice } from './startParams.ts';

/** The scenario a first visit opens. */
export const DEFAULT_SCENARIO_ID = 'dinner-service';

export interface ScenarioOption extends ScenarioChoice {
  description: string;
}

/** `dinner-service` -> `Dinner service`. */
export function humanize(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One option per scenario, in the order given. */
export function scenarioOptions(scenarios: Readonly<Record<string, ScenarioInput>>): ScenarioOption[] {
  return Object.entries(scenarios).map(([id, input]) => ({
    id,
    name: humanize(input.name || id),
    description: input.description ?? '',
  }));
}
