/**
 * The pressure-aware batch job (the catering prep run): items processed in batches through a
 * {@link ResourceManager}, backing off while the house is under pressure. It drives the manager only through
 * its public methods, so it takes exactly what any other client could take, under the same limits.
 *
 * The job runs either acquisition style, `'scoped'` (a {@link ResourceScope} per item, always released) or
 * `'hoarding'` ({@link ResourceManager.hoard}, never released), and every item draws from the seeded stream
 * exactly once in both, so a lesson can compare the two styles on the same seed.
 *
 * All times are virtual milliseconds; memory amounts are bytes.
 *
 * @example
 * const m = new ResourceManager(config, ctx, { fds });
 * m.startBatchJob(); // creates and starts the BatchJob of config.batchJob
 * ctx.scheduler.runUntil(Infinity);
 * m.metrics().batches; // { completed: 5, failed: 0, ..., isFinished: true }
 */
import type { SimContext } from './context.ts';
import type { Handle, ResourceManager, ResourceRequest, ResourceScope } from './manager.ts';
import { bernoulli } from './random.ts';
import type { BatchJobConfig } from './scenario.ts';

/** Options of {@link BatchJob} (the {@link ResourceManager} constructor accepts them and passes them on). */
export interface BatchJobOptions {
  /** Bytes of temporary scratch memory the batch job allocates at the start of every batch. Default 4 096. */
  scratchBytesPerBatch?: number;
  /** Back-offs in a row the batch job allows before it fails a batch. Default 3. */
  maxBackoffsInARow?: number;
}

/** {@link BatchJobOptions} with the defaults applied and checked. */
export type ResolvedBatchJobOptions = Required<BatchJobOptions>;

/** Counters of the batch job since it started. */
export interface BatchJobMetrics {
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
}

const BATCH_NEXT = 'manager.batchNext';
const BACKOFF_DONE = 'manager.backoffDone';
const ITEM_DONE = 'manager.itemDone';

const DEFAULT_SCRATCH_BYTES_PER_BATCH = 4_096;
const DEFAULT_MAX_BACKOFFS_IN_A_ROW = 3;

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** The counters of a job that has not started (or does not exist): all 0, not finished. */
export function emptyBatchJobMetrics(): BatchJobMetrics {
  return {
    completed: 0,
    failed: 0,
    backoffs: 0,
    itemsSucceeded: 0,
    itemsFailed: 0,
    itemsRefused: 0,
    itemsSkipped: 0,
    isFinished: false,
  };
}

/**
 * Applies the defaults to `options` and checks them. Throws a RangeError for options that are not whole
 * numbers (or a back-off count below 1).
 */
export function resolveBatchJobOptions(options: BatchJobOptions): ResolvedBatchJobOptions {
  const scratchBytesPerBatch = options.scratchBytesPerBatch ?? DEFAULT_SCRATCH_BYTES_PER_BATCH;
  const maxBackoffsInARow = options.maxBackoffsInARow ?? DEFAULT_MAX_BACKOFFS_IN_A_ROW;
  if (!isCount(scratchBytesPerBatch)) throw new RangeError('manager: scratchBytesPerBatch must be a whole number >= 0');
  if (!isCount(maxBackoffsInARow) || maxBackoffsInARow < 1) {
    throw new RangeError('manager: maxBackoffsInARow must be a whole number >= 1');
  }
  return { scratchBytesPerBatch, maxBackoffsInARow };
}

