import { describe, it, expect } from 'vitest';
import type { SimContext } from './context.ts';
import { EventLog } from './events.ts';
import { FdTable } from './fdTable.ts';
import { createRandom } from './random.ts';
import type { IngredientsConfig } from './scenario.ts';
import { Scheduler } from './scheduler.ts';

function setup(config: Partial<IngredientsConfig> = {}) {
  const scheduler = new Scheduler();
  const log = new EventLog();
  const ctx: SimContext = { scheduler, rng: createRandom(1), log };
  const table = new FdTable({ softLimit: 8, hardLimit: 16, reservedCount: 3, staleAfterMs: 0, ...config }, ctx);
  const advanceTo = (atMs: number) => scheduler.runUntil(atMs);
  return { table, log, scheduler, advanceTo };
}

describe('FdTable constructor', () => {
  it('opens the reserved descriptors for the house without logging', () => {
    const { table, log } = setup();
    expect(log.length).toBe(0);
    expect(table.openFds()).toEqual([
      { fd: 0, owner: 'house', openedAtMs: 0, lastUsedAtMs: 0 },
      { fd: 1, owner: 'house', openedAtMs: 0, lastUsedAtMs: 0 },
      { fd: 2, owner: 'house', openedAtMs: 0, lastUsedAtMs: 0 },
    ]);
    expect(table.gauges()).toEqual({ open: 3, softLimit: 8, hardLimit: 16, highestOpenFd: 2 });
    expect(table.metrics()).toEqual({ opened: 0, closed: 0, emfile: 0, ebadf: 0, staleClosed: 0, peakOpen: 3, leaked: 0 });
  });

  it('reports -1 as the highest open fd when nothing is open', () => {
    const { table } = setup({ reservedCount: 0 });
    expect(table.gauges().highestOpenFd).toBe(-1);
  });

  it('rejects softLimit > hardLimit', () => {
    expect(() => setup({ softLimit: 9, hardLimit: 8 })).toThrow(RangeError);
  });
});

describe('FdTable.open() and close()', () => {
  it('open() reuses the lowest free number after close (3, 4, 5, close 4, open -> 4)', () => {
    const { table, log, advanceTo } = setup();
    expect(table.open('a')).toBe(3);
    expect(table.open('b')).toBe(4);
    expect(table.open('c')).toBe(5);
    advanceTo(250);
    expect(table.close(4, 'b')).toBe(true);
    expect(table.open('d')).toBe(4);
    expect(table.open('e')).toBe(6);
    expect(log.events).toEqual([
      { atMs: 0, type: 'fd.opened', fd: 3, owner: 'a' },
      { atMs: 0, type: 'fd.opened', fd: 4, owner: 'b' },
      { atMs: 0, type: 'fd.opened', fd: 5, owner: 'c' },
      { atMs: 250, type: 'fd.closed', fd: 4, owner: 'b', heldMs: 250 },
      { atMs: 250, type: 'fd.opened', fd: 4, owner: 'd' },
      { atMs: 250, type: 'fd.opened', fd: 6, owner: 'e' },
    ]);
  });

  it('open() fails with EMFILE when no number below the soft limit is free', () => {
    const { table, log } = setup({ softLimit: 5 });
    expect(table.open('a')).toBe(3);
    expect(table.open('b')).toBe(4);
    expect(table.open('c')).toBe(-1);
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'fd.emfile', owner: 'c', softLimit: 5, openCount: 5 });
    expect(table.metrics()).toEqual({ opened: 2, closed: 0, emfile: 1, ebadf: 0, staleClosed: 0, peakOpen: 5, leaked: 0 });
  });

  it('open() always fails with a soft limit of 0', () => {
    const { table } = setup({ softLimit: 0, reservedCount: 0 });
    expect(table.open('a')).toBe(-1);
  });

  it('close() fails with EBADF on a double close and on numbers never opened', () => {
    const { table, log } = setup();
    expect(table.open('a')).toBe(3);
    expect(table.close(3, 'a')).toBe(true);
    expect(table.close(3, 'a')).toBe(false);
    expect(table.close(12, 'x')).toBe(false);
    expect(table.close(-1, 'x')).toBe(false);
    expect(log.events.slice(1)).toEqual([
      { atMs: 0, type: 'fd.closed', fd: 3, owner: 'a', heldMs: 0 },
      { atMs: 0, type: 'fd.ebadf', fd: 3, owner: 'a' },
      { atMs: 0, type: 'fd.ebadf', fd: 12, owner: 'x' },
      { atMs: 0, type: 'fd.ebadf', fd: -1, owner: 'x' },
    ]);
    expect(table.metrics().ebadf).toBe(3);
  });

  it('close() after the number was reused closes the new owner\'s descriptor (no owner check)', () => {
    const { table, log } = setup();
    table.open('a'); // 3
    table.close(3, 'a');
    expect(table.open('b')).toBe(3);
    expect(table.close(3, 'a')).toBe(true); // a's buggy second close succeeds...
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'fd.closed', fd: 3, owner: 'b', heldMs: 0 }); // ...on b's fd
    expect(table.isOpen(3)).toBe(false);
  });

  it('close() of a reserved descriptor frees its number for the next open', () => {
    const { table } = setup();
    expect(table.close(0, 'house')).toBe(true);
    expect(table.open('a')).toBe(0);
    expect(table.openFds()[0]).toEqual({ fd: 0, owner: 'a', openedAtMs: 0, lastUsedAtMs: 0 });
  });
});

