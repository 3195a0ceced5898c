/**
 * Staff: a thread pool that follows `java.util.concurrent.ThreadPoolExecutor` (see SEMANTICS.md part B,
 * section 2). Workers are the cooks, tasks are order tickets, the work queue is the ticket rail, and the
 * submitting thread (the "caller" of `execute`) is the front of house.
 *
 * `submit(task)` follows `execute()` exactly:
 * 1. Fewer than `corePoolSize` workers: start a new (core) worker with the task as its first task, **even if
 *    other workers are idle**.
 * 2. Otherwise offer the task to the queue. Idle workers are blocked in `take()`/`poll()`, so an idle worker
 *    receives the task at once. Without an idle worker: `queueCapacity` 0 (a `SynchronousQueue`) refuses the
 *    offer, a bounded queue accepts while it holds fewer than `queueCapacity` tasks, `'unbounded'` always
 *    accepts. If the offer succeeded and the pool has no worker at all (core 0), a worker is started without a
 *    first task and takes the task from the queue.
 * 3. Offer refused: start a non-core worker (while fewer than `maxPoolSize`) with the **new task as its first
 *    task**, so it runs before tasks that are already queued (the documented gotcha).
 * 4. Otherwise reject with `rejectionPolicy`.
 *
 * A worker that finishes a task takes the queue head (FIFO); with an empty queue it waits idle. An idle worker
 * is "timed" when `allowCoreTimeout` is on or there are more than `corePoolSize` workers; a timed worker retires
 * after `keepAliveMs` without work. Workers are not core or non-core by identity (as in Java): whichever worker
 * times out first while the pool is above core retires.
 *
 * Decisions where the model had to choose (all deliberate, see the tests):
 * - **Which idle worker gets a task.** With a bounded or unbounded queue, the worker idle the longest (the
 *   blocking queues wake waiting takers in FIFO order). With a `SynchronousQueue` (capacity 0), the most
 *   recently idle one, because Java's default non-fair `SynchronousQueue` hands off LIFO; that is what lets the
 *   other idle workers of a cached pool reach their keep-alive and retire under light load.
 * - **Tasks handed straight to a worker** (steps 1 and 3, or an idle worker) log `task.started` with
 *   `queuedMs: 0` and no `task.queued`.
 * - **Failures.** When `hooks.onStart` returns a reason, the task ends at once as `failed` (`task.failed`, zero
 *   duration) and the worker goes on to its next task. This is the behaviour of `submit()`-wrapped tasks
 *   (a `FutureTask` catches the exception), not of a bare `execute()` task, whose exception kills the thread.
 * - **discardOldest with an empty queue** (always the case with a `SynchronousQueue`): there is nothing to
 *   discard, so the new task is dropped and logged as `task.rejected` with policy `'discardOldest'`. Java would
 *   retry `execute()` forever (a spin) until a worker became idle; a simulation cannot spin.
 * - **callerRuns.** The front of house is one shared caller. A rejected task is run by it (`task.callerRan`,
 *   `hooks.onStart(task, -1)`, `durationMs` later `task.completed` with `workerId -1`). While it is busy it
 *   cannot submit anything, so every later `submit()` is deferred (`task.deferred`, `untilMs` = when the caller
 *   is due to be free) into a FIFO backlog. When the caller finishes it resubmits the backlog in submission
 *   order, at that instant, until one of them is rejected and run by the caller again; the rest stay deferred.
 *   `task.deferred` is logged once per task: a task that has to wait for a second caller run is not logged
 *   again (that would make the log grow with the square of the backlog); `deferredTasks()` shows the backlog.
 *   A deferred task is not rejected, so the caller-run task itself gets no `task.rejected` entry.
 * - **Lowering limits** follows the JDK implementation (`setCorePoolSize`, `setMaximumPoolSize`, both of which
 *   interrupt idle workers): above a lowered `maxPoolSize`, idle workers retire at once (`limitLowered`) and
 *   busy ones retire when they finish their current task, even if tasks are queued. Above a lowered
 *   `corePoolSize` but within max, workers become timed: idle ones restart their keep-alive wait now and retire
 *   `keepAliveMs` later if still idle (`keepAlive`); busy ones keep working and go through keep-alive when the
 *   queue runs dry. A shorter `keepAliveMs` or switching `allowCoreTimeout` on also restarts idle waits now.
 * - **Raising limits.** A larger `corePoolSize` starts up to `min(delta, queued)` core workers for queued tasks
 *   at once (Java's `setCorePoolSize`); a larger `maxPoolSize` only affects later submits.
 * - **queueWaitMs** covers every task a pool worker started (including ones that then failed at start), with
 *   0 for tasks handed straight to a worker; tasks run by the caller are not pool work and are left out.
 *
 * Timers (one handler per kind, registered in the constructor, so one pool per scheduler): `staff.taskDone` and
 * `staff.keepAlive` (ref = workerId) and `staff.callerDone` (ref = taskId). Keep-alive timers are cancelled
 * lazily: each idle worker remembers when its current wait ends (`keepAliveAtMs`) and a timer that does not match
 * is ignored.
 *
 * Worker states follow the staff lifecycle (`WORKER_LIFECYCLE` in lifecycles.ts): a worker is `starting` from
 * `worker.started` until its first `task.started` (within the same call), then `busy` or `idle`, and `retired`
 * as it leaves. Every change goes through the compiled chart, which throws on a step it does not have.
 *
 * Cost: every event is O(1) (the queue and the backlog are arrays with a head index, idle workers a linked
 * list), except `metrics()` (sorts the wait samples) and the plain-data views, which copy.
 */
