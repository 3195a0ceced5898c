/**
 * Exact, hand-computed traces of every replacement policy (SEMANTICS.md A.2), Belady's anomaly, OPT/UNOPT
 * ties, and OSTEP's randomized-probe CLOCK with clockBits 0, 1 and 2 under our seeded PRNG.
 */
import { describe, expect, it } from 'vitest';
import { createRandom, uniform } from './random.ts';
import {
  createReplacementPolicy,
  nextUseIndexes,
  OstepClockPolicy,
  SecondChancePolicy,
  simulateReplacement,
  type AccessResult,
  type PageKey,
  type ReplacementPolicyName,
} from './replacementPolicy.ts';

/** OSTEP's example stream from the chapter's homework README. */
const S = [0, 1, 2, 0, 1, 3, 0, 3, 1, 2, 1];
const BELADY = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5];

type Row<K extends PageKey> = [page: K, hit: 'H' | 'M', victim: K | null, memory: K[]];

function rows<K extends PageKey>(results: AccessResult<K>[]): Row<K>[] {
  return results.map((r) => [r.page, r.hit ? 'H' : 'M', r.victim, r.memory]);
}

function misses(policy: ReplacementPolicyName, stream: readonly number[], cacheSize: number): number {
  return simulateReplacement(policy, stream, cacheSize).filter((r) => !r.hit).length;
}

/**
 * The first draws of createRandom(0), for reading the RAND and CLOCK traces below:
 * floor(d * 3) = 1, 2, 2, 0, 1, 2, 1, 1, 1, 2, 2, 0.
 */
const SEED0 = [
  0.3956797458231449, 0.8115158611908555, 0.7605490456335247, 0.011128023499622941, 0.5714294023346156, 0.9091700275894254,
  0.3768168182577938, 0.6200180584564805, 0.37627329607494175, 0.8369973252993077, 0.735489146783948, 0.1032478641718626,
];

describe('our PRNG stream used by the RAND and CLOCK traces', () => {
  it('createRandom(0) starts with these draws', () => {
    const rng = createRandom(0);
    expect(SEED0.map(() => uniform(rng))).toEqual(SEED0);
    expect(SEED0.map((d) => Math.floor(d * 3))).toEqual([1, 2, 2, 0, 1, 2, 1, 1, 1, 2, 2, 0]);
  });
});

