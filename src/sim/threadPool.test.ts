import { describe, it, expect } from 'vitest';
import { EventLog, type SimEvent } from './events.ts';
import { createRandom } from './random.ts';
import type { StaffConfig } from './scenario.ts';
import { Scheduler } from './scheduler.ts';
import { ThreadPool, validateStaffConfig, type TaskOutcome, type Ticket } from './threadPool.ts';

const BASE: StaffConfig = {
  corePoolSize: 1,
  maxPoolSize: 2,
  queueCapacity: 1,
  keepAliveMs: 100,
  rejectionPolicy: 'abort',
  allowCoreTimeout: false,
};

/** A pool on a fresh scheduler, with hooks that record every start and finish. */
function setup(overrides: Partial<StaffConfig> = {}) {
  const scheduler = new Scheduler();
  const log = new EventLog();
  const ctx = { scheduler, rng: createRandom(1), log };
  const failing = new Map<number, string>();
  const starts: Array<{ taskId: number; workerId: number; atMs: number }> = [];
  const finishes: Array<{ taskId: number; outcome: TaskOutcome; atMs: number }> = [];
  const pool = new ThreadPool({ ...BASE, ...overrides }, ctx, {
    onStart: (task, workerId) => {
      starts.push({ taskId: task.taskId, workerId, atMs: scheduler.nowMs });
      return failing.get(task.taskId) ?? null;
    },
    onFinish: (task, outcome) => finishes.push({ taskId: task.taskId, outcome, atMs: scheduler.nowMs }),
  });
  /** Advances the clock to `atMs` (firing due timers first), then submits the task. */
  const submitAt = (atMs: number, taskId: number, durationMs: number): void => {
    scheduler.runUntil(atMs);
    pool.submit(ticket(taskId, durationMs));
  };
  const at = (atMs: number): void => scheduler.runUntil(atMs);
  return { pool, scheduler, log, failing, starts, finishes, submitAt, at };
}

function ticket(taskId: number, durationMs: number): Ticket {
  return { taskId, partyId: 100 + taskId, durationMs };
}

/** Shorthands for expected log entries. */
const submitted = (atMs: number, taskId: number): SimEvent => ({
  atMs,
  type: 'task.submitted',
  taskId,
  partyId: 100 + taskId,
});
const workerStarted = (atMs: number, workerId: number, isCore: boolean, taskId: number | null): SimEvent => ({
  atMs,
  type: 'worker.started',
  workerId,
  isCore,
  taskId,
});
const started = (atMs: number, taskId: number, workerId: number, queuedMs: number): SimEvent => ({
  atMs,
  type: 'task.started',
  taskId,
  workerId,
  queuedMs,
});
const queued = (atMs: number, taskId: number, queueLength: number): SimEvent => ({
  atMs,
  type: 'task.queued',
  taskId,
  queueLength,
});
const completed = (atMs: number, taskId: number, workerId: number, durationMs: number): SimEvent => ({
  atMs,
  type: 'task.completed',
  taskId,
  workerId,
  durationMs,
});
const idle = (atMs: number, workerId: number): SimEvent => ({ atMs, type: 'worker.idle', workerId });
const retired = (atMs: number, workerId: number, reason: 'keepAlive' | 'limitLowered'): SimEvent => ({
  atMs,
  type: 'worker.retired',
  workerId,
  reason,
});
const rejected = (atMs: number, taskId: number, policy: StaffConfig['rejectionPolicy']): SimEvent => ({
  atMs,
  type: 'task.rejected',
  taskId,
  policy,
  reason: 'saturated',
});
const changed = (atMs: number, field: string, from: number | string, to: number | string): SimEvent => ({
  atMs,
  type: 'limit.changed',
  kind: 'staff',
  field,
  from,
  to,
});

