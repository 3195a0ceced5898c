/**
 * Virtual clock and discrete-event scheduler.
 *
 * Time is virtual milliseconds (`nowMs`) and only moves when the scheduler pops the next timer. Timers are
 * plain data (`{atMs, seq, kind, ref}`), kept in a binary min-heap ordered by `atMs` and then by `seq`, the
 * insertion counter, so two timers due at the same instant always fire in the order they were scheduled.
 * Because timers are data and not closures, a snapshot of the simulation can copy the queue.
 *
 * Each model registers a handler per timer kind once (`on(kind, handler)`); a timer carries only the kind and
 * a numeric reference (a table id, a party id, ...). Cancelling is lazy: a handler checks that what the timer
 * was for still holds (a party that was seated ignores its acquire-timeout timer).
 *
 * @example
 * const s = new Scheduler();
 * s.on('party.arrive', (id) => console.log('party', id, 'at', s.nowMs));
 * s.schedule(1_000, 'party.arrive', 1);
 * s.runUntil(60_000);
 */
export interface Timer {
  /** When the timer fires, in virtual ms. */
  atMs: number;
  /** Insertion order: the tie-break between timers due at the same instant. */
  seq: number;
  /** Which handler runs it. */
  kind: string;
  /** What it is about (an entity id), passed to the handler. */
  ref: number;
}

export type TimerHandler = (ref: number, atMs: number) => void;

export class Scheduler {
  /** Current virtual time in ms. */
  nowMs = 0;
  /** Timers fired so far. */
  firedCount = 0;
  private heap: Timer[] = [];
  private nextSeq = 0;
  private handlers = new Map<string, TimerHandler>();

  /** Registers the handler for one kind of timer (once per kind). */
  on(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) throw new Error(`scheduler: a handler for "${kind}" is already registered`);
    this.handlers.set(kind, handler);
  }

  /** Schedules a timer at an absolute time (never earlier than now). Returns its sequence number. */
  schedule(atMs: number, kind: string, ref = 0): number {
    const t: Timer = { atMs: atMs < this.nowMs ? this.nowMs : atMs, seq: this.nextSeq++, kind, ref };
    this.push(t);
    return t.seq;
  }

  /** Schedules a timer `delayMs` from now. */
  after(delayMs: number, kind: string, ref = 0): number {
    return this.schedule(this.nowMs + delayMs, kind, ref);
  }

  /** Number of pending timers. */
  get pendingCount(): number {
    return this.heap.length;
  }

  /** Time of the next timer, or Infinity when none is pending. */
  peekTimeMs(): number {
    return this.heap.length > 0 ? this.heap[0].atMs : Infinity;
  }

  /** Fires the next timer if it is due at or before `limitMs`. Returns false when there is none. */
  step(limitMs = Infinity): boolean {
    const heap = this.heap;
    if (heap.length === 0 || heap[0].atMs > limitMs) return false;
    const t = this.pop();
    this.nowMs = t.atMs;
    this.firedCount++;
    const handler = this.handlers.get(t.kind);
    if (!handler) throw new Error(`scheduler: no handler for timer kind "${t.kind}"`);
    handler(t.ref, t.atMs);
    return true;
  }

  /** Fires every timer due at or before `untilMs`, then sets the clock to `untilMs`. */
  runUntil(untilMs: number): void {
    while (this.step(untilMs)) {
      /* keep stepping */
    }
    if (untilMs > this.nowMs && untilMs !== Infinity) this.nowMs = untilMs;
  }

  /** The pending timers in firing order (a copy; for snapshots and tests). */
  pendingTimers(): Timer[] {
    return [...this.heap].sort(compareTimers).map((t) => ({ ...t }));
  }

  private push(t: Timer): void {
    const heap = this.heap;
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareTimers(heap[parent], t) <= 0) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = t;
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Timer;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && compareTimers(heap[r], heap[l]) < 0 ? r : l;
        if (compareTimers(heap[c], last) >= 0) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}

function compareTimers(x: Timer, y: Timer): number {
  return x.atMs - y.atMs || x.seq - y.seq;
}
