import { describe, expect, it } from 'vitest';
import { FrameTurns } from './frameTurns.ts';

const PARTS = ['tables', 'staff', 'charts', 'feed'];

/** Every part takes `value` in frame `frame`; returns what each drew. */
function frame(turns: FrameTurns, value: number, isStaggered: boolean, token: number, parts = PARTS): number[] {
  return parts.map((part) => turns.take(part, value, isStaggered, token));
}

describe('FrameTurns', () => {
  it('gives every part the latest value when not staggered', () => {
    const turns = new FrameTurns();
    expect(frame(turns, 1, false, 1)).toEqual([1, 1, 1, 1]);
    expect(frame(turns, 2, false, 2)).toEqual([2, 2, 2, 2]);
  });

  it('while staggered, moves one part a frame round-robin and keeps the others', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    expect(frame(turns, 1, true, 1)).toEqual([1, 0, 0, 0]);
    expect(frame(turns, 2, true, 2)).toEqual([1, 2, 0, 0]);
    expect(frame(turns, 3, true, 3)).toEqual([1, 2, 3, 0]);
    expect(frame(turns, 4, true, 4)).toEqual([1, 2, 3, 4]);
    expect(frame(turns, 5, true, 5)).toEqual([5, 2, 3, 4]);
  });

  it('moves the turn on once per frame, however many times the parts take in it', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    expect(frame(turns, 1, true, 7)).toEqual([1, 0, 0, 0]);
    expect(frame(turns, 2, true, 7)).toEqual([2, 0, 0, 0]);
    expect([...turns.due()]).toEqual(['tables']);
    expect(frame(turns, 3, true, 8)).toEqual([2, 3, 0, 0]);
  });

  it('hands out as many turns a frame as it was built with', () => {
    const turns = new FrameTurns(3);
    frame(turns, 0, false, 0);
    expect(frame(turns, 1, true, 1)).toEqual([1, 1, 1, 0]);
    expect(frame(turns, 2, true, 2)).toEqual([2, 2, 1, 2]); // feed, then round to tables and staff
  });

  it('gives a part that drew nothing yet the latest value at once', () => {
    const turns = new FrameTurns();
    expect(frame(turns, 7, true, 1)).toEqual([7, 7, 7, 7]);
  });

  it('catches every part up as soon as the stagger stops (a pause), and staggers again from there', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    frame(turns, 1, true, 1);
    expect(frame(turns, 2, false, 2)).toEqual([2, 2, 2, 2]);
    expect(frame(turns, 3, true, 3)).toEqual([2, 3, 2, 2]);
  });

  it('keeps the identity of a value until its part takes a new one', () => {
    const turns = new FrameTurns();
    const first = { n: 1 };
    for (const part of ['a', 'b']) turns.take(part, first, false, 0);
    expect(turns.take('a', { n: 2 }, true, 1)).toEqual({ n: 2 });
    expect(turns.take('b', { n: 2 }, true, 1)).toBe(first);
  });

  it('stops giving turns to a part that left, and forgets what it drew', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    turns.leave('staff');
    turns.leave('nobody');
    expect(frame(turns, 1, true, 1, ['tables', 'charts', 'feed'])).toEqual([1, 0, 0]);
    expect(frame(turns, 2, true, 2, ['tables', 'charts', 'feed'])).toEqual([1, 2, 0]);
    expect(frame(turns, 3, true, 3, ['tables', 'charts', 'feed'])).toEqual([1, 2, 3]);
    expect(turns.take('staff', 4, true, 4)).toBe(4);
  });

  it('keeps the rotation in place when a part before the turn leaves', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    frame(turns, 1, true, 1); // tables
    frame(turns, 2, true, 2); // staff
    turns.leave('tables');
    expect(frame(turns, 3, true, 3, ['staff', 'charts', 'feed'])).toEqual([2, 3, 0]);
  });
});

describe('FrameTurns: parts out of view', () => {
  it('while staggered, gives their turns to the parts in view, and takes them back once in view', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    turns.setInView('staff', false);
    turns.setInView('charts', false);
    expect(frame(turns, 1, true, 1)).toEqual([1, 0, 0, 0]);
    expect(frame(turns, 2, true, 2)).toEqual([1, 0, 0, 2]);
    expect(frame(turns, 3, true, 3)).toEqual([3, 0, 0, 2]);
    turns.setInView('charts', true);
    expect(frame(turns, 4, true, 4)).toEqual([3, 0, 4, 2]);
    expect(frame(turns, 5, true, 5)).toEqual([3, 0, 4, 5]);
    expect(frame(turns, 6, true, 6)).toEqual([6, 0, 4, 5]);
  });

  it('gives them the latest like any other part when not staggered (paused, stepping)', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    turns.setInView('feed', false);
    expect(frame(turns, 1, false, 1)).toEqual([1, 1, 1, 1]);
  });

  it('hands out no turn when every part is out of view', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    for (const part of PARTS) turns.setInView(part, false);
    expect(frame(turns, 1, true, 1)).toEqual([0, 0, 0, 0]);
    expect([...turns.due()]).toEqual([]);
  });
});

describe('FrameTurns: asking before taking', () => {
  it('says which parts are due without taking, and moves the turn on once per frame', () => {
    const turns = new FrameTurns();
    frame(turns, 0, false, 0);
    expect(PARTS.map((part) => turns.isDue(part, true, 1))).toEqual([true, false, false, false]);
    expect(turns.isDue('tables', true, 1)).toBe(true);
    turns.moveOnTo(2);
    turns.moveOnTo(2);
    expect([...turns.due()]).toEqual(['staff']);
    expect(frame(turns, 3, true, 2)).toEqual([0, 3, 0, 0]);
  });

  it('counts every part due when not staggered, and a part that drew nothing yet', () => {
    const turns = new FrameTurns();
    expect(turns.isDue('tables', true, 1)).toBe(true);
    turns.take('tables', 0, false, 1);
    expect(turns.isDue('tables', false, 2)).toBe(true);
  });
});