describe('threadPool.submit(): execute() order', () => {
  it('threadPool.submit() starts a core worker even when another is idle, then hands work to the idle one', () => {
    const { pool, log, submitAt, at } = setup({ corePoolSize: 2, maxPoolSize: 2, queueCapacity: 4 });
    submitAt(0, 1, 10);
    at(15);
    expect(pool.gauges()).toMatchObject({ busy: 0, idle: 1, workers: 1 });
    submitAt(20, 2, 10);
    submitAt(25, 3, 10);
    expect(log.events).toEqual([
      submitted(0, 1),
      workerStarted(0, 1, true, 1),
      started(0, 1, 1, 0),
      completed(10, 1, 1, 10),
      idle(10, 1),
      submitted(20, 2),
      workerStarted(20, 2, true, 2),
      started(20, 2, 2, 0),
      submitted(25, 3),
      started(25, 3, 1, 0),
    ]);
  });

  it('threadPool.submit() queues once core workers are busy, then adds a worker whose new task runs before the queued ones', () => {
    const { pool, log, finishes, submitAt, at } = setup({ corePoolSize: 1, maxPoolSize: 2, queueCapacity: 2 });
    submitAt(0, 1, 100);
    submitAt(0, 2, 100);
    submitAt(0, 3, 100);
    submitAt(0, 4, 100);
    submitAt(0, 5, 100);
    expect(pool.queuedTasks().map((t) => t.taskId)).toEqual([2, 3]);
    at(1_000);
    expect(log.events).toEqual([
      submitted(0, 1),
      workerStarted(0, 1, true, 1),
      started(0, 1, 1, 0),
      submitted(0, 2),
      queued(0, 2, 1),
      submitted(0, 3),
      queued(0, 3, 2),
      submitted(0, 4),
      workerStarted(0, 2, false, 4),
      started(0, 4, 2, 0),
      submitted(0, 5),
      rejected(0, 5, 'abort'),
      completed(100, 1, 1, 100),
      started(100, 2, 1, 100),
      completed(100, 4, 2, 100),
      started(100, 3, 2, 100),
      completed(200, 2, 1, 100),
      idle(200, 1),
      completed(200, 3, 2, 100),
      idle(200, 2),
      // Both became idle above core; the first keep-alive to end retires its worker (the one started as core),
      // after which the pool is back at core and the other one stays.
      retired(300, 1, 'keepAlive'),
    ]);
    expect(finishes.map((f) => [f.taskId, f.outcome])).toEqual([
      [5, 'rejected'],
      [1, 'completed'],
      [4, 'completed'],
      [2, 'completed'],
      [3, 'completed'],
    ]);
    expect(pool.workers()).toEqual([{ workerId: 2, state: 'idle', taskId: null, idleSinceMs: 200, startedAsCore: false }]);
    expect(pool.metrics()).toEqual({
      submitted: 5,
      completed: 4,
      failed: 0,
      rejected: 1,
      discarded: 0,
      callerRan: 0,
      workersStarted: 2,
      workersRetired: 1,
      peakWorkers: 2,
      peakQueued: 2,
      queueWaitMs: { count: 4, p50: 0, p95: 100, p99: 100, max: 100 },
    });
  });

  it('threadPool.submit() with a SynchronousQueue (capacity 0) grows to maxPoolSize, then rejects; idle workers get work LIFO', () => {
    const { log, submitAt, at } = setup({ corePoolSize: 0, maxPoolSize: 2, queueCapacity: 0, keepAliveMs: 50 });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    submitAt(0, 3, 10);
    submitAt(20, 4, 10);
    at(1_000);
    expect(log.events).toEqual([
      submitted(0, 1),
      workerStarted(0, 1, false, 1),
      started(0, 1, 1, 0),
      submitted(0, 2),
      workerStarted(0, 2, false, 2),
      started(0, 2, 2, 0),
      submitted(0, 3),
      rejected(0, 3, 'abort'),
      completed(10, 1, 1, 10),
      idle(10, 1),
      completed(10, 2, 2, 10),
      idle(10, 2),
      submitted(20, 4),
      started(20, 4, 2, 0), // the most recently idle worker takes the handoff
      completed(30, 4, 2, 10),
      idle(30, 2),
      retired(60, 1, 'keepAlive'), // worker 2's wait from 10 was cut short by task 4: that timer is ignored
      retired(80, 2, 'keepAlive'),
    ]);
    expect(log.count('task.queued')).toBe(0);
  });

  it('threadPool.submit() with an unbounded queue never grows past corePoolSize and never rejects', () => {
    const { pool, log, submitAt, at } = setup({ corePoolSize: 2, maxPoolSize: 5, queueCapacity: 'unbounded' });
    for (let id = 1; id <= 6; id++) submitAt(0, id, 10);
    expect(pool.gauges()).toEqual({
      busy: 2,
      idle: 0,
      queued: 4,
      workers: 2,
      corePoolSize: 2,
      maxPoolSize: 5,
      isCallerBusy: false,
      deferred: 0,
    });
    at(1_000);
    expect(log.events.filter((e) => e.type !== 'task.submitted')).toEqual([
      workerStarted(0, 1, true, 1),
      started(0, 1, 1, 0),
      workerStarted(0, 2, true, 2),
      started(0, 2, 2, 0),
      queued(0, 3, 1),
      queued(0, 4, 2),
      queued(0, 5, 3),
      queued(0, 6, 4),
      completed(10, 1, 1, 10),
      started(10, 3, 1, 10),
      completed(10, 2, 2, 10),
      started(10, 4, 2, 10),
      completed(20, 3, 1, 10),
      started(20, 5, 1, 20),
      completed(20, 4, 2, 10),
      started(20, 6, 2, 20),
      completed(30, 5, 1, 10),
      idle(30, 1),
      completed(30, 6, 2, 10),
      idle(30, 2),
    ]);
    expect(pool.metrics().peakWorkers).toBe(2);
  });

  it('threadPool.submit() with corePoolSize 0 and an unbounded queue starts one worker without a first task', () => {
    const { log, submitAt, at } = setup({ corePoolSize: 0, maxPoolSize: 3, queueCapacity: 'unbounded' });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    at(1_000);
    expect(log.events).toEqual([
      submitted(0, 1),
      queued(0, 1, 1),
      workerStarted(0, 1, false, null),
      started(0, 1, 1, 0),
      submitted(0, 2),
      queued(0, 2, 1),
      completed(10, 1, 1, 10),
      started(10, 2, 1, 10),
      completed(20, 2, 1, 10),
      idle(20, 1),
      retired(120, 1, 'keepAlive'),
    ]);
  });

  it('threadPool.submit() ends a task as failed when onStart refuses it, and the worker moves on at once', () => {
    const { log, failing, finishes, submitAt, at } = setup({ corePoolSize: 1, maxPoolSize: 1, queueCapacity: 5 });
    failing.set(2, 'EMFILE');
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    submitAt(0, 3, 10);
    at(1_000);
    expect(log.events.filter((e) => e.atMs === 10)).toEqual([
      completed(10, 1, 1, 10),
      started(10, 2, 1, 10),
      { atMs: 10, type: 'task.failed', taskId: 2, workerId: 1, reason: 'EMFILE' },
      started(10, 3, 1, 10),
    ]);
    expect(finishes).toEqual([
      { taskId: 1, outcome: 'completed', atMs: 10 },
      { taskId: 2, outcome: 'failed', atMs: 10 },
      { taskId: 3, outcome: 'completed', atMs: 20 },
    ]);
  });
});

