/**
 * A unit's lifecycle as plain data, and the one function the hot path uses to follow it.
 *
 * A {@link Lifecycle} is a flat statechart: named states (each with a description, optional tags, and a
 * flag for final states) and a list of transitions `from --event--> to`, with events named `domain.verb`
 * (commands, imperative: `table.seat`, `staff.wait`). It is data, so the same object is
 *
 * - compiled once with {@link compileLifecycle} into a `state -> event -> target` lookup that the models in
 *   `src/sim` go through on every change of a unit's state ({@link follow}: two property reads), and
 * - turned into a real XState machine and a drawable graph by `src/machines/lifecycleMachine.ts`.
 *
 * So a lifecycle is written once; the core cannot take a step the chart does not have (follow throws), and
 * the machine the UI draws is generated from the very table the core obeys.
 *
 * @example
 * const chart = compileLifecycle(TABLE_LIFECYCLE);
 * follow(chart, 'available', 'table.seat'); // 'occupied'
 * follow(chart, 'retired', 'table.seat'); // throws: table lifecycle: state 'retired' has no transition on 'table.seat'
 */

/** One state of a lifecycle. */
export interface LifecycleState {
  /** What the state means, in real terms (the UI shows it beside the restaurant label). */
  readonly description: string;
  /** True for an end state: no transition leaves it (XState `type: 'final'`). */
  readonly isFinal?: boolean;
  /** Tags a view can ask for (`snapshot.hasTag('busy')`) instead of comparing state names. */
  readonly tags?: readonly string[];
}

/** One transition: in state `from`, the event `event` leads to state `to`. */
export interface LifecycleTransition<S extends string = string, E extends string = string> {
  readonly from: S;
  /** A command named `domain.verb` (the kind's domain: `table`, `staff`, `block`, `fd`). */
  readonly event: E;
  readonly to: S;
  /** When and why the core takes this step (the core's named rule that decides it). */
  readonly description: string;
}

/** A unit kind's statechart as data: states `S`, events `E`. */
export interface Lifecycle<S extends string = string, E extends string = string> {
  /** Machine id, e.g. `'table'`. */
  readonly id: string;
  /** The state a unit is created in. */
  readonly initial: S;
  readonly states: { readonly [K in S]: LifecycleState };
  readonly transitions: readonly LifecycleTransition<S, E>[];
}

/** The state names of a lifecycle. */
export type LifecycleStateName<L> = L extends Lifecycle<infer S, string> ? S : never;
/** The event types of a lifecycle. */
export type LifecycleEventType<L> = L extends Lifecycle<string, infer E> ? E : never;

/** A lifecycle compiled for the hot path: `next[state][event]` is the target, or undefined. */
export interface CompiledLifecycle<S extends string = string, E extends string = string> {
  readonly id: string;
  readonly initial: S;
  readonly next: { readonly [K in S]: { readonly [V in E]?: S } };
  /** The lifecycle it was compiled from (for messages and views). */
  readonly lifecycle: Lifecycle<S, E>;
}

/**
 * Declares a lifecycle with its state and event names inferred as literal types, so a transition to a
 * state that is not declared fails to compile.
 */
export function defineLifecycle<const S extends string, const E extends string>(lifecycle: Lifecycle<S, E>): Lifecycle<S, E> {
  return lifecycle;
}

/**
 * Checks a lifecycle and builds its lookup table. Throws an Error naming the lifecycle when the initial
 * state or a transition's end is not a declared state, when one state has two transitions on the same event
 * (the chart must be deterministic), or when a transition leaves a final state.
 */
export function compileLifecycle<S extends string, E extends string>(lifecycle: Lifecycle<S, E>): CompiledLifecycle<S, E> {
  const where = `${lifecycle.id} lifecycle`;
  const states = lifecycle.states as Record<string, LifecycleState>;
  if (!Object.hasOwn(states, lifecycle.initial)) throw new Error(`${where}: initial state '${lifecycle.initial}' is not declared`);
  const next: Record<string, Record<string, S>> = {};
  for (const name of Object.keys(states)) next[name] = {};
  for (const t of lifecycle.transitions) {
    for (const end of [t.from, t.to]) {
      if (!Object.hasOwn(states, end)) throw new Error(`${where}: transition ${t.from} --${t.event}--> ${t.to} names undeclared state '${end}'`);
    }
    if (states[t.from].isFinal) throw new Error(`${where}: final state '${t.from}' has a transition on '${t.event}'`);
    const row = next[t.from];
    if (Object.hasOwn(row, t.event)) throw new Error(`${where}: state '${t.from}' has two transitions on '${t.event}'`);
    row[t.event] = t.to;
  }
  return { id: lifecycle.id, initial: lifecycle.initial, next: next as CompiledLifecycle<S, E>['next'], lifecycle };
}

/**
 * The state a unit in `state` moves to on `event`. Throws an Error naming the lifecycle, the state and the
 * event when the chart has no such transition: the core then has a bug, and it must not go on silently.
 * Cost: two property reads.
 */
export function follow<S extends string, E extends string>(chart: CompiledLifecycle<S, E>, state: S, event: E): S {
  const row = chart.next[state] as Readonly<Record<string, S | undefined>> | undefined;
  const to = row === undefined ? undefined : row[event];
  if (typeof to !== 'string') throw new Error(`${chart.id} lifecycle: state '${state}' has no transition on '${event}'`);
  return to;
}