import type { SimContext } from './context.ts';
import type { RejectionPolicy, SimEvent } from './events.ts';
import { follow, WORKER_CHART, WORKER_RETIRE_EVENTS, type WorkerState } from './lifecycles.ts';
import type { StaffConfig } from './scenario.ts';
import { summarize, type Percentiles } from './stats.ts';

/** One unit of work (an order ticket). Ids come from the caller. */
export interface Ticket {
  taskId: number;
  /** The request (party) the task belongs to. */
  partyId: number;
  /** How long running the task takes once started, in virtual ms. */
  durationMs: number;
}

/** How a submitted task ended. */
export type TaskOutcome = 'completed' | 'failed' | 'rejected' | 'discarded';

/** What the pool tells the rest of the simulation about tasks. */
export interface ThreadPoolHooks {
  /**
   * A worker (or the caller, workerId -1, under callerRuns) starts the task. Return null to proceed, or a
   * failure reason (e.g. 'EMFILE') to end it at once as failed (log task.failed).
   */
  onStart(task: Ticket, workerId: number): string | null;
  /** Called exactly once per submitted task when it ends: completed, failed, rejected or discarded. */
  onFinish(task: Ticket, outcome: TaskOutcome): void;
}

/** The pool's state right now (counts). */
export interface ThreadPoolGauges {
  /** Workers running a task. */
  busy: number;
  /** Workers waiting for a task. */
  idle: number;
  /** Tasks in the queue. */
  queued: number;
  /** All workers (busy + idle). */
  workers: number;
  corePoolSize: number;
  maxPoolSize: number;
  /** True while the caller (front of house) runs a rejected task under callerRuns. */
  isCallerBusy: boolean;
  /** Tasks submitted while the caller was busy, waiting to be resubmitted. */
  deferred: number;
}

/** Totals since the pool was created. */
export interface ThreadPoolMetrics {
  /** Calls to `submit()`. */
  submitted: number;
  /** Tasks that ran to the end (on a worker or on the caller). */
  completed: number;
  /** Tasks that `onStart` failed. */
  failed: number;
  /** Tasks rejected and dropped (abort, discard, and discardOldest with nothing to discard). */
  rejected: number;
  /** Queued tasks dropped by discardOldest to make room. */
  discarded: number;
  /** Rejected tasks the caller ran itself (callerRuns). */
  callerRan: number;
  workersStarted: number;
  workersRetired: number;
  /** Most workers at once. */
  peakWorkers: number;
  /** Longest the queue has been. */
  peakQueued: number;
  /** Time tasks spent in the queue before a worker started them, in ms (0 for direct starts). */
  queueWaitMs: Percentiles;
}

