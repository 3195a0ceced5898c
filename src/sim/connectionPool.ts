/**
 * Tables: a connection pool with three size classes, one shared waiting line, and the lifecycle of every
 * connection (creating, available, occupied, cleaning, retired).
 *
 * Real behaviour modelled (see SEMANTICS.md part B, HikariCP and tarn):
 * - Request classes: a party (request) of 1-4 tries a small table, then medium, then large; 5-8 tries medium,
 *   then large; 9 or more needs a large table. The source lesson also lets a party of 5-8 fall back to a small
 *   table; we leave that out on purpose: a party of six cannot sit at a four-top, and pushing tables together
 *   would make one acquire hold two connections, which no real pool does.
 * - Acquire: an idle table in preference order (most recently freed first, LIFO, as tarn reuses resources);
 *   otherwise the party joins the FIFO waiting line and, if a class it accepts is below its max, a new table
 *   is set up for the line (creating takes `createMs`: connections are expensive to make). A waiting party
 *   takes the first table of any class it accepts that comes free. It leaves after `acquireTimeoutMs`.
 * - Validation on borrow: a table idle longer than `validateAfterIdleMs` is checked before seating (HikariCP's
 *   aliveBypassWindowMs); a failed check (injected with `unhealthyTableProbability`) removes it and asks for
 *   a replacement, and the party is offered the next table.
 * - Reset on release: a released table is bussed for `resetMs` before anyone can sit there.
 * - Housekeeping every `housekeepingMs`: idle tables unused longer than `idleTimeoutMs` are retired while the
 *   class stays at or above `min`, then each class is topped up to `min`.
 * - Max lifetime: each table retires after `maxLifetimeMs` minus up to 2.5% (random, so tables do not all
 *   expire at once); an occupied table is never taken from under its party, it retires when released.
 * - Leak detection: a table held longer than `leakDetectionMs` is flagged (only flagged, as HikariCP does);
 *   its release later clears the flag.
 *
 * Every change of a table's `state` follows the table lifecycle (`TABLE_LIFECYCLE` in lifecycles.ts): the
 * pool picks the event by its rules and the compiled chart gives the next state, or throws if the chart has
 * no such step.
 */
import type { SimContext } from './context.ts';
import type { SizeClass, TableCreateReason, TableRetireReason } from './events.ts';
import { follow, TABLE_CHART, TABLE_RETIRE_EVENTS, type TableLifecycleEvent, type TableState } from './lifecycles.ts';
import { bernoulli, uniform } from './random.ts';
import { tablesConfigProblem, type TablesConfig } from './scenario.ts';
import { summarize, type Percentiles } from './stats.ts';

export const SIZE_CLASSES: readonly SizeClass[] = ['small', 'medium', 'large'];

/** The lifecycle states of one table (connection): the states of `TABLE_LIFECYCLE`. */
export type { TableState };

/** One table as plain data (what the UI draws). */
export interface TableRecord {
  tableId: number;
  sizeClass: SizeClass;
  state: TableState;
  createdAtMs: number;
  /** When it last became available (for idle reaping and validation). */
  idleSinceMs: number;
  partyId: number | null;
  acquiredAtMs: number;
  /** When it was last released (bussing started then). */
  releasedAtMs: number;
  /** Retires when next free: its lifetime ended, or its class is over max. */
  isEvicted: boolean;
  isLeakSuspected: boolean;
}

/** A party at the host stand. */
export interface Waiter {
  partyId: number;
  size: number;
  queuedAtMs: number;
  isWaiting: boolean;
}

/** Called when the pool decides about a party. */
export interface ConnectionPoolHooks {
  onAcquired(partyId: number, tableId: number): void;
  onTimedOut(partyId: number): void;
  /** No class the party accepts has any tables at all (max 0): it is turned away at once. */
  onRefused(partyId: number): void;
}

export interface ConnectionPoolGauges {
  inUse: number;
  idle: number;
  cleaning: number;
  creating: number;
  waiting: number;
  total: number;
  max: number;
  byClass: Record<SizeClass, { inUse: number; idle: number; total: number; min: number; max: number }>;
}