/**
 * The catering prep job of one {@link BatchJobConfig}, run through `manager` on the scheduler of `ctx`.
 * Once {@link BatchJob.start | started}, the job:
 * 1. Before each batch checks {@link ResourceManager.pressure}. If a kind is under pressure it logs
 *    `pressure.high` and `batch.backedOff`, waits `backoffMs`, runs `cleanup('immediate')` if the pressure is
 *    still there (`'routine'` otherwise), and checks again. After `maxBackoffsInARow` back-offs in a row, a
 *    check that still finds pressure logs `batch.failed` (reason: pressure) and the job moves on to the next
 *    batch.
 * 2. Starts the batch (`batch.started`) and allocates `scratchBytesPerBatch` of temporary memory that it
 *    never releases itself: routine cleanup is what frees it (if refused, the batch goes on without it).
 * 3. Runs the items one after another. Each item draws one bernoulli(`failureProbability`) (every item of
 *    the job draws exactly once, also when refused or skipped, so the stream is the same in both styles),
 *    takes `perItem` (connection, memory, fd) and holds it for `itemMs`. Style `'scoped'` takes it as a
 *    {@link ResourceScope} and releases it when the item ends, whether its work failed or not; style
 *    `'hoarding'` takes it with {@link ResourceManager.hoard} and never gives it back. A refused item fails
 *    the batch (`batch.failed`, reason names the kind, from {@link ResourceManager.lastRefusal}) and the rest
 *    of the batch is skipped.
 * 4. After the last item, `batch.completed`. After every `routineCleanupEveryBatches`-th batch (by index,
 *    completed or failed), `cleanup('routine')`. When every batch is done the job runs one last routine
 *    cleanup (it clears its own scratch space) and stops.
 *
 * Timers use the kinds `manager.batchNext`, `manager.backoffDone` and `manager.itemDone`, registered by
 * `start`, so one scheduler can run one batch job.
 */
export class BatchJob {
  /** Scratch bytes the job takes per batch (temporary). */
  readonly scratchBytesPerBatch: number;
  /** Back-offs in a row before the job fails a batch. */
  readonly maxBackoffsInARow: number;
  /** Batches in the job: `ceil(itemCount / batchSize)`. */
  readonly batchCount: number;

  private isStarted = false;
  /** Back-offs in a row for the current batch. */
  private backoffsInARow = 0;
  /** Next item to run (global index). */
  private itemIndex = 0;
  /** One past the last item of the current batch. */
  private batchEndItem = 0;
  /** The in-flight item's scope (scoped style). */
  private scope: ResourceScope | null = null;
  /** The in-flight item's hoarded handles (hoarding style). */
  private hoarded: Handle[] | null = null;
  /** The in-flight item's draw: true when its work fails. */
  private isItemFailing = false;
  private readonly counters: BatchJobMetrics = emptyBatchJobMetrics();

  /** Throws a RangeError for options that are not whole numbers (or a back-off count below 1). */
  constructor(
    private readonly manager: ResourceManager,
    readonly config: BatchJobConfig,
    private readonly ctx: SimContext,
    options: BatchJobOptions = {},
  ) {
    const resolved = resolveBatchJobOptions(options);
    this.scratchBytesPerBatch = resolved.scratchBytesPerBatch;
    this.maxBackoffsInARow = resolved.maxBackoffsInARow;
    this.batchCount = Math.ceil(config.itemCount / config.batchSize);
  }

  /**
   * Registers the job's timer kinds on the scheduler and schedules the first batch at `config.startAtMs`.
   * Throws when the job already started.
   */
  start(): void {
    if (this.isStarted) throw new Error('manager: the batch job was already started');
    this.isStarted = true;
    const s = this.ctx.scheduler;
    s.on(BATCH_NEXT, (batchIndex) => this.checkBeforeBatch(batchIndex));
    s.on(BACKOFF_DONE, (batchIndex) => this.afterBackoff(batchIndex));
    s.on(ITEM_DONE, (itemIndex) => this.finishItem(itemIndex));
    s.schedule(this.config.startAtMs, BATCH_NEXT, 0);
  }

  /** The job's counters (a copy). */
  metrics(): BatchJobMetrics {
    return { ...this.counters };
  }

  private checkBeforeBatch(batchIndex: number): void {
    if (batchIndex >= this.batchCount) {
      this.counters.isFinished = true;
      this.manager.cleanup('routine');
      return;
    }
    const kind = this.manager.pressure();
    if (kind === null) {
      this.backoffsInARow = 0;
      this.startBatch(batchIndex);
      return;
    }
    const atMs = this.ctx.scheduler.nowMs;
    const ratio = this.manager.usage()[kind].ratio;
    const threshold = this.manager.pressureThreshold;
    this.ctx.log.append({ atMs, type: 'pressure.high', kind, ratio, threshold });
    if (this.backoffsInARow >= this.maxBackoffsInARow) {
      this.backoffsInARow = 0;
      const start = batchIndex * this.config.batchSize;
      this.skipItems(start, Math.min(start + this.config.batchSize, this.config.itemCount));
      this.failBatch(batchIndex, `pressure on ${kind} stayed above ${threshold} after ${this.maxBackoffsInARow} back-offs`);
      return;
    }
    this.backoffsInARow++;
    this.counters.backoffs++;
    this.ctx.log.append({ atMs, type: 'batch.backedOff', batchIndex, backoffMs: this.config.backoffMs });
    this.ctx.scheduler.after(this.config.backoffMs, BACKOFF_DONE, batchIndex);
  }