describe('FIFO', () => {
  it('evicts the first page in; hits change nothing', () => {
    expect(rows(simulateReplacement('FIFO', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
      [3, 'M', 0, [1, 2, 3]],
      [0, 'M', 1, [2, 3, 0]],
      [3, 'H', null, [2, 3, 0]],
      [1, 'M', 2, [3, 0, 1]],
      [2, 'M', 3, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
    ]);
  });

  it("shows Belady's anomaly: 9 misses with 3 frames, 10 with 4", () => {
    expect(misses('FIFO', BELADY, 3)).toBe(9);
    expect(misses('FIFO', BELADY, 4)).toBe(10);
    expect(rows(simulateReplacement('FIFO', BELADY, 4)).map((r) => r[2])).toEqual([null, null, null, null, null, null, 1, 2, 3, 4, 5, 1]);
  });
});

describe('LRU', () => {
  it('moves a hit to the end and evicts memory[0] (OSTEP README example)', () => {
    expect(rows(simulateReplacement('LRU', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [1, 2, 0]],
      [1, 'H', null, [2, 0, 1]],
      [3, 'M', 2, [0, 1, 3]],
      [0, 'H', null, [1, 3, 0]],
      [3, 'H', null, [1, 0, 3]],
      [1, 'H', null, [0, 3, 1]],
      [2, 'M', 0, [3, 1, 2]],
      [1, 'H', null, [3, 2, 1]],
    ]);
  });

  it("has no Belady's anomaly on the same stream: 10 misses with 3 frames, 8 with 4, never more with more frames", () => {
    expect(misses('LRU', BELADY, 3)).toBe(10);
    expect(misses('LRU', BELADY, 4)).toBe(8);
    const bySize = [1, 2, 3, 4, 5, 6].map((c) => misses('LRU', BELADY, c));
    expect(bySize).toEqual([12, 12, 10, 8, 5, 5]);
  });
});

describe('MRU', () => {
  it('moves a hit to the end and evicts the last page (the most recently used)', () => {
    expect(rows(simulateReplacement('MRU', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [1, 2, 0]],
      [1, 'H', null, [2, 0, 1]],
      [3, 'M', 1, [2, 0, 3]],
      [0, 'H', null, [2, 3, 0]],
      [3, 'H', null, [2, 0, 3]],
      [1, 'M', 3, [2, 0, 1]],
      [2, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 2, 1]],
    ]);
  });

  it('evicts the page just inserted when misses follow each other', () => {
    expect(rows(simulateReplacement('MRU', [1, 2, 3, 4], 2)).map((r) => [r[2], r[3]])).toEqual([
      [null, [1]],
      [null, [1, 2]],
      [2, [1, 3]],
      [3, [1, 4]],
    ]);
  });
});

describe('OPT', () => {
  it('evicts the page used furthest ahead; the last of pages never used again (a tie at 11)', () => {
    // Access 5 (page 3): next uses 0->6, 1->8, 2->9: evict 2. Access 9 (page 2): 0->never, 1->10,
    // 3->never: 0 and 3 tie at len=11, `>=` picks the last tied page in memory order, 3.
    expect(rows(simulateReplacement('OPT', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
      [3, 'M', 2, [0, 1, 3]],
      [0, 'H', null, [0, 1, 3]],
      [3, 'H', null, [0, 1, 3]],
      [1, 'H', null, [0, 1, 3]],
      [2, 'M', 3, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
    ]);
  });

  it('breaks ties by memory order, not by page number or recency', () => {
    // 5, 9 and 7 are never used again after access 4; memory order is [5, 9, 7] (hits do not reorder).
    expect(rows(simulateReplacement('OPT', [5, 9, 7, 5, 1], 3)).map((r) => [r[2], r[3]])).toEqual([
      [null, [5]],
      [null, [5, 9]],
      [null, [5, 9, 7]],
      [null, [5, 9, 7]],
      [7, [5, 9, 1]],
    ]);
  });

  it('misses least on the Belady stream (7 with 3 frames, 6 with 4)', () => {
    expect(misses('OPT', BELADY, 3)).toBe(7);
    expect(misses('OPT', BELADY, 4)).toBe(6);
  });
});

describe('UNOPT', () => {
  it('evicts the page needed soonest; the first of tied pages', () => {
    // Access 10 (page 1): 0, 3 and 2 are never used again: the first tied page in memory order, 0, goes.
    expect(rows(simulateReplacement('UNOPT', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
      [3, 'M', 0, [1, 2, 3]],
      [0, 'M', 3, [1, 2, 0]],
      [3, 'M', 1, [2, 0, 3]],
      [1, 'M', 2, [0, 3, 1]],
      [2, 'M', 1, [0, 3, 2]],
      [1, 'M', 0, [3, 2, 1]],
    ]);
  });

  it('breaks ties by memory order (first tied)', () => {
    expect(simulateReplacement('UNOPT', [5, 9, 7, 5, 1], 3).map((r) => r.victim)).toEqual([null, null, null, null, 5]);
    expect(simulateReplacement('UNOPT', [1, 2, 3], 2).map((r) => r.victim)).toEqual([null, null, 1]);
    expect(simulateReplacement('OPT', [1, 2, 3], 2).map((r) => r.victim)).toEqual([null, null, 2]);
  });
});

describe('RAND', () => {
  it('evicts memory[floor(u * cacheSize)] with one draw per eviction (seed 0)', () => {
    // Draws give indexes 1, 2, 2, 0, 1.
    expect(rows(simulateReplacement('RAND', [0, 1, 2, 3, 4, 5, 6, 7], 3, { rng: createRandom(0) }))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [3, 'M', 1, [0, 2, 3]],
      [4, 'M', 3, [0, 2, 4]],
      [5, 'M', 4, [0, 2, 5]],
      [6, 'M', 0, [2, 5, 6]],
      [7, 'M', 5, [2, 6, 7]],
    ]);
  });

  it('draws nothing on hits or while filling', () => {
    const rng = createRandom(0);
    expect(rows(simulateReplacement('RAND', S, 3, { rng })).map((r) => r[2])).toEqual([null, null, null, null, null, 1, null, null, 3, null, null]);
    expect(uniform(rng)).toBe(SEED0[2]);
  });
});

describe('CLOCK (OSTEP: use counters, random probes)', () => {
  it('clockBits 2 (the default), seed 0', () => {
    // Access 5 (3): probe 1 (2->1), probe 2 (1->0), probe 2 (0: evict 2).
    // Access 9 (2): counters {0:2, 1:2, 3:2}; probes 0 (->1), 1 (->1), 3 (->1), 1 (->0), 1 (0: evict 1).
    // Access 10 (1): counters {0:1, 3:1, 2:1}; probes 3 (->0), 2 (->0), 2 (0: evict 2).
    const rng = createRandom(0);
    expect(rows(simulateReplacement('CLOCK', S, 3, { rng }))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
      [3, 'M', 2, [0, 1, 3]],
      [0, 'H', null, [0, 1, 3]],
      [3, 'H', null, [0, 1, 3]],
      [1, 'H', null, [0, 1, 3]],
      [2, 'M', 1, [0, 3, 2]],
      [1, 'M', 2, [0, 3, 1]],
    ]);
    expect(uniform(rng)).toBe(SEED0[11]); // 11 probes drawn
  });

  it('clockBits 1, seed 0', () => {
    // Access 5 (3): probe 1 (1->0), probe 2 (1->0), probe 2 (0: evict 2).
    // Access 9 (2): counters {0:1, 1:1, 3:1}; probes 0 (->0), 1 (->0), 3 (->0), 1 (0: evict 1).
    // Access 10 (1): probe 3 (0: evict 3).
    const rng = createRandom(0);
    expect(rows(simulateReplacement('CLOCK', S, 3, { rng, clockBits: 1 })).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['M', null, [0]],
      ['M', null, [0, 1]],
      ['M', null, [0, 1, 2]],
      ['H', null, [0, 1, 2]],
      ['H', null, [0, 1, 2]],
      ['M', 2, [0, 1, 3]],
      ['H', null, [0, 1, 3]],
      ['H', null, [0, 1, 3]],
      ['H', null, [0, 1, 3]],
      ['M', 1, [0, 3, 2]],
      ['M', 3, [0, 2, 1]],
    ]);
    expect(uniform(rng)).toBe(SEED0[8]);
  });

  it('clockBits 0, seed 0: a first hit drops the counter to 0', () => {
    // Hits on 0 and 1 set them to 0. Access 5 (3): probe 1 (0: evict 1). Access 8 (1): probe 3, inserted
    // with 1 and hit once (-> 0), so it goes at once.
    const rng = createRandom(0);
    expect(rows(simulateReplacement('CLOCK', S, 3, { rng, clockBits: 0 })).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['M', null, [0]],
      ['M', null, [0, 1]],
      ['M', null, [0, 1, 2]],
      ['H', null, [0, 1, 2]],
      ['H', null, [0, 1, 2]],
      ['M', 1, [0, 2, 3]],
      ['H', null, [0, 2, 3]],
      ['H', null, [0, 2, 3]],
      ['M', 3, [0, 2, 1]],
      ['H', null, [0, 2, 1]],
      ['H', null, [0, 2, 1]],
    ]);
    expect(uniform(rng)).toBe(SEED0[2]);
  });

  it('counters: inserted at 1 (even with clockBits 0), capped at clockBits, deleted on eviction', () => {
    const zero = new OstepClockPolicy<number>(2, createRandom(0), 0);
    zero.access(7);
    expect(zero.counterOf(7)).toBe(1);
    zero.access(7);
    expect(zero.counterOf(7)).toBe(0);

    const two = new OstepClockPolicy<number>(2, createRandom(0), 2);
    for (const p of [1, 1, 1, 1]) two.access(p);
    expect(two.counterOf(1)).toBe(2);
    two.access(2); // counters {1:2, 2:1}
    // Draws: index 0 (page 1: 2->1), 1 (page 2: 1->0), 1 (page 2: evict).
    expect(two.access(3)).toEqual({ hit: false, victim: 2 });
    expect(two.counterOf(2)).toBeUndefined();
    expect(two.counterOf(1)).toBe(1);
    two.access(1);
    expect(two.counterOf(1)).toBe(2);
  });
});

