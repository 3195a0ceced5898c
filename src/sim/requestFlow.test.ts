import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import type { SimEvent } from './events.ts';
import { scenarioOrThrow, type ScenarioInput } from './scenario.ts';
import { createSimulation } from './simulation.ts';

const run = (input: ScenarioInput, seed?: number, untilMs?: number) => {
  const scenario = scenarioOrThrow(input);
  const sim = createSimulation(scenario, seed);
  sim.runUntil(untilMs ?? scenario.durationMs);
  return sim;
};

/** Parties of one guest with one ticket, arriving `perHour` over `durationMs`; every ticket is dish 1. */
function oneDishWorkload(durationMs: number, perHour: number, cookMs: number, dishBytes: number, ingredientsPerTicket = 0) {
  return {
    phases: [{ name: 'steady', durationMs, arrivalsPerHour: perHour }],
    partySizes: [{ size: 1, weight: 1 }],
    ticketsPerGuest: 1,
    cookMs: { medianMs: cookMs, sigma: 0 },
    ingredientsPerTicket,
    menu: { dishCount: 1, dishBytes: { min: dishBytes, max: dishBytes } },
  };
}

/** One event as a short line, for exact comparisons. */
function line(e: SimEvent): string {
  switch (e.type) {
    case 'party.arrived':
      return `${e.atMs} P${e.partyId} arrives (${e.size})`;
    case 'party.left':
      return `${e.atMs} P${e.partyId} leaves (${e.reason})`;
    case 'cache.hit':
      return `${e.atMs} shelf hit ${e.key}`;
    case 'cache.miss':
      return `${e.atMs} shelf miss ${e.key}`;
    case 'cache.stored':
      return `${e.atMs} shelf stores ${e.key} (${e.size} B): ${e.entryCount} dishes`;
    case 'task.submitted':
      return `${e.atMs} T${e.taskId} submitted for P${e.partyId}`;
    case 'task.started':
      return `${e.atMs} T${e.taskId} started by W${e.workerId}`;
    case 'task.completed':
      return `${e.atMs} T${e.taskId} completed by W${e.workerId} in ${e.durationMs}`;
    case 'task.failed':
      return `${e.atMs} T${e.taskId} failed on W${e.workerId}: ${e.reason}`;
    case 'worker.started':
      return `${e.atMs} W${e.workerId} starts with T${e.taskId}`;
    case 'worker.idle':
      return `${e.atMs} W${e.workerId} idle`;
    case 'pool.allocated':
      return `${e.atMs} block #${e.blockId} (${e.poolClass} ${e.blockIndex}, ${e.size} B) to ${e.owner}`;
    case 'pool.freed':
      return `${e.atMs} block #${e.blockId} freed by ${e.owner}`;
    case 'memory.limitExceeded':
      return `${e.atMs} memory limit: ${e.owner} needs ${e.requested}, ${e.used} of ${e.limit} used`;
    case 'memory.reclaimed':
      return `${e.atMs} block #${e.blockId} of ${e.owner} reclaimed (${e.reason}) idle ${e.idleMs}`;
    case 'memory.leaked':
      return `${e.atMs} block #${e.blockId} of ${e.owner} leaked (since ${e.allocatedAtMs})`;
    case 'gc.ran':
      return `${e.atMs} gc: ${e.usedBefore} > ${e.threshold}, collected ${e.collectedCount} (${e.freedBytes} B)`;
    case 'fd.opened':
      return `${e.atMs} fd ${e.fd} to ${e.owner}`;
    case 'fd.closed':
      return `${e.atMs} fd ${e.fd} closed by ${e.owner}`;
    case 'fd.emfile':
      return `${e.atMs} EMFILE for ${e.owner} (${e.openCount} open, soft limit ${e.softLimit})`;
    default:
      return `${e.atMs} ${e.type}`;
  }
}

