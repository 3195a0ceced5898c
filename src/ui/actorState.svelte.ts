/**
 * The one bridge from XState to runes.
 *
 * `ActorState` starts from the actor's current snapshot (`getSnapshot()`), then subscribes, because XState v5's
 * `subscribe` does not replay the current snapshot (what `@xstate/svelte`'s `useActor` does too). The snapshot
 * is held in `$state.raw`: snapshots are replaced, never mutated. Everything the page reads is a narrow
 * `$derived` over it (see {@link select} for one with its own equality), and everything it does is a typed
 * event through {@link ActorState.send}.
 *
 * @example
 * const state = new ActorState(createActor(simulatorMachine, { input }));
 * const isRunning = $derived(state.snapshot.hasTag('running'));
 * state.send({ type: 'sim.play' });
 */
import type { Actor, AnyActorLogic, EventFromLogic, SnapshotFrom, Subscription } from 'xstate';

export class ActorState<TLogic extends AnyActorLogic> {
  /** The latest snapshot (replaced on every change, never mutated). */
  snapshot: SnapshotFrom<TLogic>;
  /** What the actor failed with (it stops then), or undefined while it runs. */
  error: unknown = $state.raw(undefined);

  readonly #actor: Actor<TLogic>;
  readonly #subscription: Subscription;

  /**
   * Takes `actor` (started or not), reads its snapshot, subscribes, and starts it. `onSnapshot` sees every
   * snapshot first, the current one included (to settle values that seldom change into states of their own).
   */
  constructor(actor: Actor<TLogic>, onSnapshot?: (snapshot: SnapshotFrom<TLogic>) => void) {
    this.#actor = actor;
    onSnapshot?.(actor.getSnapshot());
    this.snapshot = $state.raw(actor.getSnapshot());
    this.#subscription = actor.subscribe({
      next: (snapshot) => {
        onSnapshot?.(snapshot);
        this.snapshot = snapshot;
      },
      error: (error) => {
        this.error = error;
      },
    });
    actor.start();
  }

  /** Sends one typed event to the actor. */
  send(event: EventFromLogic<TLogic>): void {
    this.#actor.send(event);
  }

  /** Unsubscribes and stops the actor (and whatever it invoked, such as a ticker). */
  stop(): void {
    this.#subscription.unsubscribe();
    this.#actor.stop();
  }
}

/**
 * A derived value that changes only when `isEqual` says the new reading differs from the last one (the way
 * `@xstate/svelte`'s `useSelector` compares), so whatever reads it reruns only then.
 *
 * @example
 * const logAt = select(() => ({ log, length: log.length }), (a, b) => a.log === b.log && a.length === b.length);
 */
export function select<T>(read: () => T, isEqual: (previous: T, next: T) => boolean = Object.is): { readonly current: T } {
  let last: { value: T } | null = null;
  const current = $derived.by(() => {
    const next = read();
    if (last !== null && isEqual(last.value, next)) return last.value;
    last = { value: next };
    return next;
  });
  return {
    get current() {
      return current;
    },
  };
}
