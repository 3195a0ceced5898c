/**
 * Model-based test of ResourceManager: random allocate / release / touch / cleanup / withResources / hoard /
 * advance sequences against a model that keeps the live handles in a Map and recomputes every rule by hand.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { SimContext } from './context.ts';
import { EventLog, type ResourceKind } from './events.ts';
import { FdTable } from './fdTable.ts';
import { RESOURCE_KINDS, ResourceManager, type Handle, type ResourceRequest } from './manager.ts';
import { createRandom } from './random.ts';
import { Scheduler } from './scheduler.ts';

interface ModelHandle {
  kind: ResourceKind;
  amount: number;
  isTemporary: boolean;
  lastUsedAtMs: number;
}

interface Model {
  live: Map<number, ModelHandle>;
  limits: Record<ResourceKind, number>;
  /** Null when the manager only counts descriptors. */
  table: { softLimit: number; reservedCount: number } | null;
  idleReleaseAfterMs: number;
  /** Every handle ever seen, live or not (what a release may pick from). */
  seen: Handle[];
}

interface Real {
  manager: ResourceManager;
  fds: FdTable | undefined;
  log: EventLog;
  scheduler: Scheduler;
  /** Log entries already checked by `checkLog`. */
  checkedEvents: number;
  allocatedIds: Set<number>;
  releasedIds: Set<number>;
}

function heldOf(m: Model, kind: ResourceKind): number {
  let sum = 0;
  for (const h of m.live.values()) if (h.kind === kind) sum += h.amount;
  return sum;
}

/** External usage as the manager should see it: for fd with a table, the house's descriptors. */
function externalOf(m: Model, kind: ResourceKind): number {
  return kind === 'fd' && m.table ? m.table.reservedCount : 0;
}

/** Whether an allocation should succeed, given what is held (`held` may be a trial copy). */
function fits(m: Model, held: Record<ResourceKind, number>, kind: ResourceKind, amount: number): boolean {
  if (held[kind] + externalOf(m, kind) + amount > m.limits[kind]) return false;
  if (kind === 'fd' && m.table) {
    const freeBelowSoft = m.table.softLimit - Math.min(m.table.reservedCount, m.table.softLimit) - held.fd;
    if (amount > freeBelowSoft) return false;
  }
  return true;
}

function heldAll(m: Model): Record<ResourceKind, number> {
  return { connection: heldOf(m, 'connection'), memory: heldOf(m, 'memory'), fd: heldOf(m, 'fd'), thread: heldOf(m, 'thread') };
}

/** Adds the handles allocated since log index `from` to the model (for calls that do not return them all). */
function adoptAllocatedSince(m: Model, r: Real, from: number, isTemporary: boolean): void {
  for (const e of r.log.events.slice(from)) {
    if (e.type !== 'resource.allocated') continue;
    m.live.set(e.handleId, { kind: e.kind, amount: e.amount, isTemporary, lastUsedAtMs: e.atMs });
    m.seen.push({
      handleId: e.handleId,
      kind: e.kind,
      amount: e.amount,
      owner: e.owner,
      allocatedAtMs: e.atMs,
      lastUsedAtMs: e.atMs,
      isTemporary,
      fds: [],
    });
  }
}

function checkInvariants(m: Model, r: Real): void {
  // One comparison per check (cheaper than an expect per field over thousands of runs).
  const report = r.manager.usage();
  const actual = RESOURCE_KINDS.map((kind) => {
    const row = report[kind];
    return {
      kind,
      held: row.held,
      handles: row.handles,
      external: row.external,
      isWithinLimit: row.held <= m.limits[kind] && row.used <= Math.max(m.limits[kind], row.external),
    };
  });
  const expected = RESOURCE_KINDS.map((kind) => ({
    kind,
    held: heldOf(m, kind), // held = the sum of the live handles' amounts
    handles: [...m.live.values()].filter((h) => h.kind === kind).length,
    external: externalOf(m, kind),
    isWithinLimit: true, // never past a limit
  }));
  expect(actual).toEqual(expected);
  expect(r.manager.metrics().leaks.map((l) => l.handleId)).toEqual([...m.live.keys()].sort((a, b) => a - b));
  // Every handle allocated once and released at most once.
  for (const e of r.log.events.slice(r.checkedEvents)) {
    if (e.type === 'resource.allocated') {
      if (r.allocatedIds.has(e.handleId)) throw new Error(`handle ${e.handleId} allocated twice`);
      r.allocatedIds.add(e.handleId);
    } else if (e.type === 'resource.released') {
      if (!r.allocatedIds.has(e.handleId)) throw new Error(`handle ${e.handleId} released before allocation`);
      if (r.releasedIds.has(e.handleId)) throw new Error(`handle ${e.handleId} released twice`);
      r.releasedIds.add(e.handleId);
    }
  }
  r.checkedEvents = r.log.length;
  if (r.fds && m.table) {
    const numbers = r.fds.openFds().map((f) => f.fd);
    expect({ open: r.fds.gauges().open, distinct: new Set(numbers).size }).toEqual({
      open: m.table.reservedCount + heldOf(m, 'fd'),
      distinct: numbers.length,
    });
  }
}