describe('FdTable stale cleanup', () => {
  it('open() on EMFILE closes idle descriptors (lowest first) and retries once', () => {
    const { table, log, advanceTo } = setup({ softLimit: 6, staleAfterMs: 1_000 });
    expect(table.open('a')).toBe(3);
    expect(table.open('b')).toBe(4);
    advanceTo(400);
    expect(table.open('c')).toBe(5);
    advanceTo(900);
    table.touch(3);
    advanceTo(1_400);
    // 3 idle 500 ms (kept), 4 idle 1 400 ms, 5 idle exactly 1 000 ms: both stale.
    expect(table.open('d')).toBe(4);
    expect(log.events.slice(3)).toEqual([
      { atMs: 1_400, type: 'fd.staleClosed', fd: 4, owner: 'b', idleMs: 1_400 },
      { atMs: 1_400, type: 'fd.staleClosed', fd: 5, owner: 'c', idleMs: 1_000 },
      { atMs: 1_400, type: 'fd.opened', fd: 4, owner: 'd' },
    ]);
    // c comes back to a descriptor the sweep took: EBADF.
    expect(table.close(5, 'c')).toBe(false);
    expect(log.events.at(-1)).toEqual({ atMs: 1_400, type: 'fd.ebadf', fd: 5, owner: 'c' });
    expect(table.metrics()).toEqual({ opened: 4, closed: 0, emfile: 0, ebadf: 1, staleClosed: 2, peakOpen: 6, leaked: 0 });
  });

  it('open() still fails with EMFILE when nothing is stale (and never sweeps house descriptors)', () => {
    const { table, log, advanceTo } = setup({ softLimit: 5, staleAfterMs: 1_500 });
    table.open('a');
    advanceTo(500);
    table.open('b');
    advanceTo(1_499);
    expect(table.open('c')).toBe(-1);
    expect(log.events.slice(2)).toEqual([{ atMs: 1_499, type: 'fd.emfile', owner: 'c', softLimit: 5, openCount: 5 }]);
    advanceTo(1_500); // now a is stale (idle 1 500 ms), b is not
    expect(table.open('c')).toBe(3);
    expect(log.events.slice(3)).toEqual([
      { atMs: 1_500, type: 'fd.staleClosed', fd: 3, owner: 'a', idleMs: 1_500 },
      { atMs: 1_500, type: 'fd.opened', fd: 3, owner: 'c' },
    ]);
  });

  it('the sweep closes in number order, not in idle order', () => {
    const { table, log, advanceTo } = setup({ softLimit: 5, staleAfterMs: 100 });
    table.open('a'); // 3
    table.open('b'); // 4
    advanceTo(50);
    table.touch(3); // 3 is now the more recently used
    advanceTo(500);
    expect(table.open('c')).toBe(3);
    expect(log.events.slice(2)).toEqual([
      { atMs: 500, type: 'fd.staleClosed', fd: 3, owner: 'a', idleMs: 450 },
      { atMs: 500, type: 'fd.staleClosed', fd: 4, owner: 'b', idleMs: 500 },
      { atMs: 500, type: 'fd.opened', fd: 3, owner: 'c' },
    ]);
  });

  it('does not sweep when staleAfterMs is 0', () => {
    const { table, advanceTo } = setup({ softLimit: 4 });
    table.open('a');
    advanceTo(10_000_000);
    expect(table.open('b')).toBe(-1);
    expect(table.metrics().staleClosed).toBe(0);
  });
});

