import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareShelfPolicies } from './shelfComparison.ts';

const score = (stream: string[], places: number) =>
  Object.fromEntries(compareShelfPolicies(stream, places).map((s) => [s.policy, s.misses]));

describe('compareShelfPolicies()', () => {
  it('replays one stream through OPT, LRU, second chance, FIFO and MRU (hand-computed misses)', () => {
    // Belady's string with 3 places.
    const stream = '1 2 3 4 1 2 5 1 2 3 4 5'.split(' ');
    // OPT evicts 3, 4, then the later-listed of two never-again dishes (2, then 3): misses 1 2 3 4 5 3 4.
    // MRU keeps 1 and 2 hot by evicting the newest: misses 1 2 3 4 5 2 3.
    expect(score(stream, 3)).toEqual({ OPT: 7, LRU: 10, SECOND_CHANCE: 9, FIFO: 9, MRU: 7 });
  });

  it('shows FIFO getting worse with more places (Belady) while OPT and LRU do not', () => {
    const stream = '1 2 3 4 1 2 5 1 2 3 4 5'.split(' ');
    expect(score(stream, 3).FIFO).toBe(9);
    expect(score(stream, 4).FIFO).toBe(10);
    expect(score(stream, 4).LRU).toBeLessThanOrEqual(score(stream, 3).LRU);
    expect(score(stream, 4).OPT).toBeLessThanOrEqual(score(stream, 3).OPT);
  });

  it('gives ratios in 0..1 and zeros for an empty stream', () => {
    for (const s of compareShelfPolicies([], 2)) expect(s).toMatchObject({ hits: 0, misses: 0, hitRatio: 0 });
    // One place: a (miss), a (hit), b (miss, a goes), a (miss).
    const [opt] = compareShelfPolicies(['a', 'a', 'b', 'a'], 1);
    expect(opt).toEqual({ policy: 'OPT', hits: 1, misses: 3, hitRatio: 0.25 });
  });

  it('never lets an online policy beat OPT (1,000 random streams)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 80 }), fc.integer({ min: 1, max: 5 }), (stream, places) => {
        const [opt, ...online] = compareShelfPolicies(stream, places);
        for (const s of online) expect(opt.hits).toBeGreaterThanOrEqual(s.hits);
      }),
      { numRuns: 1_000 },
    );
  });
});
