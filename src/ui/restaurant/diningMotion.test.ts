import { describe, expect, it } from 'vitest';
import { appear, appearMs } from './diningMotion.ts';

describe('diningMotion.appearMs()', () => {
  it('fades for 200 ms unless motion is reduced or the room is compact', () => {
    expect([appearMs(false), appearMs(true), appearMs(false, true), appearMs(false, false)]).toEqual([200, 0, 0, 200]);
  });
});

describe('diningMotion.appear()', () => {
  const node = {} as Element;

  it('does nothing at duration 0', () => {
    expect(appear(node, { duration: 0 })).toEqual({ duration: 0 });
  });

  it('fades the opacity from 0 to 1', () => {
    const config = appear(node, { duration: 150 });
    expect(config.duration).toBe(150);
    expect([config.css?.(0, 1), config.css?.(0.5, 0.5), config.css?.(1, 0)]).toEqual(['opacity: 0', 'opacity: 0.5', 'opacity: 1']);
  });
});
