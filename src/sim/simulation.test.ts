import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { scenarioOrThrow, type ScenarioInput } from './scenario.ts';
import { createSimulation } from './simulation.ts';

const run = (input: ScenarioInput, seed?: number, untilMs?: number) => {
  const scenario = scenarioOrThrow(input);
  const sim = createSimulation(scenario, seed);
  sim.runUntil(untilMs ?? scenario.durationMs);
  return sim;
};

describe('createSimulation()', () => {
  it('gives the same event log for the same seed and a different one for another seed', () => {
    const a = run(builtInScenarios['dinner-service'], 5);
    const b = run(builtInScenarios['dinner-service'], 5);
    const c = run(builtInScenarios['dinner-service'], 6);
    expect(b.log.events).toEqual(a.log.events);
    expect(c.log.events).not.toEqual(a.log.events);
    expect(a.isFinished).toBe(true);
  });

  it('sends the same guests on the same seed whatever the limits (fair comparisons)', () => {
    const base = builtInScenarios['dinner-service'] as { tables: object; staff: object };
    const small = run({ ...base, name: 'a', tables: { ...base.tables, small: { min: 1, max: 2 } } } as ScenarioInput, 9);
    const big = run({ ...base, name: 'b', staff: { ...base.staff, corePoolSize: 6, maxPoolSize: 12 } } as ScenarioInput, 9);
    const arrivals = (s: typeof small) => s.log.ofType('party.arrived');
    expect(arrivals(big)).toEqual(arrivals(small));
    expect(small.metrics().parties.timedOut).toBeGreaterThan(big.metrics().parties.timedOut);
  });

  it('samples gauges every sampleEveryMs from 0 to the close', () => {
    const sim = run({ name: 's', durationMs: 600_000, sampleEveryMs: 60_000, tables: {} });
    expect(sim.series.map((g) => g.atMs)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000]);
    expect(sim.series[0].tables).toMatchObject({ inUse: 0, idle: 6, total: 6 });
  });

  it('without tables, parties order at the counter and leave with their food', () => {
    const sim = run(builtInScenarios.staff);
    const m = sim.metrics();
    expect(m.tables).toBeUndefined();
    expect(sim.log.count('table.acquired')).toBe(0);
    expect(m.parties.finished).toBeGreaterThan(0);
    expect(m.parties.dishesServed + m.parties.dishesRefused + m.parties.dishesFailed).toBe(sim.log.count('task.submitted') - inFlight(sim));
  });

  it('a ticket that cannot get its ingredients (EMFILE) fails and puts back what it took', () => {
    const sim = run({
      name: 'emfile',
      durationMs: 60_000,
      workload: { phases: [{ name: 'burst', durationMs: 60_000, arrivalsPerHour: 3_600 }], partySizes: [{ size: 1, weight: 1 }], ingredientsPerTicket: 3 },
      ingredients: { softLimit: 8, reservedCount: 3 },
    });
    // 5 free slots: the first ticket takes 3, the second gets 2 then EMFILE and closes them.
    const failedTicket = sim.log.ofType('fd.emfile')[0].owner;
    const closedByIt = sim.log.ofType('fd.closed').filter((e) => e.owner === failedTicket);
    expect(closedByIt.map((e) => e.fd)).toEqual([6, 7]);
    expect(sim.metrics().parties.dishesFailed).toBeGreaterThan(0);
  });

  it('reports ingredients that finished tickets never put back as leaks at closing time, and counts them', () => {
    const base = builtInScenarios.ingredients as { ingredients: object };
    // Without the stale sweep every forgotten ingredient is still out at closing time.
    const sim = run({ ...base, ingredients: { ...base.ingredients, staleAfterMs: 0, softLimit: 64 } } as ScenarioInput, 3);
    const leaked = sim.log.ofType('fd.leaked');
    expect(leaked.length).toBe(sim.metrics().parties.ingredientsForgotten);
    expect(sim.metrics().ingredients?.leaked).toBe(leaked.length);
    const submitted = new Set(sim.log.ofType('task.completed').map((e) => `ticket ${e.taskId}`));
    for (const l of leaked) {
      expect(l.atMs).toBe(3_600_000);
      // Only finished tickets leak: one still cooking at closing time is work in progress.
      expect(submitted.has(l.owner)).toBe(true);
    }
  });

  it('does not report a descriptor number reused by a ticket still cooking as a leak', () => {
    // With the stale sweep, forgotten descriptors are closed and their numbers handed to later tickets.
    const sim = run(builtInScenarios.ingredients, 3);
    const finished = new Set(sim.log.ofType('task.completed').map((e) => `ticket ${e.taskId}`));
    for (const l of sim.log.ofType('fd.leaked')) expect(finished.has(l.owner)).toBe(true);
    expect(sim.log.count('fd.staleClosed')).toBeGreaterThan(0);
    // Tickets still cooking at closing time hold descriptors, some with numbers a forgotten one once had.
    const inProgress = sim.ingredients?.openFds().filter((f) => f.owner !== 'house' && !finished.has(f.owner)) ?? [];
    expect(inProgress.length).toBeGreaterThan(0);
    expect(sim.log.ofType('fd.leaked').filter((l) => !finished.has(l.owner))).toEqual([]);
  });

  it('a forgotten table stays occupied and leak detection flags it', () => {
    const sim = run({
      name: 'leak',
      durationMs: 3_600_000,
      workload: { ticketsPerGuest: 0, diningMs: { medianMs: 60_000, sigma: 0 } },
      tables: { leakDetectionMs: 600_000 },
      faults: { forgottenTableProbability: 1 },
    });
    const suspected = sim.log.ofType('table.leakSuspected');
    expect(suspected.length).toBeGreaterThan(0);
    expect(sim.log.count('table.released')).toBe(0);
    for (const s of suspected) expect(s.heldMs).toBe(600_000);
  });
});

/** Tickets submitted but not yet ended when the run stopped. */
function inFlight(sim: ReturnType<typeof run>): number {
  const g = sim.gauges().staff;
  return g ? g.busy + g.queued + (g.isCallerBusy ? 1 : 0) + sim.log.count('task.deferred') * 0 : 0;
}
