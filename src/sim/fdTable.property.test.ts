/**
 * Model-based test of FdTable: random sequences of open / close / touch / advance / setLimits against a
 * model that is just a Map of open numbers and a linear scan for the lowest free one.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { SimContext } from './context.ts';
import { EventLog } from './events.ts';
import { FdTable } from './fdTable.ts';
import { createRandom } from './random.ts';
import { Scheduler } from './scheduler.ts';

interface ModelFd {
  owner: string;
  openedAtMs: number;
  lastUsedAtMs: number;
  isReserved: boolean;
}

interface Model {
  open: Map<number, ModelFd>;
  soft: number;
  hard: number;
  readonly staleAfterMs: number;
  readonly reservedCount: number;
  opened: number;
  closed: number;
  staleClosed: number;
  emfile: number;
  ebadf: number;
  peakOpen: number;
}

interface Real {
  table: FdTable;
  log: EventLog;
  scheduler: Scheduler;
}

/** The rule, as simply as it can be said: the first number below the soft limit that is not open. */
function lowestFree(m: Model): number {
  for (let fd = 0; fd < m.soft; fd++) if (!m.open.has(fd)) return fd;
  return -1;
}

function checkInvariants(m: Model, r: Real): void {
  // One comparison per check (cheaper than an expect per field over thousands of runs).
  const fds = [...m.open.keys()].sort((a, b) => a - b);
  const gauges = r.table.gauges();
  const metrics = r.table.metrics();
  expect({
    gauges,
    fds: r.table.openFds(),
    metrics,
    countsAddUp: m.reservedCount + metrics.opened - metrics.closed - metrics.staleClosed === gauges.open,
  }).toEqual({
    gauges: { open: m.open.size, softLimit: m.soft, hardLimit: m.hard, highestOpenFd: fds.length > 0 ? fds[fds.length - 1] : -1 },
    fds: fds.map((fd) => {
      const e = m.open.get(fd) as ModelFd;
      return { fd, owner: e.owner, openedAtMs: e.openedAtMs, lastUsedAtMs: e.lastUsedAtMs };
    }),
    metrics: {
      opened: m.opened,
      closed: m.closed,
      emfile: m.emfile,
      ebadf: m.ebadf,
      staleClosed: m.staleClosed,
      peakOpen: m.peakOpen,
      leaked: 0,
    },
    countsAddUp: true,
  });
}

class OpenCommand implements fc.Command<Model, Real> {
  constructor(readonly owner: string) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const nowMs = r.scheduler.nowMs;
    const before = r.log.length;
    let expected = lowestFree(m);
    const expectedStale: { fd: number; owner: string; idleMs: number }[] = [];
    if (expected < 0 && m.staleAfterMs > 0) {
      for (const [fd, e] of [...m.open].sort((a, b) => a[0] - b[0])) {
        if (!e.isReserved && nowMs - e.lastUsedAtMs >= m.staleAfterMs) {
          expectedStale.push({ fd, owner: e.owner, idleMs: nowMs - e.lastUsedAtMs });
          m.open.delete(fd);
        }
      }
      m.staleClosed += expectedStale.length;
      expected = lowestFree(m);
    }
    const fd = r.table.open(this.owner);
    expect(fd).toBe(expected);
    const events = r.log.events.slice(before);
    expect(events.slice(0, expectedStale.length)).toEqual(
      expectedStale.map((s) => ({ atMs: nowMs, type: 'fd.staleClosed', ...s })),
    );
    expect(events.length).toBe(expectedStale.length + 1);
    if (expected < 0) {
      // EMFILE exactly when no number below the soft limit is free and the sweep freed none of them.
      m.emfile++;
      expect(events.at(-1)).toEqual({ atMs: nowMs, type: 'fd.emfile', owner: this.owner, softLimit: m.soft, openCount: m.open.size });
    } else {
      expect(m.open.has(fd)).toBe(false); // never a number that is already open
      expect(fd).toBeLessThan(m.soft);
      m.open.set(fd, { owner: this.owner, openedAtMs: nowMs, lastUsedAtMs: nowMs, isReserved: false });
      m.opened++;
      m.peakOpen = Math.max(m.peakOpen, m.open.size);
      expect(events.at(-1)).toEqual({ atMs: nowMs, type: 'fd.opened', fd, owner: this.owner });
    }
    checkInvariants(m, r);
  }
  toString(): string {
    return `open(${this.owner})`;
  }
}

/** A descriptor number to act on: a raw number (may not be open), or the n-th open one. */
type FdPick = { raw: number } | { nthOpen: number };

