import { describe, it, expect } from 'vitest';
import type { SimContext } from './context.ts';
import { EventLog, type ResourceKind } from './events.ts';
import { FdTable } from './fdTable.ts';
import { ResourceManager, type ManagerOptions } from './manager.ts';
import { bernoulli, createRandom } from './random.ts';
import type { BatchJobConfig, IngredientsConfig, ManagerConfig } from './scenario.ts';
import { Scheduler } from './scheduler.ts';

interface SetupOptions {
  limits?: Partial<ManagerConfig['limits']>;
  pressureThreshold?: number;
  batchJob?: Partial<BatchJobConfig>;
  /** FdTable config, or null for a manager that only counts descriptors. */
  table?: Partial<IngredientsConfig> | null;
  seed?: number;
  options?: Omit<ManagerOptions, 'fds'>;
}

function setup(o: SetupOptions = {}) {
  const scheduler = new Scheduler();
  const log = new EventLog();
  const ctx: SimContext = { scheduler, rng: createRandom(o.seed ?? 42), log };
  const fds =
    o.table === null ? undefined : new FdTable({ softLimit: 64, hardLimit: 64, reservedCount: 3, staleAfterMs: 0, ...o.table }, ctx);
  const config: ManagerConfig = {
    limits: { connection: 10, memory: 1_048_576, fd: 16, thread: 4, ...o.limits },
    pressureThreshold: o.pressureThreshold ?? 0.8,
    batchJob: o.batchJob
      ? {
          startAtMs: 0,
          itemCount: 40,
          batchSize: 8,
          itemMs: 1_000,
          style: 'scoped',
          perItem: { connection: 1, memory: 65_536, fd: 1 },
          backoffMs: 100,
          routineCleanupEveryBatches: 2,
          failureProbability: 0.25,
          ...o.batchJob,
        }
      : undefined,
  };
  const manager = new ResourceManager(config, ctx, { fds, ...o.options });
  const advanceTo = (atMs: number) => scheduler.runUntil(atMs);
  const countOf = (type: Parameters<EventLog['count']>[0]) => log.count(type);
  return { manager, fds, log, scheduler, rng: ctx.rng, advanceTo, countOf };
}

/** The failure draws the batch job makes: one bernoulli per item, from the context's stream. */
function failureDraws(seed: number, count: number, p: number): boolean[] {
  const rng = createRandom(seed);
  return Array.from({ length: count }, () => bernoulli(rng, p));
}

const ZERO = { connection: 0, memory: 0, fd: 0, thread: 0 };

