import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import type { Gauges } from '../sim/index.ts';
import { describeBar, formatValue, gaugeCards } from './gaugeRows.ts';

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
    expect(tables.bars.map(describeBar)).toEqual([
      'On the floor · connections: 5 seated · in use, 2 free · idle, 1 bussing · resetting, 1 being set · creating; of 20 tables at most · max',
      'Host stand · pending acquires: 3 parties waiting · pending acquires; no limit · parties give up after 10 min',
    ]);
    expect(tables.bars[0].scale).toBe(20);
  });

  it('marks the core pool size on the staff bar and sizes the rail by its capacity', () => {
    const staff = gaugeCards(gauges, scenario)[1];
    expect(staff.bars[0].marker?.value).toBe(4);
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
    expect(memory && describeBar(memory)).toBe('Kitchen stations · memory pools: 128 KiB booked · used; of 4 MiB allowed · limit');
  });

  it('never draws a bar on a zero scale', () => {
    const empty: Gauges = { atMs: 0, ingredients: { open: 0, softLimit: 0, hardLimit: 0, highestOpenFd: -1 } };
    expect(gaugeCards(empty, scenario)[0].bars[0].scale).toBe(1);
  });

  it('works for every built-in scenario', () => {
    for (const input of Object.values(builtInScenarios)) expect(() => gaugeCards({ atMs: 0 }, scenarioOrThrow(input))).not.toThrow();
  });

  it('formatValue() writes bytes in binary units', () => {
    expect(formatValue(65_536, 'bytes')).toBe('64 KiB');
    expect(formatValue(3, 'count')).toBe('3');
  });
});
