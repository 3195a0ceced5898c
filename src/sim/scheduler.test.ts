import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

describe('Scheduler', () => {
  it('scheduler.step() fires timers in time order and ties in insertion order', () => {
    const s = new Scheduler();
    const fired: string[] = [];
    s.on('a', (ref, atMs) => fired.push(`a${ref}@${atMs}`));
    s.on('b', (ref, atMs) => fired.push(`b${ref}@${atMs}`));
    s.schedule(30, 'a', 1);
    s.schedule(10, 'b', 2);
    s.schedule(30, 'b', 3);
    s.schedule(10, 'a', 4);
    s.schedule(20, 'a', 5);
    s.runUntil(100);
    expect(fired).toEqual(['b2@10', 'a4@10', 'a5@20', 'a1@30', 'b3@30']);
    expect(s.nowMs).toBe(100);
    expect(s.firedCount).toBe(5);
  });

  it('scheduler.runUntil() stops before later timers and keeps them pending', () => {
    const s = new Scheduler();
    const fired: number[] = [];
    s.on('t', (ref) => fired.push(ref));
    for (let i = 1; i <= 5; i++) s.schedule(i * 100, 't', i);
    s.runUntil(250);
    expect(fired).toEqual([1, 2]);
    expect(s.nowMs).toBe(250);
    expect(s.pendingCount).toBe(3);
    expect(s.peekTimeMs()).toBe(300);
  });

  it('scheduler.after() schedules relative to now, and a handler may schedule more at the same instant', () => {
    const s = new Scheduler();
    const fired: string[] = [];
    s.on('first', () => {
      fired.push(`first@${s.nowMs}`);
      s.after(0, 'second');
    });
    s.on('second', () => fired.push(`second@${s.nowMs}`));
    s.on('other', () => fired.push(`other@${s.nowMs}`));
    s.schedule(5, 'first');
    s.schedule(5, 'other');
    s.runUntil(10);
    expect(fired).toEqual(['first@5', 'other@5', 'second@5']);
  });

  it('scheduler.schedule() in the past fires at the current time', () => {
    const s = new Scheduler();
    const at: number[] = [];
    s.on('t', (_r, atMs) => at.push(atMs));
    s.runUntil(50);
    s.schedule(10, 't');
    s.runUntil(60);
    expect(at).toEqual([50]);
  });

  it('scheduler.on() refuses a second handler for the same kind, and step() refuses an unknown kind', () => {
    const s = new Scheduler();
    s.on('t', () => {});
    expect(() => s.on('t', () => {})).toThrow(/already registered/);
    s.schedule(1, 'nobody');
    expect(() => s.step()).toThrow(/no handler/);
  });

  it('keeps order across many timers (heap stress against a sort)', () => {
    const s = new Scheduler();
    const fired: number[] = [];
    s.on('t', (ref) => fired.push(ref));
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = (i * 7919) % 503;
      times.push(t);
      s.schedule(t, 't', i);
    }
    s.runUntil(1000);
    const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
    expect(fired).toEqual(expected);
  });
});