describe('ResourceManager.allocate()', () => {
  it('checks the limit before allocating and logs limit.exceeded', () => {
    const { manager, log } = setup({ limits: { connection: 2 } });
    const a = manager.allocate('connection', 2, 'report');
    expect(a).toMatchObject({ handleId: 1, kind: 'connection', amount: 2, owner: 'report', allocatedAtMs: 0, isTemporary: false, fds: [] });
    expect(manager.allocate('connection', 1, 'late')).toBeNull();
    expect(log.events).toEqual([
      { atMs: 0, type: 'resource.allocated', kind: 'connection', handleId: 1, amount: 2, owner: 'report' },
      { atMs: 0, type: 'limit.exceeded', kind: 'connection', requested: 1, used: 2, limit: 2, owner: 'late' },
    ]);
    expect(manager.usage().connection).toEqual({ used: 2, held: 2, external: 0, limit: 2, ratio: 1, handles: 1 });
    expect(manager.metrics().limitExceeded).toEqual({ ...ZERO, connection: 1 });
  });

  it('refuses descriptors over the manager limit without opening any in the table', () => {
    const { manager, fds, log } = setup({ limits: { fd: 5 } });
    // The house's 3 descriptors count against the budget (external usage read from the table).
    expect(manager.usage().fd).toEqual({ used: 3, held: 0, external: 3, limit: 5, ratio: 0.6, handles: 0 });
    expect(manager.allocate('fd', 3, 'bulk')).toBeNull();
    expect(log.events).toEqual([{ atMs: 0, type: 'limit.exceeded', kind: 'fd', requested: 3, used: 3, limit: 5, owner: 'bulk' }]);
    expect(fds?.gauges().open).toBe(3);
    expect(manager.allocate('fd', 2, 'pair')?.fds).toEqual([3, 4]);
    expect(manager.usage().fd).toEqual({ used: 5, held: 2, external: 3, limit: 5, ratio: 1, handles: 1 });
  });

  it('counts descriptors other owners opened in the table against the fd budget', () => {
    const { manager, fds } = setup({ limits: { fd: 6 } });
    fds?.open('cook 1');
    fds?.open('cook 2');
    expect(manager.usage().fd).toMatchObject({ used: 5, external: 5 });
    expect(manager.allocate('fd', 2, 'job')).toBeNull();
    expect(manager.allocate('fd', 1, 'job')?.fds).toEqual([5]);
  });

  it('counts memory in bytes', () => {
    const { manager } = setup({ limits: { memory: 1_000 } });
    expect(manager.allocate('memory', 600, 'a')).not.toBeNull();
    expect(manager.allocate('memory', 401, 'b')).toBeNull();
    expect(manager.allocate('memory', 400, 'c')).not.toBeNull();
    expect(manager.usage().memory).toMatchObject({ used: 1_000, ratio: 1, handles: 2 });
  });

  it('opens real descriptors for the fd kind, and an EMFILE from the table fails the allocation', () => {
    const { manager, fds, log } = setup({ table: { softLimit: 5 } });
    const h = manager.allocate('fd', 2, 'cook');
    expect(h?.fds).toEqual([3, 4]);
    expect(manager.allocate('fd', 1, 'late')).toBeNull();
    expect(manager.release(h!)).toBe(true);
    // Two fit in the manager's budget, but the table has only 3 and 4 below its soft limit of 5.
    const partial = log.length;
    expect(manager.allocate('fd', 3, 'greedy')).toBeNull();
    expect(log.events.slice(partial)).toEqual([
      { atMs: 0, type: 'fd.opened', fd: 3, owner: 'greedy' },
      { atMs: 0, type: 'fd.opened', fd: 4, owner: 'greedy' },
      { atMs: 0, type: 'fd.emfile', owner: 'greedy', softLimit: 5, openCount: 5 },
      { atMs: 0, type: 'fd.closed', fd: 3, owner: 'greedy', heldMs: 0 },
      { atMs: 0, type: 'fd.closed', fd: 4, owner: 'greedy', heldMs: 0 },
    ]);
    expect(manager.usage().fd.held).toBe(0);
    expect(manager.metrics().emfileRefusals).toBe(2);
  });

  it('counts descriptors without a table', () => {
    const { manager } = setup({ table: null, limits: { fd: 3 } });
    expect(manager.allocate('fd', 3, 'a')?.fds).toEqual([]);
    expect(manager.allocate('fd', 1, 'b')).toBeNull();
  });

  it('counts external usage against the limit', () => {
    let external = 7;
    const { manager, log } = setup({ limits: { connection: 10 }, options: { externalUsage: () => ({ connection: external }) } });
    expect(manager.allocate('connection', 4, 'job')).toBeNull();
    expect(log.events[0]).toMatchObject({ type: 'limit.exceeded', used: 7, limit: 10 });
    expect(manager.allocate('connection', 3, 'job')).not.toBeNull();
    external = 2;
    expect(manager.usage().connection).toEqual({ used: 5, held: 3, external: 2, limit: 10, ratio: 0.5, handles: 1 });
  });

  it('rejects amounts that are not whole numbers >= 1', () => {
    const { manager } = setup();
    expect(() => manager.allocate('memory', 0, 'a')).toThrow(RangeError);
    expect(() => manager.allocate('memory', 1.5, 'a')).toThrow(RangeError);
  });
});

describe('ResourceManager.release()', () => {
  it('releases once and refuses a double release', () => {
    const { manager, fds, log, advanceTo } = setup();
    const h = manager.allocate('fd', 1, 'cook')!;
    advanceTo(500);
    expect(manager.release(h)).toBe(true);
    expect(manager.release(h)).toBe(false);
    expect(manager.release({ ...h, handleId: 99 })).toBe(false);
    expect(log.events).toEqual([
      { atMs: 0, type: 'fd.opened', fd: 3, owner: 'cook' },
      { atMs: 0, type: 'resource.allocated', kind: 'fd', handleId: 1, amount: 1, owner: 'cook' },
      { atMs: 500, type: 'fd.closed', fd: 3, owner: 'cook', heldMs: 500 },
      { atMs: 500, type: 'resource.released', kind: 'fd', handleId: 1, amount: 1, owner: 'cook' },
    ]);
    expect(fds?.gauges().open).toBe(3);
    const m = manager.metrics();
    expect(m.releases).toEqual({ ...ZERO, fd: 1 });
    expect(m.refusedReleases).toBe(2);
  });
});

