/**
 * How one request (a party) flows through the resource kinds that a scenario has:
 *
 *   arrive -> [tables: acquire a connection, or wait, or time out]
 *          -> place one ticket per order -> [staff: a task in the thread pool]
 *             -> each ticket opens its ingredients while it cooks [ingredients: descriptors], closes them after
 *          -> dine once every ticket has ended -> leave, releasing the table (unless the fault forgets it).
 *
 * A kind that is missing is skipped: without tables a party orders at the counter and leaves with its food;
 * without staff every ticket is cooked at once by an unlimited kitchen (so descriptors can be studied alone).
 */
import type { ConnectionPool } from './connectionPool.ts';
import type { SimContext } from './context.ts';
import type { FdTable } from './fdTable.ts';
import type { KitchenMemory } from './kitchenMemory.ts';
import type { WorkloadConfig } from './scenario.ts';
import type { Ticket, ThreadPool, TaskOutcome } from './threadPool.ts';
import type { WarmingShelf } from './warmingShelf.ts';
import { dishKey, type PartyPlan, type TicketPlan } from './workload.ts';

/** The worker id in task events when the scenario has no staff: the kitchen cooks every ticket at once. */
export const KITCHEN_WORKER_ID = 0;

/** Where a party is in its visit. */
export type PartyState = 'waiting' | 'ordering' | 'dining' | 'left';

interface PartyProgress {
  plan: PartyPlan;
  state: PartyState;
  tableId: number;
  ticketsOpen: number;
}

interface TicketProgress {
  ticket: Ticket;
  plan: TicketPlan;
  fds: number[];
  /** The kitchen memory block the dish is cooked in (0: none yet, or no stations). */
  blockId: number;
}

export interface RequestFlowMetrics {
  arrived: number;
  seated: number;
  timedOut: number;
  turnedAway: number;
  finished: number;
  dishesServed: number;
  dishesFailed: number;
  dishesRefused: number;
  tablesForgotten: number;
  ingredientsForgotten: number;
  stationsForgotten: number;
  /** Tickets served straight from the warming shelf (no cook needed). */
  servedFromShelf: number;
}

export interface RequestFlowModels {
  tables?: ConnectionPool;
  staff?: ThreadPool;
  ingredients?: FdTable;
  stations?: KitchenMemory;
  shelf?: WarmingShelf;
}

export class RequestFlow {
  private readonly parties = new Map<number, PartyProgress>();
  private readonly tickets = new Map<number, TicketProgress>();
  /**
   * Descriptors a finished ticket never closed, as `fd/owner` (owners are unique per ticket, so a number the
   * stale sweep closed and handed to another ticket does not match): leaks, if still open at closing time.
   */
  private readonly forgottenFds = new Set<string>();
  /** Memory blocks a finished ticket never freed: leaks, reported at closing time if still live. */
  private readonly forgottenBlocks = new Set<number>();
  private nextTaskId = 1;
  private readonly counters: RequestFlowMetrics = {
    arrived: 0,
    seated: 0,
    timedOut: 0,
    turnedAway: 0,
    finished: 0,
    dishesServed: 0,
    dishesFailed: 0,
    dishesRefused: 0,
    tablesForgotten: 0,
    ingredientsForgotten: 0,
    stationsForgotten: 0,
    servedFromShelf: 0,
  };

