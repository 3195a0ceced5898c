/**
 * The resource manager (the restaurant's manager): one budget per resource kind for the whole house, a
 * usage report, cleanup in two strengths, and a pressure-aware batch job (the catering prep run).
 *
 * - **Limits before allocation.** `allocate` refuses (`limit.exceeded`) when the request would take a kind
 *   past its limit, before anything is taken. Descriptors go through a real {@link FdTable} when one is
 *   given, so the kernel-style EMFILE can refuse them too.
 * - **Handles.** Each allocation is a {@link Handle} with an id, an owner and times. Releasing returns it
 *   exactly once; a second release is refused.
 * - **Scoped acquisition vs hoarding.** {@link ResourceManager.withResources} takes everything a piece of
 *   work needs, runs it, and releases everything whatever the outcome (the RAII / try-finally discipline).
 *   {@link ResourceManager.hoard} is the anti-pattern: take and keep. The batch job runs either style on the
 *   same seed so a lesson can compare them.
 * - **Cleanup.** `routine` releases temporary handles (scratch buffers); `immediate` also releases handles
 *   left idle for `idleReleaseAfterMs`.
 *
 * All times are virtual milliseconds; memory amounts are bytes; every other kind counts units.
 *
 * @example
 * const m = new ResourceManager(config, ctx, { fds });
 * m.withResources([{ kind: 'connection', amount: 1 }, { kind: 'fd', amount: 2 }], 'report', (hs) => true);
 * m.usage().connection; // { used: 0, held: 0, external: 0, limit: 20, ratio: 0, handles: 0 }
 */
import type { SimContext } from './context.ts';
import type { ResourceKind } from './events.ts';
import type { FdTable } from './fdTable.ts';
import { bernoulli } from './random.ts';
import type { BatchJobConfig, ManagerConfig } from './scenario.ts';

/** The kinds, in the order reports list them and `pressure()` checks them. */
export const RESOURCE_KINDS: readonly ResourceKind[] = ['connection', 'memory', 'fd', 'thread'];

/** One allocation held through the manager. */
export interface Handle {
  /** Unique, from 1 upwards, in allocation order. */
  readonly handleId: number;
  readonly kind: ResourceKind;
  /** How much: bytes for memory, units for the other kinds. */
  readonly amount: number;
  /** Who asked (free text; shown in leak reports). */
  readonly owner: string;
  /** When it was allocated, in virtual ms. */
  readonly allocatedAtMs: number;
  /** When it was last used ({@link ResourceManager.touch}) or allocated, in virtual ms. */
  readonly lastUsedAtMs: number;
  /** Scratch space that routine cleanup may release on its own. */
  readonly isTemporary: boolean;
  /** For the fd kind with a real table: the descriptor numbers it opened (ascending). Empty otherwise. */
  readonly fds: readonly number[];
}

/** What a piece of work needs of one kind. An `amount` of 0 is skipped. */
export interface ResourceRequest {
  kind: ResourceKind;
  amount: number;
}

/** One row of the usage report. */
export interface KindUsage {
  /** `held + external`: what counts against the limit. */
  used: number;
  /** Held through the manager's live handles. */
  held: number;
  /** In use elsewhere in the house: `options.externalUsage`, or for fd the table's other descriptors. */
  external: number;
  /** The manager's limit for the kind. */
  limit: number;
  /** `used / limit`; with a limit of 0 it is 0 when nothing is used and Infinity otherwise. */
  ratio: number;
  /** Live handles of the kind. */
  handles: number;
}

/** The usage report: one row per kind. */
export type UsageReport = Record<ResourceKind, KindUsage>;

/** A handle still held, as the end-of-night report lists it. */
export interface HeldHandle {
  handleId: number;
  kind: ResourceKind;
  amount: number;
  owner: string;
  allocatedAtMs: number;
}