describe('ResourceManager.withResources() and hoard()', () => {
  const needs = [
    { kind: 'connection' as ResourceKind, amount: 1 },
    { kind: 'memory' as ResourceKind, amount: 1_024 },
    { kind: 'fd' as ResourceKind, amount: 2 },
  ];

  it('runs the work with every handle and releases them all afterwards', () => {
    const { manager } = setup();
    let seen: number[] = [];
    const result = manager.withResources(needs, 'report', (hs) => {
      seen = hs.map((h) => h.handleId);
      expect(manager.usage().fd.held).toBe(2);
      return true;
    });
    expect(result).toBe('ok');
    expect(seen).toEqual([1, 2, 3]);
    expect(manager.metrics().leaks).toEqual([]);
  });

  it('releases everything even when the work fails, newest first', () => {
    const { manager, log } = setup();
    expect(manager.withResources(needs, 'report', () => false)).toBe('failed');
    expect(log.ofType('resource.released').map((e) => e.handleId)).toEqual([3, 2, 1]);
    expect(manager.usage().connection.held + manager.usage().memory.held + manager.usage().fd.held).toBe(0);
  });

  it('releases everything when the work throws, and rethrows', () => {
    const { manager } = setup();
    expect(() =>
      manager.withResources(needs, 'report', () => {
        throw new Error('burnt');
      }),
    ).toThrow('burnt');
    expect(manager.metrics().leaks).toEqual([]);
  });

  it('returns refused without running the work, after releasing what it had taken', () => {
    const { manager, log } = setup({ limits: { fd: 1 } });
    let isRun = false;
    expect(manager.withResources(needs, 'report', () => (isRun = true))).toBe('refused');
    expect(isRun).toBe(false);
    expect(log.events.map((e) => e.type)).toEqual([
      'resource.allocated',
      'resource.allocated',
      'limit.exceeded',
      'resource.released',
      'resource.released',
    ]);
    expect(manager.metrics().leaks).toEqual([]);
  });

  it('hoard() keeps everything until the limit is exhausted, and leaks on its error path too', () => {
    const { manager, advanceTo } = setup({ limits: { connection: 3 } });
    const kept = [];
    for (let i = 0; i < 3; i++) {
      advanceTo(i * 100);
      kept.push(manager.hoard([{ kind: 'connection', amount: 1 }, { kind: 'thread', amount: 1 }], `hoarder ${i}`));
    }
    expect(kept.every((hs) => hs?.length === 2)).toBe(true);
    expect(manager.hoard([{ kind: 'thread', amount: 1 }, { kind: 'connection', amount: 1 }], 'hoarder 3')).toBeNull();
    expect(manager.usage().connection).toMatchObject({ used: 3, limit: 3, ratio: 1 });
    expect(manager.usage().thread.held).toBe(4); // the refused call still holds its thread
    expect(manager.metrics().limitExceeded.connection).toBe(1);
    expect(manager.metrics().leaks.map((l) => [l.kind, l.owner, l.allocatedAtMs])).toEqual([
      ['connection', 'hoarder 0', 0],
      ['thread', 'hoarder 0', 0],
      ['connection', 'hoarder 1', 100],
      ['thread', 'hoarder 1', 100],
      ['connection', 'hoarder 2', 200],
      ['thread', 'hoarder 2', 200],
      ['thread', 'hoarder 3', 200],
    ]);
  });
});

