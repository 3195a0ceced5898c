import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectionPool, SIZE_CLASSES } from './connectionPool.ts';
import type { TablesConfig } from './scenario.ts';
import { createTestContext } from './testing/testContext.ts';

type Command =
  | { kind: 'acquire'; size: number }
  | { kind: 'release'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'setMax'; classIndex: number; max: number };

const classLimits = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }))
  .map(([min, extra]) => ({ min, max: min + extra }));

const configArb: fc.Arbitrary<TablesConfig> = fc.record({
  small: classLimits,
  medium: classLimits,
  large: classLimits,
  acquireTimeoutMs: fc.constantFrom(0, 500, 3_000),
  createMs: fc.constantFrom(0, 100, 700),
  resetMs: fc.constantFrom(0, 50, 400),
  idleTimeoutMs: fc.constantFrom(0, 1_000),
  maxLifetimeMs: fc.constantFrom(0, 5_000),
  leakDetectionMs: fc.constantFrom(0, 2_000),
  housekeepingMs: fc.constantFrom(1_000, 2_500),
  validateAfterIdleMs: fc.constantFrom(0, 500),
});

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('acquire' as const), size: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2_000 }) }),
  fc.record({ kind: fc.constant('setMax' as const), classIndex: fc.integer({ min: 0, max: 2 }), max: fc.integer({ min: 0, max: 6 }) }),
);

/** Runs commands, checking the invariants after each one; returns the log for the determinism check. */
function run(config: TablesConfig, commands: Command[], seed: number, unhealthy: number) {
  const ctx = createTestContext(seed);
  const outcome = new Map<number, string>();
  const seatedAt = new Map<number, number>();
  const pool = new ConnectionPool(config, ctx, {
    onAcquired: (p, t) => {
      expect(outcome.get(p)).toBe('waiting');
      outcome.set(p, 'seated');
      seatedAt.set(p, t);
    },
    onTimedOut: (p) => {
      expect(outcome.get(p)).toBe('waiting');
      outcome.set(p, 'timedOut');
    },
    onRefused: (p) => {
      expect(outcome.get(p)).toBe('waiting');
      outcome.set(p, 'refused');
    },
  }, unhealthy);
  let nextParty = 1;
  const limits = { small: { ...config.small }, medium: { ...config.medium }, large: { ...config.large } };
  for (const c of commands) {
    if (c.kind === 'acquire') {
      const p = nextParty++;
      outcome.set(p, 'waiting');
      pool.acquire(p, c.size);
    } else if (c.kind === 'release') {
      const occupied = pool.allTables().filter((t) => t.state === 'occupied');
      if (occupied.length > 0) pool.release(occupied[c.pick % occupied.length].tableId);
    } else if (c.kind === 'advance') {
      ctx.scheduler.runUntil(ctx.scheduler.nowMs + c.ms);
    } else {
      const cls = SIZE_CLASSES[c.classIndex];
      const next = { min: Math.min(limits[cls].min, c.max), max: c.max };
      expect(pool.setLimits({ [cls]: next })).toBeNull();
      limits[cls] = next;
    }
    checkInvariants(pool, outcome, limits);
  }
  return ctx.log.events;
}

function checkInvariants(pool: ConnectionPool, outcome: Map<number, string>, limits: Record<string, { min: number; max: number }>) {
  const tables = pool.allTables();
  const g = pool.gauges();
  // Nothing handed out twice: every occupied table has its own party, and that party is seated.
  const partiesAtTables = tables.filter((t) => t.state === 'occupied').map((t) => t.partyId);
  expect(new Set(partiesAtTables).size).toBe(partiesAtTables.length);
  for (const p of partiesAtTables) expect(outcome.get(p as number)).toBe('seated');
  // A party is never both waiting and seated; the line holds exactly the waiting parties.
  const waiting = [...outcome.entries()].filter(([, o]) => o === 'waiting').map(([p]) => p);
  expect(pool.waitingLine().map((w) => w.partyId).sort((a, b) => a - b)).toEqual(waiting.sort((a, b) => a - b));
  expect(g.waiting).toBe(waiting.length);
  // Counts add up: created - retired = live tables that finished creating.
  const m = pool.metrics();
  const live = tables.filter((t) => t.state !== 'retired' && t.state !== 'creating').length;
  expect(m.created - m.retired).toBe(live);
  expect(g.inUse).toBe(partiesAtTables.length);
  expect(g.inUse + g.idle + g.cleaning + g.creating).toBe(g.total);
  for (const cls of SIZE_CLASSES) {
    const c = g.byClass[cls];
    // A class over its max (after a lowered limit) has no idle table: the excess is busy and retires when free.
    if (c.total > limits[cls].max) expect(c.idle).toBe(0);
    expect(c.inUse).toBeLessThanOrEqual(Math.max(limits[cls].max, c.total));
  }
  // In-use never exceeds what the pool ever allowed at once.
  expect(g.inUse).toBeLessThanOrEqual(tables.length);
}

describe('ConnectionPool properties', () => {
  it('holds its invariants over 1,000 random runs, and the same seed gives the same log', () => {
    fc.assert(
      fc.property(
        configArb,
        fc.array(commandArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom(0, 0.3),
        (config, commands, seed, unhealthy) => {
          const a = run(config, commands, seed, unhealthy);
          const b = run(config, commands, seed, unhealthy);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('every acquire ends granted, timed out or refused once time passes beyond the timeout', () => {
    fc.assert(
      fc.property(configArb.filter((c) => c.acquireTimeoutMs > 0), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 30 }), (config, sizes) => {
        const ctx = createTestContext(1);
        const ended = new Set<number>();
        const pool = new ConnectionPool(config, ctx, {
          onAcquired: (p) => ended.add(p),
          onTimedOut: (p) => ended.add(p),
          onRefused: (p) => ended.add(p),
        });
        sizes.forEach((s, i) => pool.acquire(i + 1, s));
        ctx.scheduler.runUntil(config.acquireTimeoutMs + 1);
        expect(ended.size).toBe(sizes.length);
      }),
      { numRuns: 1_000 },
    );
  });
});
