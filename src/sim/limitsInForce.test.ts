import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { scenarioOrThrow } from './scenario.ts';
import { createSimulation } from './simulation.ts';

const dinner = () => createSimulation(scenarioOrThrow(builtInScenarios['dinner-service']));

/** dinner-service's limits as written in its scenario file. */
const DINNER_LIMITS = {
  tables: {
    small: { min: 4, max: 12 },
    medium: { min: 2, max: 6 },
    large: { min: 0, max: 2 },
    acquireTimeoutMs: 480_000,
    createMs: 60_000,
    resetMs: 90_000,
    idleTimeoutMs: 600_000,
    maxLifetimeMs: 2_700_000,
    leakDetectionMs: 3_000_000,
    housekeepingMs: 30_000,
    validateAfterIdleMs: 500,
  },
  staff: { corePoolSize: 3, maxPoolSize: 6, queueCapacity: 8, keepAliveMs: 300_000, rejectionPolicy: 'callerRuns', allowCoreTimeout: false },
  ingredients: { softLimit: 24, hardLimit: 64 },
  stations: { memoryLimitBytes: 40_960, gcThresholdBytes: 32_768, staleAfterMs: 600_000, staleSweepEveryMs: 60_000 },
  shelf: { maxEntries: 10, maxBytes: 12_288 },
  manager: { connection: 40, memory: 65_536, fd: 24, thread: 12 },
};

describe('Simulation.limits()', () => {
  it("starts as the scenario's limits, every kind present", () => {
    expect(dinner().limits()).toEqual(DINNER_LIMITS);
  });

  it('follows every kind of limit command, and a refused one changes nothing', () => {
    const sim = dinner();
    sim.runUntil(600_000);
    expect(sim.apply({ kind: 'tables', changes: { small: { min: 2, max: 8 }, acquireTimeoutMs: 60_000 } })).toBeNull();
    expect(sim.apply({ kind: 'staff', changes: { maxPoolSize: 4 } })).toBeNull();
    expect(sim.apply({ kind: 'ingredients', softLimit: 16, hardLimit: 32 })).toBeNull();
    expect(sim.apply({ kind: 'stations', changes: { memoryLimitBytes: 20_480 } })).toBeNull();
    expect(sim.apply({ kind: 'shelf', changes: { maxEntries: 4, maxBytes: 4_096 } })).toBeNull();
    expect(sim.apply({ kind: 'manager', resource: 'fd', limit: 10 })).toBeNull();
    expect(sim.apply({ kind: 'ingredients', softLimit: 16, hardLimit: 64 })).toMatch(/^ingredients: EPERM/);
    expect(sim.apply({ kind: 'shelf', changes: { maxEntries: 0, maxBytes: 0 } })).toMatch(/^shelf/);
    expect(sim.limits()).toEqual({
      ...DINNER_LIMITS,
      tables: { ...DINNER_LIMITS.tables, small: { min: 2, max: 8 }, acquireTimeoutMs: 60_000 },
      staff: { ...DINNER_LIMITS.staff, maxPoolSize: 4 },
      ingredients: { softLimit: 16, hardLimit: 32 },
      stations: { ...DINNER_LIMITS.stations, memoryLimitBytes: 20_480 },
      shelf: { maxEntries: 4, maxBytes: 4_096 },
      manager: { ...DINNER_LIMITS.manager, fd: 10 },
    });
  });

  it('omits kinds missing from the scenario', () => {
    expect(createSimulation(scenarioOrThrow(builtInScenarios.shelf)).limits()).toEqual({ shelf: { maxEntries: 12, maxBytes: 10_240 } });
    expect(Object.keys(createSimulation(scenarioOrThrow(builtInScenarios.tables)).limits())).toEqual(['tables']);
  });

  it('reports an UNBOUNDED shelf as having no limits (0, 0)', () => {
    expect(createSimulation(scenarioOrThrow(builtInScenarios['unbounded-shelf'])).limits().shelf).toEqual({ maxEntries: 0, maxBytes: 0 });
  });

  it('gives copies: changing what it returned changes nothing', () => {
    const sim = dinner();
    const l = sim.limits();
    (l.tables as { small: { max: number } }).small.max = 99;
    (l.manager as { fd: number }).fd = 99;
    (l.shelf as { maxEntries: number }).maxEntries = 99;
    expect(sim.limits()).toEqual(DINNER_LIMITS);
  });
});

describe('Simulation.units(): the rail and the heap', () => {
  it("lists the thread pool's queued tickets in order, as copies", () => {
    const sim = dinner();
    sim.runUntil(420_000);
    const units = sim.units();
    expect(units.ticketRail).toEqual([
      { taskId: 4, partyId: 2, durationMs: 265_719 },
      { taskId: 5, partyId: 2, durationMs: 205_627 },
    ]);
    // The log agrees: queued, not yet started.
    const started = new Set(sim.log.ofType('task.started').map((e) => e.taskId));
    expect(sim.log.ofType('task.queued').filter((e) => !started.has(e.taskId)).map((e) => e.taskId)).toEqual([4, 5]);
    units.ticketRail[0].durationMs = 1;
    expect(sim.units().ticketRail[0].durationMs).toBe(265_719);
  });

  it("gives the heap's free list, size and base address", () => {
    const sim = dinner();
    expect(sim.units()).toMatchObject({ heapFreeList: [{ addr: 1000, size: 32_768 }], heapSize: 32_768, heapBaseAddr: 1000 });
    sim.runUntil(1_860_000);
    const units = sim.units();
    expect(units.heapFreeList).toEqual([
      { addr: 1000, size: 1688 },
      { addr: 8416, size: 25_352 },
    ]);
    expect(units.heapFreeList.reduce((sum, c) => sum + c.size, 0)).toBe(sim.gauges().stations?.heap.freeBytes);
    units.heapFreeList[0].size = 1;
    expect(sim.units().heapFreeList[0].size).toBe(1688);
  });

  it('gives empty lists and zeros for kinds the scenario lacks', () => {
    const units = createSimulation(scenarioOrThrow(builtInScenarios.tables)).units();
    expect(units).toMatchObject({ ticketRail: [], heapFreeList: [], heapSize: 0, heapBaseAddr: 0 });
  });
});
