import { afterEach, describe, expect, it } from 'vitest';
import { gated, isMotionWelcome, isTooFastToAnimate, playback } from './playback.svelte.ts';

describe('playback speed and animations', () => {
  afterEach(() => {
    playback.isFast = false;
  });

  it('animates at 16× and below, or when paused; not above 16× or at max while playing', () => {
    expect(isTooFastToAnimate(true, 16)).toBe(false);
    expect(isTooFastToAnimate(true, 32)).toBe(true);
    expect(isTooFastToAnimate(true, 'max')).toBe(true);
    expect(isTooFastToAnimate(false, 'max')).toBe(false);
  });

  it('a gated transition runs only while motion is welcome', () => {
    const transition = gated((_node: Element, params: { duration: number }) => ({ duration: params.duration }));
    const node = {} as Element;
    expect(isMotionWelcome()).toBe(true);
    expect(transition(node, { duration: 200 })).toEqual({ duration: 200 });
    playback.isFast = true;
    expect(isMotionWelcome()).toBe(false);
    expect(transition(node, { duration: 200 })).toEqual({ duration: 0 });
  });
});