export interface ConnectionPoolMetrics {
  acquired: number;
  fallbackSeatings: number;
  timedOut: number;
  refused: number;
  created: number;
  retired: number;
  retiredByReason: Record<TableRetireReason, number>;
  unhealthy: number;
  leaksSuspected: number;
  peakWaiting: number;
  peakInUse: number;
  /** Time from joining the line to being seated, over seated parties (0 for those seated at once). */
  waitMs: Percentiles;
}

/** The classes a party of `size` accepts, in preference order. */
export function classesForPartySize(size: number): readonly SizeClass[] {
  if (size <= 4) return SIZE_CLASSES;
  if (size <= 8) return MEDIUM_UP;
  return LARGE_ONLY;
}
const MEDIUM_UP: readonly SizeClass[] = ['medium', 'large'];
const LARGE_ONLY: readonly SizeClass[] = ['large'];

/** Index of the waiting-line group a party belongs to: 0 for 1-4, 1 for 5-8, 2 for 9+. */
function groupOf(size: number): number {
  return size <= 4 ? 0 : size <= 8 ? 1 : 2;
}
/** Which groups may sit at a table of each class (class index -> group indexes). */
const GROUPS_FOR_CLASS: readonly (readonly number[])[] = [[0], [0, 1], [0, 1, 2]];
const CLASS_INDEX: Record<SizeClass, number> = { small: 0, medium: 1, large: 2 };

/** Line order: who joined first (the party id breaks ties, as parties arriving together are numbered in order). */
function isEarlier(a: Waiter, b: Waiter): boolean {
  return a.queuedAtMs < b.queuedAtMs || (a.queuedAtMs === b.queuedAtMs && a.partyId < b.partyId);
}

interface ClassState {
  min: number;
  max: number;
  /** Tables of this class not retired, including those being created. */
  total: number;
  creating: number;
  inUse: number;
  /** Idle table ids; the last one is the most recently freed. */
  idle: number[];
}

export class ConnectionPool {
  private readonly tables: TableRecord[] = [];
  private readonly classes: ClassState[];
  /** FIFO lines per group (see groupOf), with a moving head; entries stay until they are reached. */
  private readonly lines: Waiter[][] = [[], [], []];
  private readonly lineHeads = [0, 0, 0];
  private readonly waiters = new Map<number, Waiter>();
  private readonly waitSamples: number[] = [];
  private readonly counters = {
    acquired: 0,
    fallbackSeatings: 0,
    timedOut: 0,
    refused: 0,
    created: 0,
    retired: 0,
    unhealthy: 0,
    leaksSuspected: 0,
    peakWaiting: 0,
    peakInUse: 0,
  };
  private readonly retiredByReason: Record<TableRetireReason, number> = {
    unhealthy: 0,
    idleTimeout: 0,
    maxLifetime: 0,
    limitLowered: 0,
  };
  private inUseCount = 0;
  private config: TablesConfig;

  constructor(
    config: TablesConfig,
    private readonly ctx: SimContext,
    private readonly hooks: ConnectionPoolHooks,
    /** Chance that a table fails its check when validated. */
    private readonly unhealthyProbability = 0,
  ) {
    this.config = { ...config };
    this.classes = SIZE_CLASSES.map((c) => ({
      min: config[c].min,
      max: config[c].max,
      total: 0,
      creating: 0,
      inUse: 0,
      idle: [],
    }));
    const s = ctx.scheduler;
    s.on('tables.created', (id) => this.finishCreating(id));
    s.on('tables.resetDone', (id) => this.finishReset(id));
    s.on('tables.acquireTimeout', (partyId) => this.timeOut(partyId));
    s.on('tables.lifetimeEnd', (id) => this.endLifetime(id));
    s.on('tables.leakCheck', (id) => this.checkLeak(id));
    s.on('tables.housekeeping', () => this.houseKeep());
    // The restaurant opens with its minimum tables already set.
    for (const c of SIZE_CLASSES) {
      for (let i = 0; i < this.classes[CLASS_INDEX[c]].min; i++) this.finishCreating(this.startCreating(c, 'minimum', true));
    }
    s.after(config.housekeepingMs, 'tables.housekeeping');
  }

