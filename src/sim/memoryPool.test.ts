import { describe, expect, it } from 'vitest';
import { MemoryPool } from './memoryPool.ts';

describe('MemoryPool constructor', () => {
  it('starts with every block free', () => {
    const p = new MemoryPool(64, 4);
    expect([p.blockSize, p.blockCount, p.usedCount, p.freeCount, p.usedBytes, p.utilisation(), p.isExhausted()]).toEqual([64, 4, 0, 4, 0, 0, false]);
  });

  it('allows an empty pool, which is always exhausted', () => {
    const p = new MemoryPool(64, 0);
    expect(p.isExhausted()).toBe(true);
    expect(p.utilisation()).toBe(0);
    expect(p.allocate()).toBe(-1);
  });

  it('rejects a block size below 1 and counts that are not whole numbers', () => {
    expect(() => new MemoryPool(0, 4)).toThrow(RangeError);
    expect(() => new MemoryPool(64, -1)).toThrow(RangeError);
    expect(() => new MemoryPool(64, 1.5)).toThrow(RangeError);
    expect(() => new MemoryPool(2.5, 1)).toThrow(RangeError);
  });
});

describe('MemoryPool.allocate() and free()', () => {
  it('allocate() hands out blocks 0, 1, 2 in order, then -1 when exhausted', () => {
    const p = new MemoryPool(32, 3);
    expect([p.allocate(), p.allocate(), p.allocate(), p.allocate()]).toEqual([0, 1, 2, -1]);
    expect(p.isExhausted()).toBe(true);
    expect(p.utilisation()).toBe(1);
    expect(p.usedBytes).toBe(96);
  });

  it('free() makes the block the next one handed out (LIFO reuse)', () => {
    const p = new MemoryPool(32, 4);
    p.allocate();
    p.allocate();
    p.allocate();
    expect(p.free(0)).toBe(true);
    expect(p.free(2)).toBe(true);
    expect(p.allocate()).toBe(2);
    expect(p.allocate()).toBe(0);
    expect(p.allocate()).toBe(3);
    expect(p.allocate()).toBe(-1);
  });

  it('free() refuses a block that is already free, out of range or not an index', () => {
    const p = new MemoryPool(32, 2);
    expect(p.allocate()).toBe(0);
    expect(p.free(1)).toBe(false);
    expect(p.free(0)).toBe(true);
    expect(p.free(0)).toBe(false);
    expect(p.free(-1)).toBe(false);
    expect(p.free(2)).toBe(false);
    expect(p.free(0.5)).toBe(false);
    expect([p.usedCount, p.freeCount]).toEqual([0, 2]);
    expect([p.allocate(), p.allocate(), p.allocate()]).toEqual([0, 1, -1]);
  });

  it('utilisation() is the fraction of blocks in use', () => {
    const p = new MemoryPool(16, 4);
    p.allocate();
    expect(p.utilisation()).toBe(0.25);
    expect(p.isBlockAllocated(0)).toBe(true);
    expect(p.isBlockAllocated(1)).toBe(false);
  });
});
