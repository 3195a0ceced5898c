import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import type { Gauges } from '../sim/index.ts';
import { describeBar, formatValue, gaugeCards, niceCeiling, phraseText, powerOfTwoCeiling } from './gaugeRows.ts';

const scenario = scenarioOrThrow({
  name: 'all kinds',
  tables: {},
  staff: { queueCapacity: 16 },
  ingredients: {},
  manager: { limits: { connection: 20, memory: 4_194_304, fd: 64, thread: 16 } },
});

const gauges: Gauges = {
  atMs: 60_000,
  tables: { inUse: 5, idle: 2, cleaning: 1, creating: 1, waiting: 3, total: 9, max: 20, byClass: {} as never },
  staff: { busy: 3, idle: 1, queued: 4, workers: 4, corePoolSize: 4, maxPoolSize: 8, isCallerBusy: false, deferred: 0 },
  ingredients: { open: 9, softLimit: 64, hardLimit: 4096, highestOpenFd: 10 },
  manager: { connection: 2, memory: 131_072, fd: 3, thread: 1 },
};

describe('gaugeCards()', () => {
  it('makes one card per kind present, in a fixed order', () => {
    expect(gaugeCards(gauges, scenario).map((c) => c.key)).toEqual(['connection', 'thread', 'fd', 'manager']);
    expect(gaugeCards({ atMs: 0 }, scenario)).toEqual([]);
  });

  it('stacks tables in use, idle, bussing and being set against the max, with the waiting line apart', () => {
    const [tables] = gaugeCards(gauges, scenario);
    expect(tables.bars.map((b) => describeBar(b))).toEqual([
      'On the floor · connections: 5 seated · in use, 2 free · idle, 1 bussing · resetting, 1 being set · creating; of 20 tables at most · max',
      'Host stand · pending acquires: 3 parties waiting · pending acquires; no limit · parties give up after 10 min',
    ]);
    expect(tables.bars[0].scale).toBe(20);
  });

  it('marks the core pool size on the staff bar and sizes the rail by its capacity', () => {
    const staff = gaugeCards(gauges, scenario)[1];
    expect(staff.bars[0].marker?.value).toBe(4);
    expect(describeBar(staff.bars[0])).toBe(
      'Cooks · worker threads: 3 cooking · busy workers, 1 free · idle workers; of 8 staff at most · maxPoolSize; 4 on shift · corePoolSize',
    );
    expect(staff.bars[0].scale).toBe(8);
    expect(staff.bars[1].scale).toBe(16);
    expect(describeBar(staff.bars[1])).toBe('Ticket rail · task queue: 4 tickets on the rail · queued tasks; the rail holds 16');
  });

  it('draws open ingredients against the soft limit and manager usage against its limits', () => {
    const cards = gaugeCards(gauges, scenario);
    expect(describeBar(cards[2].bars[0])).toBe(
      'Pantry slots · descriptor table: 9 out of the pantry · open fds; of 64 pantry slots · soft limit (hard limit 4096)',
    );
    const memory = cards[3].bars.find((b) => b.key === 'memory');
    expect(memory && describeBar(memory)).toBe('Kitchen stations · memory: 128 KiB booked · used; of 4 MiB allowed · limit');
  });

  it('describeBar() and phraseText() write every term the way the page asks (systems words first)', () => {
    const systemsFirst = (term: { label: string; real: string }) => `${term.real} · ${term.label}`;
    const [tables, staff] = gaugeCards(gauges, scenario);
    expect(describeBar(tables.bars[0], systemsFirst)).toBe(
      'connections · On the floor: 5 in use · seated, 2 idle · free, 1 resetting · bussing, 1 creating · being set; of 20 max · tables at most',
    );
    expect(phraseText(staff.bars[0].limit, systemsFirst)).toBe('of 8 maxPoolSize · staff at most');
    expect(phraseText(staff.bars[0].limit)).toBe('of 8 staff at most · maxPoolSize');
  });

  it('writes a count of one in the singular', () => {
    const one: Gauges = { ...gauges, tables: { ...gauges.tables!, waiting: 1 }, staff: { ...gauges.staff!, queued: 1 } };
    const [tables, staff] = gaugeCards(one, scenario);
    expect(describeBar(tables.bars[1])).toMatch(/^Host stand · pending acquires: 1 party waiting · pending acquire;/);
    expect(describeBar(staff.bars[1])).toMatch(/: 1 ticket on the rail · queued task;/);
  });

  it('never draws a bar on a zero scale', () => {
    const empty: Gauges = { atMs: 0, ingredients: { open: 0, softLimit: 0, hardLimit: 0, highestOpenFd: -1 } };
    expect(gaugeCards(empty, scenario)[0].bars[0].scale).toBe(1);
  });

  it('works for every built-in scenario', () => {
    for (const input of Object.values(builtInScenarios)) expect(() => gaugeCards({ atMs: 0 }, scenarioOrThrow(input))).not.toThrow();
  });

  it('formatValue() writes bytes in binary units and ratios as whole percents', () => {
    expect(formatValue(65_536, 'bytes')).toBe('64 KiB');
    expect(formatValue(3, 'count')).toBe('3');
    expect(formatValue(0.426, 'percent')).toBe('43%');
  });
});

