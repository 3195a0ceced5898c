import { describe, expect, it } from 'vitest';
import { FrameThrottle } from './frameThrottle.ts';

function fakeFrames() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    request: (cb: () => void) => {
      callbacks.set(next, cb);
      return next++;
    },
    cancel: (handle: number) => void callbacks.delete(handle),
    /** Runs the frames requested so far. */
    frame: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb();
    },
    get waiting() {
      return callbacks.size;
    },
  };
}

describe('FrameThrottle', () => {
  it('push() applies only the last value of a frame, on that frame', () => {
    const frames = fakeFrames();
    const applied: number[] = [];
    const t = new FrameThrottle<number>((v) => applied.push(v), frames.request, frames.cancel);
    t.push(1);
    t.push(2);
    t.push(3);
    expect(applied).toEqual([]);
    expect(frames.waiting).toBe(1);
    frames.frame();
    expect(applied).toEqual([3]);
    t.push(4);
    frames.frame();
    expect(applied).toEqual([3, 4]);
  });

  it('a frame with nothing pushed applies nothing', () => {
    const frames = fakeFrames();
    const applied: number[] = [];
    const t = new FrameThrottle<number>((v) => applied.push(v), frames.request, frames.cancel);
    t.push(1);
    frames.frame();
    frames.frame();
    expect(applied).toEqual([1]);
    expect(frames.waiting).toBe(0);
  });

  it('flush() applies the pending value at once and cancels its frame', () => {
    const frames = fakeFrames();
    const applied: number[] = [];
    const t = new FrameThrottle<number>((v) => applied.push(v), frames.request, frames.cancel);
    t.push(7);
    t.flush();
    expect(applied).toEqual([7]);
    expect(frames.waiting).toBe(0);
    t.flush();
    expect(applied).toEqual([7]);
    expect(t.isPending).toBe(false);
  });

  it('cancel() forgets the pending value', () => {
    const frames = fakeFrames();
    const applied: number[] = [];
    const t = new FrameThrottle<number>((v) => applied.push(v), frames.request, frames.cancel);
    t.push(5);
    expect(t.isPending).toBe(true);
    t.cancel();
    frames.frame();
    t.flush();
    expect(applied).toEqual([]);
  });
});
