/**
 * The public surface of the simulation core. Everything else in `src/sim` is internal.
 */
export { createSimulation, Simulation, type Gauges, type SimMetrics } from './simulation.ts';
export { builtInScenarios, builtInScenarioIds } from './builtInScenarios.ts';
export {
  parseScenario,
  scenarioOrThrow,
  formatProblems,
  scenarioSchema,
  type Scenario,
  type ScenarioInput,
  type ScenarioProblem,
  type ScenarioResult,
} from './scenario.ts';
export { EventLog, type SimEvent, type SimEventType, type EventOf, type SizeClass } from './events.ts';
export { classesForPartySize, SIZE_CLASSES, type TableRecord, type TableState } from './connectionPool.ts';
export type { Percentiles } from './stats.ts';
export { compareShelfPolicies, COMPARED_POLICIES, type PolicyScore } from './shelfComparison.ts';