describe('RequestFlow and the warming shelf', () => {
  /** Two cooks, an LRU shelf, one dish on the menu cooked in exactly 2 minutes; ten minutes of service. */
  const shelfKitchen: ScenarioInput = {
    name: 'one-dish-shelf',
    durationMs: 600_000,
    workload: oneDishWorkload(600_000, 60, 120_000, 100),
    staff: { corePoolSize: 2, maxPoolSize: 2, queueCapacity: 10 },
    shelf: { policy: 'LRU', maxEntries: 4, maxBytes: 0 },
  };

  it('placeOrders() serves a dish already on the shelf at once, submitting no task for it; completion stores a cooked dish once', () => {
    const sim = run(shelfKitchen, 1);
    expect(sim.log.events.map(line)).toEqual([
      '121046 P1 arrives (1)',
      '121046 shelf miss dish 1',
      '121046 T1 submitted for P1',
      '121046 W1 starts with T1',
      '121046 T1 started by W1',
      // P2 comes while dish 1 is still being cooked: the shelf is empty, so it is cooked a second time.
      '235275 P2 arrives (1)',
      '235275 shelf miss dish 1',
      '235275 T2 submitted for P2',
      '235275 W2 starts with T2',
      '235275 T2 started by W2',
      // The dish goes on the shelf as its ticket completes, before the party leaves with it.
      '241046 T1 completed by W1 in 120000',
      '241046 shelf stores dish 1 (100 B): 1 dishes',
      '241046 P1 leaves (finished)',
      '241046 W1 idle',
      // From now on dish 1 is waiting on the shelf: no ticket, no cook.
      '292228 P3 arrives (1)',
      '292228 shelf hit dish 1',
      '292228 P3 leaves (finished)',
      '325065 P4 arrives (1)',
      '325065 shelf hit dish 1',
      '325065 P4 leaves (finished)',
      // The second dish 1 finds one already on the shelf: it is not stored again.
      '355275 T2 completed by W2 in 120000',
      '355275 P2 leaves (finished)',
      '355275 W2 idle',
      '391238 P5 arrives (1)',
      '391238 shelf hit dish 1',
      '391238 P5 leaves (finished)',
      '408077 P6 arrives (1)',
      '408077 shelf hit dish 1',
      '408077 P6 leaves (finished)',
      '425659 P7 arrives (1)',
      '425659 shelf hit dish 1',
      '425659 P7 leaves (finished)',
      '467608 P8 arrives (1)',
      '467608 shelf hit dish 1',
      '467608 P8 leaves (finished)',
    ]);
    const m = sim.metrics();
    expect(m.parties).toMatchObject({ arrived: 8, finished: 8, dishesServed: 8, servedFromShelf: 6, dishesFailed: 0 });
    expect(m.staff).toMatchObject({ submitted: 2, completed: 2 });
    expect(m.shelf).toMatchObject({ lookups: 8, hits: 6, misses: 2, stored: 1, hitRatio: 0.75 });
  });

  it('placeOrders() never submits a task for a party whose dish was a shelf hit, on any seed', () => {
    for (const seed of [2, 3, 4]) {
      const sim = run(shelfKitchen, seed);
      const hitParties = new Set<number>();
      let lastArrival = 0;
      for (const e of sim.log.events) {
        if (e.type === 'party.arrived') lastArrival = e.partyId;
        if (e.type === 'cache.hit') hitParties.add(lastArrival);
      }
      const cooked = sim.log.ofType('task.submitted').map((e) => e.partyId);
      expect(cooked.filter((p) => hitParties.has(p)), `seed ${seed}`).toEqual([]);
      expect(sim.metrics().parties.servedFromShelf, `seed ${seed}`).toBe(hitParties.size);
      expect(cooked.length + hitParties.size, `seed ${seed}`).toBe(sim.metrics().parties.arrived);
    }
  });
});

describe('RequestFlow and the kitchen stations', () => {
  /** Parties of two (two tickets each), two cooks, two ingredients per ticket, dishes of 50 B (prep counters). */
  function stationsKitchen(memoryLimitBytes: number, softLimit: number): ScenarioInput {
    return {
      name: 'two-tickets',
      durationMs: 600_000,
      workload: { ...oneDishWorkload(600_000, 20, 120_000, 50, 2), partySizes: [{ size: 2, weight: 1 }] },
      staff: { corePoolSize: 2, maxPoolSize: 2, queueCapacity: 10 },
      ingredients: { softLimit },
      stations: {
        pools: { small: { blockSize: 64, blockCount: 4 }, medium: { blockSize: 1_024, blockCount: 1 } },
        heap: { heapSize: 1_024 },
        memoryLimitBytes,
        gcThresholdBytes: 0,
        staleAfterMs: 0,
      },
    };
  }

  it('a ticket that cannot get station memory fails with OOM before it takes any ingredient', () => {
    // Room for one 64 B prep counter: the party's second ticket hits the limit.
    const sim = run(stationsKitchen(64, 16), 1);
    expect(sim.log.events.map(line)).toEqual([
      '363137 P1 arrives (2)',
      '363137 T1 submitted for P1',
      '363137 W1 starts with T1',
      '363137 T1 started by W1',
      '363137 block #1 (small 0, 50 B) to ticket 1',
      '363137 fd 3 to ticket 1',
      '363137 fd 4 to ticket 1',
      '363137 T2 submitted for P1',
      '363137 W2 starts with T2',
      '363137 T2 started by W2',
      '363137 memory limit: ticket 2 needs 64, 64 of 64 used',
      '363137 T2 failed on W2: OOM',
      '363137 W2 idle',
      '483137 T1 completed by W1 in 120000',
      '483137 fd 3 closed by ticket 1',
      '483137 fd 4 closed by ticket 1',
      '483137 block #1 freed by ticket 1',
      '483137 P1 leaves (finished)',
      '483137 W1 idle',
    ]);
    const m = sim.metrics();
    expect(m.parties).toMatchObject({ dishesServed: 1, dishesFailed: 1, finished: 1 });
    expect(m.staff).toMatchObject({ completed: 1, failed: 1 });
    expect(m.ingredients).toMatchObject({ opened: 2, closed: 2, leaked: 0 });
    expect(m.stations).toMatchObject({ oomCount: 1, failures: { poolExhausted: 0, limitExceeded: 1, heapOom: 0 }, frees: 1 });
    expect(sim.ingredients?.openFds().filter((f) => f.owner.startsWith('ticket'))).toEqual([]);
    expect(sim.stations?.blocks()).toEqual([]);
  });

  it('a ticket that gets station memory but not its ingredients (EMFILE) closes what it opened and frees its block', () => {
    // Pantry slots 3, 4 and 5: ticket 1 takes 3 and 4, ticket 2 gets 5 and then EMFILE.
    const sim = run(stationsKitchen(128, 6), 1);
    expect(sim.log.events.slice(10, 17).map(line)).toEqual([
      '363137 block #2 (small 1, 50 B) to ticket 2',
      '363137 fd 5 to ticket 2',
      '363137 EMFILE for ticket 2 (6 open, soft limit 6)',
      '363137 fd 5 closed by ticket 2',
      '363137 block #2 freed by ticket 2',
      '363137 T2 failed on W2: EMFILE',
      '363137 W2 idle',
    ]);
    expect(sim.metrics().stations).toMatchObject({ frees: 2, oomCount: 0 });
    expect(sim.stations?.blocks()).toEqual([]);
  });
});