describe('ResourceManager.pressure() and cleanup()', () => {
  it('pressure() names the first kind above the threshold, in report order', () => {
    const { manager } = setup({ limits: { connection: 10, fd: 10 }, pressureThreshold: 0.5 });
    expect(manager.pressure()).toBeNull();
    manager.allocate('fd', 6, 'a');
    expect(manager.pressure()).toBe('fd');
    manager.allocate('connection', 5, 'b'); // exactly 0.5 is not above
    expect(manager.pressure()).toBe('fd');
    manager.allocate('connection', 1, 'c');
    expect(manager.pressure()).toBe('connection');
  });

  it("cleanup('routine') releases only temporary handles", () => {
    const { manager, log, advanceTo } = setup();
    manager.allocate('memory', 4_096, 'scratch', { isTemporary: true });
    manager.allocate('memory', 8_192, 'cache');
    advanceTo(1_000_000);
    expect(manager.cleanup('routine')).toBe(1);
    expect(log.events.slice(2)).toEqual([
      { atMs: 1_000_000, type: 'resource.released', kind: 'memory', handleId: 1, amount: 4_096, owner: 'scratch' },
      { atMs: 1_000_000, type: 'cleanup.ran', mode: 'routine', releasedCount: 1 },
    ]);
  });

  it("cleanup('immediate') also releases handles idle for idleReleaseAfterMs or more", () => {
    const { manager, log, advanceTo } = setup({ options: { idleReleaseAfterMs: 1_000 } });
    const old = manager.allocate('connection', 1, 'forgotten')!;
    const used = manager.allocate('connection', 1, 'busy')!;
    const scratch = manager.allocate('memory', 100, 'scratch', { isTemporary: true })!;
    advanceTo(500);
    manager.touch(used);
    advanceTo(1_000);
    const young = manager.allocate('connection', 1, 'young')!;
    advanceTo(1_499);
    expect(manager.cleanup('immediate')).toBe(2); // 'forgotten' idle exactly 1 000 ms, and the scratch
    expect(log.events.slice(-3)).toEqual([
      { atMs: 1_499, type: 'resource.released', kind: 'connection', handleId: old.handleId, amount: 1, owner: 'forgotten' },
      { atMs: 1_499, type: 'resource.released', kind: 'memory', handleId: scratch.handleId, amount: 100, owner: 'scratch' },
      { atMs: 1_499, type: 'cleanup.ran', mode: 'immediate', releasedCount: 2 },
    ]);
    expect(manager.isLive(used)).toBe(true);
    expect(manager.isLive(young)).toBe(true);
    expect(manager.release(old)).toBe(false); // its owner comes back: already taken
    expect(manager.metrics().cleanups).toEqual({ routine: 0, immediate: 1, releasedCount: 2 });
  });
});

describe('ResourceManager.setLimit()', () => {
  it('logs limit.changed; lowering below usage keeps handles and refuses new ones', () => {
    const { manager, log } = setup();
    const a = manager.allocate('thread', 3, 'a')!;
    manager.setLimit('thread', 2);
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'limit.changed', kind: 'thread', field: 'limit', from: 4, to: 2 });
    expect(manager.isLive(a)).toBe(true);
    expect(manager.allocate('thread', 1, 'b')).toBeNull();
    expect(manager.usage().thread.ratio).toBe(1.5);
  });
});

