import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { builtInScenarios, createSimulation, scenarioOrThrow } from '../../sim/index.ts';
import type { OpenFd } from '../../sim/fdTable.ts';
import { LeftOutIngredients, fdAriaLabel, pantryActivity, pantryDensity, pantrySlots, shortOwner, slotCaption, ticketOf } from './pantrySlots.ts';

const fd = (n: number, owner: string): OpenFd => ({ fd: n, owner, openedAtMs: 0, lastUsedAtMs: 0 });
const house = [fd(0, 'house'), fd(1, 'house'), fd(2, 'house')];

describe('pantrySlots', () => {
  test('pantrySlots() numbers the slots up to the soft limit with their states, and finds the lowest free one', () => {
    const layout = pantrySlots({ openFds: [...house, fd(3, 'ticket 1'), fd(5, 'ticket 2')], softLimit: 7, isLeft: (o) => o.owner === 'ticket 2' });
    expect(layout.slots.map((s) => s.state)).toEqual(['reserved', 'reserved', 'reserved', 'open', 'free', 'leaked', 'free']);
    expect(layout.nextFree).toBe(4);
    expect(layout.hiddenCount).toBe(0);
    expect(layout.slots[5].open?.owner).toBe('ticket 2');
  });

  test('pantrySlots() has no next slot when the pantry is full (EMFILE)', () => {
    expect(pantrySlots({ openFds: [...house, fd(3, 'ticket 1')], softLimit: 4, isLeft: () => false }).nextFree).toBeNull();
  });

  test('pantrySlots() still draws descriptors open above a lowered soft limit', () => {
    const layout = pantrySlots({ openFds: [...house, fd(6, 'ticket 1')], softLimit: 4, isLeft: () => false });
    expect(layout.slots).toHaveLength(7);
    expect(layout.slots.map((s) => s.isBeyondLimit)).toEqual([false, false, false, false, true, true, true]);
    expect(layout.nextFree).toBe(3);
  });

  test('pantrySlots() draws at most cap slots and counts the open ones hidden', () => {
    const layout = pantrySlots({ openFds: [...house, fd(300, 'ticket 1'), fd(301, 'ticket 2')], softLimit: 1024, isLeft: () => false, cap: 256 });
    expect(layout.slots).toHaveLength(256);
    expect(layout.hiddenCount).toBe(768);
    expect(layout.hiddenOpenCount).toBe(2);
  });

  test('pantryDensity() turns compact past 48 slots', () => {
    expect([24, 48, 49, 256].map(pantryDensity)).toEqual(['roomy', 'roomy', 'compact', 'compact']);
  });

  test('ticketOf() reads a ticket owner', () => {
    expect([ticketOf('ticket 12'), ticketOf('house'), ticketOf('ticket 1x')]).toEqual([12, null, null]);
  });
});

describe('LeftOutIngredients', () => {
  const log: SimEvent[] = [
    { atMs: 1, type: 'fd.opened', fd: 3, owner: 'ticket 1' },
    { atMs: 1, type: 'fd.opened', fd: 4, owner: 'ticket 1' },
    { atMs: 2, type: 'fd.closed', fd: 3, owner: 'ticket 1', heldMs: 1 },
    { atMs: 2, type: 'task.completed', taskId: 1, workerId: 1, durationMs: 1 },
  ];

  test('update() marks a descriptor whose ticket finished as left out, and not before', () => {
    const left = new LeftOutIngredients();
    left.update(log, 2);
    expect(left.isLeft(fd(4, 'ticket 1'))).toBe(false);
    left.update(log);
    expect(left.isLeft(fd(4, 'ticket 1'))).toBe(true);
    expect(left.isLeft(fd(4, 'ticket 2'))).toBe(false);
  });

  test('update() starts over for a shorter log (a step back) or another log', () => {
    const left = new LeftOutIngredients();
    left.update(log);
    left.update(log, 3);
    expect(left.isLeft(fd(4, 'ticket 1'))).toBe(false);
    left.update([...log]);
    expect(left.isLeft(fd(4, 'ticket 1'))).toBe(true);
  });

  // The front of house cooking a ticket itself (callerRuns): `task.callerRan` is logged when it *starts*,
  // `task.completed` (workerId -1) when it ends; in between, the ticket's ingredients are in use.
  const callerLog: SimEvent[] = [
    { atMs: 10, type: 'task.submitted', taskId: 442, partyId: 419 },
    { atMs: 10, type: 'task.callerRan', taskId: 442, durationMs: 100 },
    { atMs: 10, type: 'fd.opened', fd: 246, owner: 'ticket 442' },
    { atMs: 10, type: 'fd.opened', fd: 247, owner: 'ticket 442' },
    { atMs: 10, type: 'fd.opened', fd: 248, owner: 'ticket 442' },
    { atMs: 110, type: 'task.completed', taskId: 442, workerId: -1, durationMs: 100 },
    { atMs: 110, type: 'fd.closed', fd: 246, owner: 'ticket 442', heldMs: 100 },
    { atMs: 110, type: 'fd.closed', fd: 247, owner: 'ticket 442', heldMs: 100 },
  ];

  test('a ticket the front of house is still cooking (task.callerRan, not yet completed) has left nothing out', () => {
    const left = new LeftOutIngredients();
    left.update(callerLog, 5);
    expect([246, 247, 248].map((n) => left.isLeft(fd(n, 'ticket 442')))).toEqual([false, false, false]);
    const recent = LeftOutIngredients.fromRecent(callerLog.slice(0, 5));
    expect([246, 247, 248].map((n) => recent.isLeft(fd(n, 'ticket 442')))).toEqual([false, false, false]);
  });

  test('an ingredient a caller-run ticket forgot is left out once the ticket completes', () => {
    const left = new LeftOutIngredients();
    left.update(callerLog);
    expect(left.isLeft(fd(248, 'ticket 442'))).toBe(true);
    expect(LeftOutIngredients.fromRecent(callerLog).isLeft(fd(248, 'ticket 442'))).toBe(true);
  });

  test('a ticket that failed at start (EMFILE) counts as finished', () => {
    const left = LeftOutIngredients.fromRecent([{ atMs: 1, type: 'task.failed', taskId: 9, workerId: 2, reason: 'EMFILE' }]);
    expect(left.isLeft(fd(5, 'ticket 9'))).toBe(true);
  });

  test('food hall, seed 7, the rail switched to callerRuns at 20:00: at 21:40 only the real leaks are left out', () => {
    const sim = createSimulation(scenarioOrThrow(builtInScenarios['food-hall']), 7);
    sim.runUntil(1_200_000);
    expect(sim.apply({ kind: 'staff', changes: { rejectionPolicy: 'callerRuns' } })).toBeNull();
    sim.runUntil(1_300_000);
    const left = new LeftOutIngredients();
    left.update(sim.log.events);
    const open = sim.units().openFds;
    // Ticket 442 is being cooked by the front of house (task.callerRan at 20:58, completed at 23:10).
    expect(open.filter((f) => f.owner === 'ticket 442').map((f) => f.fd)).toEqual([246, 247, 248]);
    expect(open.filter(left.isLeft).map((f) => `${f.fd}/${f.owner}`)).toEqual(['23/ticket 132', '80/ticket 203', '86/ticket 167']);
  });

  test('fromRecent() reads the closing-time leak report', () => {
    const left = LeftOutIngredients.fromRecent([{ atMs: 9, type: 'fd.leaked', fd: 7, owner: 'batch 2', openedAtMs: 1 }]);
    expect(left.isLeft(fd(7, 'batch 2'))).toBe(true);
    expect(left.isLeft(fd(7, 'ticket 2'))).toBe(false);
  });
});