/** One worker as plain data (what the UI draws). */
export interface WorkerView {
  workerId: number;
  /** A state of `WORKER_LIFECYCLE`; outside a pool call always 'idle' or 'busy' (starting and retired pass within one call). */
  state: WorkerState;
  /** The task it runs, or null when idle. */
  taskId: number | null;
  /** When it became idle (virtual ms), or null when busy. */
  idleSinceMs: number | null;
  /** Whether it was started as a core worker (a label only: any worker above core may time out). */
  startedAsCore: boolean;
}

interface Worker {
  readonly workerId: number;
  readonly startedAsCore: boolean;
  state: WorkerState;
  task: Ticket | null;
  taskStartedAtMs: number;
  idleSinceMs: number | null;
  /** When the current timed wait ends, or null when the worker waits without a limit (or is busy). */
  keepAliveAtMs: number | null;
  prevIdle: Worker | null;
  nextIdle: Worker | null;
}

interface QueuedTask {
  task: Ticket;
  queuedAtMs: number;
}

/** FIFO of items: an array with a head index, compacted when the dead prefix is large. O(1) amortised. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  toArray(): T[] {
    return this.items.slice(this.head) as T[];
  }
}

const STAFF_FIELDS = [
  'corePoolSize',
  'maxPoolSize',
  'queueCapacity',
  'keepAliveMs',
  'rejectionPolicy',
  'allowCoreTimeout',
] as const satisfies readonly (keyof StaffConfig)[];

const POLICIES: readonly RejectionPolicy[] = ['abort', 'callerRuns', 'discard', 'discardOldest'];

/**
 * Checks a staff configuration the way ThreadPoolExecutor's constructor and setters do.
 * @returns null when valid, else a message naming the field and what was expected.
 */
export function validateStaffConfig(c: StaffConfig): string | null {
  if (!Number.isInteger(c.corePoolSize) || c.corePoolSize < 0) {
    return `corePoolSize: expected an integer >= 0, got ${String(c.corePoolSize)}`;
  }
  if (!Number.isInteger(c.maxPoolSize) || c.maxPoolSize < 1) {
    return `maxPoolSize: expected an integer >= 1, got ${String(c.maxPoolSize)}`;
  }
  if (c.maxPoolSize < c.corePoolSize) {
    return `maxPoolSize: expected maxPoolSize >= corePoolSize (${c.corePoolSize}), got ${c.maxPoolSize}`;
  }
  if (c.queueCapacity !== 'unbounded' && (!Number.isInteger(c.queueCapacity) || c.queueCapacity < 0)) {
    return `queueCapacity: expected an integer >= 0 or "unbounded", got ${String(c.queueCapacity)}`;
  }
  if (!Number.isInteger(c.keepAliveMs) || c.keepAliveMs < 0) {
    return `keepAliveMs: expected an integer >= 0, got ${String(c.keepAliveMs)}`;
  }
  if (!POLICIES.includes(c.rejectionPolicy)) {
    return `rejectionPolicy: expected one of ${POLICIES.join(', ')}, got ${String(c.rejectionPolicy)}`;
  }
  if (typeof c.allowCoreTimeout !== 'boolean') {
    return `allowCoreTimeout: expected true or false, got ${String(c.allowCoreTimeout)}`;
  }
  if (c.allowCoreTimeout && c.keepAliveMs <= 0) {
    return `keepAliveMs: expected keepAliveMs > 0 when allowCoreTimeout is true, got ${c.keepAliveMs}`;
  }
  return null;
}

/** The worker id given to the submitting thread (the caller) when it runs a task itself under callerRuns. */
export const CALLER_WORKER_ID = -1;

/**
 * A ThreadPoolExecutor in virtual time. See the module comment for the exact rules and the decisions made.
 *
 * @example
 * const pool = new ThreadPool(staffConfig, ctx, { onStart: () => null, onFinish: () => {} });
 * pool.submit({ taskId: 1, partyId: 1, durationMs: 240_000 });
 * ctx.scheduler.runUntil(600_000);
 */
