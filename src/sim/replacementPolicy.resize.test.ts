/** `resize` of the policies the warming shelf can resize while it runs (FIFO, MRU, SECOND_CHANCE). */
import { describe, expect, it } from 'vitest';
import { FifoPolicy, MruPolicy, SecondChancePolicy } from './replacementPolicy.ts';

const fed = <P extends { access(k: number): unknown }>(policy: P, pages: number[]): P => {
  for (const p of pages) policy.access(p);
  return policy;
};

describe('resize', () => {
  it('FIFO: shrinking evicts the first in, oldest first; growing evicts nothing', () => {
    const fifo = fed(new FifoPolicy<number>(4), [1, 2, 3, 4, 1]);
    expect(fifo.resize(2)).toEqual([1, 2]);
    expect([fifo.cacheSize, fifo.memory()]).toEqual([2, [3, 4]]);
    expect(fifo.access(5)).toEqual({ hit: false, victim: 3 });
    expect(fifo.resize(3)).toEqual([]);
    expect(fifo.access(6)).toEqual({ hit: false, victim: null });
    expect(fifo.memory()).toEqual([4, 5, 6]);
  });

  it('MRU: shrinking evicts the most recently used, then the one before; the next victim is the new last', () => {
    const mru = fed(new MruPolicy<number>(4), [1, 2, 3, 4, 2]);
    expect(mru.resize(2)).toEqual([2, 4]);
    expect(mru.memory()).toEqual([1, 3]);
    expect(mru.access(5)).toEqual({ hit: false, victim: 3 });
    expect(mru.memory()).toEqual([1, 5]);
  });

  it('SECOND_CHANCE: shrinking sweeps the hand; frames close up and the hand points past the victim', () => {
    const clock = fed(new SecondChancePolicy<number>(4), [1, 2, 3, 4, 5, 3]);
    // 5 evicted 1 (frame 0) after clearing every bit; 3 was referenced again. Frames [5,2,3,4], bits [1,0,1,0], hand 1.
    expect(clock.resize(2)).toEqual([2, 4]);
    expect(clock.memory()).toEqual([5, 3]);
    expect([clock.referenceBit(5), clock.referenceBit(3), clock.hand]).toEqual([1, 0, 0]);
    expect(clock.access(6)).toEqual({ hit: false, victim: 3 });
    expect(clock.memory()).toEqual([5, 6]);
  });

  it('SECOND_CHANCE: growing adds empty frames at the end, filled before any sweep', () => {
    const clock = fed(new SecondChancePolicy<number>(2), [1, 2, 3]);
    expect(clock.resize(3)).toEqual([]);
    expect(clock.access(4)).toEqual({ hit: false, victim: null });
    expect(clock.memory()).toEqual([3, 2, 4]);
    expect(clock.hand).toBe(1);
  });

  it('refuses a size below 1 and changes nothing then', () => {
    const fifo = fed(new FifoPolicy<number>(2), [1, 2]);
    expect(() => fifo.resize(0)).toThrow(RangeError);
    expect([fifo.cacheSize, fifo.memory()]).toEqual([2, [1, 2]]);
  });
});