class AllocateCommand implements fc.Command<Model, Real> {
  constructor(
    readonly kind: ResourceKind,
    readonly amount: number,
    readonly isTemporary: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const isExpected = fits(m, heldAll(m), this.kind, this.amount);
    const h = r.manager.allocate(this.kind, this.amount, 'p', { isTemporary: this.isTemporary });
    expect(h !== null).toBe(isExpected);
    if (h) {
      expect(m.live.has(h.handleId)).toBe(false);
      if (this.kind === 'fd' && r.fds) {
        expect(h.fds.length).toBe(this.amount);
        for (const fd of h.fds) expect(r.fds.isOpen(fd)).toBe(true);
      }
      m.live.set(h.handleId, { kind: this.kind, amount: this.amount, isTemporary: this.isTemporary, lastUsedAtMs: r.scheduler.nowMs });
      m.seen.push(h);
    }
    checkInvariants(m, r);
  }
  toString(): string {
    return `allocate(${this.kind}, ${this.amount}${this.isTemporary ? ', temp' : ''})`;
  }
}

class ReleaseCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>): boolean {
    return m.seen.length > 0;
  }
  run(m: Model, r: Real): void {
    const h = m.seen[this.pick % m.seen.length];
    const isLive = m.live.has(h.handleId);
    expect(r.manager.release(h)).toBe(isLive);
    m.live.delete(h.handleId);
    checkInvariants(m, r);
  }
  toString(): string {
    return `release(#${this.pick})`;
  }
}

class TouchCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>): boolean {
    return m.seen.length > 0;
  }
  run(m: Model, r: Real): void {
    const h = m.seen[this.pick % m.seen.length];
    const mh = m.live.get(h.handleId);
    expect(r.manager.touch(h)).toBe(mh !== undefined);
    if (mh) mh.lastUsedAtMs = r.scheduler.nowMs;
    checkInvariants(m, r);
  }
  toString(): string {
    return `touch(#${this.pick})`;
  }
}

class CleanupCommand implements fc.Command<Model, Real> {
  constructor(readonly mode: 'routine' | 'immediate') {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const nowMs = r.scheduler.nowMs;
    const victims = [...m.live].filter(
      ([, h]) => h.isTemporary || (this.mode === 'immediate' && nowMs - h.lastUsedAtMs >= m.idleReleaseAfterMs),
    );
    expect(r.manager.cleanup(this.mode)).toBe(victims.length);
    for (const [id] of victims) m.live.delete(id);
    checkInvariants(m, r);
  }
  toString(): string {
    return `cleanup(${this.mode})`;
  }
}

class AdvanceCommand implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    r.scheduler.runUntil(r.scheduler.nowMs + this.ms);
    checkInvariants(m, r);
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

/** Whether every request would be granted in order (a trial on a copy of what is held). */
function allFit(m: Model, requests: readonly ResourceRequest[]): { isAll: boolean; granted: number } {
  const held = heldAll(m);
  let granted = 0;
  for (const q of requests) {
    if (q.amount === 0) continue;
    if (!fits(m, held, q.kind, q.amount)) return { isAll: false, granted };
    held[q.kind] += q.amount;
    granted++;
  }
  return { isAll: true, granted };
}