export class ThreadPool {
  private cfg: StaffConfig;
  private readonly workerMap = new Map<number, Worker>();
  private idleHead: Worker | null = null;
  private idleTail: Worker | null = null;
  private idleCount = 0;
  private busyCount = 0;
  private nextWorkerId = 1;
  private readonly queue = new Fifo<QueuedTask>();
  /** Tasks submitted while the caller was busy (callerRuns back-pressure). */
  private readonly deferred = new Fifo<Ticket>();
  private callerTask: Ticket | null = null;
  private callerFreeAtMs = 0;
  private readonly waitSamples: number[] = [];
  private readonly counts = {
    submitted: 0,
    completed: 0,
    failed: 0,
    rejected: 0,
    discarded: 0,
    callerRan: 0,
    workersStarted: 0,
    workersRetired: 0,
    peakWorkers: 0,
    peakQueued: 0,
  };

  /**
   * @param config limits (times in virtual ms); copied, change them later with {@link setLimits}
   * @param ctx the shared scheduler, random source and log; registers the `staff.*` timer handlers
   * @param hooks told when each task starts and ends
   * @throws Error when the configuration is invalid (as Java's constructor throws IllegalArgumentException)
   */
  constructor(
    config: StaffConfig,
    private readonly ctx: SimContext,
    private readonly hooks: ThreadPoolHooks,
  ) {
    this.cfg = { ...config };
    const problem = validateStaffConfig(this.cfg);
    if (problem) throw new Error(`threadPool: invalid configuration: ${problem}`);
    const s = ctx.scheduler;
    s.on('staff.taskDone', (workerId) => this.onTaskDone(workerId));
    s.on('staff.keepAlive', (workerId, atMs) => this.onKeepAlive(workerId, atMs));
    s.on('staff.callerDone', () => this.onCallerDone());
  }

  /** Submits a task: logs `task.submitted`, then follows `execute()` (or defers it while the caller is busy). */
  submit(task: Ticket): void {
    this.counts.submitted++;
    this.log({ atMs: this.now, type: 'task.submitted', taskId: task.taskId, partyId: task.partyId });
    if (this.callerTask !== null || this.deferred.length > 0) {
      const untilMs = this.callerTask !== null ? this.callerFreeAtMs : this.now;
      this.deferred.push(task);
      this.log({ atMs: this.now, type: 'task.deferred', taskId: task.taskId, untilMs, reason: 'callerBusy' });
      return;
    }
    this.execute(task);
  }

  /**
   * Changes limits while running (Java's setters). Logs `limit.changed` per changed field (booleans as
   * 'true'/'false'); see the module comment for what each change does at once.
   * @returns null on success, or a message when the resulting combination is invalid (nothing is changed)
   */
  setLimits(changes: Partial<StaffConfig>): string | null {
    const next: StaffConfig = { ...this.cfg };
    for (const field of STAFF_FIELDS) copyDefined(next, changes, field);
    const problem = validateStaffConfig(next);
    if (problem) return problem;
    const prev = this.cfg;
    this.cfg = next;
    for (const field of STAFF_FIELDS) {
      if (prev[field] !== next[field]) {
        this.log({
          atMs: this.now,
          type: 'limit.changed',
          kind: 'staff',
          field,
          from: limitValue(prev[field]),
          to: limitValue(next[field]),
        });
      }
    }
    const wc = this.workerMap.size;
    const isInterrupting =
      (next.corePoolSize !== prev.corePoolSize && wc > next.corePoolSize) ||
      (next.maxPoolSize !== prev.maxPoolSize && wc > next.maxPoolSize) ||
      next.keepAliveMs < prev.keepAliveMs ||
      (next.allowCoreTimeout && !prev.allowCoreTimeout);
    if (isInterrupting) this.interruptIdleWorkers();
    const delta = next.corePoolSize - prev.corePoolSize;
    if (delta > 0 && this.workerMap.size <= next.corePoolSize) {
      let k = Math.min(delta, this.queue.length);
      while (k-- > 0 && this.workerMap.size < this.cfg.corePoolSize) {
        this.addWorker(null, true);
        if (this.queue.length === 0) break;
      }
    }
    return null;
  }