  /** A party asks for a table. The answer comes through the hooks (now, later, or as a timeout). */
  acquire(partyId: number, size: number): void {
    const now = this.ctx.scheduler.nowMs;
    const accepted = classesForPartySize(size);
    if (!this.canEverSeat(accepted)) {
      this.counters.refused++;
      this.ctx.log.append({ atMs: now, type: 'acquire.refused', partyId, size, reason: 'noTableFits' });
      this.hooks.onRefused(partyId);
      return;
    }
    const waiter: Waiter = { partyId, size, queuedAtMs: now, isWaiting: true };
    for (const c of accepted) {
      const tableId = this.takeIdle(CLASS_INDEX[c]);
      if (tableId !== 0) {
        this.seat(waiter, tableId);
        return;
      }
    }
    const group = groupOf(size);
    this.lines[group].push(waiter);
    this.waiters.set(partyId, waiter);
    if (this.waiters.size > this.counters.peakWaiting) this.counters.peakWaiting = this.waiters.size;
    this.ctx.log.append({ atMs: now, type: 'acquire.queued', partyId, size, position: this.waiters.size });
    if (this.config.acquireTimeoutMs > 0) this.ctx.scheduler.after(this.config.acquireTimeoutMs, 'tables.acquireTimeout', partyId);
    // Set up a table for the line only if fewer are being set up than parties wait (HikariCP's rule).
    if (this.creatingCount() < this.waiters.size) {
      const growable = accepted.find((c) => this.canGrow(CLASS_INDEX[c]));
      if (growable) this.startCreating(growable, 'demand');
    }
  }

  /** The party leaves: the table is bussed (reset) and then offered to the line. */
  release(tableId: number): void {
    const t = this.tables[tableId - 1];
    if (!t || t.state !== 'occupied') throw new Error(`connectionPool.release: table ${tableId} is not occupied`);
    const now = this.ctx.scheduler.nowMs;
    const heldMs = now - t.acquiredAtMs;
    const partyId = t.partyId as number;
    this.ctx.log.append({ atMs: now, type: 'table.released', tableId, partyId, heldMs });
    if (t.isLeakSuspected) {
      this.ctx.log.append({ atMs: now, type: 'table.leakCleared', tableId, partyId, heldMs });
      t.isLeakSuspected = false;
    }
    t.state = follow(TABLE_CHART, t.state, 'table.release');
    t.partyId = null;
    this.inUseCount--;
    this.classes[CLASS_INDEX[t.sizeClass]].inUse--;
    t.releasedAtMs = now;
    this.ctx.scheduler.after(this.config.resetMs, 'tables.resetDone', tableId);
  }

  /**
   * Changes limits while running. A lower max retires idle tables over it at once and busy ones when they
   * come free; a higher max or min sets up tables for the waiting line or the minimum at once.
   * Returns null, or a message when the change is refused (nothing changes then).
   */
  setLimits(changes: Partial<TablesConfig>): string | null {
    const next = { ...this.config, ...changes };
    for (const c of SIZE_CLASSES) {
      if (next[c].min > next[c].max) return `${c}: min ${next[c].min} is above max ${next[c].max}`;
    }
    // Everything else as the scenario schema says (no housekeeping period of 0, no NaN, no negative times).
    const problem = tablesConfigProblem(next);
    if (problem) return problem;
    const now = this.ctx.scheduler.nowMs;
    for (const key of Object.keys(changes) as (keyof TablesConfig)[]) {
      const from = this.config[key];
      const to = next[key];
      if (typeof from === 'object' && typeof to === 'object') {
        for (const f of ['min', 'max'] as const) {
          if (from[f] !== to[f]) this.ctx.log.append({ atMs: now, type: 'limit.changed', kind: 'tables', field: `${key}.${f}`, from: from[f], to: to[f] });
        }
      } else if (from !== to) {
        this.ctx.log.append({ atMs: now, type: 'limit.changed', kind: 'tables', field: key, from: from as number, to: to as number });
      }
    }
    this.config = next;
    SIZE_CLASSES.forEach((c, i) => {
      const cls = this.classes[i];
      cls.min = next[c].min;
      cls.max = next[c].max;
      // Idle tables go first (oldest first); busy ones retire as they come free (finishReset).
      while (cls.total > cls.max && cls.idle.length > 0) this.retire(cls.idle.shift() as number, 'limitLowered');
    });
    this.serveLineWithNewTables();
    this.topUpToMinimum();
    return null;
  }

  /** The limits in force now (a copy: scenario values as changed by `setLimits`). */
  limits(): TablesConfig {
    const c = this.config;
    return { ...c, small: { ...c.small }, medium: { ...c.medium }, large: { ...c.large } };
  }