describe('pantryActivity', () => {
  test('pantryActivity() lists the recent opens newest first, the last EMFILE and the last stale sweep', () => {
    const recent: SimEvent[] = [
      { atMs: 1, type: 'fd.opened', fd: 3, owner: 'ticket 1' },
      { atMs: 2, type: 'fd.emfile', owner: 'ticket 2', softLimit: 4, openCount: 4 },
      { atMs: 3, type: 'fd.staleClosed', fd: 3, owner: 'ticket 1', idleMs: 900 },
      { atMs: 3, type: 'fd.staleClosed', fd: 5, owner: 'ticket 0', idleMs: 950 },
      { atMs: 3, type: 'fd.opened', fd: 3, owner: 'ticket 3' },
    ];
    expect(pantryActivity(recent, 50)).toEqual({
      opens: [{ logIndex: 49, atMs: 3, age: 0, fd: 3, owner: 'ticket 3' }],
      emfile: { logIndex: 46, atMs: 2, age: 3, owner: 'ticket 2', softLimit: 4, openCount: 4 },
      sweep: { logIndex: 48, atMs: 3, age: 1, fds: [3, 5] },
    });
  });

  test('pantryActivity() leaves out opens older than the window', () => {
    const recent: SimEvent[] = [
      { atMs: 1, type: 'fd.opened', fd: 3, owner: 'ticket 1' },
      { atMs: 1, type: 'fd.opened', fd: 4, owner: 'ticket 1' },
    ];
    expect(pantryActivity(recent, 2, 1).opens.map((o) => o.fd)).toEqual([4]);
  });
});

describe('pantry words', () => {
  test('shortOwner() shortens owners for a small slot', () => {
    expect([shortOwner('ticket 12'), shortOwner('house'), shortOwner('batch.item#3')]).toEqual(['T12', 'house', 'batch…']);
  });

  test('fdAriaLabel() names the slot, its state, who holds it and for how long', () => {
    const held = (ms: number) => `${ms} ms`;
    const name = (o: string) => o;
    const slot = (fdN: number, state: 'free' | 'open' | 'reserved' | 'leaked', owner: string | null) => ({
      fd: fdN,
      state,
      open: owner === null ? null : { fd: fdN, owner, openedAtMs: 100, lastUsedAtMs: 100 },
      isBeyondLimit: false,
    });
    const say = (s: ReturnType<typeof slot>, caption = slotCaption(s)) => fdAriaLabel(s, caption, 500, held, name);
    expect(say(slot(4, 'free', null))).toBe('Pantry slot 4: free');
    expect(say(slot(1, 'reserved', 'house'))).toBe('Pantry slot 1, stdout: the house’s (reserved)');
    expect(say(slot(5, 'open', 'ticket 12'))).toBe('Pantry slot 5, T12: taken by ticket 12 for 400 ms');
    expect(say(slot(5, 'open', 'ticket 12'), '')).toBe('Pantry slot 5: taken by ticket 12 for 400 ms');
    expect(say(slot(7, 'leaked', 'ticket 9'))).toBe('Pantry slot 7, T9: left out by ticket 9 for 400 ms (leaked)');
  });
});
