import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import type { WorkerView } from '../../sim/threadPool.ts';
import { callerTicket, cookViews, latestRefusal, policyWords, railCapacity, railDescription, refusalText, staffMoves } from './staffView.ts';

const workers: WorkerView[] = [
  { workerId: 1, state: 'busy', taskId: 45, idleSinceMs: null, startedAsCore: true },
  { workerId: 2, state: 'idle', taskId: null, idleSinceMs: 0, startedAsCore: true },
  { workerId: 4, state: 'busy', taskId: 47, idleSinceMs: null, startedAsCore: false },
];

describe('staffView.cookViews()', () => {
  const events: SimEvent[] = [
    { atMs: 10_000, type: 'worker.started', workerId: 3, isCore: false, taskId: 40 },
    { atMs: 100_000, type: 'worker.started', workerId: 4, isCore: false, taskId: 47 },
  ];

  it('describes each cook: core or extra, what it cooks, and whether it was just called in', () => {
    expect(cookViews(workers, events, 120_000, 'restaurant')).toEqual([
      { workerId: 1, state: 'busy', tone: 'busy', taskId: 45, isCore: true, isNew: false, name: 'Cook 1', ariaLabel: 'Cook 1, on shift, cooking ticket 45' },
      { workerId: 2, state: 'idle', tone: 'idle', taskId: null, isCore: true, isNew: false, name: 'Cook 2', ariaLabel: 'Cook 2, on shift, free' },
      { workerId: 4, state: 'busy', tone: 'busy', taskId: 47, isCore: false, isNew: true, name: 'Cook 4', ariaLabel: 'Cook 4, extra staff, cooking ticket 47, just called in' },
    ]);
  });

  it('speaks systems words, and forgets the arrival after the window', () => {
    expect(cookViews(workers, events, 160_001, 'systems')[2].ariaLabel).toBe('Worker 4, non-core thread, busy with task 47');
  });
});

describe('staffView.railCapacity() and railDescription()', () => {
  const tickets = [41, 42, 43, 44].map((taskId) => ({ taskId, partyId: 1, durationMs: 1 }));

  it('reads the capacity from the staff limits', () => {
    expect(railCapacity(undefined)).toBeNull();
    expect(railCapacity({ corePoolSize: 1, maxPoolSize: 2, queueCapacity: 8, keepAliveMs: 0, rejectionPolicy: 'abort', allowCoreTimeout: false })).toBe(8);
  });

  it('says how full the rail is and which tickets come next', () => {
    expect(railDescription(tickets, 8, 'restaurant')).toBe('Ticket rail: 4 of 8; next: ticket 41, ticket 42, ticket 43, …');
    expect(railDescription(tickets.slice(0, 1), 'unbounded', 'systems')).toBe('task queue: 1, unbounded queue; next: task 41');
    expect(railDescription([], 8, 'restaurant')).toBe('Ticket rail: 0 of 8, empty');
    expect(railDescription([], 0, 'restaurant')).toBe('Ticket rail: no rail: hand-over only');
  });
});

describe('staffView.staffMoves()', () => {
  it('lists extra staff called in and cooks gone home in the last minute, newest first', () => {
    const events: SimEvent[] = [
      { atMs: 0, type: 'worker.retired', workerId: 9, reason: 'keepAlive' },
      { atMs: 50_000, type: 'worker.started', workerId: 1, isCore: true, taskId: 1 },
      { atMs: 60_000, type: 'worker.started', workerId: 5, isCore: false, taskId: 2 },
      { atMs: 90_000, type: 'worker.retired', workerId: 4, reason: 'keepAlive' },
      { atMs: 95_000, type: 'worker.retired', workerId: 3, reason: 'limitLowered' },
    ];
    expect(staffMoves(events, 100_000, 'restaurant')).toEqual([
      { kind: 'left', workerId: 3, atMs: 95_000, text: 'Cook 3 went home (fewer staff allowed)' },
      { kind: 'left', workerId: 4, atMs: 90_000, text: 'Cook 4 went home (after standing idle)' },
      { kind: 'arrived', workerId: 5, atMs: 60_000, text: 'Cook 5 just called in' },
    ]);
    expect(staffMoves(events, 100_000, 'systems').map((m) => m.text)).toEqual(['Worker 3 retired (max lowered)', 'Worker 4 retired (keep-alive expired)', 'Worker 5 started (non-core)']);
  });
});

describe('staffView.latestRefusal() and refusalText()', () => {
  it('finds the newest rejection, discard or caller run of the last minute', () => {
    const events: SimEvent[] = [
      { atMs: 10_000, type: 'task.rejected', taskId: 7, policy: 'abort', reason: 'saturated' },
      { atMs: 20_000, type: 'task.discarded', taskId: 8, policy: 'discardOldest', byTaskId: 12 },
      { atMs: 30_000, type: 'task.completed', taskId: 9, workerId: 1, durationMs: 5 },
    ];
    expect(latestRefusal(events, 40_000)).toEqual({ kind: 'discarded', taskId: 8, byTaskId: 12, policy: 'discardOldest', atMs: 20_000 });
    expect(latestRefusal(events.slice(0, 1), 40_000)).toEqual({ kind: 'rejected', taskId: 7, byTaskId: null, policy: 'abort', atMs: 10_000 });
    expect(latestRefusal(events, 80_001)).toBeNull();
  });

  it('words each kind of refusal and its policy', () => {
    expect(refusalText({ kind: 'rejected', taskId: 7, byTaskId: null, policy: 'abort', atMs: 0 }, 'restaurant')).toBe(
      'Order refused: ticket 7, the rail is full and no more staff can come in.',
    );
    expect(refusalText({ kind: 'discarded', taskId: 8, byTaskId: 12, policy: 'discardOldest', atMs: 0 }, 'restaurant')).toBe(
      'The oldest ticket on the rail, ticket 8, thrown out to make room for ticket 12.',
    );
    expect(refusalText({ kind: 'callerRan', taskId: 9, byTaskId: null, policy: 'callerRuns', atMs: 0 }, 'systems')).toBe(
      'The caller runs task 9 itself: the queue is full and the pool is at maxPoolSize.',
    );
    expect(policyWords('callerRuns', 'restaurant')).toBe('the server cooks it · caller runs');
    expect(policyWords('abort', 'systems')).toBe('abort · refuse the order');
  });
});

describe('staffView.callerTicket()', () => {
  it('names the ticket the front of house is cooking only while it is busy', () => {
    const events: SimEvent[] = [
      { atMs: 0, type: 'task.callerRan', taskId: 3, durationMs: 5 },
      { atMs: 9, type: 'task.callerRan', taskId: 6, durationMs: 5 },
      { atMs: 10, type: 'task.deferred', taskId: 7, untilMs: 14, reason: 'callerBusy' },
    ];
    expect(callerTicket(events, true)).toBe(6);
    expect(callerTicket(events, false)).toBeNull();
  });
});