  /** Every table ever made, as plain data (retired ones included). */
  allTables(): readonly TableRecord[] {
    return this.tables;
  }

  /** The table with this id (ids start at 1). */
  table(tableId: number): TableRecord {
    return this.tables[tableId - 1];
  }

  /** Parties at the host stand, in arrival order (the three group lines merged; each is already FIFO). */
  waitingLine(): Waiter[] {
    const merged: Waiter[] = [];
    const at = [...this.lineHeads];
    for (;;) {
      let best = -1;
      for (let g = 0; g < 3; g++) {
        const line = this.lines[g];
        while (at[g] < line.length && !line[at[g]].isWaiting) at[g]++;
        const w = line[at[g]];
        if (w && (best < 0 || isEarlier(w, this.lines[best][at[best]]))) best = g;
      }
      if (best < 0) return merged;
      merged.push(this.lines[best][at[best]++]);
    }
  }

  gauges(): ConnectionPoolGauges {
    let idle = 0;
    let creating = 0;
    let total = 0;
    let max = 0;
    const byClass = {} as ConnectionPoolGauges['byClass'];
    SIZE_CLASSES.forEach((c, i) => {
      const cls = this.classes[i];
      idle += cls.idle.length;
      creating += cls.creating;
      total += cls.total;
      max += cls.max;
      byClass[c] = { inUse: cls.inUse, idle: cls.idle.length, total: cls.total, min: cls.min, max: cls.max };
    });
    const cleaning = total - creating - idle - this.inUseCount;
    return { inUse: this.inUseCount, idle, cleaning, creating, waiting: this.waiters.size, total, max, byClass };
  }

  metrics(): ConnectionPoolMetrics {
    return { ...this.counters, retiredByReason: { ...this.retiredByReason }, waitMs: summarize(this.waitSamples) };
  }

  private canEverSeat(accepted: readonly SizeClass[]): boolean {
    for (const c of accepted) if (this.classes[CLASS_INDEX[c]].max > 0) return true;
    return false;
  }

  private creatingCount(): number {
    return this.classes[0].creating + this.classes[1].creating + this.classes[2].creating;
  }

  private canGrow(classIndex: number): boolean {
    const cls = this.classes[classIndex];
    return cls.total < cls.max;
  }

  private startCreating(sizeClass: SizeClass, reason: TableCreateReason, isImmediate = false): number {
    const now = this.ctx.scheduler.nowMs;
    const tableId = this.tables.length + 1;
    this.tables.push({
      tableId,
      sizeClass,
      state: TABLE_CHART.initial,
      createdAtMs: now,
      idleSinceMs: now,
      partyId: null,
      acquiredAtMs: 0,
      releasedAtMs: 0,
      isEvicted: false,
      isLeakSuspected: false,
    });
    const cls = this.classes[CLASS_INDEX[sizeClass]];
    cls.total++;
    cls.creating++;
    this.ctx.log.append({ atMs: now, type: 'table.creating', tableId, sizeClass, reason });
    if (!isImmediate) this.ctx.scheduler.after(this.config.createMs, 'tables.created', tableId);
    return tableId;
  }

  private finishCreating(tableId: number): void {
    const t = this.table(tableId);
    const now = this.ctx.scheduler.nowMs;
    const cls = this.classes[CLASS_INDEX[t.sizeClass]];
    cls.creating--;
    t.createdAtMs = now;
    this.counters.created++;
    this.ctx.log.append({ atMs: now, type: 'table.created', tableId, sizeClass: t.sizeClass });
    const lifetimeMs = this.config.maxLifetimeMs;
    if (lifetimeMs > 0) {
      const variance = uniform(this.ctx.rng) * (lifetimeMs / 40);
      this.ctx.scheduler.after(Math.round(lifetimeMs - variance), 'tables.lifetimeEnd', tableId);
    }
    if (cls.total > cls.max) {
      this.retire(tableId, 'limitLowered');
      return;
    }
    this.makeAvailable(t, 'table.ready');
  }

