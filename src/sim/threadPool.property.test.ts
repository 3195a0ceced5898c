import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventLog, type SimEvent } from './events.ts';
import { createRandom } from './random.ts';
import type { StaffConfig } from './scenario.ts';
import { Scheduler } from './scheduler.ts';
import { ThreadPool, type TaskOutcome } from './threadPool.ts';

/** A cheap assertion for hot loops (vitest's expect is slow when called ~10^6 times). */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

type Op =
  | { kind: 'submit'; durationMs: number; isFailing: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'limits'; changes: Partial<StaffConfig> };

const policyArb = fc.constantFrom<StaffConfig['rejectionPolicy']>('abort', 'callerRuns', 'discard', 'discardOldest');
const capacityArb = fc.oneof(
  fc.constant<StaffConfig['queueCapacity']>(0),
  fc.integer({ min: 1, max: 5 }),
  fc.constant<StaffConfig['queueCapacity']>('unbounded'),
);

const configArb: fc.Arbitrary<StaffConfig> = fc
  .record({
    corePoolSize: fc.integer({ min: 0, max: 4 }),
    extra: fc.integer({ min: 0, max: 4 }),
    queueCapacity: capacityArb,
    keepAliveMs: fc.integer({ min: 0, max: 60 }),
    rejectionPolicy: policyArb,
    allowCoreTimeout: fc.boolean(),
  })
  .map((r) => ({
    corePoolSize: r.corePoolSize,
    maxPoolSize: Math.max(1, r.corePoolSize + r.extra),
    queueCapacity: r.queueCapacity,
    keepAliveMs: r.allowCoreTimeout ? Math.max(1, r.keepAliveMs) : r.keepAliveMs,
    rejectionPolicy: r.rejectionPolicy,
    allowCoreTimeout: r.allowCoreTimeout,
  }));

/** Random limit changes; some combinations are invalid on purpose (setLimits must refuse them). */
const changesArb: fc.Arbitrary<Partial<StaffConfig>> = fc.record(
  {
    corePoolSize: fc.integer({ min: 0, max: 5 }),
    maxPoolSize: fc.integer({ min: 1, max: 7 }),
    queueCapacity: capacityArb,
    keepAliveMs: fc.integer({ min: 0, max: 60 }),
    rejectionPolicy: policyArb,
    allowCoreTimeout: fc.boolean(),
  },
  { requiredKeys: [] },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      durationMs: fc.integer({ min: 0, max: 40 }),
      isFailing: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('limits' as const), changes: changesArb }) },
);

const opsArb = fc.array(opArb, { minLength: 1, maxLength: 60 });

interface RunResult {
  events: readonly SimEvent[];
  finishes: Map<number, TaskOutcome[]>;
  submittedCount: number;
  pool: ThreadPool;
}

/**
 * Runs a random sequence, checking the pool's own counters after every step, then lets every timer fire.
 * Hooks record each start and finish and check that no worker (or the caller) runs two tasks at once.
 */
function runSequence(config: StaffConfig, ops: readonly Op[], checkSteps: boolean): RunResult {
  const scheduler = new Scheduler();
  const log = new EventLog();
  const failing = new Set<number>();
  const finishes = new Map<number, TaskOutcome[]>();
  const runningOn = new Map<number, number>(); // workerId (or -1) -> taskId
  const startedTasks = new Set<number>();
  const pool = new ThreadPool(config, { scheduler, rng: createRandom(7), log }, {
    onStart: (task, workerId) => {
      check(!runningOn.has(workerId), `worker ${workerId} already runs a task`);
      check(!startedTasks.has(task.taskId), `task ${task.taskId} started twice`);
      startedTasks.add(task.taskId);
      if (failing.has(task.taskId)) return 'EMFILE';
      runningOn.set(workerId, task.taskId);
      return null;
    },
    onFinish: (task, outcome) => {
      const list = finishes.get(task.taskId) ?? [];
      list.push(outcome);
      finishes.set(task.taskId, list);
      if (outcome === 'completed') {
        let holder: number | null = null;
        for (const [workerId, taskId] of runningOn) if (taskId === task.taskId) holder = workerId;
        check(holder !== null, `completed task ${task.taskId} was not running`);
        runningOn.delete(holder as number);
      }
    },
  });
  let nextTaskId = 1;
  for (const op of ops) {
    const before = pool.gauges();
    if (op.kind === 'submit') {
      const taskId = nextTaskId++;
      if (op.isFailing) failing.add(taskId);
      pool.submit({ taskId, partyId: taskId, durationMs: op.durationMs });
    } else if (op.kind === 'advance') {
      scheduler.runUntil(scheduler.nowMs + op.ms);
    } else {
      const limitsBefore = pool.limits();
      const problem = pool.setLimits(op.changes);
      if (problem !== null) check(JSON.stringify(pool.limits()) === JSON.stringify(limitsBefore), 'refused setLimits changed the limits');
    }
    if (checkSteps) checkGauges(pool, before, finishes);
  }
  scheduler.runUntil(Infinity);
  return { events: log.events, finishes, submittedCount: nextTaskId - 1, pool };
}

