import { describe, expect, it } from 'vitest';
import { ConnectionPool, classesForPartySize } from './connectionPool.ts';
import type { SimEvent } from './events.ts';
import type { TablesConfig } from './scenario.ts';
import { createTestContext } from './testing/testContext.ts';

const base: TablesConfig = {
  small: { min: 1, max: 2 },
  medium: { min: 0, max: 1 },
  large: { min: 0, max: 0 },
  acquireTimeoutMs: 1_000,
  createMs: 100,
  resetMs: 50,
  idleTimeoutMs: 0,
  maxLifetimeMs: 0,
  leakDetectionMs: 0,
  housekeepingMs: 30_000,
  validateAfterIdleMs: 500,
};

/** A pool with recording hooks; `brief` turns the log into short strings for exact comparison. */
function setUp(config: Partial<TablesConfig> = {}, unhealthyProbability = 0) {
  const ctx = createTestContext(1);
  const seated: [number, number][] = [];
  const leftUnseated: number[] = [];
  const pool = new ConnectionPool({ ...base, ...config }, ctx, {
    onAcquired: (partyId, tableId) => seated.push([partyId, tableId]),
    onTimedOut: (partyId) => leftUnseated.push(partyId),
    onRefused: (partyId) => leftUnseated.push(-partyId),
  }, unhealthyProbability);
  const brief = () => ctx.log.events.map(line);
  return { ctx, pool, seated, leftUnseated, brief, at: (ms: number) => ctx.scheduler.runUntil(ms) };
}

/** One event as a short line, for exact comparisons. */
function line(e: SimEvent): string {
  switch (e.type) {
    case 'table.creating':
      return `${e.atMs} creating T${e.tableId} ${e.sizeClass} (${e.reason})`;
    case 'table.created':
      return `${e.atMs} created T${e.tableId}`;
    case 'acquire.queued':
      return `${e.atMs} P${e.partyId} queued #${e.position}`;
    case 'table.acquired':
      return `${e.atMs} P${e.partyId} seated T${e.tableId} waited ${e.waitedMs}${e.isFallback ? ' fallback' : ''}`;
    case 'acquire.timedOut':
      return `${e.atMs} P${e.partyId} timed out after ${e.waitedMs}`;
    case 'acquire.refused':
      return `${e.atMs} P${e.partyId} refused`;
    case 'table.released':
      return `${e.atMs} T${e.tableId} released held ${e.heldMs}`;
    case 'table.reset':
      return `${e.atMs} T${e.tableId} reset`;
    case 'table.retired':
      return `${e.atMs} T${e.tableId} retired (${e.reason})`;
    case 'table.unhealthy':
      return `${e.atMs} T${e.tableId} unhealthy idle ${e.idleMs}`;
    case 'table.evicted':
      return `${e.atMs} T${e.tableId} evicted${e.isInUse ? ' in use' : ''}`;
    case 'table.leakSuspected':
      return `${e.atMs} T${e.tableId} leak? P${e.partyId} held ${e.heldMs}`;
    case 'table.leakCleared':
      return `${e.atMs} T${e.tableId} unleaked`;
    case 'limit.changed':
      return `${e.atMs} limit ${e.field} ${e.from}->${e.to}`;
    default:
      return `${e.atMs} ${e.type}`;
  }
}
describe('classesForPartySize()', () => {
  it('sends 1-4 to small then medium then large, 5-8 to medium then large, 9+ to large only', () => {
    expect(classesForPartySize(1)).toEqual(['small', 'medium', 'large']);
    expect(classesForPartySize(4)).toEqual(['small', 'medium', 'large']);
    expect(classesForPartySize(5)).toEqual(['medium', 'large']);
    expect(classesForPartySize(8)).toEqual(['medium', 'large']);
    expect(classesForPartySize(9)).toEqual(['large']);
    expect(classesForPartySize(40)).toEqual(['large']);
  });
});

