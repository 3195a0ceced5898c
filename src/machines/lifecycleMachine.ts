/**
 * Unit lifecycles as XState v5 machines and as drawable graphs, both generated from the lifecycle data in
 * `src/sim/lifecycles.ts`: the same objects the simulation core compiles and follows on its hot path. So a
 * lifecycle exists once; this module only changes its form.
 *
 * - {@link machineFromLifecycle}: a real machine, declared with `setup()` (typed `domain.verb` events, one
 *   named action), one state node per state (description, tags, `type: 'final'`), one transition per edge.
 *   Events a state has no transition for are ignored, as XState ignores any unhandled event.
 * - {@link lifecycleGraph}: nodes and edges for a view to lay out and draw.
 * - {@link snapshotIn}: a machine snapshot in any state (a unit's current state from the core's plain data).
 *
 * The core does not run these machines: it steps thousands of units per simulated hour, and one XState step
 * costs microseconds where a compiled lookup costs nanoseconds (see docs/architecture.md, "Lifecycles and
 * statecharts", and `npm run bench`). A view creates a machine snapshot or actor for the few units a learner
 * looks at, and steps it at human speed.
 *
 * These unit machines have no guards: a unit's step is chosen by its pool's rules in the core. The named
 * guards that refuse a step the chart does not have, and the limit changes, live one level up, in the
 * pool-level machines of `poolMachine.ts`, which own the units of a kind as plain data.
 */
import { assign, setup } from 'xstate';
import type { Lifecycle } from '../sim/lifecycles.ts';

/** What a unit machine remembers besides its state (the unit's id and data stay in its pool, as plain data). */
export interface UnitContext {
  /** Transitions taken so far. */
  steps: number;
  /** The type of the last event that moved the unit, or null before the first. */
  lastEvent: string | null;
}

/** The event union of a lifecycle's machine: one object type per `domain.verb` event. */
export type LifecycleMachineEvent<E extends string> = { type: E };

interface TransitionNode {
  target: string;
  description: string;
  actions: 'recordStep';
}

interface StateNodeData {
  description: string;
  tags: string[];
  type?: 'final';
  on: Record<string, TransitionNode>;
}

/**
 * Builds the XState machine of a lifecycle. Its id is the lifecycle's id, its states and transitions are the
 * lifecycle's, and every transition runs the named action `recordStep` (counts steps, remembers the event),
 * which tests may swap with `machine.provide({ actions: { recordStep: ... } })`.
 *
 * @example
 * const machine = machineFromLifecycle(TABLE_LIFECYCLE);
 * const [s0] = initialTransition(machine);                       // 'creating'
 * const [s1] = transition(machine, s0, { type: 'table.ready' }); // 'available'
 */
export function machineFromLifecycle<S extends string, E extends string>(lifecycle: Lifecycle<S, E>) {
  const states: Record<string, StateNodeData> = {};
  for (const name of Object.keys(lifecycle.states) as S[]) {
    const s = lifecycle.states[name];
    states[name] = { description: s.description, tags: [...(s.tags ?? [])], ...(s.isFinal ? { type: 'final' as const } : {}), on: {} };
  }
  for (const t of lifecycle.transitions) {
    states[t.from].on[t.event] = { target: t.to, description: t.description, actions: 'recordStep' };
  }
  return setup({
    types: {
      context: {} as UnitContext,
      events: {} as LifecycleMachineEvent<E>,
      tags: {} as string,
    },
    actions: {
      recordStep: assign({
        steps: ({ context }) => context.steps + 1,
        lastEvent: ({ event }) => event.type,
      }),
    },
  }).createMachine({
    id: lifecycle.id,
    initial: lifecycle.initial,
    context: { steps: 0, lastEvent: null },
    states,
  });
}

/** The machine type {@link machineFromLifecycle} returns for states `S` and events `E`. */
export type LifecycleMachine<S extends string = string, E extends string = string> = ReturnType<typeof machineFromLifecycle<S, E>>;

/**
 * A snapshot of `machine` in `state`, for a unit whose state comes from the core's plain data (e.g. a table
 * of `pool.allTables()`): draw it, or step it with `transition()`. A final state gives a snapshot with
 * status 'done'.
 */
export function snapshotIn<S extends string, E extends string>(machine: LifecycleMachine<S, E>, state: S) {
  const isFinal = machine.states[state]?.type === 'final';
  return machine.resolveState({ value: state, context: { steps: 0, lastEvent: null }, ...(isFinal ? { status: 'done' as const } : {}) });
}

/** One state of a lifecycle graph. */
export interface LifecycleNode {
  id: string;
  description: string;
  tags: readonly string[];
  isInitial: boolean;
  isFinal: boolean;
}

/** One transition of a lifecycle graph: an arrow from `source` to `target` labelled `event`. */
export interface LifecycleEdge {
  /** `${source}:${event}`, unique within the graph. */
  id: string;
  source: string;
  target: string;
  event: string;
  description: string;
  /** True when the transition leaves the unit in the same state (draw a loop). */
  isSelfLoop: boolean;
}

/** A lifecycle as a graph for a view: nodes in declaration order, edges in transition order. */
export interface LifecycleGraph {
  id: string;
  initial: string;
  nodes: LifecycleNode[];
  edges: LifecycleEdge[];
}

/** The nodes and edges of a lifecycle, for a view to lay out (e.g. with d3) and draw. */
export function lifecycleGraph<S extends string, E extends string>(lifecycle: Lifecycle<S, E>): LifecycleGraph {
  const nodes = (Object.keys(lifecycle.states) as S[]).map((id): LifecycleNode => {
    const s = lifecycle.states[id];
    return { id, description: s.description, tags: s.tags ?? [], isInitial: id === lifecycle.initial, isFinal: s.isFinal === true };
  });
  const edges = lifecycle.transitions.map(
    (t): LifecycleEdge => ({ id: `${t.from}:${t.event}`, source: t.from, target: t.to, event: t.event, description: t.description, isSelfLoop: t.from === t.to }),
  );
  return { id: lifecycle.id, initial: lifecycle.initial, nodes, edges };
}
