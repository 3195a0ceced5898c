import { describe, expect, test } from 'vitest';
import type { MemoryBlock } from '../../sim/kitchenMemory.ts';
import { blockAriaLabel, blockLook, holderOf, poolDensity, poolSlots } from './stationSlots.ts';

function block(over: Partial<MemoryBlock>): MemoryBlock {
  return {
    blockId: 1,
    sizeClass: 'small',
    isHeap: false,
    poolIndex: 0,
    addr: null,
    requested: 48,
    size: 64,
    owner: 'ticket 12',
    allocatedAtMs: 0,
    lastUsedAtMs: 0,
    state: 'allocated',
    ...over,
  };
}

describe('stationSlots', () => {
  test('poolSlots() puts each pool block in its numbered slot and leaves the rest free', () => {
    const blocks = [
      block({ blockId: 1, poolIndex: 2 }),
      block({ blockId: 2, sizeClass: 'medium', poolIndex: 0, size: 1024 }),
      block({ blockId: 3, sizeClass: 'medium', isHeap: true, poolIndex: null, addr: 1000 }),
    ];
    const small = poolSlots(blocks, 'small', 4);
    expect(small.hiddenCount).toBe(0);
    expect(small.slots.map((s) => [s.index, s.block?.blockId ?? null])).toEqual([
      [0, null],
      [1, null],
      [2, 1],
      [3, null],
    ]);
    expect(poolSlots(blocks, 'medium', 2).slots.map((s) => s.block?.blockId ?? null)).toEqual([2, null]);
  });

  test('poolSlots() draws at most cap slots and counts the others', () => {
    const r = poolSlots([block({ poolIndex: 150 }), block({ blockId: 2, poolIndex: 3 })], 'small', 200, 96);
    expect(r.slots).toHaveLength(96);
    expect(r.hiddenCount).toBe(104);
    expect(r.hiddenTakenCount).toBe(1);
    expect(poolSlots([], 'small', 400).slots).toHaveLength(200);
  });

  test('poolDensity() turns compact past 48 slots', () => {
    expect([6, 48, 49, 400].map(poolDensity)).toEqual(['roomy', 'roomy', 'compact', 'compact']);
  });

  test('holderOf() and blockLook() tell tickets, the shelf and dropped blocks apart', () => {
    expect(holderOf('ticket 3')).toBe('ticket');
    expect(holderOf('shelf dish 4')).toBe('shelf');
    expect(holderOf('batch.item#2')).toBe('other');
    expect(blockLook({ owner: 'shelf dish 4', state: 'allocated' })).toBe('shelf');
    expect(blockLook({ owner: 'ticket 3', state: 'unreachable' })).toBe('dropped');
  });

  test('blockAriaLabel() says where the block is, how much it holds and for whom', () => {
    expect(blockAriaLabel(block({ poolIndex: 3 }))).toBe('Prep counter 3, holding 48 bytes in 64 B for ticket 12');
    expect(blockAriaLabel(block({ sizeClass: 'medium', poolIndex: 1, requested: 1024, size: 1024 }))).toBe('Cooking station 1, holding 1024 bytes for ticket 12');
    expect(blockAriaLabel(block({ sizeClass: 'medium', isHeap: true, poolIndex: null, addr: 5000, requested: 900, size: 912, state: 'unreachable' }))).toBe(
      'Banquet area at address 5000, 900 bytes in 912 B dropped by ticket 12, waiting for the deep clean (unreachable) (moved over from the cooking stations: heap fallback)',
    );
  });
});
