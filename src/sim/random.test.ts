import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  cloneRandom,
  cumulativeWeights,
  createRandom,
  exponential,
  logNormal,
  nextUint32,
  pickWeighted,
  uniform,
  uniformInt,
} from './random.ts';

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('random (sfc32)', () => {
  it('createRandom(seed) gives the same stream for the same seed and a different one for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, () => nextUint32(a));
    const sb = Array.from({ length: 5 }, () => nextUint32(b));
    const sc = Array.from({ length: 5 }, () => nextUint32(c));
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('nextUint32() gives exact values for seed 42 (pins the algorithm)', () => {
    const r = createRandom(42);
    expect(Array.from({ length: 4 }, () => nextUint32(r))).toMatchInlineSnapshot(`
      [
        1097915203,
        1827515267,
        13503946,
        2852766471,
      ]
    `);
  });

  it('cloneRandom() continues the same stream from the copy point', () => {
    const r = createRandom(9);
    uniform(r);
    const copy = cloneRandom(r);
    expect(uniform(copy)).toBe(uniform(r));
  });

  it('uniform() stays in [0, 1) with mean 0.5', () => {
    const r = createRandom(1);
    const xs = Array.from({ length: 100_000 }, () => uniform(r));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
  });

  it('uniformInt(min, max) covers both ends evenly', () => {
    const r = createRandom(2);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[uniformInt(r, 0, 5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('exponential(mean) of 1 arrival per 20 minutes has mean gap 1 200 000 ms', () => {
    const r = createRandom(3);
    const xs = Array.from({ length: 100_000 }, () => exponential(r, 1_200_000));
    expect(mean(xs) / 1_200_000).toBeCloseTo(1, 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    // Memorylessness shows as P(X > mean) = 1/e.
    expect(xs.filter((x) => x > 1_200_000).length / xs.length).toBeCloseTo(Math.exp(-1), 2);
  });

  it('logNormal(median, sigma) has the given median and mean median * exp(sigma^2 / 2)', () => {
    const r = createRandom(4);
    const xs = Array.from({ length: 100_000 }, () => logNormal(r, 60_000, 0.5));
    const sorted = [...xs].sort((a, b) => a - b);
    expect(sorted[50_000] / 60_000).toBeCloseTo(1, 1);
    expect(mean(xs) / (60_000 * Math.exp(0.125))).toBeCloseTo(1, 1);
  });

  it('pickWeighted() picks in proportion to the weights and never a zero weight', () => {
    const r = createRandom(5);
    const counts = [0, 0, 0, 0];
    const totals = cumulativeWeights([5, 3, 0, 2]);
    expect([...totals]).toEqual([5, 8, 8, 10]);
    for (let i = 0; i < 100_000; i++) counts[pickWeighted(r, totals)]++;
    expect(counts[2]).toBe(0);
    expect(counts[0] / 100_000).toBeCloseTo(0.5, 1);
    expect(counts[1] / 100_000).toBeCloseTo(0.3, 1);
    expect(counts[3] / 100_000).toBeCloseTo(0.2, 1);
  });

  it('bernoulli(p) is true about p of the time', () => {
    const r = createRandom(6);
    let n = 0;
    for (let i = 0; i < 100_000; i++) if (bernoulli(r, 0.05)) n++;
    expect(n / 100_000).toBeCloseTo(0.05, 2);
  });
});