/** Invariants between steps, from the pool's own gauges, views and metrics. */
function checkGauges(pool: ThreadPool, before: ReturnType<ThreadPool['gauges']>, finishes: Map<number, TaskOutcome[]>): void {
  const g = pool.gauges();
  const limits = pool.limits();
  const m = pool.metrics();
  // The queue and the pool only grow within the current limits (lowering a limit does not evict).
  if (limits.queueCapacity !== 'unbounded' && g.queued > limits.queueCapacity) check(g.queued <= before.queued, 'queue grew beyond capacity');
  if (g.workers > g.maxPoolSize) check(g.workers <= before.workers, 'workers grew beyond maxPoolSize');
  check(g.busy + g.idle === g.workers, 'busy + idle != workers');
  const views = pool.workers();
  check(views.length === g.workers, 'workers() length');
  check(views.every((w) => (w.state === 'busy') === (w.taskId !== null)), 'busy worker without a task');
  check(views.every((w) => (w.state === 'idle') === (w.idleSinceMs !== null)), 'idle worker without idleSinceMs');
  check(new Set(views.map((w) => w.taskId).filter((t) => t !== null)).size === g.busy, 'two workers on one task');
  // Idle workers only while nothing waits; queued work always has a worker to run it.
  if (g.idle > 0) check(g.queued === 0, 'idle workers while tasks are queued');
  if (g.queued > 0) check(g.workers > 0, 'queued tasks but no worker');
  // Below core nothing waits: submits start workers, and raising core starts workers for queued tasks.
  if (g.workers < g.corePoolSize) check(g.queued === 0, 'tasks queued while the pool is below core');
  if (g.deferred > 0) check(g.isCallerBusy, 'deferred tasks while the caller is free');
  // Counts add up: every submitted task has ended or is in flight somewhere.
  const ended = m.completed + m.failed + m.rejected + m.discarded;
  const inFlight = g.queued + g.busy + (g.isCallerBusy ? 1 : 0) + g.deferred;
  check(m.submitted === ended + inFlight, `submitted ${m.submitted} != ended ${ended} + in flight ${inFlight}`);
  let finishCalls = 0;
  for (const list of finishes.values()) finishCalls += list.length;
  check(finishCalls === ended, 'onFinish calls != ended tasks');
  check(m.peakWorkers >= g.workers, 'peakWorkers');
  check(m.peakQueued >= g.queued, 'peakQueued');
}

/**
 * Replays the log against a small model of the pool and checks every decision: FIFO queue within capacity,
 * workers within max, one task per worker, rejections only when saturated, keep-alive timing.
 */