/** Counters since the manager was created. */
export interface ManagerMetrics {
  /** Successful allocations per kind. */
  allocations: Record<ResourceKind, number>;
  /** Successful releases per kind (cleanup's included). */
  releases: Record<ResourceKind, number>;
  /** Releases refused because the handle was unknown or already released. */
  refusedReleases: number;
  /** Allocations refused by the manager's own limits, per kind. */
  limitExceeded: Record<ResourceKind, number>;
  /** Descriptor allocations refused by the FdTable (EMFILE) after passing the manager's limit. */
  emfileRefusals: number;
  /** Cleanup runs per mode, and handles they released. */
  cleanups: { routine: number; immediate: number; releasedCount: number };
  /** The batch job (all 0 when there is none). */
  batches: {
    completed: number;
    failed: number;
    backoffs: number;
    /** Items whose work succeeded. */
    itemsSucceeded: number;
    /** Items that held their resources but whose work failed (the bernoulli draw). */
    itemsFailed: number;
    /** Items whose resources were refused (each also fails its batch). */
    itemsRefused: number;
    /** Items never run because their batch failed first. */
    itemsSkipped: number;
    /** True once every batch has completed or failed. */
    isFinished: boolean;
  };
  /** Most held through the manager at once, per kind (external usage not included). */
  peakHeld: Record<ResourceKind, number>;
  /** Handles still held now, ascending by id. At the end of a run these are the leaks. */
  leaks: HeldHandle[];
}

/** Options of {@link ResourceManager}. */
export interface ManagerOptions {
  /** The descriptor table the fd kind opens and closes real descriptors in. Without it fds are only counted. */
  fds?: FdTable;
  /**
   * Usage by the rest of the house (the dinner service's tables in use, cooks on shift...), read on every
   * limit check and report. It counts against the limits, so the catering job cannot take what service is
   * using, but the manager cannot refuse it: external usage alone may push a kind past its limit.
   *
   * For the fd kind with a table, when this hook gives no `fd` value, external usage is read from the table:
   * descriptors open there beyond the ones the manager's handles hold (the house's reserved descriptors and
   * every other owner's). The manager's fd limit is thus a budget for the whole process.
   */
  externalUsage?: () => Partial<Record<ResourceKind, number>>;
  /**
   * Immediate cleanup also releases handles not used for at least this long, in virtual ms. A handle
   * nobody touched for a minute is presumed forgotten. Default 60 000.
   */
  idleReleaseAfterMs?: number;
  /** Bytes of temporary scratch memory the batch job allocates at the start of every batch. Default 4 096. */
  scratchBytesPerBatch?: number;
  /** Back-offs in a row the batch job allows before it fails a batch. Default 3. */
  maxBackoffsInARow?: number;
}

/**
 * Resources taken together and released together. {@link ResourceManager.withResources} opens and closes
 * one around a synchronous piece of work; the batch job keeps one open across an item's virtual time.
 */
export interface ResourceScope {
  readonly owner: string;
  /** The handles taken, in request order. */
  readonly handles: readonly Handle[];
  /** True once `close` ran. */
  readonly isClosed: boolean;
  /** Releases every handle still live, newest first (like destructors at the end of a block). Idempotent. */
  close(): number;
}

interface HandleRecord extends Handle {
  lastUsedAtMs: number;
}

/** Why the last allocation was refused (for the batch job's failure reason). */
interface Refusal {
  kind: ResourceKind;
  cause: 'limit' | 'EMFILE';
}

const BATCH_NEXT = 'manager.batchNext';
const BACKOFF_DONE = 'manager.backoffDone';
const ITEM_DONE = 'manager.itemDone';

const DEFAULT_IDLE_RELEASE_AFTER_MS = 60_000;
const DEFAULT_SCRATCH_BYTES_PER_BATCH = 4_096;
const DEFAULT_MAX_BACKOFFS_IN_A_ROW = 3;