describe('threadPool.submit(): rejection policies', () => {
  it('threadPool.submit() under discard records the dropped task as rejected', () => {
    const { log, finishes, submitAt } = setup({ maxPoolSize: 1, rejectionPolicy: 'discard' });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    submitAt(0, 3, 10);
    expect(log.events.slice(-2)).toEqual([submitted(0, 3), rejected(0, 3, 'discard')]);
    expect(finishes).toEqual([{ taskId: 3, outcome: 'rejected', atMs: 0 }]);
  });

  it('threadPool.submit() under discardOldest drops the queue head and retries, repeatedly when still full', () => {
    const { pool, log, finishes, submitAt } = setup({
      maxPoolSize: 1,
      queueCapacity: 2,
      rejectionPolicy: 'discardOldest',
    });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    submitAt(0, 3, 10);
    submitAt(0, 4, 10);
    expect(pool.queuedTasks().map((t) => t.taskId)).toEqual([3, 4]);
    // Shrinking the queue keeps what is queued; the next submit must discard twice before its offer succeeds.
    expect(pool.setLimits({ queueCapacity: 1 })).toBeNull();
    submitAt(0, 5, 10);
    expect(log.events.slice(7)).toEqual([
      submitted(0, 4),
      { atMs: 0, type: 'task.discarded', taskId: 2, policy: 'discardOldest', byTaskId: 4 },
      queued(0, 4, 2),
      changed(0, 'queueCapacity', 2, 1),
      submitted(0, 5),
      { atMs: 0, type: 'task.discarded', taskId: 3, policy: 'discardOldest', byTaskId: 5 },
      { atMs: 0, type: 'task.discarded', taskId: 4, policy: 'discardOldest', byTaskId: 5 },
      queued(0, 5, 1),
    ]);
    expect(finishes.map((f) => [f.taskId, f.outcome])).toEqual([
      [2, 'discarded'],
      [3, 'discarded'],
      [4, 'discarded'],
    ]);
    expect(pool.metrics()).toMatchObject({ submitted: 5, discarded: 3, rejected: 0 });
  });

  it('threadPool.submit() under discardOldest drops the new task when the queue is empty (SynchronousQueue)', () => {
    const { log, finishes, submitAt } = setup({ maxPoolSize: 1, queueCapacity: 0, rejectionPolicy: 'discardOldest' });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    expect(log.events.slice(-2)).toEqual([submitted(0, 2), rejected(0, 2, 'discardOldest')]);
    expect(finishes).toEqual([{ taskId: 2, outcome: 'rejected', atMs: 0 }]);
  });

  it('threadPool.submit() under callerRuns runs the task on the caller and defers later submits until it is free', () => {
    const { pool, log, starts, finishes, submitAt, at } = setup({
      maxPoolSize: 1,
      queueCapacity: 1,
      rejectionPolicy: 'callerRuns',
    });
    submitAt(0, 1, 100);
    submitAt(0, 2, 100);
    submitAt(0, 3, 50);
    submitAt(10, 4, 100);
    submitAt(20, 5, 10);
    expect(pool.gauges()).toMatchObject({ isCallerBusy: true, deferred: 2, queued: 1, busy: 1 });
    expect(pool.deferredTasks().map((t) => t.taskId)).toEqual([4, 5]);
    expect(pool.callerRunningTask()?.taskId).toBe(3);
    at(1_000);
    expect(log.events).toEqual([
      submitted(0, 1),
      workerStarted(0, 1, true, 1),
      started(0, 1, 1, 0),
      submitted(0, 2),
      queued(0, 2, 1),
      submitted(0, 3),
      { atMs: 0, type: 'task.callerRan', taskId: 3, durationMs: 50 },
      submitted(10, 4),
      { atMs: 10, type: 'task.deferred', taskId: 4, untilMs: 50, reason: 'callerBusy' },
      submitted(20, 5),
      { atMs: 20, type: 'task.deferred', taskId: 5, untilMs: 50, reason: 'callerBusy' },
      completed(50, 3, -1, 50),
      // Free again, the caller resubmits 4: still saturated, so it runs 4 itself; 5 keeps waiting.
      { atMs: 50, type: 'task.callerRan', taskId: 4, durationMs: 100 },
      completed(100, 1, 1, 100),
      started(100, 2, 1, 100),
      completed(150, 4, -1, 100),
      queued(150, 5, 1),
      completed(200, 2, 1, 100),
      started(200, 5, 1, 50),
      completed(210, 5, 1, 10),
      idle(210, 1),
    ]);
    expect(starts.filter((s) => s.workerId === -1)).toEqual([
      { taskId: 3, workerId: -1, atMs: 0 },
      { taskId: 4, workerId: -1, atMs: 50 },
    ]);
    expect(finishes.map((f) => [f.taskId, f.outcome])).toEqual([
      [3, 'completed'],
      [1, 'completed'],
      [4, 'completed'],
      [2, 'completed'],
      [5, 'completed'],
    ]);
    expect(pool.metrics()).toMatchObject({ submitted: 5, completed: 5, callerRan: 2, rejected: 0 });
  });

  it('threadPool.submit() under callerRuns frees the caller at once when onStart fails the task', () => {
    const { log, failing, finishes, submitAt } = setup({
      maxPoolSize: 1,
      queueCapacity: 0,
      rejectionPolicy: 'callerRuns',
    });
    failing.set(2, 'EMFILE');
    submitAt(0, 1, 100);
    submitAt(0, 2, 100);
    submitAt(5, 3, 20);
    expect(log.events.slice(3)).toEqual([
      submitted(0, 2),
      { atMs: 0, type: 'task.callerRan', taskId: 2, durationMs: 100 },
      { atMs: 0, type: 'task.failed', taskId: 2, workerId: -1, reason: 'EMFILE' },
      submitted(5, 3),
      { atMs: 5, type: 'task.callerRan', taskId: 3, durationMs: 20 },
    ]);
    expect(finishes).toEqual([{ taskId: 2, outcome: 'failed', atMs: 0 }]);
  });
});