  constructor(
    private readonly ctx: SimContext,
    private readonly models: RequestFlowModels,
    private readonly workload: WorkloadConfig,
  ) {
    ctx.scheduler.on('party.doneDining', (partyId) => this.leave(partyId));
    ctx.scheduler.on('kitchen.cooked', (taskId) => {
      const t = this.tickets.get(taskId);
      if (t) this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'task.completed', taskId, workerId: KITCHEN_WORKER_ID, durationMs: t.ticket.durationMs });
      this.finishTicket(taskId, 'completed');
    });
  }

  /** Hooks the connection pool calls. */
  readonly tableHooks = {
    onAcquired: (partyId: number, tableId: number) => {
      const p = this.party(partyId);
      p.tableId = tableId;
      this.counters.seated++;
      this.placeOrders(p);
    },
    onTimedOut: (partyId: number) => this.turnAway(partyId, 'timedOut'),
    onRefused: (partyId: number) => this.turnAway(partyId, 'noTableFits'),
  };

  /** Hooks the thread pool calls. */
  readonly staffHooks = {
    onStart: (task: Ticket): string | null => this.takeStationAndIngredients(task.taskId),
    onFinish: (task: Ticket, outcome: TaskOutcome) => this.finishTicket(task.taskId, outcome),
  };

  /** A party walks in. */
  arrive(plan: PartyPlan): void {
    this.counters.arrived++;
    const p: PartyProgress = { plan, state: 'waiting', tableId: 0, ticketsOpen: 0 };
    this.parties.set(plan.partyId, p);
    this.ctx.log.append({ atMs: plan.arrivedAtMs, type: 'party.arrived', partyId: plan.partyId, size: plan.size });
    if (this.models.tables) this.models.tables.acquire(plan.partyId, plan.size);
    else this.placeOrders(p);
  }

  /** Is this open descriptor one that a finished ticket never closed? */
  isLeakedFd(open: { fd: number; owner: string }): boolean {
    return this.forgottenFds.has(`${open.fd}/${open.owner}`);
  }

  /** Is this live block one that a finished ticket walked away from? (Block ids are never reused.) */
  isLeakedBlock(blockId: number): boolean {
    return this.forgottenBlocks.has(blockId);
  }

  metrics(): RequestFlowMetrics {
    return { ...this.counters };
  }

  private party(partyId: number): PartyProgress {
    const p = this.parties.get(partyId);
    if (!p) throw new Error(`requestFlow: unknown party ${partyId}`);
    return p;
  }

  private turnAway(partyId: number, reason: 'timedOut' | 'noTableFits'): void {
    this.party(partyId).state = 'left';
    this.parties.delete(partyId);
    if (reason === 'timedOut') this.counters.timedOut++;
    else this.counters.turnedAway++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'party.left', partyId, reason });
  }

  private placeOrders(p: PartyProgress): void {
    p.state = 'ordering';
    p.ticketsOpen = p.plan.tickets.length;
    if (p.ticketsOpen === 0) {
      this.startDining(p);
      return;
    }
    // A party's dishes are checked against the shelf first: a dish already waiting is served at once.
    const toCook: TicketPlan[] = [];
    for (const plan of p.plan.tickets) {
      if (this.models.shelf?.lookup(dishKey(plan.dish))) {
        this.counters.servedFromShelf++;
        this.counters.dishesServed++;
        p.ticketsOpen--;
      } else {
        toCook.push(plan);
      }
    }
    if (p.ticketsOpen === 0) {
      this.startDining(p);
      return;
    }
    for (const plan of toCook) {
      const ticket: Ticket = { taskId: this.nextTaskId++, partyId: p.plan.partyId, durationMs: plan.cookMs };
      this.tickets.set(ticket.taskId, { ticket, plan, fds: [], blockId: 0 });
      if (this.models.staff) {
        this.models.staff.submit(ticket);
      } else {
        this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'task.submitted', taskId: ticket.taskId, partyId: ticket.partyId });
        const failure = this.takeStationAndIngredients(ticket.taskId);
        if (failure) {
          this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'task.failed', taskId: ticket.taskId, workerId: KITCHEN_WORKER_ID, reason: failure });
          this.finishTicket(ticket.taskId, 'failed');
        }
        else this.ctx.scheduler.after(ticket.durationMs, 'kitchen.cooked', ticket.taskId);
      }
    }
  }

  /**
   * A cook starts a ticket: counter space for the dish (kitchen memory), then its ingredients (descriptors).
   * On failure everything already taken is given back and the reason is reported ('OOM' or 'EMFILE').
   */
  private takeStationAndIngredients(taskId: number): string | null {
    const t = this.tickets.get(taskId);
    if (!t) return null;
    const owner = `ticket ${taskId}`;
    const memory = this.models.stations;
    if (memory) {
      t.blockId = memory.allocate(t.plan.bytes, owner);
      if (t.blockId === 0) return 'OOM';
    }
    const fds = this.models.ingredients;
    if (!fds) return null;
    for (let i = 0; i < this.workload.ingredientsPerTicket; i++) {
      const fd = fds.open(owner);
      if (fd < 0) {
        for (const taken of t.fds) fds.close(taken, owner);
        t.fds.length = 0;
        if (memory) memory.free(t.blockId, owner);
        t.blockId = 0;
        return 'EMFILE';
      }
      t.fds.push(fd);
    }
    return null;
  }

  private finishTicket(taskId: number, outcome: TaskOutcome): void {
    const t = this.tickets.get(taskId);
    if (!t) return;
    this.tickets.delete(taskId);
    const owner = `ticket ${taskId}`;
    const fds = this.models.ingredients;
    if (fds && t.fds.length > 0) {
      const keep = t.plan.isIngredientForgotten ? 1 : 0;
      for (let i = 0; i < t.fds.length - keep; i++) fds.close(t.fds[i], owner);
      if (keep) {
        this.counters.ingredientsForgotten++;
        this.forgottenFds.add(`${t.fds[t.fds.length - 1]}/${owner}`);
      }
    }
    const memory = this.models.stations;
    if (memory && t.blockId !== 0) {
      if (t.plan.isStationForgotten) {
        // The cook walks away: nobody holds the block any more, so only the collector (or the sweep) frees it.
        memory.markUnreachable(t.blockId);
        this.counters.stationsForgotten++;
        this.forgottenBlocks.add(t.blockId);
      } else {
        memory.free(t.blockId, owner);
      }
    }
    if (outcome === 'completed') this.models.shelf?.store(dishKey(t.plan.dish), t.plan.bytes);
    if (outcome === 'completed') this.counters.dishesServed++;
    else if (outcome === 'failed') this.counters.dishesFailed++;
    else this.counters.dishesRefused++;
    const p = this.parties.get(t.ticket.partyId);
    if (!p) return;
    p.ticketsOpen--;
    if (p.ticketsOpen === 0) this.startDining(p);
  }

  private startDining(p: PartyProgress): void {
    if (!this.models.tables) {
      this.leave(p.plan.partyId);
      return;
    }
    p.state = 'dining';
    this.ctx.scheduler.after(p.plan.diningMs, 'party.doneDining', p.plan.partyId);
  }

  private leave(partyId: number): void {
    const p = this.party(partyId);
    if (this.models.tables) {
      if (p.plan.isTableForgotten) this.counters.tablesForgotten++;
      else this.models.tables.release(p.tableId);
    }
    p.state = 'left';
    this.parties.delete(partyId);
    this.counters.finished++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'party.left', partyId, reason: 'finished' });
  }
}
