import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { scenarioOrThrow } from './scenario.ts';
import { drawParty, nextArrivalMs } from './workload.ts';

const phases = [
  { name: 'quiet', durationMs: 3_600_000, arrivalsPerHour: 20 },
  { name: 'rush', durationMs: 3_600_000, arrivalsPerHour: 120 },
  { name: 'closed', durationMs: 3_600_000, arrivalsPerHour: 0 },
];

function arrivals(seed: number, endMs: number): number[] {
  const rng = createRandom(seed);
  const times: number[] = [];
  for (let t = nextArrivalMs(rng, phases, 0, endMs); t !== Infinity; t = nextArrivalMs(rng, phases, t, endMs)) times.push(t);
  return times;
}

describe('nextArrivalMs()', () => {
  it('follows each phase rate on average (Poisson counts over many hours of seeds)', () => {
    let quiet = 0;
    let rush = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      for (const t of arrivals(seed, 3 * 3_600_000)) {
        if (t < 3_600_000) quiet++;
        else if (t < 7_200_000) rush++;
        else throw new Error(`arrival during the closed phase at ${t}`);
      }
    }
    expect(quiet / runs).toBeGreaterThan(19);
    expect(quiet / runs).toBeLessThan(21);
    expect(rush / runs).toBeGreaterThan(118);
    expect(rush / runs).toBeLessThan(122);
  });

  it('gives whole, increasing milliseconds and stops at endMs', () => {
    const times = arrivals(7, 5_400_000);
    expect(times.every((t) => Number.isInteger(t))).toBe(true);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(Math.max(...times)).toBeLessThan(5_400_000);
  });

  it('gives exact times for a fixed seed', () => {
    expect(arrivals(42, 3 * 3_600_000).slice(0, 5)).toMatchInlineSnapshot(`
      [
        53139,
        152905,
        153472,
        349901,
        943462,
      ]
    `);
  });
});

describe('drawParty()', () => {
  const scenario = scenarioOrThrow({ name: 'w', faults: { forgottenTableProbability: 0.5 } });

  it('draws the same party for the same seed whatever the fault probabilities', () => {
    const a = drawParty(createRandom(1), scenario.workload, scenario.faults, 1, 0);
    const b = drawParty(createRandom(1), scenario.workload, { ...scenario.faults, forgottenTableProbability: 0 }, 1, 0);
    expect({ ...b, isTableForgotten: a.isTableForgotten }).toEqual(a);
  });

  it('draws sizes by weight and one ticket per guest by default', () => {
    const rng = createRandom(5);
    const counts = new Map<number, number>();
    let ticketMismatches = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = drawParty(rng, scenario.workload, scenario.faults, i, 0);
      if (p.tickets.length !== p.size) ticketMismatches++;
      counts.set(p.size, (counts.get(p.size) ?? 0) + 1);
    }
    expect(ticketMismatches).toBe(0);
    // Default weights 5 : 3 : 1.5 : 0.5 for sizes 2, 4, 6, 10.
    expect((counts.get(2) ?? 0) / 20_000).toBeCloseTo(0.5, 1);
    expect((counts.get(10) ?? 0) / 20_000).toBeCloseTo(0.05, 1);
  });
});