describe('threadPool keep-alive', () => {
  it('threadPool retires an idle worker above core exactly keepAliveMs after it went idle, ignoring stale timers', () => {
    const { pool, log, submitAt, at, scheduler } = setup({ corePoolSize: 1, maxPoolSize: 2, queueCapacity: 0 });
    submitAt(0, 1, 50);
    submitAt(0, 2, 30);
    submitAt(80, 3, 10); // goes to worker 1 (idle since 50, the most recent), cutting its wait short
    at(129);
    expect(log.count('worker.retired')).toBe(0);
    at(130);
    expect(log.events.slice(-1)).toEqual([retired(130, 2, 'keepAlive')]);
    at(1_000);
    expect(log.events.filter((e) => e.atMs > 0)).toEqual([
      completed(30, 2, 2, 30),
      idle(30, 2),
      completed(50, 1, 1, 50),
      idle(50, 1),
      submitted(80, 3),
      started(80, 3, 1, 0),
      completed(90, 3, 1, 10),
      idle(90, 1),
      retired(130, 2, 'keepAlive'),
      // Worker 1's timers at 150 (stale) and 190 fire, but the pool is at core by then: worker 1 stays.
    ]);
    expect(pool.workers()).toEqual([{ workerId: 1, state: 'idle', taskId: null, idleSinceMs: 90, startedAsCore: true }]);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('threadPool with allowCoreTimeout retires core workers too, and starts a new core worker for later work', () => {
    const { pool, log, submitAt, at } = setup({
      corePoolSize: 2,
      maxPoolSize: 2,
      queueCapacity: 5,
      allowCoreTimeout: true,
    });
    submitAt(0, 1, 10);
    submitAt(0, 2, 20);
    at(119);
    expect(pool.gauges().workers).toBe(1);
    submitAt(200, 3, 10);
    expect(log.events.filter((e) => e.atMs > 0)).toEqual([
      completed(10, 1, 1, 10),
      idle(10, 1),
      completed(20, 2, 2, 20),
      idle(20, 2),
      retired(110, 1, 'keepAlive'),
      retired(120, 2, 'keepAlive'),
      submitted(200, 3),
      workerStarted(200, 3, true, 3),
      started(200, 3, 3, 0),
    ]);
  });
});

describe('threadPool.setLimits()', () => {
  it('threadPool.setLimits() raising corePoolSize starts core workers for queued tasks at once', () => {
    const { pool, log, submitAt, at } = setup({ corePoolSize: 1, maxPoolSize: 4, queueCapacity: 10 });
    for (let id = 1; id <= 4; id++) submitAt(0, id, 100);
    at(10);
    expect(pool.setLimits({ corePoolSize: 3 })).toBeNull();
    expect(log.events.filter((e) => e.atMs === 10)).toEqual([
      changed(10, 'corePoolSize', 1, 3),
      workerStarted(10, 2, true, null),
      started(10, 2, 2, 10),
      workerStarted(10, 3, true, null),
      started(10, 3, 3, 10),
    ]);
    expect(pool.queuedTasks().map((t) => t.taskId)).toEqual([4]);
  });

  it('threadPool.setLimits() raising maxPoolSize does not pull queued tasks onto new workers; later submits may grow', () => {
    const { pool, log, submitAt } = setup({ corePoolSize: 1, maxPoolSize: 1, queueCapacity: 2 });
    submitAt(0, 1, 100);
    submitAt(0, 2, 100);
    submitAt(0, 3, 100);
    const before = log.length;
    expect(pool.setLimits({ maxPoolSize: 3 })).toBeNull();
    expect(log.events.slice(before)).toEqual([changed(0, 'maxPoolSize', 1, 3)]);
    expect(pool.gauges()).toMatchObject({ workers: 1, queued: 2 });
    submitAt(0, 4, 100);
    expect(log.events.slice(-3)).toEqual([submitted(0, 4), workerStarted(0, 2, false, 4), started(0, 4, 2, 0)]);
  });

  it('threadPool.setLimits() lowering maxPoolSize retires idle excess workers at once and busy ones after their task', () => {
    const { pool, log, submitAt, at } = setup({
      corePoolSize: 1,
      maxPoolSize: 3,
      queueCapacity: 0,
      keepAliveMs: 1_000,
    });
    submitAt(0, 1, 100);
    submitAt(0, 2, 10);
    submitAt(0, 3, 100);
    at(20);
    expect(pool.setLimits({ maxPoolSize: 1 })).toBeNull();
    at(5_000);
    expect(log.events.filter((e) => e.atMs > 0)).toEqual([
      completed(10, 2, 2, 10),
      idle(10, 2),
      changed(20, 'maxPoolSize', 3, 1),
      retired(20, 2, 'limitLowered'),
      completed(100, 1, 1, 100),
      retired(100, 1, 'limitLowered'), // still above the new max when its task ends
      completed(100, 3, 3, 100),
      idle(100, 3), // back at core: no keep-alive
    ]);
    expect(pool.gauges()).toMatchObject({ workers: 1, idle: 1 });
  });

  it('threadPool.setLimits() lowering maxPoolSize retires a busy excess worker even with tasks queued', () => {
    const { pool, log, submitAt, at } = setup({ corePoolSize: 1, maxPoolSize: 2, queueCapacity: 2 });
    submitAt(0, 1, 100);
    submitAt(0, 2, 100);
    submitAt(0, 3, 100);
    submitAt(0, 4, 50);
    expect(pool.gauges()).toMatchObject({ workers: 2, queued: 2 });
    pool.setLimits({ maxPoolSize: 1 });
    at(50);
    expect(log.events.filter((e) => e.atMs === 50)).toEqual([completed(50, 4, 2, 50), retired(50, 2, 'limitLowered')]);
    at(100);
    expect(log.events.filter((e) => e.atMs === 100)).toEqual([completed(100, 1, 1, 100), started(100, 2, 1, 100)]);
  });

  it('threadPool.setLimits() lowering corePoolSize makes idle workers time out keepAliveMs after the change', () => {
    const { pool, log, submitAt, at } = setup({ corePoolSize: 3, maxPoolSize: 3, queueCapacity: 5 });
    submitAt(0, 1, 10);
    submitAt(0, 2, 10);
    submitAt(0, 3, 10);
    at(50);
    expect(pool.gauges()).toMatchObject({ workers: 3, idle: 3 });
    expect(pool.setLimits({ corePoolSize: 1 })).toBeNull();
    at(149);
    expect(pool.gauges().workers).toBe(3);
    at(1_000);
    expect(log.events.filter((e) => e.atMs >= 50)).toEqual([
      changed(50, 'corePoolSize', 3, 1),
      retired(150, 1, 'keepAlive'),
      retired(150, 2, 'keepAlive'),
    ]);
    expect(pool.workers().map((w) => w.workerId)).toEqual([3]);
  });

  it('threadPool.setLimits() shortening keepAliveMs restarts idle waits with the new time', () => {
    const { log, pool, submitAt, at } = setup({ corePoolSize: 0, maxPoolSize: 1, queueCapacity: 0, keepAliveMs: 1_000 });
    submitAt(0, 1, 10);
    at(20);
    pool.setLimits({ keepAliveMs: 100 });
    at(5_000);
    expect(log.events.filter((e) => e.atMs >= 20)).toEqual([changed(20, 'keepAliveMs', 1_000, 100), retired(120, 1, 'keepAlive')]);
  });

  it('threadPool.setLimits() switching allowCoreTimeout on logs it as text and times out idle core workers', () => {
    const { log, pool, submitAt, at } = setup({ corePoolSize: 1, maxPoolSize: 1, queueCapacity: 0 });
    submitAt(0, 1, 10);
    at(30);
    expect(pool.setLimits({ allowCoreTimeout: true, rejectionPolicy: 'discard' })).toBeNull();
    at(5_000);
    expect(log.events.filter((e) => e.atMs >= 30)).toEqual([
      changed(30, 'rejectionPolicy', 'abort', 'discard'),
      changed(30, 'allowCoreTimeout', 'false', 'true'),
      retired(130, 1, 'keepAlive'),
    ]);
  });

  it('threadPool.setLimits() refuses invalid combinations with a message and changes nothing', () => {
    const { log, pool } = setup({ corePoolSize: 1, maxPoolSize: 2 });
    expect(pool.setLimits({ corePoolSize: 3 })).toMatch(/maxPoolSize >= corePoolSize/);
    expect(pool.setLimits({ maxPoolSize: 0 })).toMatch(/maxPoolSize/);
    expect(pool.setLimits({ keepAliveMs: 0, allowCoreTimeout: true })).toMatch(/keepAliveMs > 0/);
    expect(pool.setLimits({ queueCapacity: -1 })).toMatch(/queueCapacity/);
    expect(pool.setLimits({ corePoolSize: 1 })).toBeNull(); // unchanged value: nothing to log
    expect(log.length).toBe(0);
    expect(pool.limits()).toEqual({ ...BASE, corePoolSize: 1, maxPoolSize: 2 });
  });
});

describe('threadPool construction', () => {
  it('new ThreadPool() throws on an invalid configuration, as Java’s constructor does', () => {
    expect(() => setup({ corePoolSize: 3, maxPoolSize: 2 })).toThrow(/maxPoolSize/);
    expect(validateStaffConfig(BASE)).toBeNull();
    expect(validateStaffConfig({ ...BASE, keepAliveMs: -1 })).toMatch(/keepAliveMs/);
  });
});