function checkLog(config: StaffConfig, events: readonly SimEvent[]): void {
  const cfg: StaffConfig = { ...config };
  const workers = new Map<number, { running: number | null; isIdle: boolean; idleSinceMs: number }>();
  /** Idle worker ids, longest idle first. */
  const idleOrder: number[] = [];
  const leaveIdle = (workerId: number) => {
    const i = idleOrder.indexOf(workerId);
    if (i >= 0) idleOrder.splice(i, 1);
  };
  const queue: Array<{ taskId: number; atMs: number }> = [];
  let caller: number | null = null;
  let lastAtMs = 0;
  let isFixedConfig = true;
  const ended = new Set<number>();
  const idleCount = () => [...workers.values()].filter((w) => w.isIdle).length;
  const end = (taskId: number) => {
    check(!ended.has(taskId), `task ${taskId} ended twice`);
    ended.add(taskId);
  };
  for (const e of events) {
    check(e.atMs >= lastAtMs, 'log goes back in time');
    lastAtMs = e.atMs;
    switch (e.type) {
      case 'limit.changed': {
        isFixedConfig = false;
        const to = e.field === 'allowCoreTimeout' ? e.to === 'true' : e.to;
        (cfg as Record<string, unknown>)[e.field] = to;
        break;
      }
      case 'worker.started': {
        workers.set(e.workerId, { running: null, isIdle: false, idleSinceMs: 0 });
        check(workers.size <= cfg.maxPoolSize, 'worker started beyond maxPoolSize');
        if (e.isCore) check(workers.size <= cfg.corePoolSize, 'core worker started beyond corePoolSize');
        // An unbounded queue accepts every offer: the only non-core start is the "no workers left" one.
        if (cfg.queueCapacity === 'unbounded' && !e.isCore) {
          check(e.taskId === null && workers.size === 1, 'unbounded queue grew the pool past core');
        }
        break;
      }
      case 'task.queued': {
        check(cfg.queueCapacity === 'unbounded' || queue.length < cfg.queueCapacity, 'queued beyond capacity');
        check(idleCount() === 0, 'queued while a worker was idle');
        queue.push({ taskId: e.taskId, atMs: e.atMs });
        check(e.queueLength === queue.length, 'queueLength');
        break;
      }
      case 'task.started': {
        const w = workers.get(e.workerId);
        check(w !== undefined && w.running === null, `worker ${e.workerId} started a second task`);
        check(workers.size <= cfg.maxPoolSize, 'a worker above maxPoolSize took a task instead of retiring');
        if (w!.isIdle) {
          // Blocking queues wake the longest-waiting taker; the non-fair SynchronousQueue hands off LIFO.
          const expected = cfg.queueCapacity === 0 ? idleOrder[idleOrder.length - 1] : idleOrder[0];
          check(e.workerId === expected, `task went to idle worker ${e.workerId}, expected ${expected}`);
          leaveIdle(e.workerId);
        }
        const at = queue.findIndex((q) => q.taskId === e.taskId);
        if (at >= 0) {
          check(at === 0, 'tasks leave the queue in FIFO order');
          check(e.queuedMs === e.atMs - queue[0].atMs, 'queuedMs');
          queue.shift();
        } else {
          check(e.queuedMs === 0, 'direct start with queuedMs > 0');
        }
        w!.running = e.taskId;
        w!.isIdle = false;
        break;
      }
      case 'task.completed':
      case 'task.failed': {
        if (e.workerId === -1) {
          check(caller === e.taskId, 'caller ended a task it was not running');
          caller = null;
        } else {
          const w = workers.get(e.workerId);
          check(w?.running === e.taskId, 'worker ended a task it was not running');
          w!.running = null;
        }
        end(e.taskId);
        break;
      }
      case 'task.callerRan': {
        check(cfg.rejectionPolicy === 'callerRuns' && caller === null, 'callerRan');
        caller = e.taskId;
        break;
      }
      case 'task.deferred': {
        check(caller !== null, 'deferred while the caller was free');
        break;
      }
      case 'task.rejected': {
        check(e.policy === cfg.rejectionPolicy, 'rejected under another policy');
        check(workers.size >= cfg.maxPoolSize && idleCount() === 0, 'rejected while the pool could grow');
        if (e.policy === 'discardOldest') check(queue.length === 0, 'discardOldest dropped the new task with a queue');
        else check(cfg.queueCapacity !== 'unbounded' && queue.length >= cfg.queueCapacity, 'rejected with room in the queue');
        end(e.taskId);
        break;
      }
      case 'task.discarded': {
        check(cfg.rejectionPolicy === 'discardOldest' && queue[0]?.taskId === e.taskId, 'discarded a task that was not the head');
        queue.shift();
        end(e.taskId);
        break;
      }
      case 'worker.idle': {
        const w = workers.get(e.workerId);
        check(w !== undefined && w.running === null && queue.length === 0, 'worker idle while busy or with work queued');
        check(workers.size <= cfg.maxPoolSize, 'a worker above maxPoolSize went idle instead of retiring');
        idleOrder.push(e.workerId);
        w!.isIdle = true;
        w!.idleSinceMs = e.atMs;
        break;
      }
      case 'worker.retired': {
        const w = workers.get(e.workerId);
        check(w !== undefined && w.running === null, 'retired a busy worker');
        if (e.reason === 'keepAlive') {
          check(w!.isIdle && (cfg.allowCoreTimeout || workers.size > cfg.corePoolSize), 'keep-alive retired a needed worker');
          if (isFixedConfig) check(e.atMs - w!.idleSinceMs === cfg.keepAliveMs, 'keep-alive retirement not exactly keepAliveMs after idle');
        } else {
          check(workers.size > cfg.maxPoolSize, 'limitLowered retirement within max');
        }
        workers.delete(e.workerId);
        leaveIdle(e.workerId);
        break;
      }
      default:
        break;
    }
  }
}

describe('threadPool properties (random configs and submit/advance/setLimits sequences)', () => {
  it('threadPool keeps its invariants after every step and ends every task exactly once', () => {
    fc.assert(
      fc.property(configArb, opsArb, (config, ops) => {
        const { events, finishes, submittedCount, pool } = runSequence(config, ops, true);
        checkLog(config, events);
        // Once every timer has fired, nothing is in flight and every task has ended exactly once.
        for (let taskId = 1; taskId <= submittedCount; taskId++) expect(finishes.get(taskId)?.length).toBe(1);
        const g = pool.gauges();
        expect(g).toMatchObject({ busy: 0, queued: 0, deferred: 0, isCallerBusy: false });
        // Idle workers beyond core (or all of them, with allowCoreTimeout) have timed out.
        expect(g.workers).toBeLessThanOrEqual(pool.limits().allowCoreTimeout ? 0 : g.corePoolSize);
        const m = pool.metrics();
        expect(m.submitted).toBe(submittedCount);
        expect(m.completed + m.failed + m.rejected + m.discarded).toBe(submittedCount);
        expect(m.workersStarted - m.workersRetired).toBe(g.workers);
        expect(m.queueWaitMs.count).toBe(events.filter((e) => e.type === 'task.started').length);
      }),
      { numRuns: 1000 },
    );
  });

  it('threadPool gives the same log and metrics for the same configuration and sequence', () => {
    fc.assert(
      fc.property(configArb, opsArb, (config, ops) => {
        const a = runSequence(config, ops, false);
        const b = runSequence(config, ops, false);
        expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
        expect(b.pool.metrics()).toEqual(a.pool.metrics());
      }),
      { numRuns: 1000 },
    );
  });
});
