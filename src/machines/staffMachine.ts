/**
 * A staff member's lifecycle (one worker thread): starting, idle, busy, retired. Generated from
 * `WORKER_LIFECYCLE` in `src/sim/lifecycles.ts`, the chart the core follows; see `lifecycleMachine.ts` for what
 * the machine and the graph contain.
 */
import { WORKER_LIFECYCLE, type WorkerState, type WorkerLifecycleEvent } from '../sim/lifecycles.ts';
import { lifecycleGraph, machineFromLifecycle, type LifecycleGraph, type LifecycleMachineEvent } from './lifecycleMachine.ts';

/** The staff member (worker thread) lifecycle as an XState machine. */
export const staffMachine = machineFromLifecycle(WORKER_LIFECYCLE);

/** The staff member (worker thread) lifecycle as nodes and edges, for a view to draw. */
export const staffGraph: LifecycleGraph = lifecycleGraph(WORKER_LIFECYCLE);

/** The events the staff member (worker thread) machine accepts. */
export type StaffMachineEvent = LifecycleMachineEvent<WorkerLifecycleEvent>;

export type { WorkerState };