class WithResourcesCommand implements fc.Command<Model, Real> {
  constructor(
    readonly requests: ResourceRequest[],
    readonly isWorkOk: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const { isAll } = allFit(m, this.requests);
    let isRun = false;
    const result = r.manager.withResources(this.requests, 'scoped', (hs) => {
      isRun = true;
      for (const h of hs) expect(r.manager.isLive(h)).toBe(true);
      return this.isWorkOk;
    });
    expect(result).toBe(isAll ? (this.isWorkOk ? 'ok' : 'failed') : 'refused');
    expect(isRun).toBe(isAll);
    checkInvariants(m, r); // nothing new is live either way
  }
  toString(): string {
    return `withResources(${JSON.stringify(this.requests)}, ${this.isWorkOk})`;
  }
}

class HoardCommand implements fc.Command<Model, Real> {
  constructor(readonly requests: ResourceRequest[]) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const { isAll, granted } = allFit(m, this.requests);
    const before = r.log.length;
    const hs = r.manager.hoard(this.requests, 'hoarder');
    expect(hs === null ? null : hs.length).toBe(isAll ? granted : null);
    adoptAllocatedSince(m, r, before, false);
    expect(r.log.events.slice(before).filter((e) => e.type === 'resource.allocated').length).toBe(granted);
    checkInvariants(m, r);
  }
  toString(): string {
    return `hoard(${JSON.stringify(this.requests)})`;
  }
}

const maxAmount: Record<ResourceKind, number> = { connection: 3, memory: 1_500, fd: 3, thread: 2 };
const kindArb = fc.constantFrom<ResourceKind>(...RESOURCE_KINDS);
const requestArb = (minAmount: number) =>
  kindArb.chain((kind) => fc.integer({ min: minAmount, max: maxAmount[kind] }).map((amount): ResourceRequest => ({ kind, amount })));
const requestsArb = fc.array(requestArb(0), { maxLength: 4 });

const commandsArb = fc.commands(
  [
    fc.tuple(requestArb(1), fc.boolean()).map(([q, t]) => new AllocateCommand(q.kind, q.amount, t)),
    fc.tuple(requestArb(1), fc.boolean()).map(([q, t]) => new AllocateCommand(q.kind, q.amount, t)),
    fc.nat().map((p) => new ReleaseCommand(p)),
    fc.nat().map((p) => new ReleaseCommand(p)),
    fc.nat().map((p) => new TouchCommand(p)),
    fc.constantFrom<'routine' | 'immediate'>('routine', 'immediate').map((mode) => new CleanupCommand(mode)),
    fc.nat(20).map((ms) => new AdvanceCommand(ms)),
    fc.tuple(requestsArb, fc.boolean()).map(([qs, ok]) => new WithResourcesCommand(qs, ok)),
    requestsArb.map((qs) => new HoardCommand(qs)),
  ],
  { maxCommands: 40, size: 'medium' },
);

const configArb = fc.record({
  limits: fc.record({
    connection: fc.integer({ min: 0, max: 6 }),
    memory: fc.integer({ min: 0, max: 3_000 }),
    fd: fc.integer({ min: 0, max: 10 }),
    thread: fc.integer({ min: 0, max: 4 }),
  }),
  table: fc.option(fc.record({ softLimit: fc.integer({ min: 0, max: 10 }), reservedCount: fc.integer({ min: 0, max: 4 }) }), {
    nil: null,
  }),
  idleReleaseAfterMs: fc.integer({ min: 0, max: 30 }),
});

describe('ResourceManager (model-based)', () => {
  it('never exceeds a limit, holds exactly the live handles, releases each handle at most once', () => {
    fc.assert(
      fc.property(configArb, commandsArb, (cfg, cmds) => {
        const setup = () => {
          const scheduler = new Scheduler();
          const log = new EventLog();
          const ctx: SimContext = { scheduler, rng: createRandom(3), log };
          const fds = cfg.table
            ? new FdTable({ softLimit: cfg.table.softLimit, hardLimit: 16, reservedCount: cfg.table.reservedCount, staleAfterMs: 0 }, ctx)
            : undefined;
          const manager = new ResourceManager({ limits: { ...cfg.limits }, pressureThreshold: 0.8 }, ctx, {
            fds,
            idleReleaseAfterMs: cfg.idleReleaseAfterMs,
          });
          const model: Model = {
            live: new Map(),
            limits: { ...cfg.limits },
            table: cfg.table,
            idleReleaseAfterMs: cfg.idleReleaseAfterMs,
            seen: [],
          };
          const real: Real = { manager, fds, log, scheduler, checkedEvents: 0, allocatedIds: new Set(), releasedIds: new Set() };
          return { model, real };
        };
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 1000 },
    );
  });
});