describe('ConnectionPool', () => {
  it('opens with min tables per class already set', () => {
    const { brief, pool } = setUp({ small: { min: 2, max: 3 }, medium: { min: 1, max: 1 } });
    expect(brief()).toEqual([
      '0 creating T1 small (minimum)',
      '0 created T1',
      '0 creating T2 small (minimum)',
      '0 created T2',
      '0 creating T3 medium (minimum)',
      '0 created T3',
    ]);
    expect(pool.gauges()).toMatchObject({ inUse: 0, idle: 3, total: 3, max: 4, waiting: 0 });
  });

  it('connectionPool.acquire() seats at once on an idle table, and queues and grows the pool when none is idle', () => {
    const { pool, brief, seated, at } = setUp();
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    pool.acquire(3, 3);
    at(200);
    expect(brief().slice(2)).toEqual([
      '0 P1 seated T1 waited 0',
      '0 P2 queued #1',
      '0 creating T2 small (demand)',
      '0 P3 queued #2',
      // small is at max (2), so the pool grows the next class P3 accepts.
      '0 creating T3 medium (demand)',
      '100 created T2',
      '100 P2 seated T2 waited 100',
      '100 created T3',
      '100 P3 seated T3 waited 100 fallback',
    ]);
    expect(seated).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(pool.metrics()).toMatchObject({ acquired: 3, fallbackSeatings: 1, created: 3, peakWaiting: 2, peakInUse: 3 });
    expect(pool.metrics().waitMs).toEqual({ count: 3, p50: 100, p95: 100, p99: 100, max: 100 });
  });

  it('connectionPool.acquire() refuses a party no class can ever seat', () => {
    const { pool, brief, leftUnseated } = setUp();
    pool.acquire(1, 9);
    expect(brief().slice(2)).toEqual(['0 P1 refused']);
    expect(leftUnseated).toEqual([-1]);
  });

  it('a waiting party leaves when acquireTimeoutMs passes', () => {
    const { pool, brief, leftUnseated, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 0, max: 0 } });
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    at(2_000);
    expect(brief().slice(2)).toEqual(['0 P1 seated T1 waited 0', '0 P2 queued #1', '1000 P2 timed out after 1000']);
    expect(leftUnseated).toEqual([2]);
    expect(pool.gauges().waiting).toBe(0);
  });

  it('acquireTimeoutMs 0 waits forever', () => {
    const { pool, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 0, max: 0 }, acquireTimeoutMs: 0 });
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    at(100_000);
    expect(pool.gauges().waiting).toBe(1);
  });

  it('connectionPool.release() busses the table for resetMs, then the first waiting party sits there', () => {
    const { pool, brief, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 0, max: 0 } });
    pool.acquire(1, 2);
    pool.acquire(2, 3);
    pool.acquire(3, 1);
    at(300);
    pool.release(1);
    at(1_000);
    expect(brief().slice(2)).toEqual([
      '0 P1 seated T1 waited 0',
      '0 P2 queued #1',
      '0 P3 queued #2',
      '300 T1 released held 300',
      '350 T1 reset',
      '350 P2 seated T1 waited 350',
      '1000 P3 timed out after 1000',
    ]);
    expect(pool.table(1)).toMatchObject({ state: 'occupied', partyId: 2 });
  });

  it('a freed table goes to the earliest waiting party that accepts its class (FIFO across sizes)', () => {
    const { pool, brief, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 1, max: 1 }, acquireTimeoutMs: 0 });
    pool.acquire(1, 6); // medium T2
    pool.acquire(2, 2); // small T1
    pool.acquire(3, 7); // waits for medium or large
    pool.acquire(4, 2); // waits for any
    pool.release(2); // the medium table: P3 arrived before P4 and accepts it
    at(100);
    pool.release(1); // the small table: only P4 accepts it
    at(200);
    expect(brief().filter((l) => l.includes('seated'))).toEqual([
      '0 P1 seated T2 waited 0',
      '0 P2 seated T1 waited 0',
      '50 P3 seated T2 waited 50',
      '150 P4 seated T1 waited 150',
    ]);
  });

  it('a table idle past validateAfterIdleMs that fails its check is retired and replaced, and the party gets the next one', () => {
    const { pool, brief, at } = setUp({ small: { min: 1, max: 2 } }, 1);
    at(1_000);
    pool.acquire(1, 2);
    at(1_200);
    expect(brief().slice(2)).toEqual([
      '1000 T1 unhealthy idle 1000',
      '1000 T1 retired (unhealthy)',
      '1000 creating T2 small (replacement)',
      '1000 P1 queued #1',
      // No extra table for the line: the replacement being set up already covers the one waiting party.
      '1100 created T2',
      '1100 P1 seated T2 waited 100',
    ]);
    expect(pool.metrics()).toMatchObject({ unhealthy: 1, retiredByReason: { unhealthy: 1 } });
  });

  it('a table idle for less than validateAfterIdleMs is not checked', () => {
    const { pool, brief, at } = setUp({}, 1);
    at(400);
    pool.acquire(1, 2);
    expect(brief().slice(2)).toEqual(['400 P1 seated T1 waited 0']);
  });

  it('housekeeping retires tables idle longer than idleTimeoutMs, never below min', () => {
    const { pool, brief, at } = setUp({ small: { min: 1, max: 3 }, idleTimeoutMs: 1_000, housekeepingMs: 1_000 });
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    pool.acquire(3, 2);
    at(100);
    pool.release(1);
    pool.release(2);
    pool.release(3);
    at(5_000);
    expect(brief().filter((l) => l.includes('retired'))).toEqual([
      // All three came free at 150; the first freed goes first, and one stays for min 1.
      '2000 T1 retired (idleTimeout)',
      '2000 T2 retired (idleTimeout)',
    ]);
    expect(pool.gauges()).toMatchObject({ total: 1, idle: 1 });
  });

  it('max lifetime retires an idle table at once and an occupied one only when it comes free', () => {
    const { pool, ctx, at } = setUp({ small: { min: 2, max: 2 }, medium: { min: 0, max: 0 }, maxLifetimeMs: 40_000 });
    pool.acquire(1, 2);
    at(40_000);
    const evicted = ctx.log.ofType('table.evicted');
    expect(evicted).toHaveLength(2);
    for (const e of evicted) expect(e.atMs).toBeGreaterThanOrEqual(39_000 - 1_000);
    at(45_000);
    const retired = ctx.log.ofType('table.retired');
    // The idle table retired at its eviction; the occupied one is still seated.
    expect(retired.map((r) => r.reason)).toEqual(['maxLifetime']);
    expect(pool.table(evicted.find((e) => e.isInUse)!.tableId).state).toBe('occupied');
    pool.release(evicted.find((e) => e.isInUse)!.tableId);
    at(46_000);
    expect(ctx.log.ofType('table.retired').map((r) => r.reason)).toEqual(['maxLifetime', 'maxLifetime']);
    // Both were replaced to keep min 2.
    expect(pool.gauges().total).toBe(2);
  });

  it('leak detection flags a table held past leakDetectionMs and its release clears the flag', () => {
    const { pool, brief, at } = setUp({ leakDetectionMs: 2_000 });
    pool.acquire(1, 2);
    at(3_000);
    pool.release(1);
    expect(brief().slice(2)).toEqual([
      '0 P1 seated T1 waited 0',
      '2000 T1 leak? P1 held 2000',
      '3000 T1 released held 3000',
      '3000 T1 unleaked',
    ]);
  });

  it('connectionPool.setLimits() lowering max retires idle tables at once and busy ones when they come free', () => {
    const { pool, brief, at } = setUp({ small: { min: 0, max: 3 }, medium: { min: 0, max: 0 } });
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    pool.acquire(3, 2);
    at(200);
    pool.release(3);
    at(300);
    expect(pool.setLimits({ small: { min: 0, max: 1 } })).toBeNull();
    pool.release(2);
    at(400);
    expect(brief().slice(-7)).toEqual([
      '200 T3 released held 100',
      '250 T3 reset',
      '300 limit small.max 3->1',
      '300 T3 retired (limitLowered)',
      '300 T2 released held 200',
      '350 T2 reset',
      '350 T2 retired (limitLowered)',
    ]);
    expect(pool.gauges()).toMatchObject({ total: 1, inUse: 1 });
  });

  it('connectionPool.setLimits() raising max sets up tables for the waiting line at once', () => {
    const { pool, brief, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 0, max: 0 }, acquireTimeoutMs: 0 });
    pool.acquire(1, 2);
    pool.acquire(2, 2);
    at(500);
    expect(pool.setLimits({ small: { min: 1, max: 2 } })).toBeNull();
    at(1_000);
    expect(brief().slice(-4)).toEqual([
      '500 limit small.max 1->2',
      '500 creating T2 small (demand)',
      '600 created T2',
      '600 P2 seated T2 waited 600',
    ]);
  });

  it('connectionPool.setLimits() refuses values the scenario schema refuses, and changes nothing', () => {
    const { pool, at } = setUp();
    expect(pool.setLimits({ housekeepingMs: 0 })).toBe('housekeepingMs: expected >= 1000, got 0');
    expect(pool.setLimits({ acquireTimeoutMs: -5 })).toBe('acquireTimeoutMs: expected >= 0, got -5');
    expect(pool.setLimits({ small: { min: 1, max: Number.NaN } })).toMatch(/^small\.max: /);
    at(120_000); // still terminates: housekeeping kept its period
    expect(pool.gauges().byClass.small).toMatchObject({ min: 1, max: 2 });
  });

  it('a limit changed mid-wait or mid-bussing does not rewrite what the timers already used', () => {
    const { pool, ctx, at } = setUp({ small: { min: 1, max: 1 }, medium: { min: 0, max: 0 } });
    pool.acquire(1, 2);
    pool.acquire(2, 2); // waits with the 1 000 ms timeout in force
    expect(pool.setLimits({ acquireTimeoutMs: 5_000 })).toBeNull();
    at(1_100);
    expect(ctx.log.ofType('acquire.timedOut')).toEqual([{ atMs: 1_000, type: 'acquire.timedOut', partyId: 2, waitedMs: 1_000, timeoutMs: 1_000 }]);
    pool.release(1); // bussing for 50 ms
    expect(pool.setLimits({ resetMs: 999 })).toBeNull();
    at(1_200);
    expect(ctx.log.ofType('table.reset')).toEqual([{ atMs: 1_150, type: 'table.reset', tableId: 1, resetMs: 50 }]);
  });

  it('connectionPool.setLimits() refuses min above max and changes nothing', () => {
    const { pool } = setUp();
    expect(pool.setLimits({ small: { min: 5, max: 2 } })).toMatch(/small: min 5 is above max 2/);
    expect(pool.gauges().byClass.small).toMatchObject({ min: 1, max: 2 });
  });
});