  private finishReset(tableId: number): void {
    const t = this.table(tableId);
    const now = this.ctx.scheduler.nowMs;
    this.ctx.log.append({ atMs: now, type: 'table.reset', tableId, resetMs: now - t.releasedAtMs });
    const cls = this.classes[CLASS_INDEX[t.sizeClass]];
    if (t.isEvicted) {
      this.retire(tableId, 'maxLifetime');
      this.replaceIfNeeded(t.sizeClass);
      return;
    }
    if (cls.total > cls.max) {
      this.retire(tableId, 'limitLowered');
      return;
    }
    this.makeAvailable(t, 'table.reset');
  }

  /** A table comes free: the first waiting party that accepts it sits down, else it goes idle. */
  private makeAvailable(t: TableRecord, event: Extract<TableLifecycleEvent, 'table.ready' | 'table.reset'>): void {
    const now = this.ctx.scheduler.nowMs;
    t.state = follow(TABLE_CHART, t.state, event);
    t.idleSinceMs = now;
    const classIndex = CLASS_INDEX[t.sizeClass];
    const waiter = this.firstWaiterFor(classIndex);
    if (waiter) {
      this.removeWaiter(waiter);
      // The table is fresh from bussing or creation: it is not re-validated.
      this.seat(waiter, t.tableId);
      return;
    }
    this.classes[classIndex].idle.push(t.tableId);
  }

  /** Pops the most recently freed idle table of a class that passes validation, or returns 0. */
  private takeIdle(classIndex: number): number {
    const cls = this.classes[classIndex];
    const now = this.ctx.scheduler.nowMs;
    while (cls.idle.length > 0) {
      const tableId = cls.idle.pop() as number;
      const t = this.table(tableId);
      const idleMs = now - t.idleSinceMs;
      if (idleMs > this.config.validateAfterIdleMs && this.unhealthyProbability > 0 && bernoulli(this.ctx.rng, this.unhealthyProbability)) {
        this.counters.unhealthy++;
        this.ctx.log.append({ atMs: now, type: 'table.unhealthy', tableId, idleMs });
        t.state = follow(TABLE_CHART, t.state, 'table.failCheck');
        this.retire(tableId, 'unhealthy');
        this.replaceIfNeeded(t.sizeClass);
        continue;
      }
      return tableId;
    }
    return 0;
  }

  private seat(waiter: Waiter, tableId: number): void {
    const t = this.table(tableId);
    const now = this.ctx.scheduler.nowMs;
    const cls = this.classes[CLASS_INDEX[t.sizeClass]];
    t.state = follow(TABLE_CHART, t.state, 'table.seat');
    t.partyId = waiter.partyId;
    t.acquiredAtMs = now;
    cls.inUse++;
    this.inUseCount++;
    if (this.inUseCount > this.counters.peakInUse) this.counters.peakInUse = this.inUseCount;
    const isFallback = classesForPartySize(waiter.size)[0] !== t.sizeClass;
    if (isFallback) this.counters.fallbackSeatings++;
    this.counters.acquired++;
    const waitedMs = now - waiter.queuedAtMs;
    this.waitSamples.push(waitedMs);
    this.ctx.log.append({ atMs: now, type: 'table.acquired', tableId, partyId: waiter.partyId, partySize: waiter.size, sizeClass: t.sizeClass, waitedMs, isFallback });
    if (this.config.leakDetectionMs > 0) this.ctx.scheduler.after(this.config.leakDetectionMs, 'tables.leakCheck', tableId);
    this.hooks.onAcquired(waiter.partyId, tableId);
  }

  /** The earliest waiting party (by arrival) among the groups that may sit at this class. */
  private firstWaiterFor(classIndex: number): Waiter | null {
    let best: Waiter | null = null;
    for (const g of GROUPS_FOR_CLASS[classIndex]) {
      const w = this.headOf(g);
      if (w && (!best || isEarlier(w, best))) best = w;
    }
    return best;
  }

  /**
   * The first party still waiting in a group's line, or undefined. Moves the line's head past parties that
   * were seated or left (lazy removal), and empties the line once nobody in it waits.
   */
  private headOf(group: number): Waiter | undefined {
    const line = this.lines[group];
    let head = this.lineHeads[group];
    while (head < line.length && !line[head].isWaiting) head++;
    if (head === line.length) {
      line.length = 0;
      head = 0;
    }
    this.lineHeads[group] = head;
    return line[head];
  }

  private removeWaiter(w: Waiter): void {
    w.isWaiting = false;
    this.waiters.delete(w.partyId);
  }