describe('FdTable.setLimits()', () => {
  it('lowering the soft limit below an open fd keeps it valid; opens succeed while a lower number is free', () => {
    const { table, log } = setup({ softLimit: 10 });
    for (let i = 0; i < 5; i++) table.open(`cook ${i}`); // 3..7
    expect(table.setLimits(5, 16)).toBe('ok');
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'fd.limitChanged', softLimit: 5, hardLimit: 16 });
    expect(table.gauges()).toEqual({ open: 8, softLimit: 5, hardLimit: 16, highestOpenFd: 7 });
    expect(table.isOpen(7)).toBe(true);
    expect(table.open('x')).toBe(-1); // lowest free is 8, not below 5
    expect(table.close(4, 'cook 1')).toBe(true);
    expect(table.open('y')).toBe(4); // 8 descriptors open, more than the limit, and the open still succeeds
    expect(table.close(6, 'cook 3')).toBe(true);
    expect(table.open('z')).toBe(-1); // lowest free is 6
    expect(table.close(7, 'cook 4')).toBe(true); // the high fd closes normally
    expect(table.gauges().highestOpenFd).toBe(5);
  });

  it('refuses soft > hard with EINVAL and raising the hard limit with EPERM', () => {
    const { table, log } = setup();
    expect(table.setLimits(17, 16)).toBe('EINVAL');
    expect(table.setLimits(20, 18)).toBe('EINVAL'); // EINVAL is checked before EPERM
    expect(table.setLimits(-1, 16)).toBe('EINVAL');
    expect(table.setLimits(8, 32)).toBe('EPERM');
    expect(table.setLimits(12, 12)).toBe('ok'); // lowering hard is allowed...
    expect(table.setLimits(12, 16)).toBe('EPERM'); // ...and cannot be undone
    expect(table.gauges()).toMatchObject({ softLimit: 12, hardLimit: 12 });
    expect(log.events).toEqual([
      { atMs: 0, type: 'fd.limitRefused', error: 'EINVAL', softLimit: 17, hardLimit: 16 },
      { atMs: 0, type: 'fd.limitRefused', error: 'EINVAL', softLimit: 20, hardLimit: 18 },
      { atMs: 0, type: 'fd.limitRefused', error: 'EINVAL', softLimit: -1, hardLimit: 16 },
      { atMs: 0, type: 'fd.limitRefused', error: 'EPERM', softLimit: 8, hardLimit: 32 },
      { atMs: 0, type: 'fd.limitChanged', softLimit: 12, hardLimit: 12 },
      { atMs: 0, type: 'fd.limitRefused', error: 'EPERM', softLimit: 12, hardLimit: 16 },
    ]);
  });

  it('raising the soft limit up to the hard limit lets more descriptors open', () => {
    const { table } = setup({ softLimit: 4 });
    expect(table.open('a')).toBe(3);
    expect(table.open('b')).toBe(-1);
    expect(table.setLimits(16, 16)).toBe('ok');
    expect(table.open('b')).toBe(4);
  });
});

describe('FdTable.reportLeaks()', () => {
  it('logs every open non-house descriptor, ascending, with owner and open time', () => {
    const { table, log, advanceTo } = setup();
    table.open('cook 1'); // 3
    advanceTo(1_000);
    table.open('cook 2'); // 4
    table.open('cook 3'); // 5
    advanceTo(2_000);
    table.close(4, 'cook 2');
    table.touch(5);
    advanceTo(3_000);
    const before = log.length;
    const leaks = table.reportLeaks();
    expect(leaks).toEqual([
      { fd: 3, owner: 'cook 1', openedAtMs: 0, lastUsedAtMs: 0 },
      { fd: 5, owner: 'cook 3', openedAtMs: 1_000, lastUsedAtMs: 2_000 },
    ]);
    expect(log.events.slice(before)).toEqual([
      { atMs: 3_000, type: 'fd.leaked', fd: 3, owner: 'cook 1', openedAtMs: 0 },
      { atMs: 3_000, type: 'fd.leaked', fd: 5, owner: 'cook 3', openedAtMs: 1_000 },
    ]);
    expect(table.metrics().leaked).toBe(2);
  });
});

describe('FdTable at large limits', () => {
  it('keeps the lowest-free rule across bitmap word and level boundaries', () => {
    const { table, log } = setup({ softLimit: 40_000, hardLimit: 1_048_576 });
    let mismatches = 0;
    for (let i = 3; i < 40_000; i++) if (table.open('bulk') !== i) mismatches++;
    expect(mismatches).toBe(0);
    expect(table.open('bulk')).toBe(-1);
    expect(table.gauges()).toEqual({ open: 40_000, softLimit: 40_000, hardLimit: 1_048_576, highestOpenFd: 39_999 });
    for (const fd of [39_999, 32_767, 1_023, 31, 32_768]) table.close(fd, 'bulk');
    expect(table.gauges().highestOpenFd).toBe(39_998);
    expect([table.open('x'), table.open('x'), table.open('x'), table.open('x'), table.open('x'), table.open('x')]).toEqual([
      31, 1_023, 32_767, 32_768, 39_999, -1,
    ]);
    expect(log.count('fd.opened')).toBe(40_000 - 3 + 5);
  });

  it('the highest open fd follows closes from the top', () => {
    const { table } = setup({ softLimit: 2_000, hardLimit: 2_000, reservedCount: 0 });
    for (let i = 0; i < 2_000; i++) table.open('bulk');
    for (let i = 1_999; i >= 1; i--) {
      table.close(i, 'bulk');
      expect(table.gauges().highestOpenFd).toBe(i - 1);
    }
    table.close(0, 'bulk');
    expect(table.gauges().highestOpenFd).toBe(-1);
    expect(table.openFds()).toEqual([]);
  });
});