describe('gaugeCards() for kitchen stations and the warming shelf', () => {
  const dinner = scenarioOrThrow(builtInScenarios['dinner-service']);
  const stations: NonNullable<Gauges['stations']> = {
    usedBytes: 14_584,
    limitBytes: 40_960,
    pools: { small: { used: 0, total: 16, blockSize: 64 }, medium: { used: 7, total: 8, blockSize: 1024 } },
    heap: { usedBytes: 7416, freeBytes: 25_352, largestFree: 20_000, fragmentCount: 3, externalFragmentation: 1 - 20_000 / 25_352 },
    blockCount: 11,
  };
  const shelf: NonNullable<Gauges['shelf']> = { entryCount: 10, bytesUsed: 7427, maxEntries: 10, maxBytes: 12_288, hitRatio: 0.5 };

  it('puts stations after ingredients and the shelf after them, before the manager', () => {
    const keys = gaugeCards({ ...gauges, stations, shelf }, scenario).map((c) => c.key);
    expect(keys).toEqual(['connection', 'thread', 'fd', 'memory', 'cache', 'manager']);
  });

  it('draws memory in use against the limit with the GC threshold marked, then each pool and the heap', () => {
    const [card] = gaugeCards({ atMs: 0, stations }, dinner);
    expect(card.heading).toEqual({ label: 'Kitchen stations', real: 'memory' });
    expect(card.bars.map((b) => describeBar(b))).toEqual([
      'Counter space · memory: 7 KiB at counters and stations · pool blocks, 7.2 KiB in the banquet area · heap blocks; 14.2 KiB of 40 KiB allowed · memory limit; 32 KiB deep-clean line · GC threshold',
      'Prep counters · small pool: 0 taken · allocated blocks, 16 free · free blocks; of 16, 64 B each · block size',
      'Cooking stations · medium pool: 7 taken · allocated blocks, 1 free · free blocks; of 8, 1 KiB each · block size',
      'Banquet area · heap: 7.2 KiB taken · allocated, 19.5 KiB largest free stretch · largest free chunk, 5.2 KiB other free stretches · fragments; of 32 KiB in all · heap size; 3 free stretches · free-list chunks; 21% of the free space is scattered · external fragmentation',
    ]);
    expect(card.bars.map((b) => b.scale)).toEqual([40_960, 16, 8, 32_768]);
  });

  it('leaves the GC marker out when the collector is off', () => {
    const noGc = scenarioOrThrow(builtInScenarios['unbounded-shelf']);
    expect(gaugeCards({ atMs: 0, stations }, noGc)[0].bars[0].marker).toBeUndefined();
  });

  it('draws dishes and bytes against the shelf limits, and the hit ratio on a scale of one', () => {
    const [card] = gaugeCards({ atMs: 0, shelf }, dinner);
    expect(card.heading).toEqual({ label: 'Warming shelf', real: 'cache' });
    expect(card.bars.map((b) => describeBar(b))).toEqual([
      'Dishes on the shelf · entries: 10 dishes · entries; of 10 dishes at most · max entries',
      'Shelf space · bytes: 7.3 KiB kept warm · bytes used; of 12 KiB at most · max size',
      'Served from the shelf · hit ratio: 50% served warm · hits; of orders so far · lookups',
    ]);
    expect(card.bars.map((b) => b.scale)).toEqual([10, 12_288, 1]);
  });

  it('draws a shelf with no limit on a growing scale, and its bytes against the kitchen memory limit', () => {
    const unbounded = scenarioOrThrow(builtInScenarios['unbounded-shelf']);
    const grown = { entryCount: 53, bytesUsed: 40_859, maxEntries: 0, maxBytes: 0, hitRatio: 0.235 };
    const [card] = gaugeCards({ atMs: 0, shelf: grown }, unbounded);
    expect(card.bars.map((b) => [b.scale, phraseText(b.limit)])).toEqual([
      [100, 'no limit: every dish stays'],
      [49_152, "no limit of its own; the kitchen's 48 KiB memory limit stops it"],
      [1, 'of orders so far · lookups'],
    ]);
    const alone = scenarioOrThrow({ name: 'shelf alone', shelf: { policy: 'UNBOUNDED', maxEntries: 0, maxBytes: 0 } });
    const bytes = gaugeCards({ atMs: 0, shelf: grown }, alone)[0].bars[1];
    expect([bytes.scale, phraseText(bytes.limit)]).toEqual([65_536, 'no size limit']);
  });

  it('niceCeiling() rounds a count up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 9, 10, 14, 53, 100, 101, 999].map(niceCeiling)).toEqual([1, 1, 2, 5, 10, 10, 20, 100, 100, 200, 1000]);
  });

  it('powerOfTwoCeiling() rounds bytes up to a power of two, at least 1 KiB', () => {
    expect([0, 1024, 1025, 40_859, 65_536].map(powerOfTwoCeiling)).toEqual([1024, 1024, 2048, 65_536, 65_536]);
  });
});
