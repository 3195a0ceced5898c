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
import type { Ticket, ThreadPool, TaskOutcome } from './threadPool.ts';
import type { PartyPlan } from './workload.ts';

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
  isIngredientForgotten: boolean;
  fds: number[];
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
}

export interface RequestFlowModels {
  tables?: ConnectionPool;
  staff?: ThreadPool;
  ingredients?: FdTable;
}

export class RequestFlow {
  private readonly parties = new Map<number, PartyProgress>();
  private readonly tickets = new Map<number, TicketProgress>();
  /** Descriptors a finished ticket never closed: leaks, reported at closing time if still open. */
  private readonly forgottenFds: number[] = [];
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
  };

  constructor(
    private readonly ctx: SimContext,
    private readonly models: RequestFlowModels,
    private readonly ingredientsPerTicket: number,
  ) {
    ctx.scheduler.on('party.doneDining', (partyId) => this.leave(partyId));
    ctx.scheduler.on('kitchen.cooked', (taskId) => this.finishTicket(taskId, 'completed'));
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
    onStart: (task: Ticket): string | null => this.openIngredients(task.taskId),
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

  /** Descriptors that finished tickets never closed and that are still open. */
  leakedFds(): number[] {
    const fds = this.models.ingredients;
    if (!fds) return [];
    const open = new Set(fds.openFds().map((f) => f.fd));
    return this.forgottenFds.filter((fd) => open.has(fd)).sort((a, b) => a - b);
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
    for (const plan of p.plan.tickets) {
      const ticket: Ticket = { taskId: this.nextTaskId++, partyId: p.plan.partyId, durationMs: plan.cookMs };
      this.tickets.set(ticket.taskId, { ticket, isIngredientForgotten: plan.isIngredientForgotten, fds: [] });
      if (this.models.staff) {
        this.models.staff.submit(ticket);
      } else {
        this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'task.submitted', taskId: ticket.taskId, partyId: ticket.partyId });
        const failure = this.openIngredients(ticket.taskId);
        if (failure) this.finishTicket(ticket.taskId, 'failed');
        else this.ctx.scheduler.after(ticket.durationMs, 'kitchen.cooked', ticket.taskId);
      }
    }
  }

  /** Takes the ticket's ingredients out of the pantry; on EMFILE puts back what it took and reports failure. */
  private openIngredients(taskId: number): string | null {
    const fds = this.models.ingredients;
    const t = this.tickets.get(taskId);
    if (!fds || !t) return null;
    const owner = `ticket ${taskId}`;
    for (let i = 0; i < this.ingredientsPerTicket; i++) {
      const fd = fds.open(owner);
      if (fd < 0) {
        for (const taken of t.fds) fds.close(taken, owner);
        t.fds.length = 0;
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
    const fds = this.models.ingredients;
    if (fds && t.fds.length > 0) {
      const owner = `ticket ${taskId}`;
      const keep = t.isIngredientForgotten ? 1 : 0;
      for (let i = 0; i < t.fds.length - keep; i++) fds.close(t.fds[i], owner);
      if (keep) {
        this.counters.ingredientsForgotten++;
        this.forgottenFds.push(t.fds[t.fds.length - 1]);
      }
    }
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