describe('SECOND_CHANCE (classic sweeping-hand CLOCK)', () => {
  it('sweeps clearing set bits and evicts the first clear one; memory in frame order', () => {
    // After 0,1,2 every bit is set. Access 5 (3): the hand clears 0, 1, 2, comes back to frame 0 and evicts 0;
    // 3 takes frame 0 (bit set), the hand moves to frame 1. Access 6 (0): frame 1 (page 1) is clear: evict.
    // Access 8 (1): frame 2 (page 2) is clear: evict. Access 9 (2): all set again: full sweep, evict frame 0.
    expect(rows(simulateReplacement('SECOND_CHANCE', S, 3))).toEqual([
      [0, 'M', null, [0]],
      [1, 'M', null, [0, 1]],
      [2, 'M', null, [0, 1, 2]],
      [0, 'H', null, [0, 1, 2]],
      [1, 'H', null, [0, 1, 2]],
      [3, 'M', 0, [3, 1, 2]],
      [0, 'M', 1, [3, 0, 2]],
      [3, 'H', null, [3, 0, 2]],
      [1, 'M', 2, [3, 0, 1]],
      [2, 'M', 3, [2, 0, 1]],
      [1, 'H', null, [2, 0, 1]],
    ]);
  });

  it('gives a referenced page a second chance (bits and hand exposed)', () => {
    const shelf = new SecondChancePolicy<string>(3);
    for (const dish of ['soup', 'stew', 'pie']) shelf.access(dish);
    // Full sweep clears all three bits and evicts soup in frame 0; the hand moves to frame 1.
    expect(shelf.access('tart')).toEqual({ hit: false, victim: 'soup' });
    expect(shelf.hand).toBe(1);
    expect(shelf.access('stew')).toEqual({ hit: true, victim: null }); // stew's bit set again
    expect(shelf.referenceBit('stew')).toBe(1);
    expect(shelf.referenceBit('pie')).toBe(0);
    // The hand passes stew (clearing it) and evicts pie.
    expect(shelf.access('flan')).toEqual({ hit: false, victim: 'pie' });
    expect(shelf.memory()).toEqual(['tart', 'stew', 'flan']);
    expect(shelf.referenceBit('stew')).toBe(0);
    expect(shelf.hand).toBe(0);
  });

  it('evicts in FIFO order when nothing is ever hit', () => {
    const distinct = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const victims = (policy: ReplacementPolicyName) => simulateReplacement(policy, distinct, 3).map((r) => r.victim);
    expect(victims('SECOND_CHANCE')).toEqual(victims('FIFO'));
    expect(victims('SECOND_CHANCE')).toEqual([null, null, null, 0, 1, 2, 3, 4, 5, 6]);
  });

  it("shows Belady's anomaly on the same stream as FIFO: 9 misses with 3 frames, 10 with 4", () => {
    // 4 frames: after 1,2,3,4 and hits on 1,2, page 5 sweeps all bits and evicts 1; then 1, 2, 3 each evict
    // the clear frame under the hand (2, 3, 4), 4 sweeps again and evicts 5, and 5 evicts 1.
    expect(misses('SECOND_CHANCE', BELADY, 3)).toBe(9);
    expect(rows(simulateReplacement('SECOND_CHANCE', BELADY, 4)).map((r) => r[2])).toEqual([null, null, null, null, null, null, 1, 2, 3, 4, 5, 1]);
    expect(misses('SECOND_CHANCE', BELADY, 4)).toBe(10);
  });
});

