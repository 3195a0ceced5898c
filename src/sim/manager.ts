/**
 * The resource manager (the restaurant's manager): one budget per resource kind for the whole house, a
 * usage report and cleanup in two strengths. The pressure-aware batch job that works through it (the
 * catering prep run) is a {@link BatchJob} (batchJob.ts), started with {@link ResourceManager.startBatchJob}.
 *
 * - **Limits before allocation.** `allocate` refuses (`limit.exceeded`) when the request would take a kind
 *   past its limit, before anything is taken. Descriptors go through a real {@link FdTable} when one is
 *   given, so the kernel-style EMFILE can refuse them too.
 * - **Handles.** Each allocation is a {@link Handle} with an id, an owner and times. Releasing returns it
 *   exactly once; a second release is refused.
 * - **Scoped acquisition vs hoarding.** {@link ResourceManager.withResources} takes everything a piece of
 *   work needs, runs it, and releases everything whatever the outcome (the RAII / try-finally discipline).
 *   {@link ResourceManager.hoard} is the anti-pattern: take and keep. The {@link BatchJob} runs either style
 *   on the same seed so a lesson can compare them.
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
import {
  BatchJob,
  emptyBatchJobMetrics,
  resolveBatchJobOptions,
  type BatchJobMetrics,
  type BatchJobOptions,
  type ResolvedBatchJobOptions,
} from './batchJob.ts';
import type { SimContext } from './context.ts';
import type { ResourceKind } from './events.ts';
import type { FdTable } from './fdTable.ts';
import type { ManagerConfig } from './scenario.ts';

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
  /**
   * `used / limit`. A limit of 0 counts as 1 here, so any use of a kind with no allowance reads as at least
   * 100% (a finite number, which the JSON log can carry; Infinity would print as null).
   */
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
  /** The batch job's counters (all 0 when there is none or it has not started). */
  batches: BatchJobMetrics;
  /** Most held through the manager at once, per kind (external usage not included). */
  peakHeld: Record<ResourceKind, number>;
  /** Handles still held now, ascending by id. At the end of a run these are the leaks. */
  leaks: HeldHandle[];
}

/**
 * Options of {@link ResourceManager}. The {@link BatchJobOptions} (`scratchBytesPerBatch`,
 * `maxBackoffsInARow`) are checked here and passed on to the batch job.
 */
export interface ManagerOptions extends BatchJobOptions {
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
}

/**
 * Resources taken together and released together. {@link ResourceManager.withResources} opens and closes
 * one around a synchronous piece of work; the {@link BatchJob} keeps one open across an item's virtual time.
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

/** Why an allocation was refused (the batch job names it in its failure reason). */
export interface Refusal {
  readonly kind: ResourceKind;
  /** `'limit'`: the manager's own limit (`limit.exceeded`); `'EMFILE'`: the FdTable refused a descriptor. */
  readonly cause: 'limit' | 'EMFILE';
}

const DEFAULT_IDLE_RELEASE_AFTER_MS = 60_000;

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

/**
 * The manager. See the module comment for the rules; each method lists the facts it logs.
 */
export class ResourceManager {
  private readonly limits: Record<ResourceKind, number>;
  /** Usage above this fraction of a limit counts as pressure (`config.pressureThreshold`). */
  readonly pressureThreshold: number;
  private readonly fds: FdTable | undefined;
  private readonly externalUsage: (() => Partial<Record<ResourceKind, number>>) | undefined;
  /** Immediate cleanup releases handles idle at least this long, in virtual ms. */
  readonly idleReleaseAfterMs: number;
  /** The batch job's options, checked when the manager is built and passed on when the job starts. */
  private readonly batchJobOptions: ResolvedBatchJobOptions;

  /** Live handles by id; ids only grow, so iteration is ascending by id. */
  private readonly live = new Map<number, HandleRecord>();
  private readonly held = perKind(0);
  private readonly liveCount = perKind(0);
  private nextHandleId = 1;
  private refusal: Refusal | null = null;
  private job: BatchJob | null = null;
  private readonly counters = {
    allocations: perKind(0),
    releases: perKind(0),
    refusedReleases: 0,
    limitExceeded: perKind(0),
    emfileRefusals: 0,
    cleanups: { routine: 0, immediate: 0, releasedCount: 0 },
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
    if (!isCount(this.idleReleaseAfterMs)) throw new RangeError('manager: idleReleaseAfterMs must be a whole number >= 0');
    this.batchJobOptions = resolveBatchJobOptions(options);
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
      this.refusal = { kind, cause: 'limit' };
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
          this.refusal = { kind, cause: 'EMFILE' };
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
   * closes its descriptors in the table by number, as `close(2)` does: a descriptor the table's stale sweep
   * already closed gives `fd.ebadf`, unless its number was handed out again meanwhile, in which case the
   * close lands on the new owner's descriptor (the classic double-close hazard, kept on purpose). Then it
   * logs `resource.released` and returns true.
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

  /**
   * Why the most recent refused allocation was refused: the manager's limit or the FdTable's EMFILE. Null
   * until an allocation is refused; a later successful allocation does not clear it.
   */
  get lastRefusal(): Refusal | null {
    return this.refusal;
  }

  /** True when `handle` is live (allocated and not yet released). */
  isLive(handle: Handle): boolean {
    return this.live.has(handle.handleId);
  }

  /** The limit of every kind in force now (a copy). */
  limitsInForce(): Record<ResourceKind, number> {
    return { ...this.limits };
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
      const ratio = used / Math.max(limit, 1);
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
      batches: this.job ? this.job.metrics() : emptyBatchJobMetrics(),
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
   * Starts the catering prep job of `config.batchJob` on the scheduler (call once): a {@link BatchJob} built
   * with this manager, that config, the context and the manager's `scratchBytesPerBatch` and
   * `maxBackoffsInARow` options. See {@link BatchJob} for what it does and logs (its timer kinds are
   * `manager.batchNext`, `manager.backoffDone` and `manager.itemDone`, so one scheduler can run one batch
   * job); {@link ResourceManager.metrics} reports its counters as `batches`. Throws when the config has no
   * `batchJob` or it already started.
   */
  startBatchJob(): void {
    const config = this.config.batchJob;
    if (!config) throw new Error('manager: no batchJob in the manager config');
    if (this.job) throw new Error('manager: the batch job was already started');
    this.job = new BatchJob(this, config, this.ctx, this.batchJobOptions);
    this.job.start();
  }
}