  /** The current limits (a copy). */
  limits(): StaffConfig {
    return { ...this.cfg };
  }

  /** Counts right now. */
  gauges(): ThreadPoolGauges {
    return {
      busy: this.busyCount,
      idle: this.idleCount,
      queued: this.queue.length,
      workers: this.workerMap.size,
      corePoolSize: this.cfg.corePoolSize,
      maxPoolSize: this.cfg.maxPoolSize,
      isCallerBusy: this.callerTask !== null,
      deferred: this.deferred.length,
    };
  }

  /** Totals since the start, with queue-wait percentiles (ms). */
  metrics(): ThreadPoolMetrics {
    return { ...this.counts, queueWaitMs: summarize(this.waitSamples) };
  }

  /** Plain-data view of every worker, in start order. */
  workers(): ReadonlyArray<WorkerView> {
    const out: WorkerView[] = [];
    for (const w of this.workerMap.values()) {
      out.push({
        workerId: w.workerId,
        state: w.state,
        taskId: w.task ? w.task.taskId : null,
        idleSinceMs: w.idleSinceMs,
        startedAsCore: w.startedAsCore,
      });
    }
    return out;
  }

  /** The queued tasks, head (next to start) first. */
  queuedTasks(): readonly Ticket[] {
    return this.queue.toArray().map((q) => q.task);
  }

  /** Tasks deferred while the caller is busy, in the order they will be resubmitted. */
  deferredTasks(): readonly Ticket[] {
    return this.deferred.toArray();
  }

  /** The task the caller is running under callerRuns, or null. */
  callerRunningTask(): Ticket | null {
    return this.callerTask;
  }

  // ---- execute() ----

  private execute(task: Ticket): void {
    for (;;) {
      if (this.workerMap.size < this.cfg.corePoolSize) {
        this.addWorker({ task, queuedAtMs: this.now }, true);
        return;
      }
      if (this.offer(task)) {
        if (this.workerMap.size === 0) this.addWorker(null, false);
        return;
      }
      if (this.workerMap.size < this.cfg.maxPoolSize) {
        this.addWorker({ task, queuedAtMs: this.now }, false);
        return;
      }
      const policy = this.cfg.rejectionPolicy;
      if (policy === 'callerRuns') {
        this.callerRun(task);
        return;
      }
      if (policy === 'discardOldest') {
        const oldest = this.queue.shift();
        if (oldest) {
          this.counts.discarded++;
          this.log({
            atMs: this.now,
            type: 'task.discarded',
            taskId: oldest.task.taskId,
            policy: 'discardOldest',
            byTaskId: task.taskId,
          });
          this.hooks.onFinish(oldest.task, 'discarded');
          continue; // execute(task) again
        }
      }
      this.counts.rejected++;
      this.log({ atMs: this.now, type: 'task.rejected', taskId: task.taskId, policy, reason: 'saturated' });
      this.hooks.onFinish(task, 'rejected');
      return;
    }
  }

  /** `workQueue.offer(task)`: true when an idle worker took it or the queue had room. */
  private offer(task: Ticket): boolean {
    const capacity = this.cfg.queueCapacity;
    const idle = capacity === 0 ? this.idleTail : this.idleHead;
    if (idle && this.queue.length === 0) {
      this.removeIdle(idle);
      // The worker turns busy in startTask (runWorker starts the task at once).
      idle.idleSinceMs = null;
      idle.keepAliveAtMs = null;
      this.busyCount++;
      this.runWorker(idle, { task, queuedAtMs: this.now });
      return true;
    }
    if (capacity !== 'unbounded' && this.queue.length >= capacity) return false;
    this.queue.push({ task, queuedAtMs: this.now });
    const queueLength = this.queue.length;
    if (queueLength > this.counts.peakQueued) this.counts.peakQueued = queueLength;
    this.log({ atMs: this.now, type: 'task.queued', taskId: task.taskId, queueLength });
    return true;
  }