function pickFd(m: Model, pick: FdPick): number {
  if ('raw' in pick) return pick.raw;
  const open = [...m.open.keys()].sort((a, b) => a - b);
  return open.length > 0 ? open[pick.nthOpen % open.length] : pick.nthOpen;
}

function describePick(pick: FdPick): string {
  return 'raw' in pick ? String(pick.raw) : `open#${pick.nthOpen}`;
}

class CloseCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: FdPick) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const fd = pickFd(m, this.pick);
    const e = m.open.get(fd);
    const nowMs = r.scheduler.nowMs;
    expect(r.table.close(fd, 'closer')).toBe(e !== undefined);
    if (e) {
      m.open.delete(fd);
      m.closed++;
      expect(r.log.events.at(-1)).toEqual({ atMs: nowMs, type: 'fd.closed', fd, owner: e.owner, heldMs: nowMs - e.openedAtMs });
    } else {
      m.ebadf++;
      expect(r.log.events.at(-1)).toEqual({ atMs: nowMs, type: 'fd.ebadf', fd, owner: 'closer' });
    }
    checkInvariants(m, r);
  }
  toString(): string {
    return `close(${describePick(this.pick)})`;
  }
}

class TouchCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: FdPick) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const fd = pickFd(m, this.pick);
    r.table.touch(fd);
    const e = m.open.get(fd);
    if (e) e.lastUsedAtMs = r.scheduler.nowMs;
    checkInvariants(m, r);
  }
  toString(): string {
    return `touch(${describePick(this.pick)})`;
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

class SetLimitsCommand implements fc.Command<Model, Real> {
  constructor(
    readonly soft: number,
    readonly hard: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const expected = this.soft > this.hard ? 'EINVAL' : this.hard > m.hard ? 'EPERM' : 'ok';
    expect(r.table.setLimits(this.soft, this.hard)).toBe(expected);
    if (expected === 'ok') {
      m.soft = this.soft;
      m.hard = this.hard;
    }
    checkInvariants(m, r);
  }
  toString(): string {
    return `setLimits(${this.soft}, ${this.hard})`;
  }
}

const configArb = fc.record({
  softLimit: fc.integer({ min: 0, max: 12 }),
  extraHard: fc.integer({ min: 0, max: 8 }),
  reservedCount: fc.integer({ min: 0, max: 5 }),
  staleAfterMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
});

const commandsArb = fc.commands(
  [
    fc.constantFrom('a', 'b', 'c').map((o) => new OpenCommand(o)),
    fc.constantFrom('d', 'e').map((o) => new OpenCommand(o)),
    fc.constantFrom('f', 'g').map((o) => new OpenCommand(o)),
    fc.nat(22).map((raw) => new CloseCommand({ raw })),
    fc.nat(30).map((nthOpen) => new CloseCommand({ nthOpen })),
    fc.nat(22).map((raw) => new TouchCommand({ raw })),
    fc.nat(30).map((nthOpen) => new TouchCommand({ nthOpen })),
    fc.nat(8).map((ms) => new AdvanceCommand(ms)),
    fc.tuple(fc.nat(22), fc.nat(22)).map(([s, h]) => new SetLimitsCommand(s, h)),
  ],
  { maxCommands: 60, size: 'medium' },
);

describe('FdTable (model-based)', () => {
  it('hands out the lowest free number below the soft limit, EMFILE exactly when there is none, counts add up', () => {
    fc.assert(
      fc.property(configArb, commandsArb, (cfg, cmds) => {
        const setup = () => {
          const scheduler = new Scheduler();
          const log = new EventLog();
          const ctx: SimContext = { scheduler, rng: createRandom(7), log };
          const hardLimit = cfg.softLimit + cfg.extraHard;
          const table = new FdTable(
            { softLimit: cfg.softLimit, hardLimit, reservedCount: cfg.reservedCount, staleAfterMs: cfg.staleAfterMs },
            ctx,
          );
          const open = new Map<number, ModelFd>();
          for (let fd = 0; fd < cfg.reservedCount; fd++) open.set(fd, { owner: 'house', openedAtMs: 0, lastUsedAtMs: 0, isReserved: true });
          const model: Model = {
            open,
            soft: cfg.softLimit,
            hard: hardLimit,
            staleAfterMs: cfg.staleAfterMs,
            reservedCount: cfg.reservedCount,
            opened: 0,
            closed: 0,
            staleClosed: 0,
            emfile: 0,
            ebadf: 0,
            peakOpen: cfg.reservedCount,
          };
          return { model, real: { table, log, scheduler } };
        };
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 1000 },
    );
  });
});