describe('string keys (dish names)', () => {
  it('behave exactly like numbers', () => {
    const dishes = S.map((p) => ['soup', 'stew', 'pie', 'tart'][p]);
    for (const policy of ['FIFO', 'LRU', 'MRU', 'OPT', 'UNOPT', 'RAND', 'CLOCK', 'SECOND_CHANCE'] as const) {
      const byNumber = simulateReplacement(policy, S, 3, { rng: createRandom(4) });
      const byName = simulateReplacement(policy, dishes, 3, { rng: createRandom(4) });
      expect(byName.map((r) => r.victim)).toEqual(byNumber.map((r) => (r.victim === null ? null : ['soup', 'stew', 'pie', 'tart'][r.victim])));
    }
  });
});

describe('API edges', () => {
  it('nextUseIndexes gives the next occurrence strictly after, or the length', () => {
    expect([...nextUseIndexes(S)]).toEqual([3, 4, 9, 6, 8, 7, 11, 11, 10, 11, 11]);
  });

  it('refuses a cacheSize below 1, a negative clockBits and missing options', () => {
    expect(() => simulateReplacement('LRU', S, 0)).toThrow(RangeError);
    expect(() => simulateReplacement('LRU', S, 1.5)).toThrow('cacheSize must be an integer >= 1, got 1.5');
    expect(() => simulateReplacement('CLOCK', S, 3, { rng: createRandom(0), clockBits: -1 })).toThrow('clockBits must be an integer >= 0');
    expect(() => simulateReplacement('RAND', S, 3)).toThrow('RAND needs a random source (options.rng)');
    expect(() => createReplacementPolicy('OPT', 3)).toThrow('OPT is offline');
  });

  it('an offline policy must be fed its stream, in order, and no further', () => {
    const opt = createReplacementPolicy<number>('OPT', 2, { future: [1, 2] });
    expect(opt.access(1)).toEqual({ hit: false, victim: null });
    expect(() => opt.access(3)).toThrow('OPT: access 1 must be 2 (the stream given up front), got 3');
    opt.access(2);
    expect(() => opt.access(1)).toThrow('the reference stream has ended');
  });

  it('an empty stream gives no results', () => {
    expect(simulateReplacement('OPT', [], 3)).toEqual([]);
  });

  it('has() and size do not count as accesses', () => {
    const lru = createReplacementPolicy<number>('LRU', 2);
    lru.access(1);
    lru.access(2);
    expect(lru.has(1)).toBe(true);
    expect(lru.size).toBe(2);
    expect(lru.access(3).victim).toBe(1);
  });
});