describe('RequestFlow forgotten stations', () => {
  /** No staff (an unlimited kitchen); every cook walks away from the station; the collector runs above 192 B. */
  const forgetful: ScenarioInput = {
    name: 'forgotten-stations',
    durationMs: 1_200_000,
    workload: oneDishWorkload(1_200_000, 30, 60_000, 50),
    stations: {
      pools: { small: { blockSize: 64, blockCount: 16 }, medium: { blockSize: 1_024, blockCount: 1 } },
      heap: { heapSize: 1_024 },
      memoryLimitBytes: 2_048,
      gcThresholdBytes: 192,
      staleAfterMs: 0,
    },
    faults: { forgottenStationProbability: 1 },
  };

  it('finishTicket() marks a forgotten station unreachable; a ticket still cooking keeps its block allocated', () => {
    const sim = run(forgetful, 1, 640_000);
    // Tickets 1 and 2 finished (cooked in 60 s); ticket 3, submitted at 584 453, is still cooking.
    expect(sim.stations?.blocks().map((b) => [b.blockId, b.owner, b.state])).toEqual([
      [1, 'ticket 1', 'unreachable'],
      [2, 'ticket 2', 'unreachable'],
      [3, 'ticket 3', 'allocated'],
    ]);
    expect(sim.metrics().parties.stationsForgotten).toBe(2);
  });

  it('the GC collects unreachable stations when an allocation crosses the threshold, and closing reports the rest as memory.leaked', () => {
    const sim = run(forgetful, 1);
    const memoryLines = sim.log.events.filter((e) => !e.type.startsWith('party.')).map(line);
    expect(memoryLines).toEqual([
      '242091 T1 submitted for P1',
      '242091 block #1 (small 0, 50 B) to ticket 1',
      '302091 T1 completed by W0 in 60000',
      '470548 T2 submitted for P2',
      '470548 block #2 (small 1, 50 B) to ticket 2',
      '530548 T2 completed by W0 in 60000',
      '584453 T3 submitted for P3',
      '584453 block #3 (small 2, 50 B) to ticket 3',
      '644453 T3 completed by W0 in 60000',
      '650128 T4 submitted for P4',
      '650128 block #4 (small 3, 50 B) to ticket 4',
      // 192 B -> 256 B crosses the threshold: tickets 1-3 have finished, ticket 4 is cooking and is kept.
      '650128 block #1 of ticket 1 reclaimed (gc) idle 408037',
      '650128 block #2 of ticket 2 reclaimed (gc) idle 179580',
      '650128 block #3 of ticket 3 reclaimed (gc) idle 65675',
      '650128 gc: 256 > 192, collected 3 (192 B)',
      '710128 T4 completed by W0 in 60000',
      '782473 T5 submitted for P5',
      '782473 block #5 (small 2, 50 B) to ticket 5',
      '816151 T6 submitted for P6',
      '816151 block #6 (small 1, 50 B) to ticket 6',
      '842473 T5 completed by W0 in 60000',
      '851314 T7 submitted for P7',
      '851314 block #7 (small 0, 50 B) to ticket 7',
      // Ticket 6 (until 876 151) is still cooking, and ticket 7 has just started: only 4 and 5 are garbage.
      '851314 block #4 of ticket 4 reclaimed (gc) idle 201186',
      '851314 block #5 of ticket 5 reclaimed (gc) idle 68841',
      '851314 gc: 256 > 192, collected 2 (128 B)',
      '876151 T6 completed by W0 in 60000',
      '911314 T7 completed by W0 in 60000',
      '935213 T8 submitted for P8',
      '935213 block #8 (small 2, 50 B) to ticket 8',
      '995213 T8 completed by W0 in 60000',
      // Closing time: the forgotten stations no collection took are leaks.
      '1200000 block #6 of ticket 6 leaked (since 816151)',
      '1200000 block #7 of ticket 7 leaked (since 851314)',
      '1200000 block #8 of ticket 8 leaked (since 935213)',
    ]);
    const m = sim.metrics();
    expect(m.parties).toMatchObject({ arrived: 8, finished: 8, dishesServed: 8, stationsForgotten: 8 });
    expect(m.stations).toMatchObject({ gcRuns: 2, reclaimedGc: 5, frees: 0, freeRefused: { doubleFree: 0, unknownPointer: 0 } });
    expect(sim.stations?.blocks().map((b) => [b.blockId, b.state])).toEqual([
      [6, 'unreachable'],
      [7, 'unreachable'],
      [8, 'unreachable'],
    ]);
  });
});

