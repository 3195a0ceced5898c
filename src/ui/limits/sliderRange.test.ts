import { describe, expect, it } from 'vitest';
import { niceStep, sliderRange } from './sliderRange.ts';

describe('niceStep()', () => {
  it('steps counts by 1, 2, 5, 10...', () => {
    expect(niceStep(48, 'count')).toBe(1);
    expect(niceStep(300, 'count')).toBe(1);
    expect(niceStep(301, 'count')).toBe(2);
    expect(niceStep(1_280, 'count')).toBe(5);
    expect(niceStep(4_000, 'count')).toBe(20);
    expect(niceStep(1_048_576, 'count')).toBe(5_000);
  });

  it('steps bytes by powers of two', () => {
    expect(niceStep(256, 'bytes')).toBe(1);
    expect(niceStep(163_840, 'bytes')).toBe(1_024);
    expect(niceStep(65_536, 'bytes')).toBe(256);
  });

  it('steps times by whole seconds and minutes', () => {
    expect(niceStep(1_920_000, 'ms')).toBe(10_000);
    expect(niceStep(10_000, 'ms')).toBe(50);
    expect(niceStep(600_000, 'ms')).toBe(5_000);
    expect(niceStep(86_400_000, 'ms')).toBe(300_000);
  });
});

describe('sliderRange()', () => {
  const tables = { kind: 'count', schemaMin: 0, schemaMax: 10_000, floor: 8 } as const;

  it('reaches four times the scenario value, from the schema minimum', () => {
    expect(sliderRange(tables, 12, 12)).toEqual({ min: 0, max: 48, step: 1 });
  });

  it('reaches at least the floor', () => {
    expect(sliderRange(tables, 0, 0)).toEqual({ min: 0, max: 8, step: 1 });
    expect(sliderRange(tables, 1, 1)).toEqual({ min: 0, max: 8, step: 1 });
  });

  it('reaches the value in force when it lies beyond', () => {
    expect(sliderRange(tables, 12, 30)).toEqual({ min: 0, max: 48, step: 1 });
    expect(sliderRange(tables, 12, 100)).toEqual({ min: 0, max: 100, step: 1 });
  });

  it('stops at the schema maximum', () => {
    expect(sliderRange(tables, 5_000, 5_000)).toEqual({ min: 0, max: 10_000, step: 50 });
  });

  it('starts at the schema minimum rounded up to a step', () => {
    const housekeeping = { kind: 'ms', schemaMin: 1_000, schemaMax: 86_400_000, floor: 120_000 } as const;
    expect(sliderRange(housekeeping, 30_000, 30_000)).toEqual({ min: 1_000, max: 120_000, step: 500 });
    const blockSize = { kind: 'bytes', schemaMin: 1, schemaMax: 2 ** 30, floor: 4_096 } as const;
    expect(sliderRange(blockSize, 1_024, 1_024)).toEqual({ min: 16, max: 4_096, step: 16 });
  });

  it('counts unbounded as the floor', () => {
    const rail = { kind: 'count', schemaMin: 0, schemaMax: 1_000_000, floor: 32 } as const;
    expect(sliderRange(rail, 'unbounded', 'unbounded')).toEqual({ min: 0, max: 32, step: 1 });
    expect(sliderRange(rail, 'unbounded', 8)).toEqual({ min: 0, max: 32, step: 1 });
  });

  it('sizes memory in KiB steps', () => {
    const memory = { kind: 'bytes', schemaMin: 0, schemaMax: 2 ** 40, floor: 65_536 } as const;
    expect(sliderRange(memory, 40_960, 40_960)).toEqual({ min: 0, max: 163_840, step: 1_024 });
  });
});
