/**
 * The public surface of the simulation core. Everything else in `src/sim` is internal.
 */
export { createSimulation, Simulation, type Gauges, type SimMetrics, type SimUnits } from './simulation.ts';
export type { LimitsInForce } from './limitsInForce.ts';
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
export {
  TABLE_LIFECYCLE,
  WORKER_LIFECYCLE,
  BLOCK_LIFECYCLE,
  FD_LIFECYCLE,
  compileLifecycle,
  follow,
  type Lifecycle,
  type WorkerState,
  type BlockState,
  type FdState,
} from './lifecycles.ts';
export type { Percentiles } from './stats.ts';
export { compareShelfPolicies, COMPARED_POLICIES, type PolicyScore } from './shelfComparison.ts';
export { applyCommand, commandProblem, LIMIT_COMMAND_KINDS, type LimitCommand, type LimitCommandKind } from './commands.ts';
export {
  createTimeline,
  withCommand,
  fork,
  replay,
  moveTo,
  endTarget,
  START,
  Playhead,
  PlayheadCache,
  type Timeline,
  type TimedCommand,
  type Target,
} from './timeline.ts';
export { compareRuns, changedMetrics, compareTimelines, type MetricDiff, type TimelineComparison } from './runComparison.ts';