  // ---- workers ----

  private addWorker(first: QueuedTask | null, isCore: boolean): void {
    const w: Worker = {
      workerId: this.nextWorkerId++,
      startedAsCore: isCore,
      state: WORKER_CHART.initial,
      task: null,
      taskStartedAtMs: this.now,
      idleSinceMs: null,
      keepAliveAtMs: null,
      prevIdle: null,
      nextIdle: null,
    };
    this.workerMap.set(w.workerId, w);
    this.busyCount++;
    this.counts.workersStarted++;
    if (this.workerMap.size > this.counts.peakWorkers) this.counts.peakWorkers = this.workerMap.size;
    this.log({
      atMs: this.now,
      type: 'worker.started',
      workerId: w.workerId,
      isCore,
      taskId: first ? first.task.taskId : null,
    });
    this.runWorker(w, first);
  }

  /**
   * Java's `runWorker` loop from the current instant: run `first` (or take the next task) until one is running
   * on a timer, or the worker goes idle or retires. Tasks that fail at start end at once and the loop goes on.
   */
  private runWorker(w: Worker, first: QueuedTask | null): void {
    let next = first;
    for (;;) {
      if (next === null) {
        // getTask(): leave when above max, else take the queue head, else wait.
        if (this.workerMap.size > this.cfg.maxPoolSize) {
          this.retire(w, 'limitLowered');
          return;
        }
        next = this.queue.shift() ?? null;
        if (next === null) {
          this.becomeIdle(w);
          return;
        }
      }
      if (this.startTask(w, next)) return;
      next = null;
    }
  }

  /** Starts a task on a busy worker. Returns true when it runs (a timer is set), false when it failed at start. */
  private startTask(w: Worker, q: QueuedTask): boolean {
    const task = q.task;
    const queuedMs = this.now - q.queuedAtMs;
    this.waitSamples.push(queuedMs);
    w.state = follow(WORKER_CHART, w.state, 'staff.startTask');
    w.task = task;
    w.taskStartedAtMs = this.now;
    this.log({ atMs: this.now, type: 'task.started', taskId: task.taskId, workerId: w.workerId, queuedMs });
    const failure = this.hooks.onStart(task, w.workerId);
    if (failure !== null) {
      w.task = null;
      this.counts.failed++;
      this.log({ atMs: this.now, type: 'task.failed', taskId: task.taskId, workerId: w.workerId, reason: failure });
      this.hooks.onFinish(task, 'failed');
      return false;
    }
    this.ctx.scheduler.after(task.durationMs, 'staff.taskDone', w.workerId);
    return true;
  }

  private onTaskDone(workerId: number): void {
    const w = this.workerMap.get(workerId);
    if (!w || w.task === null) return;
    const task = w.task;
    w.task = null;
    this.counts.completed++;
    this.log({
      atMs: this.now,
      type: 'task.completed',
      taskId: task.taskId,
      workerId,
      durationMs: this.now - w.taskStartedAtMs,
    });
    this.hooks.onFinish(task, 'completed');
    this.runWorker(w, null);
  }

  private becomeIdle(w: Worker): void {
    w.state = follow(WORKER_CHART, w.state, 'staff.wait');
    w.task = null;
    w.idleSinceMs = this.now;
    this.busyCount--;
    this.appendIdle(w);
    this.log({ atMs: this.now, type: 'worker.idle', workerId: w.workerId });
    this.startWait(w);
  }

  /** Begins an idle wait: timed (keep-alive) or not, decided now, as `getTask()` does. */
  private startWait(w: Worker): void {
    if (this.cfg.allowCoreTimeout || this.workerMap.size > this.cfg.corePoolSize) {
      const atMs = this.now + this.cfg.keepAliveMs;
      w.keepAliveAtMs = atMs;
      this.ctx.scheduler.schedule(atMs, 'staff.keepAlive', w.workerId);
    } else {
      w.keepAliveAtMs = null;
    }
  }

