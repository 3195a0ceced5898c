/**
 * `createSimulation(scenario, seed)`: builds the world (one clock, seeded random streams, one event log),
 * the models a scenario asks for, and the workload that drives them; the caller steps it.
 *
 * Random streams: both use the sfc32 generator of `random.ts`, seeded from the one seed. The workload stream
 * draws the guests (arrivals, party sizes, times, fault decisions); the model stream draws the restaurant's
 * own chances (a table failing its check, lifetime jitter, a batch item failing). Keeping them apart means
 * two runs on the same seed see the same guests even when their limits differ.
 *
 * @example
 * const sim = createSimulation(scenarioOrThrow(builtInScenarios['dinner-service']), 42);
 * sim.runToEnd();
 * console.log(sim.metrics().parties.timedOut);
 */
import { applyCommand, type LimitCommand } from './commands.ts';
import { ConnectionPool, type ConnectionPoolGauges, type ConnectionPoolMetrics, type TableRecord, type Waiter } from './connectionPool.ts';
import type { SimContext } from './context.ts';
import { EventLog } from './events.ts';
import { FdTable, type FdGauges, type FdMetrics, type OpenFd } from './fdTable.ts';
import type { FreeChunk } from './freeListAllocator.ts';
import { HEAP_BASE_ADDR, KitchenMemory, type KitchenMemoryGauges, type KitchenMemoryMetrics, type MemoryBlock } from './kitchenMemory.ts';
import type { LimitsInForce } from './limitsInForce.ts';
import { ResourceManager, type ManagerMetrics } from './manager.ts';
import { createRandom } from './random.ts';
import { RequestFlow, type RequestFlowMetrics, type RequestFlowModels } from './requestFlow.ts';
import type { Scenario } from './scenario.ts';
import { Scheduler } from './scheduler.ts';
import { ThreadPool, type ThreadPoolGauges, type ThreadPoolMetrics, type Ticket, type WorkerView } from './threadPool.ts';
import { WarmingShelf, type WarmingShelfGauges, type WarmingShelfMetrics } from './warmingShelf.ts';
import { createDrawTables, drawParty, nextArrivalMs, type DrawTables } from './workload.ts';

/** Instant readings of every kind present (what a live view or a chart samples). */
export interface Gauges {
  atMs: number;
  tables?: ConnectionPoolGauges;
  staff?: ThreadPoolGauges;
  ingredients?: FdGauges;
  stations?: KitchenMemoryGauges;
  shelf?: WarmingShelfGauges;
  /** Amount in use per kind, as the manager counts it. */
  manager?: { connection: number; memory: number; fd: number; thread: number };
}

/** The summary of a run so far. */
export interface SimMetrics {
  atMs: number;
  eventCount: number;
  parties: RequestFlowMetrics;
  tables?: ConnectionPoolMetrics;
  staff?: ThreadPoolMetrics;
  ingredients?: FdMetrics;
  stations?: KitchenMemoryMetrics;
  shelf?: WarmingShelfMetrics;
  manager?: ManagerMetrics;
}

/**
 * Every unit of every kind as plain data, copied (safe to keep while the simulation runs on): what a view
 * draws. A kind missing from the scenario gives an empty list.
 */
export interface SimUnits {
  /** Every table ever made, retired ones included, by id. */
  tables: TableRecord[];
  /** Parties at the host stand, in line order. */
  waitingLine: Waiter[];
  /** Cooks on shift, in start order. */
  workers: WorkerView[];
  /** Open descriptors (filled pantry slots), ascending. */
  openFds: OpenFd[];
  /** Live station blocks, ascending by id. */
  blocks: MemoryBlock[];
  /** Dishes on the warming shelf, in the policy's order. */
  shelfDishes: { key: string; bytes: number }[];
  /** Tickets waiting on the rail (the thread pool's queue), next to start first. */
  ticketRail: Ticket[];
  /** The heap's free chunks (the banquet area's free spans) in free-list order; addresses are absolute. */
  heapFreeList: FreeChunk[];
  /** Bytes of heap (0 without stations). */
  heapSize: number;
  /** Address of the heap's first byte, so the heap is `[heapBaseAddr, heapBaseAddr + heapSize)` (0 without stations). */
  heapBaseAddr: number;
}

/** Seed offset of the workload stream, so that it differs from the model stream. */
const WORKLOAD_STREAM = 0x5eed_0001;

