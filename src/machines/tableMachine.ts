/**
 * A table's lifecycle (one connection): creating, available, occupied, cleaning, unhealthy, retired. Generated
 * from `TABLE_LIFECYCLE` in `src/sim/lifecycles.ts`, the chart the core follows; see `lifecycleMachine.ts` for
 * what the machine and the graph contain.
 */
import { TABLE_LIFECYCLE, type TableState, type TableLifecycleEvent } from '../sim/lifecycles.ts';
import { lifecycleGraph, machineFromLifecycle, type LifecycleGraph, type LifecycleMachineEvent } from './lifecycleMachine.ts';

/** The table lifecycle as an XState machine. */
export const tableMachine = machineFromLifecycle(TABLE_LIFECYCLE);

/** The table lifecycle as nodes and edges, for a view to draw. */
export const tableGraph: LifecycleGraph = lifecycleGraph(TABLE_LIFECYCLE);

/** The events the table machine accepts. */
export type TableMachineEvent = LifecycleMachineEvent<TableLifecycleEvent>;

export type { TableState };