  private onKeepAlive(workerId: number, atMs: number): void {
    const w = this.workerMap.get(workerId);
    if (!w || w.state !== 'idle' || w.keepAliveAtMs !== atMs) return; // stale timer
    w.keepAliveAtMs = null;
    // An idle worker means an empty queue, so Java's "wc > 1 || queue empty" holds.
    if (this.cfg.allowCoreTimeout || this.workerMap.size > this.cfg.corePoolSize) this.retire(w, 'keepAlive');
    // else: back within core, the worker now waits without a limit.
  }

  /** Java's interruptIdleWorkers: each idle worker re-runs getTask() now (longest idle first). */
  private interruptIdleWorkers(): void {
    let w = this.idleHead;
    while (w) {
      const next = w.nextIdle;
      if (this.workerMap.size > this.cfg.maxPoolSize) this.retire(w, 'limitLowered');
      else this.startWait(w);
      w = next;
    }
  }

  private retire(w: Worker, reason: 'keepAlive' | 'limitLowered'): void {
    if (w.state === 'idle') this.removeIdle(w);
    else this.busyCount--;
    w.state = follow(WORKER_CHART, w.state, WORKER_RETIRE_EVENTS[reason]);
    this.workerMap.delete(w.workerId);
    w.keepAliveAtMs = null;
    this.counts.workersRetired++;
    this.log({ atMs: this.now, type: 'worker.retired', workerId: w.workerId, reason });
  }

  private appendIdle(w: Worker): void {
    w.prevIdle = this.idleTail;
    w.nextIdle = null;
    if (this.idleTail) this.idleTail.nextIdle = w;
    else this.idleHead = w;
    this.idleTail = w;
    this.idleCount++;
  }

  private removeIdle(w: Worker): void {
    if (w.prevIdle) w.prevIdle.nextIdle = w.nextIdle;
    else this.idleHead = w.nextIdle;
    if (w.nextIdle) w.nextIdle.prevIdle = w.prevIdle;
    else this.idleTail = w.prevIdle;
    w.prevIdle = null;
    w.nextIdle = null;
    this.idleCount--;
  }

  // ---- callerRuns ----

  private callerRun(task: Ticket): void {
    this.counts.callerRan++;
    this.log({ atMs: this.now, type: 'task.callerRan', taskId: task.taskId, durationMs: task.durationMs });
    const failure = this.hooks.onStart(task, CALLER_WORKER_ID);
    if (failure !== null) {
      this.counts.failed++;
      this.log({
        atMs: this.now,
        type: 'task.failed',
        taskId: task.taskId,
        workerId: CALLER_WORKER_ID,
        reason: failure,
      });
      this.hooks.onFinish(task, 'failed');
      return;
    }
    this.callerTask = task;
    this.callerFreeAtMs = this.now + task.durationMs;
    this.ctx.scheduler.schedule(this.callerFreeAtMs, 'staff.callerDone', task.taskId);
  }

  private onCallerDone(): void {
    const task = this.callerTask;
    if (task === null) return;
    this.callerTask = null;
    this.counts.completed++;
    this.log({
      atMs: this.now,
      type: 'task.completed',
      taskId: task.taskId,
      workerId: CALLER_WORKER_ID,
      durationMs: task.durationMs,
    });
    this.hooks.onFinish(task, 'completed');
    // The caller is free: it resubmits its backlog in order until it has to run a task itself again.
    while (this.callerTask === null) {
      const next = this.deferred.shift();
      if (next === undefined) break;
      this.execute(next);
    }
  }

  // ---- helpers ----

  private get now(): number {
    return this.ctx.scheduler.nowMs;
  }

  private log(event: SimEvent): void {
    this.ctx.log.append(event);
  }
}

function copyDefined<K extends keyof StaffConfig>(to: StaffConfig, from: Partial<StaffConfig>, field: K): void {
  const value = from[field];
  if (value !== undefined) to[field] = value as StaffConfig[K];
}

function limitValue(value: StaffConfig[keyof StaffConfig]): number | string {
  return typeof value === 'boolean' ? String(value) : value;
}