  private timeOut(partyId: number): void {
    const w = this.waiters.get(partyId);
    if (!w || !w.isWaiting) return;
    const now = this.ctx.scheduler.nowMs;
    this.removeWaiter(w);
    this.counters.timedOut++;
    // The timer was set with the timeout in force when the party joined the line, so the wait is that timeout.
    const waitedMs = now - w.queuedAtMs;
    this.ctx.log.append({ atMs: now, type: 'acquire.timedOut', partyId, waitedMs, timeoutMs: waitedMs });
    this.hooks.onTimedOut(partyId);
  }

  private endLifetime(tableId: number): void {
    const t = this.table(tableId);
    if (t.state === 'retired') return;
    const now = this.ctx.scheduler.nowMs;
    const isInUse = t.state === 'occupied' || t.state === 'cleaning';
    this.ctx.log.append({ atMs: now, type: 'table.evicted', tableId, reason: 'maxLifetime', isInUse });
    if (isInUse) {
      t.state = follow(TABLE_CHART, t.state, 'table.flagExpired');
      t.isEvicted = true;
      return;
    }
    const cls = this.classes[CLASS_INDEX[t.sizeClass]];
    cls.idle.splice(cls.idle.indexOf(tableId), 1);
    this.retire(tableId, 'maxLifetime');
    this.replaceIfNeeded(t.sizeClass);
  }

  private checkLeak(tableId: number): void {
    const t = this.table(tableId);
    const now = this.ctx.scheduler.nowMs;
    if (t.state !== 'occupied' || t.isLeakSuspected || now - t.acquiredAtMs < this.config.leakDetectionMs) return;
    t.isLeakSuspected = true;
    this.counters.leaksSuspected++;
    this.ctx.log.append({ atMs: now, type: 'table.leakSuspected', tableId, partyId: t.partyId as number, heldMs: now - t.acquiredAtMs });
  }

  private houseKeep(): void {
    const now = this.ctx.scheduler.nowMs;
    const idleTimeoutMs = this.config.idleTimeoutMs;
    if (idleTimeoutMs > 0) {
      for (const cls of this.classes) {
        // Oldest idle first: the front of the idle list was freed longest ago.
        let i = 0;
        while (i < cls.idle.length && cls.total > cls.min) {
          const t = this.table(cls.idle[i]);
          if (now - t.idleSinceMs > idleTimeoutMs) {
            cls.idle.splice(i, 1);
            this.retire(t.tableId, 'idleTimeout');
          } else {
            i++;
          }
        }
      }
    }
    this.topUpToMinimum();
    this.serveLineWithNewTables();
    this.ctx.scheduler.after(this.config.housekeepingMs, 'tables.housekeeping');
  }

  private retire(tableId: number, reason: TableRetireReason): void {
    const t = this.table(tableId);
    const cls = this.classes[CLASS_INDEX[t.sizeClass]];
    t.state = follow(TABLE_CHART, t.state, TABLE_RETIRE_EVENTS[reason]);
    cls.total--;
    this.counters.retired++;
    this.retiredByReason[reason]++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'table.retired', tableId, sizeClass: t.sizeClass, reason });
  }

  /** After a table is lost: set up a replacement if the class is below min or parties are waiting for it. */
  private replaceIfNeeded(sizeClass: SizeClass): void {
    const i = CLASS_INDEX[sizeClass];
    const cls = this.classes[i];
    const hasWaiters = GROUPS_FOR_CLASS[i].some((g) => this.headOf(g) !== undefined);
    if (cls.total < cls.max && (cls.total < cls.min || hasWaiters)) this.startCreating(sizeClass, 'replacement');
  }

  private topUpToMinimum(): void {
    SIZE_CLASSES.forEach((c, i) => {
      const cls = this.classes[i];
      while (cls.total < cls.min) this.startCreating(c, 'minimum');
    });
  }

  /** While fewer tables are being set up than parties wait, set up tables that waiting parties accept. */
  private serveLineWithNewTables(): void {
    let creating = this.creatingCount();
    if (creating >= this.waiters.size) return;
    for (const w of this.waitingLine()) {
      if (creating >= this.waiters.size) return;
      const growable = classesForPartySize(w.size).find((c) => this.canGrow(CLASS_INDEX[c]));
      if (!growable) continue;
      this.startCreating(growable, 'demand');
      creating++;
    }
  }

}
