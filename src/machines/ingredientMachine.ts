/**
 * An ingredient's lifecycle (one file descriptor): open, then closed, stale-closed or leaked. Generated from
 * `FD_LIFECYCLE` in `src/sim/lifecycles.ts`, the chart the core follows; see `lifecycleMachine.ts` for what the
 * machine and the graph contain.
 */
import { FD_LIFECYCLE, type FdState, type FdLifecycleEvent } from '../sim/lifecycles.ts';
import { lifecycleGraph, machineFromLifecycle, type LifecycleGraph, type LifecycleMachineEvent } from './lifecycleMachine.ts';

/** The ingredient (file descriptor) lifecycle as an XState machine. */
export const ingredientMachine = machineFromLifecycle(FD_LIFECYCLE);

/** The ingredient (file descriptor) lifecycle as nodes and edges, for a view to draw. */
export const ingredientGraph: LifecycleGraph = lifecycleGraph(FD_LIFECYCLE);

/** The events the ingredient (file descriptor) machine accepts. */
export type IngredientMachineEvent = LifecycleMachineEvent<FdLifecycleEvent>;

export type { FdState };