describe('RequestFlow with an unbounded shelf', () => {
  const unbounded = builtInScenarios['unbounded-shelf'];

  it('unbounded-shelf (seed 21): the shelf only grows, until the cooks cannot get counter space', () => {
    const sim = run(unbounded);
    const m = sim.metrics();
    expect(sim.seed).toBe(21);
    expect(m.shelf).toMatchObject({ stored: 53, peakEntries: 53, evicted: { evict: 0, set: 0, delete: 0, stale: 0 }, refused: { tooBig: 0, noMemory: 0 } });
    const entries = sim.series.map((g) => g.shelf?.entryCount ?? 0);
    expect(entries.every((n, i) => i === 0 || n >= entries[i - 1])).toBe(true);
    // The first cook turned away: the shelf holds 49 dishes and the kitchen is 400 B from its limit.
    const failures = sim.log.ofType('memory.limitExceeded');
    expect(failures[0]).toEqual({ atMs: 817_000, type: 'memory.limitExceeded', requested: 600, used: 48_752, limit: 49_152, owner: 'ticket 56' });
    expect(sim.log.events.slice(0, sim.log.events.indexOf(failures[0])).filter((e) => e.type === 'cache.stored').length).toBe(49);
    // Every failure is a cook's (the shelf itself is never refused), and each is a failed dish.
    expect(failures.length).toBe(165);
    expect(failures.every((f) => /^ticket \d+$/.test(f.owner))).toBe(true);
    expect(m.parties).toMatchObject({ arrived: 289, dishesServed: 124, servedFromShelf: 68, dishesFailed: 165 });
    // At closing no ticket is cooking: what is left in the kitchen is the shelf, 53 dishes.
    const blocks = sim.stations?.blocks() ?? [];
    expect(blocks.length).toBe(53);
    expect(blocks.every((b) => b.owner.startsWith('shelf dish '))).toBe(true);
  });

  it('shelf (LRU, seed 21) never fails a ticket, and neither does unbounded-shelf with its shelf made that LRU', () => {
    const shelfOnly = run(builtInScenarios.shelf);
    expect(shelfOnly.seed).toBe(21);
    expect(shelfOnly.metrics().parties).toMatchObject({ arrived: 289, dishesFailed: 0, servedFromShelf: 180 });
    expect(shelfOnly.metrics().shelf).toMatchObject({ peakEntries: 12, evicted: { evict: 80, set: 0, delete: 0, stale: 0 } });
    // The same kitchen and guests as unbounded-shelf, but the shelf is bounded: the cooks always find room.
    const bounded = run({ ...unbounded, name: 'bounded-shelf', shelf: builtInScenarios.shelf.shelf } as ScenarioInput);
    expect(bounded.seed).toBe(21);
    expect(bounded.metrics().parties).toMatchObject({ arrived: 289, dishesFailed: 0, servedFromShelf: 18 });
    expect(bounded.metrics().shelf).toMatchObject({ peakEntries: 12, peakBytes: 10_240, evicted: { evict: 240, set: 0, delete: 0, stale: 0 } });
    expect(bounded.log.count('memory.limitExceeded')).toBe(0);
    expect(bounded.metrics().stations?.oomCount).toBe(0);
  });
});
