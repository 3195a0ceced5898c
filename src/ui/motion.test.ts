import { describe, expect, it } from 'vitest';
import { motionMs, prefersReducedMotion, REDUCED_MOTION_QUERY } from './motion.ts';

describe('prefersReducedMotion()', () => {
  it('asks the reduced-motion media query', () => {
    const asked: string[] = [];
    expect(prefersReducedMotion((q) => (asked.push(q), { matches: true }))).toBe(true);
    expect(prefersReducedMotion(() => ({ matches: false }))).toBe(false);
    expect(asked).toEqual([REDUCED_MOTION_QUERY]);
  });

  it('is false without matchMedia (Node) or when the query throws', () => {
    expect(prefersReducedMotion(undefined)).toBe(false);
    expect(prefersReducedMotion()).toBe(false);
    expect(
      prefersReducedMotion(() => {
        throw new Error('no');
      }),
    ).toBe(false);
  });
});

describe('motionMs()', () => {
  it('keeps a duration, or 0 when motion is reduced', () => {
    expect(motionMs(200, false)).toBe(200);
    expect(motionMs(200, true)).toBe(0);
  });
});
