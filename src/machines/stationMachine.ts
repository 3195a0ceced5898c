/**
 * A kitchen station block's lifecycle (one memory block): free, allocated, unreachable, then freed, reclaimed,
 * collected or leaked. Generated from `BLOCK_LIFECYCLE` in `src/sim/lifecycles.ts`, the chart the core follows;
 * see `lifecycleMachine.ts` for what the machine and the graph contain.
 */
import { BLOCK_LIFECYCLE, type BlockState, type BlockLifecycleEvent } from '../sim/lifecycles.ts';
import { lifecycleGraph, machineFromLifecycle, type LifecycleGraph, type LifecycleMachineEvent } from './lifecycleMachine.ts';

/** The kitchen station block (memory block) lifecycle as an XState machine. */
export const stationMachine = machineFromLifecycle(BLOCK_LIFECYCLE);

/** The kitchen station block (memory block) lifecycle as nodes and edges, for a view to draw. */
export const stationGraph: LifecycleGraph = lifecycleGraph(BLOCK_LIFECYCLE);

/** The events the kitchen station block (memory block) machine accepts. */
export type StationMachineEvent = LifecycleMachineEvent<BlockLifecycleEvent>;

export type { BlockState };