function perKind(value: number): Record<ResourceKind, number> {
  return { connection: value, memory: value, fd: value, thread: value };
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

class Scope implements ResourceScope {
  isClosed = false;

  constructor(
    private readonly manager: ResourceManager,
    readonly owner: string,
    readonly handles: readonly Handle[],
  ) {}

  close(): number {
    if (this.isClosed) return 0;
    this.isClosed = true;
    let released = 0;
    for (let i = this.handles.length - 1; i >= 0; i--) if (this.manager.release(this.handles[i])) released++;
    return released;
  }
}

/** State of the running batch job. */
interface BatchJobState {
  readonly config: BatchJobConfig;
  readonly batchCount: number;
  /** Back-offs in a row for the current batch. */
  backoffsInARow: number;
  /** Next item to run (global index). */
  itemIndex: number;
  /** One past the last item of the current batch. */
  batchEndItem: number;
  /** The in-flight item's scope (scoped style). */
  scope: ResourceScope | null;
  /** The in-flight item's hoarded handles (hoarding style). */
  hoarded: Handle[] | null;
  /** The in-flight item's draw: true when its work fails. */
  isItemFailing: boolean;
}

/**
 * The manager. See the module comment for the rules; each method lists the facts it logs.
 */
export class ResourceManager {
  private readonly limits: Record<ResourceKind, number>;
  private readonly pressureThreshold: number;
  private readonly fds: FdTable | undefined;
  private readonly externalUsage: (() => Partial<Record<ResourceKind, number>>) | undefined;
  /** Immediate cleanup releases handles idle at least this long, in virtual ms. */
  readonly idleReleaseAfterMs: number;
  /** Scratch bytes the batch job takes per batch (temporary). */
  readonly scratchBytesPerBatch: number;
  /** Back-offs in a row before the batch job fails a batch. */
  readonly maxBackoffsInARow: number;

  /** Live handles by id; ids only grow, so iteration is ascending by id. */
  private readonly live = new Map<number, HandleRecord>();
  private readonly held = perKind(0);
  private readonly liveCount = perKind(0);
  private nextHandleId = 1;
  private lastRefusal: Refusal | null = null;
  private job: BatchJobState | null = null;
  private readonly counters = {
    allocations: perKind(0),
    releases: perKind(0),
    refusedReleases: 0,
    limitExceeded: perKind(0),
    emfileRefusals: 0,
    cleanups: { routine: 0, immediate: 0, releasedCount: 0 },
    batches: {
      completed: 0,
      failed: 0,
      backoffs: 0,
      itemsSucceeded: 0,
      itemsFailed: 0,
      itemsRefused: 0,
      itemsSkipped: 0,
      isFinished: false,
    },
    peakHeld: perKind(0),
  };

  /** Throws a RangeError for options that are not whole numbers (or a back-off count below 1). */
  constructor(
    private readonly config: ManagerConfig,
    private readonly ctx: SimContext,
    options: ManagerOptions = {},
  ) {
    this.limits = { ...config.limits };
    for (const kind of RESOURCE_KINDS) {
      if (!isCount(this.limits[kind])) throw new RangeError(`manager: limits.${kind} must be a whole number >= 0`);
    }
    this.pressureThreshold = config.pressureThreshold;
    this.fds = options.fds;
    this.externalUsage = options.externalUsage;
    this.idleReleaseAfterMs = options.idleReleaseAfterMs ?? DEFAULT_IDLE_RELEASE_AFTER_MS;
    this.scratchBytesPerBatch = options.scratchBytesPerBatch ?? DEFAULT_SCRATCH_BYTES_PER_BATCH;
    this.maxBackoffsInARow = options.maxBackoffsInARow ?? DEFAULT_MAX_BACKOFFS_IN_A_ROW;
    if (!isCount(this.idleReleaseAfterMs)) throw new RangeError('manager: idleReleaseAfterMs must be a whole number >= 0');
    if (!isCount(this.scratchBytesPerBatch)) throw new RangeError('manager: scratchBytesPerBatch must be a whole number >= 0');
    if (!isCount(this.maxBackoffsInARow) || this.maxBackoffsInARow < 1) {
      throw new RangeError('manager: maxBackoffsInARow must be a whole number >= 1');
    }
  }

  // ---------------------------------------------------------------- allocation

  /**
   * Allocates `amount` of `kind` for `owner` (a positive whole number; bytes for memory). The limit is
   * checked first: if `used + amount > limit` (used = held + external) it logs `limit.exceeded` and returns
   * null, taking nothing. For the fd kind with a table, it then opens `amount` descriptors; if the table
   * refuses one (EMFILE), the ones just opened are closed again and null is returned. On success it logs
   * `resource.allocated` and returns the handle. `isTemporary` marks scratch space for routine cleanup.
   */
  allocate(kind: ResourceKind, amount: number, owner: string, options: { isTemporary?: boolean } = {}): Handle | null {
    if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`manager: amount must be a whole number >= 1, got ${amount}`);
    const atMs = this.ctx.scheduler.nowMs;
    const used = this.held[kind] + this.externalOf(kind, this.externalUsage?.());
    const limit = this.limits[kind];
    if (!this.canAllocate(used, amount, limit)) {
      this.counters.limitExceeded[kind]++;
      this.lastRefusal = { kind, cause: 'limit' };
      this.ctx.log.append({ atMs, type: 'limit.exceeded', kind, requested: amount, used, limit, owner });
      return null;
    }
    const fds: number[] = [];
    if (kind === 'fd' && this.fds) {
      for (let i = 0; i < amount; i++) {
        const fd = this.fds.open(owner);
        if (fd < 0) {
          for (const taken of fds) this.fds.close(taken, owner);
          this.counters.emfileRefusals++;
          this.lastRefusal = { kind, cause: 'EMFILE' };
          return null;
        }
        fds.push(fd);
      }
    }
    const handle: HandleRecord = {
      handleId: this.nextHandleId++,
      kind,
      amount,
      owner,
      allocatedAtMs: atMs,
      lastUsedAtMs: atMs,
      isTemporary: options.isTemporary === true,
      fds,
    };
    this.live.set(handle.handleId, handle);
    this.held[kind] += amount;
    this.liveCount[kind]++;
    this.counters.allocations[kind]++;
    if (this.held[kind] > this.counters.peakHeld[kind]) this.counters.peakHeld[kind] = this.held[kind];
    this.ctx.log.append({ atMs, type: 'resource.allocated', kind, handleId: handle.handleId, amount, owner });
    return handle;
  }

  /**
   * Returns a handle. Returns false (and logs nothing) when it is unknown or already released. Otherwise
   * closes its descriptors in the table (a descriptor the table's stale sweep already closed gives
   * `fd.ebadf` there), logs `resource.released` and returns true.
   */
  release(handle: Handle): boolean {
    const rec = this.live.get(handle.handleId);
    if (!rec) {
      this.counters.refusedReleases++;
      return false;
    }
    this.live.delete(rec.handleId);
    this.held[rec.kind] -= rec.amount;
    this.liveCount[rec.kind]--;
    if (this.fds) for (const fd of rec.fds) this.fds.close(fd, rec.owner);
    this.counters.releases[rec.kind]++;
    this.ctx.log.append({
      atMs: this.ctx.scheduler.nowMs,
      type: 'resource.released',
      kind: rec.kind,
      handleId: rec.handleId,
      amount: rec.amount,
      owner: rec.owner,
    });
    return true;
  }

  /** Marks a live handle (and its descriptors) as used now. Returns false for a released or unknown handle. */
  touch(handle: Handle): boolean {
    const rec = this.live.get(handle.handleId);
    if (!rec) return false;
    rec.lastUsedAtMs = this.ctx.scheduler.nowMs;
    if (this.fds) for (const fd of rec.fds) this.fds.touch(fd);
    return true;
  }

  /** True when `handle` is live (allocated and not yet released). */
  isLive(handle: Handle): boolean {
    return this.live.has(handle.handleId);
  }

  /**
   * Changes the limit of one kind mid-run (logs `limit.changed`). Lowering it below what is in use takes
   * nothing back: the handles stay valid and new allocations of the kind are refused until usage drops.
   */
  setLimit(kind: ResourceKind, limit: number): void {
    if (!isCount(limit)) throw new RangeError(`manager: limit must be a whole number >= 0, got ${limit}`);
    const from = this.limits[kind];
    this.limits[kind] = limit;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'limit.changed', kind, field: 'limit', from, to: limit });
  }

  // ---------------------------------------------------------------- scoped acquisition and hoarding

  /**
   * Takes every request (amounts of 0 are skipped) as one scope. If any is refused, releases the ones
   * already taken (newest first) and returns null: all or nothing.
   */
  openScope(requests: readonly ResourceRequest[], owner: string): ResourceScope | null {
    const handles: Handle[] = [];
    for (const r of requests) {
      if (r.amount === 0) continue;
      const h = this.allocate(r.kind, r.amount, owner);
      if (!h) {
        for (let i = handles.length - 1; i >= 0; i--) this.release(handles[i]);
        return null;
      }
      handles.push(h);
    }
    return new Scope(this, owner, handles);
  }

  /**
   * Scoped acquisition: takes everything `requests` asks for, runs `work` with the handles, and always
   * releases them afterwards, whether the work succeeds, returns false or throws (the exception is
   * rethrown after the release).
   * @returns `'refused'` when something could not be taken (nothing is kept), `'failed'` when the work
   *   returned false, `'ok'` otherwise.
   */
  withResources(requests: readonly ResourceRequest[], owner: string, work: (handles: readonly Handle[]) => boolean): 'ok' | 'failed' | 'refused' {
    const scope = this.openScope(requests, owner);
    if (!scope) return 'refused';
    let isOk = false;
    try {
      isOk = work(scope.handles);
    } finally {
      scope.close();
    }
    return isOk ? 'ok' : 'failed';
  }

  /**
   * The hoarding anti-pattern: takes every request and keeps it. Returns the handles, which nothing ever
   * releases (only cleanup can take them back). When one request is refused it returns null and keeps what
   * it had already taken: the error path leaks too.
   */
  hoard(requests: readonly ResourceRequest[], owner: string): Handle[] | null {
    const handles: Handle[] = [];
    for (const r of requests) {
      if (r.amount === 0) continue;
      const h = this.allocate(r.kind, r.amount, owner);
      if (!h) return null;
      handles.push(h);
    }
    return handles;
  }

  // ---------------------------------------------------------------- report, pressure and cleanup

  /** The usage report: held, external, used, limit, ratio and live handles for every kind. */
  usage(): UsageReport {
    const reported = this.externalUsage?.();
    const row = (kind: ResourceKind): KindUsage => {
      const external = this.externalOf(kind, reported);
      const used = this.held[kind] + external;
      const limit = this.limits[kind];
      const ratio = limit > 0 ? used / limit : used > 0 ? Infinity : 0;
      return { used, held: this.held[kind], external, limit, ratio, handles: this.liveCount[kind] };
    };
    return { connection: row('connection'), memory: row('memory'), fd: row('fd'), thread: row('thread') };
  }

  /** The first kind (in {@link RESOURCE_KINDS} order) whose ratio is above `pressureThreshold`, or null. */
  pressure(): ResourceKind | null {
    const report = this.usage();
    for (const kind of RESOURCE_KINDS) if (this.isUnderPressure(report[kind])) return kind;
    return null;
  }

  /**
   * Releases what cleanup may take, ascending by handle id, then logs `cleanup.ran` and returns the count.
   * - `'routine'`: temporary handles (scratch space), the clean-as-you-go pass.
   * - `'immediate'`: those, plus every handle idle (not used) for at least `idleReleaseAfterMs`, whoever
   *   holds it. Its owner's later release of it is refused as a double release.
   */
  cleanup(mode: 'routine' | 'immediate'): number {
    const nowMs = this.ctx.scheduler.nowMs;
    const victims: HandleRecord[] = [];
    for (const h of this.live.values()) if (this.isReclaimable(h, mode, nowMs)) victims.push(h);
    for (const h of victims) this.release(h);
    this.counters.cleanups[mode]++;
    this.counters.cleanups.releasedCount += victims.length;
    this.ctx.log.append({ atMs: nowMs, type: 'cleanup.ran', mode, releasedCount: victims.length });
    return victims.length;
  }

  /** Counters, peaks and the handles still held. */
  metrics(): ManagerMetrics {
    const c = this.counters;
    return {
      allocations: { ...c.allocations },
      releases: { ...c.releases },
      refusedReleases: c.refusedReleases,
      limitExceeded: { ...c.limitExceeded },
      emfileRefusals: c.emfileRefusals,
      cleanups: { ...c.cleanups },
      batches: { ...c.batches },
      peakHeld: { ...c.peakHeld },
      leaks: [...this.live.values()].map((h) => ({
        handleId: h.handleId,
        kind: h.kind,
        amount: h.amount,
        owner: h.owner,
        allocatedAtMs: h.allocatedAtMs,
      })),
    };
  }

  // ---------------------------------------------------------------- policies (named predicates)

  /** The limit rule: a request fits when it keeps usage at or below the limit. */
  private canAllocate(used: number, amount: number, limit: number): boolean {
    return used + amount <= limit;
  }

  /** Pressure: usage strictly above the threshold fraction of the limit. */
  private isUnderPressure(row: KindUsage): boolean {
    return row.ratio > this.pressureThreshold;
  }

  /** What cleanup takes back in each mode. */
  private isReclaimable(h: HandleRecord, mode: 'routine' | 'immediate', nowMs: number): boolean {
    return h.isTemporary || (mode === 'immediate' && nowMs - h.lastUsedAtMs >= this.idleReleaseAfterMs);
  }

  /**
   * External usage of one kind: the hook's value when it gives one; for fd with a table, the table's open
   * descriptors the manager's handles do not account for; else 0.
   */
  private externalOf(kind: ResourceKind, reported: Partial<Record<ResourceKind, number>> | undefined): number {
    const value = reported?.[kind];
    if (value !== undefined) return value;
    if (kind === 'fd' && this.fds) return Math.max(0, this.fds.openCount - this.held.fd);
    return 0;
  }

  // ---------------------------------------------------------------- the batch job

  /**
   * Starts the catering prep job of `config.batchJob` on the scheduler (call once). The job:
   * 1. Before each batch checks {@link pressure}. If a kind is under pressure it logs `pressure.high` and
   *    `batch.backedOff`, waits `backoffMs`, runs `cleanup('immediate')` if the pressure is still there
   *    (`'routine'` otherwise), and checks again. After `maxBackoffsInARow` back-offs in a row, a check that
   *    still finds pressure logs `batch.failed` (reason: pressure) and the job moves on to the next batch.
   * 2. Starts the batch (`batch.started`) and allocates `scratchBytesPerBatch` of temporary memory that it
   *    never releases itself: routine cleanup is what frees it (if refused, the batch goes on without it).
   * 3. Runs the items one after another. Each item draws one bernoulli(`failureProbability`) (every item of
   *    the job draws exactly once, also when refused or skipped, so the stream is the same in both styles),
   *    takes `perItem` (connection, memory, fd) and holds it for `itemMs`. Style `'scoped'` takes it as a
   *    {@link ResourceScope} and releases it when the item ends, whether its work failed or not; style
   *    `'hoarding'` takes it with {@link hoard} and never gives it back. A refused item fails the batch
   *    (`batch.failed`, reason names the kind) and the rest of the batch is skipped.
   * 4. After the last item, `batch.completed`. After every `routineCleanupEveryBatches`-th batch (by index,
   *    completed or failed), `cleanup('routine')`. When every batch is done the job runs one last routine
   *    cleanup (it clears its own scratch space) and stops.
   *
   * Timers use the kinds `manager.batchNext`, `manager.backoffDone` and `manager.itemDone`, registered here,
   * so one scheduler can run one batch job. Throws when the config has no `batchJob` or it already started.
   */
  startBatchJob(): void {
    const config = this.config.batchJob;
    if (!config) throw new Error('manager: no batchJob in the manager config');
    if (this.job) throw new Error('manager: the batch job was already started');
    this.job = {
      config,
      batchCount: Math.ceil(config.itemCount / config.batchSize),
      backoffsInARow: 0,
      itemIndex: 0,
      batchEndItem: 0,
      scope: null,
      hoarded: null,
      isItemFailing: false,
    };
    const s = this.ctx.scheduler;
    s.on(BATCH_NEXT, (batchIndex) => this.checkBeforeBatch(batchIndex));
    s.on(BACKOFF_DONE, (batchIndex) => this.afterBackoff(batchIndex));
    s.on(ITEM_DONE, (itemIndex) => this.finishItem(itemIndex));
    s.schedule(config.startAtMs, BATCH_NEXT, 0);
  }

  private get runningJob(): BatchJobState {
    if (!this.job) throw new Error('manager: the batch job is not running');
    return this.job;
  }

  private checkBeforeBatch(batchIndex: number): void {
    const job = this.runningJob;
    if (batchIndex >= job.batchCount) {
      this.counters.batches.isFinished = true;
      this.cleanup('routine');
      return;
    }
    const kind = this.pressure();
    if (kind === null) {
      job.backoffsInARow = 0;
      this.startBatch(batchIndex);
      return;
    }
    const atMs = this.ctx.scheduler.nowMs;
    const ratio = this.usage()[kind].ratio;
    this.ctx.log.append({ atMs, type: 'pressure.high', kind, ratio, threshold: this.pressureThreshold });
    if (job.backoffsInARow >= this.maxBackoffsInARow) {
      job.backoffsInARow = 0;
      const start = batchIndex * job.config.batchSize;
      this.skipItems(start, Math.min(start + job.config.batchSize, job.config.itemCount));
      this.failBatch(batchIndex, `pressure on ${kind} stayed above ${this.pressureThreshold} after ${this.maxBackoffsInARow} back-offs`);
      return;
    }
    job.backoffsInARow++;
    this.counters.batches.backoffs++;
    this.ctx.log.append({ atMs, type: 'batch.backedOff', batchIndex, backoffMs: job.config.backoffMs });
    this.ctx.scheduler.after(job.config.backoffMs, BACKOFF_DONE, batchIndex);
  }

  private afterBackoff(batchIndex: number): void {
    this.cleanup(this.pressure() !== null ? 'immediate' : 'routine');
    this.checkBeforeBatch(batchIndex);
  }

  private startBatch(batchIndex: number): void {
    const job = this.runningJob;
    const { batchSize, itemCount } = job.config;
    job.itemIndex = batchIndex * batchSize;
    job.batchEndItem = Math.min(job.itemIndex + batchSize, itemCount);
    this.ctx.log.append({
      atMs: this.ctx.scheduler.nowMs,
      type: 'batch.started',
      batchIndex,
      itemCount: job.batchEndItem - job.itemIndex,
    });
    if (this.scratchBytesPerBatch > 0) {
      this.allocate('memory', this.scratchBytesPerBatch, `batch.scratch#${batchIndex}`, { isTemporary: true });
    }
    this.startItem(batchIndex);
  }

  private startItem(batchIndex: number): void {
    const job = this.runningJob;
    const i = job.itemIndex;
    job.isItemFailing = bernoulli(this.ctx.rng, job.config.failureProbability);
    const { connection, memory, fd } = job.config.perItem;
    const requests: ResourceRequest[] = [
      { kind: 'connection', amount: connection },
      { kind: 'memory', amount: memory },
      { kind: 'fd', amount: fd },
    ];
    const owner = `batch.item#${i}`;
    let isTaken: boolean;
    if (job.config.style === 'scoped') {
      job.scope = this.openScope(requests, owner);
      isTaken = job.scope !== null;
    } else {
      job.hoarded = this.hoard(requests, owner);
      isTaken = job.hoarded !== null;
    }
    if (!isTaken) {
      this.counters.batches.itemsRefused++;
      this.skipItems(i + 1, job.batchEndItem);
      const r = this.lastRefusal;
      const why = r ? (r.cause === 'EMFILE' ? `${r.kind} EMFILE` : `${r.kind} limit`) : 'unknown';
      this.failBatch(batchIndex, `item ${i} refused: ${why}`);
      return;
    }
    this.ctx.scheduler.after(job.config.itemMs, ITEM_DONE, i);
  }

  private finishItem(itemIndex: number): void {
    const job = this.runningJob;
    const handles = job.scope ? job.scope.handles : (job.hoarded ?? []);
    for (const h of handles) this.touch(h);
    if (job.scope) job.scope.close();
    job.scope = null;
    job.hoarded = null;
    if (job.isItemFailing) this.counters.batches.itemsFailed++;
    else this.counters.batches.itemsSucceeded++;
    job.itemIndex = itemIndex + 1;
    const batchIndex = Math.floor(itemIndex / job.config.batchSize);
    if (job.itemIndex < job.batchEndItem) {
      this.startItem(batchIndex);
      return;
    }
    this.counters.batches.completed++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'batch.completed', batchIndex });
    this.endBatch(batchIndex);
  }

  /** Draws for items that will not run, so every item of the job draws exactly once. */
  private skipItems(fromItem: number, toItem: number): void {
    const job = this.runningJob;
    for (let i = fromItem; i < toItem; i++) bernoulli(this.ctx.rng, job.config.failureProbability);
    this.counters.batches.itemsSkipped += Math.max(0, toItem - fromItem);
  }

  private failBatch(batchIndex: number, reason: string): void {
    this.counters.batches.failed++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'batch.failed', batchIndex, reason });
    this.endBatch(batchIndex);
  }

  private endBatch(batchIndex: number): void {
    const every = this.runningJob.config.routineCleanupEveryBatches;
    if (every > 0 && (batchIndex + 1) % every === 0) this.cleanup('routine');
    this.ctx.scheduler.after(0, BATCH_NEXT, batchIndex + 1);
  }
}