  private afterBackoff(batchIndex: number): void {
    this.manager.cleanup(this.manager.pressure() !== null ? 'immediate' : 'routine');
    this.checkBeforeBatch(batchIndex);
  }

  private startBatch(batchIndex: number): void {
    const { batchSize, itemCount } = this.config;
    this.itemIndex = batchIndex * batchSize;
    this.batchEndItem = Math.min(this.itemIndex + batchSize, itemCount);
    this.ctx.log.append({
      atMs: this.ctx.scheduler.nowMs,
      type: 'batch.started',
      batchIndex,
      itemCount: this.batchEndItem - this.itemIndex,
    });
    if (this.scratchBytesPerBatch > 0) {
      this.manager.allocate('memory', this.scratchBytesPerBatch, `batch.scratch#${batchIndex}`, { isTemporary: true });
    }
    this.startItem(batchIndex);
  }

  private startItem(batchIndex: number): void {
    const i = this.itemIndex;
    this.isItemFailing = bernoulli(this.ctx.rng, this.config.failureProbability);
    const { connection, memory, fd } = this.config.perItem;
    const requests: ResourceRequest[] = [
      { kind: 'connection', amount: connection },
      { kind: 'memory', amount: memory },
      { kind: 'fd', amount: fd },
    ];
    const owner = `batch.item#${i}`;
    let isTaken: boolean;
    if (this.config.style === 'scoped') {
      this.scope = this.manager.openScope(requests, owner);
      isTaken = this.scope !== null;
    } else {
      this.hoarded = this.manager.hoard(requests, owner);
      isTaken = this.hoarded !== null;
    }
    if (!isTaken) {
      this.counters.itemsRefused++;
      this.skipItems(i + 1, this.batchEndItem);
      const r = this.manager.lastRefusal;
      const why = r ? (r.cause === 'EMFILE' ? `${r.kind} EMFILE` : `${r.kind} limit`) : 'unknown';
      this.failBatch(batchIndex, `item ${i} refused: ${why}`);
      return;
    }
    this.ctx.scheduler.after(this.config.itemMs, ITEM_DONE, i);
  }

  private finishItem(itemIndex: number): void {
    const handles = this.scope ? this.scope.handles : (this.hoarded ?? []);
    for (const h of handles) this.manager.touch(h);
    if (this.scope) this.scope.close();
    this.scope = null;
    this.hoarded = null;
    if (this.isItemFailing) this.counters.itemsFailed++;
    else this.counters.itemsSucceeded++;
    this.itemIndex = itemIndex + 1;
    const batchIndex = Math.floor(itemIndex / this.config.batchSize);
    if (this.itemIndex < this.batchEndItem) {
      this.startItem(batchIndex);
      return;
    }
    this.counters.completed++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'batch.completed', batchIndex });
    this.endBatch(batchIndex);
  }

  /** Draws for items that will not run, so every item of the job draws exactly once. */
  private skipItems(fromItem: number, toItem: number): void {
    for (let i = fromItem; i < toItem; i++) bernoulli(this.ctx.rng, this.config.failureProbability);
    this.counters.itemsSkipped += Math.max(0, toItem - fromItem);
  }

  private failBatch(batchIndex: number, reason: string): void {
    this.counters.failed++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'batch.failed', batchIndex, reason });
    this.endBatch(batchIndex);
  }

  private endBatch(batchIndex: number): void {
    const every = this.config.routineCleanupEveryBatches;
    if (every > 0 && (batchIndex + 1) % every === 0) this.manager.cleanup('routine');
    this.ctx.scheduler.after(0, BATCH_NEXT, batchIndex + 1);
  }
}