export class Simulation {
  readonly log = new EventLog();
  readonly tables?: ConnectionPool;
  readonly staff?: ThreadPool;
  readonly ingredients?: FdTable;
  readonly stations?: KitchenMemory;
  readonly shelf?: WarmingShelf;
  readonly manager?: ResourceManager;
  /** Gauges sampled every `scenario.sampleEveryMs`, starting at 0. */
  readonly series: Gauges[] = [];
  private readonly scheduler = new Scheduler();
  private readonly ctx: SimContext;
  private readonly workloadRng;
  /** The weight tables party draws use, built once from this run's workload. */
  private readonly drawTables: DrawTables;
  private readonly flow: RequestFlow;
  private nextPartyId = 1;
  private isClosed = false;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
  ) {
    this.ctx = { scheduler: this.scheduler, rng: createRandom(seed), log: this.log };
    this.workloadRng = createRandom((seed ^ WORKLOAD_STREAM) >>> 0);
    this.drawTables = createDrawTables(scenario.workload);
    if (scenario.ingredients) this.ingredients = new FdTable(scenario.ingredients, this.ctx);
    if (scenario.stations) this.stations = new KitchenMemory(scenario.stations, this.ctx);
    if (scenario.shelf) this.shelf = new WarmingShelf(scenario.shelf, this.ctx, this.stations);
    // The flow and the pools refer to each other (the pools call the flow's hooks), so the flow gets the
    // models object first and the pools are added to it as they are built.
    const models: RequestFlowModels = { ingredients: this.ingredients, stations: this.stations, shelf: this.shelf };
    this.flow = new RequestFlow(this.ctx, models, scenario.workload);
    if (scenario.tables) {
      this.tables = new ConnectionPool(scenario.tables, this.ctx, this.flow.tableHooks, scenario.faults.unhealthyTableProbability);
      models.tables = this.tables;
    }
    if (scenario.staff) {
      this.staff = new ThreadPool(scenario.staff, this.ctx, this.flow.staffHooks);
      models.staff = this.staff;
    }
    if (scenario.manager) {
      this.manager = new ResourceManager(scenario.manager, this.ctx, {
        fds: this.ingredients,
        externalUsage: () => ({
          connection: this.tables ? this.tables.gauges().inUse : 0,
          thread: this.staff ? this.staff.gauges().workers : 0,
          memory: this.stations ? this.stations.usedBytes : 0,
        }),
      });
      if (scenario.manager.batchJob) this.manager.startBatchJob();
    }
    this.scheduler.on('workload.arrival', () => this.arrive());
    this.scheduler.on('sim.sample', () => this.sample());
    this.scheduler.on('sim.close', () => this.close());
    this.scheduler.schedule(0, 'sim.sample');
    this.scheduleNextArrival();
    this.scheduler.schedule(scenario.durationMs, 'sim.close');
  }

  /** Current virtual time in ms. */
  get nowMs(): number {
    return this.scheduler.nowMs;
  }

  /** True once the service has closed (virtual time reached `scenario.durationMs`). */
  get isFinished(): boolean {
    return this.isClosed;
  }

  /** Timers fired so far (the event loop's unit of work; the log holds the facts). */
  get firedCount(): number {
    return this.scheduler.firedCount;
  }

  /** Time of the next pending step, or Infinity. */
  get nextStepAtMs(): number {
    return this.scheduler.peekTimeMs();
  }

  /** Fires every pending step due at or before `atMs` and moves the clock there. */
  runUntil(atMs: number): void {
    this.scheduler.runUntil(atMs);
  }

  /** Fires the next pending step only. Returns false when nothing is pending. */
  step(): boolean {
    return this.scheduler.step();
  }

  /**
   * Fires pending steps until the log records at least one new fact: the learner's "next event". Some steps
   * record nothing (a housekeeping pass that finds nothing to do), so one call may fire several. Returns false
   * when nothing was recorded (nothing pending, or `maxSteps` silent steps in a row).
   */
  stepToNextEvent(maxSteps = 100_000): boolean {
    const before = this.log.length;
    for (let i = 0; i < maxSteps; i++) {
      if (!this.scheduler.step()) return false;
      if (this.log.length > before) return true;
    }
    return false;
  }

  /** Runs to the end of the service (`scenario.durationMs`), closing it. */
  runToEnd(): void {
    this.runUntil(this.scenario.durationMs);
  }

  gauges(): Gauges {
    const g: Gauges = { atMs: this.scheduler.nowMs };
    if (this.tables) g.tables = this.tables.gauges();
    if (this.staff) g.staff = this.staff.gauges();
    if (this.ingredients) g.ingredients = this.ingredients.gauges();
    if (this.stations) g.stations = this.stations.gauges();
    if (this.shelf) g.shelf = this.shelf.gauges();
    if (this.manager) {
      const u = this.manager.usage();
      g.manager = { connection: u.connection.used, memory: u.memory.used, fd: u.fd.used, thread: u.thread.used };
    }
    return g;
  }

  metrics(): SimMetrics {
    const m: SimMetrics = { atMs: this.scheduler.nowMs, eventCount: this.log.length, parties: this.flow.metrics() };
    if (this.tables) m.tables = this.tables.metrics();
    if (this.staff) m.staff = this.staff.metrics();
    if (this.ingredients) m.ingredients = this.ingredients.metrics();
    if (this.stations) m.stations = this.stations.metrics();
    if (this.shelf) m.shelf = this.shelf.metrics();
    if (this.manager) m.manager = this.manager.metrics();
    return m;
  }

  /** Every unit's state now, as copies (see {@link SimUnits}). */
  units(): SimUnits {
    return {
      tables: this.tables ? this.tables.allTables().map((t) => ({ ...t })) : [],
      waitingLine: this.tables ? this.tables.waitingLine().map((w) => ({ ...w })) : [],
      workers: this.staff ? this.staff.workers().map((w) => ({ ...w })) : [],
      openFds: this.ingredients ? this.ingredients.openFds().map((f) => ({ ...f })) : [],
      blocks: this.stations ? this.stations.blocks().map((b) => ({ ...b })) : [],
      shelfDishes: this.shelf ? this.shelf.dishes().map((d) => ({ ...d })) : [],
      ticketRail: this.staff ? this.staff.queuedTasks().map((t) => ({ ...t })) : [],
      heapFreeList: this.stations ? this.stations.heapFreeList() : [],
      heapSize: this.stations ? this.stations.heapSize : 0,
      heapBaseAddr: this.stations ? HEAP_BASE_ADDR : 0,
    };
  }

  /**
   * The limits in force now: the scenario's, as changed by every limit command applied so far (copies, safe
   * to keep). A kind missing from the scenario is missing here too.
   */
  limits(): LimitsInForce {
    const l: LimitsInForce = {};
    if (this.tables) l.tables = this.tables.limits();
    if (this.staff) l.staff = this.staff.limits();
    if (this.ingredients) l.ingredients = this.ingredients.limits();
    if (this.stations) l.stations = this.stations.limits();
    if (this.shelf) l.shelf = this.shelf.limits();
    if (this.manager) l.manager = this.manager.limitsInForce();
    return l;
  }

  /**
   * Changes a limit now (see `commands.ts`). Returns null, or why it was refused (nothing changed then).
   * Use a timeline rather than calling this directly when the run must be replayable.
   */
  apply(command: LimitCommand): string | null {
    return applyCommand(this, command);
  }

  private arrive(): void {
    const plan = drawParty(this.workloadRng, this.scenario.workload, this.scenario.faults, this.nextPartyId++, this.scheduler.nowMs, this.drawTables);
    this.flow.arrive(plan);
    this.scheduleNextArrival();
  }

  private scheduleNextArrival(): void {
    const atMs = nextArrivalMs(this.workloadRng, this.scenario.workload.phases, this.scheduler.nowMs, this.scenario.durationMs);
    if (atMs !== Infinity) this.scheduler.schedule(atMs, 'workload.arrival');
  }

  private sample(): void {
    this.series.push(this.gauges());
    if (!this.isClosed) this.scheduler.after(this.scenario.sampleEveryMs, 'sim.sample');
  }

  /**
   * Closing time: no new guests. Descriptors and counter space that finished tickets never gave back, and
   * that no cleanup has reclaimed since, are reported as leaks. Work still in progress is not a leak.
   */
  private close(): void {
    this.isClosed = true;
    this.ingredients?.reportLeaks((open) => this.flow.isLeakedFd(open));
    this.stations?.reportLeaks((block) => this.flow.isLeakedBlock(block.blockId));
  }

}

/** Builds a simulation of a validated scenario; `seed` defaults to the scenario's own. */
export function createSimulation(scenario: Scenario, seed: number = scenario.seed): Simulation {
  return new Simulation(scenario, seed >>> 0);
}