describe('ResourceManager batch job', () => {
  // 40 items in 5 batches of 8; each item takes 1 connection, 64 KiB and 1 descriptor for 1 s.
  it("style 'scoped' completes every batch, reuses descriptor 3 for every item and leaks nothing", () => {
    const { manager, log, scheduler, countOf } = setup({ batchJob: { style: 'scoped' } });
    manager.startBatchJob();
    scheduler.runUntil(Infinity);
    const draws = failureDraws(42, 40, 0.25);
    const m = manager.metrics();
    expect(scheduler.nowMs).toBe(40_000);
    expect(m.batches).toEqual({
      completed: 5,
      failed: 0,
      backoffs: 0,
      itemsSucceeded: 31,
      itemsFailed: 9,
      itemsRefused: 0,
      itemsSkipped: 0,
      isFinished: true,
    });
    expect(draws.filter(Boolean).length).toBe(9);
    expect(m.allocations).toEqual({ connection: 40, memory: 45, fd: 40, thread: 0 }); // 40 items + 5 scratch buffers
    expect(m.releases).toEqual(m.allocations);
    expect(m.limitExceeded).toEqual(ZERO);
    expect(m.peakHeld).toEqual({ connection: 1, memory: 65_536 + 2 * 4_096, fd: 1, thread: 0 });
    // Routine cleanup after batches 2 and 4 (two scratch buffers each) and at the end of the job (one).
    expect(log.ofType('cleanup.ran').map((e) => [e.atMs, e.mode, e.releasedCount])).toEqual([
      [16_000, 'routine', 2],
      [32_000, 'routine', 2],
      [40_000, 'routine', 1],
    ]);
    expect(new Set(log.ofType('fd.opened').map((e) => e.fd))).toEqual(new Set([3]));
    expect(countOf('fd.emfile') + countOf('limit.exceeded') + countOf('pressure.high') + countOf('batch.failed')).toBe(0);
    expect(m.leaks).toEqual([]);
  });

  it("style 'hoarding' on the same seed hits the connection limit, backs off and fails the rest", () => {
    const { manager, fds, log, scheduler, countOf } = setup({ batchJob: { style: 'hoarding' } });
    manager.startBatchJob();
    scheduler.runUntil(Infinity);
    const m = manager.metrics();
    // Batch 0 leaves 8 of 10 connections held (0.8: not above the threshold), so batch 1 starts; items 8 and
    // 9 take the last two and item 10 is refused at t = 10 s. Batches 2-4 each see pressure, back off three
    // times (100 ms each, immediate cleanup finds nothing idle for 60 s) and fail.
    expect(log.ofType('limit.exceeded')).toEqual([
      { atMs: 10_000, type: 'limit.exceeded', kind: 'connection', requested: 1, used: 10, limit: 10, owner: 'batch.item#10' },
    ]);
    expect(log.ofType('batch.failed').map((e) => [e.atMs, e.batchIndex, e.reason])).toEqual([
      [10_000, 1, 'item 10 refused: connection limit'],
      [10_300, 2, 'pressure on connection stayed above 0.8 after 3 back-offs'],
      [10_600, 3, 'pressure on connection stayed above 0.8 after 3 back-offs'],
      [10_900, 4, 'pressure on connection stayed above 0.8 after 3 back-offs'],
    ]);
    const draws = failureDraws(42, 40, 0.25);
    expect(m.batches).toEqual({
      completed: 1,
      failed: 4,
      backoffs: 9,
      itemsSucceeded: 9,
      itemsFailed: 1,
      itemsRefused: 1,
      itemsSkipped: 29,
      isFinished: true,
    });
    expect(draws.slice(0, 10).filter(Boolean).length).toBe(1);
    expect(countOf('pressure.high')).toBe(12);
    expect(countOf('batch.backedOff')).toBe(9);
    expect(m.cleanups).toEqual({ routine: 3, immediate: 9, releasedCount: 2 });
    expect(m.peakHeld).toEqual({ connection: 10, memory: 10 * 65_536 + 2 * 4_096, fd: 10, thread: 0 });
    // Every item's connection, memory and descriptor is still held: 30 leaks, and 10 descriptors open.
    expect(m.leaks.length).toBe(30);
    expect(m.leaks.filter((l) => l.kind === 'connection').map((l) => l.owner)).toEqual(
      Array.from({ length: 10 }, (_, i) => `batch.item#${i}`),
    );
    expect(fds?.reportLeaks().map((f) => f.fd)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("style 'hoarding' runs into EMFILE when the table is smaller than the manager's budget", () => {
    const { manager, log, scheduler } = setup({ batchJob: { style: 'hoarding' }, table: { softLimit: 8 } });
    manager.startBatchJob();
    scheduler.runUntil(Infinity);
    // The budget says 16 descriptors, the table has 5 free (3..7). Items 0..4 take them; item 5 gets its
    // connection and memory, then EMFILE. The fd ratio (8 / 16) shows no pressure, so batches 1..3 each
    // start, hoard one more connection on the way to the same EMFILE, and fail; by batch 4 the connections
    // are at 9 / 10 and pressure stops it.
    expect(log.ofType('fd.emfile').map((e) => [e.atMs, e.owner, e.openCount])).toEqual([
      [5_000, 'batch.item#5', 8],
      [5_000, 'batch.item#8', 8],
      [5_000, 'batch.item#16', 8],
      [5_000, 'batch.item#24', 8],
    ]);
    expect(log.ofType('batch.failed').map((e) => e.reason)).toEqual([
      'item 5 refused: fd EMFILE',
      'item 8 refused: fd EMFILE',
      'item 16 refused: fd EMFILE',
      'item 24 refused: fd EMFILE',
      'pressure on connection stayed above 0.8 after 3 back-offs',
    ]);
    const m = manager.metrics();
    expect(m.emfileRefusals).toBe(4);
    expect(m.limitExceeded).toEqual(ZERO);
    expect(m.leaks.filter((l) => l.owner === 'batch.item#5').map((l) => l.kind)).toEqual(['connection', 'memory']);
    expect(m.batches).toEqual({
      completed: 0,
      failed: 5,
      backoffs: 3,
      itemsSucceeded: 4,
      itemsFailed: 1,
      itemsRefused: 4,
      itemsSkipped: 2 + 7 + 7 + 7 + 8,
      isFinished: true,
    });
    expect(failureDraws(42, 5, 0.25).filter(Boolean).length).toBe(1);
    expect(manager.usage().connection.held).toBe(9);
  });

  it('the same seed gives the same log; each item draws once whatever the style', () => {
    const run = (style: 'scoped' | 'hoarding') => {
      const { manager, log, scheduler, rng } = setup({ batchJob: { style }, seed: 7 });
      manager.startBatchJob();
      scheduler.runUntil(Infinity);
      return { events: log.events, rng: { ...rng } };
    };
    const scoped = run('scoped');
    const hoarding = run('hoarding');
    expect(run('scoped').events).toEqual(scoped.events);
    expect(run('hoarding').events).toEqual(hoarding.events);
    expect(hoarding.events).not.toEqual(scoped.events);
    // 40 items, 40 draws in both styles (run, refused or skipped): the streams end in the same state.
    const expected = createRandom(7);
    for (let i = 0; i < 40; i++) bernoulli(expected, 0.25);
    expect(scoped.rng).toEqual(expected);
    expect(hoarding.rng).toEqual(expected);
  });

  it('backs off under pressure, cleans up immediately while it lasts, then routinely, then starts', () => {
    // The dinner service holds 9 of 10 connections until t = 150 ms.
    let scheduler: Scheduler | undefined;
    const s = setup({
      batchJob: { itemCount: 1, batchSize: 1, routineCleanupEveryBatches: 0 },
      options: { externalUsage: () => ({ connection: (scheduler?.nowMs ?? 0) < 150 ? 9 : 0 }) },
    });
    scheduler = s.scheduler;
    s.manager.startBatchJob();
    s.scheduler.runUntil(250);
    expect(s.log.events.filter((e) => e.type !== 'resource.allocated' && e.type !== 'fd.opened')).toEqual([
      { atMs: 0, type: 'pressure.high', kind: 'connection', ratio: 0.9, threshold: 0.8 },
      { atMs: 0, type: 'batch.backedOff', batchIndex: 0, backoffMs: 100 },
      { atMs: 100, type: 'cleanup.ran', mode: 'immediate', releasedCount: 0 },
      { atMs: 100, type: 'pressure.high', kind: 'connection', ratio: 0.9, threshold: 0.8 },
      { atMs: 100, type: 'batch.backedOff', batchIndex: 0, backoffMs: 100 },
      { atMs: 200, type: 'cleanup.ran', mode: 'routine', releasedCount: 0 },
      { atMs: 200, type: 'batch.started', batchIndex: 0, itemCount: 1 },
    ]);
    s.scheduler.runUntil(Infinity);
    expect(s.manager.metrics().batches).toMatchObject({ completed: 1, failed: 0, backoffs: 2, isFinished: true });
  });

  it('immediate cleanup takes back idle hoarded handles and lets the job go on', () => {
    const { manager, log, scheduler } = setup({
      batchJob: { style: 'hoarding', itemCount: 24 },
      options: { idleReleaseAfterMs: 2_000 },
    });
    manager.startBatchJob();
    scheduler.runUntil(Infinity);
    // At 10.1 s items 0..7 (last used when they ended, at 1..8 s) are idle >= 2 s: 24 handles go back.
    expect(log.ofType('cleanup.ran')[1]).toEqual({ atMs: 10_100, type: 'cleanup.ran', mode: 'immediate', releasedCount: 24 });
    expect(log.ofType('batch.started').map((e) => [e.atMs, e.batchIndex])).toEqual([
      [0, 0],
      [8_000, 1],
      [10_100, 2],
    ]);
    expect(manager.metrics().batches).toMatchObject({ completed: 2, failed: 1, backoffs: 1 });
  });

  it('startBatchJob() needs a batch job and runs once', () => {
    expect(() => setup().manager.startBatchJob()).toThrow(/no batchJob/);
    const { manager } = setup({ batchJob: {} });
    manager.startBatchJob();
    expect(() => manager.startBatchJob()).toThrow(/already started/);
  });
});
