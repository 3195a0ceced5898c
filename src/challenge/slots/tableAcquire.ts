/**
 * Code slot `tableAcquire`: the learner writes `seatParty(party, tables, nowMs)`, the host stand's acquire
 * policy (a connection pool's acquire with a timeout and health checks).
 *
 * Parties arrive (Poisson, seeded) and line up in arrival order. Whenever something changes (a party
 * arrives, a table is freed or repaired, a party's wait reaches the timeout) and every 10 s of virtual time,
 * the harness asks `seatParty` about each waiting party, front of the line first. The answer is a table id
 * (seat them there), "wait" (keep them in line) or "turnAway" (fail the acquire: they leave now).
 *
 * - Seating at a table that is taken, too small or unknown breaks the contract (ContractError).
 * - A table turns unhealthy (wobbly) at random after a party leaves it and is repaired `repairMs` later.
 *   Seating at an unhealthy table is allowed, but the party leaves at once, unhappy
 *   (`table.unhealthySeated`); the table stays free and unhealthy.
 * - A party still left waiting after a round in which it had waited `timeoutMs` or more is overdue
 *   (`acquire.overdue`, counted once): the policy should have turned it away in time (`acquire.timedOut`).
 *   A party nobody turns away walks out on its own at one and a half times the timeout (`party.walkedOut`).
 *
 * Parties (sizes, arrival and dining times) are drawn before the run, so every policy meets the same guests;
 * table health draws come from a second stream.
 */
import { createRandom, exponential, logNormal, uniform } from '../../sim/random.ts';
import { Scheduler } from '../../sim/scheduler.ts';
import { summarize } from '../../sim/stats.ts';
import type { CodeSlot, SlotRun, SlotRunOptions } from './codeSlot.ts';
import { ContractError } from './codeSlot.ts';
import { describeValue, listPreview, readParams, wholeMs, zeroCounts } from './slotSupport.ts';

/** A waiting party as `seatParty` sees it. */
export interface WaitingParty {
  id: number;
  size: number;
  arrivedAtMs: number;
  waitedMs: number;
}

/** A table as `seatParty` sees it. */
export interface TableView {
  id: number;
  seats: number;
  state: 'free' | 'occupied';
  healthy: boolean;
  /** When the last party left it (0 if none has yet). */
  lastUsedAtMs: number;
}

export const tableAcquireDefaults = {
  /** A party still waiting this long should be turned away. */
  timeoutMs: 300_000,
  /** Tables of 2, 4 and 6 seats. */
  smallTables: 4,
  mediumTables: 3,
  largeTables: 2,
  /** Mean arrival rate (Poisson). */
  arrivalsPerHour: 30,
  /** How long the host stand takes parties (no arrivals after this; the run ends here). */
  serviceMs: 7_200_000,
  /** Median time a party sits at its table. */
  diningMedianMs: 1_200_000,
  /** Chance a table turns unhealthy after a party leaves it. */
  unhealthyChance: 0.2,
  /** Time until an unhealthy table is repaired. */
  repairMs: 900_000,
};

type Params = typeof tableAcquireDefaults;

const EVENTS = [
  'party.arrived',
  'acquire.granted',
  'acquire.timedOut',
  'acquire.overdue',
  'table.unhealthySeated',
  'party.walkedOut',
  'table.released',
  'table.unhealthy',
  'table.repaired',
] as const;

/** Decision rounds happen at least this often while anyone waits. */
const TICK_MS = 10_000;
/** A party nobody turns away walks out at this multiple of the timeout (it also bounds the calls). */
const WALK_OUT_FACTOR = 1.5;
/** Seats per table class. */
const SEATS = { small: 2, medium: 4, large: 6 };

interface Guest {
  id: number;
  size: number;
  arrivedAtMs: number;
  diningMs: number;
}

/** The guests of one seed: arrival times, sizes (1-2: half, 3-4: a third, 5-6: the rest), dining times. */
export function guestList(seed: number, p: Params): Guest[] {
  const rng = createRandom(seed);
  const guests: Guest[] = [];
  const meanGapMs = 3_600_000 / Math.max(1e-9, p.arrivalsPerHour);
  let atMs = 0;
  for (;;) {
    atMs += wholeMs(exponential(rng, meanGapMs), 1);
    if (atMs >= p.serviceMs) break;
    const u = uniform(rng);
    const size = u < 0.5 ? (u < 0.2 ? 1 : 2) : u < 0.83 ? (u < 0.65 ? 3 : 4) : u < 0.93 ? 5 : 6;
    guests.push({ id: guests.length + 1, size, arrivedAtMs: atMs, diningMs: wholeMs(logNormal(rng, p.diningMedianMs, 0.4), 1) });
  }
  return guests;
}

interface Table {
  id: number;
  seats: number;
  isOccupied: boolean;
  isHealthy: boolean;
  lastUsedAtMs: number;
}

function run({ seed, params, call }: SlotRunOptions): SlotRun {
  const p = readParams('tableAcquire', tableAcquireDefaults, params);
  const guests = guestList(seed, p);
  const health = createRandom((seed ^ 0x5eed7ab1) >>> 0);
  const counts = zeroCounts(EVENTS);
  const tables: Table[] = [];
  for (const [kind, n] of [['small', p.smallTables], ['medium', p.mediumTables], ['large', p.largeTables]] as const) {
    for (let i = 0; i < Math.floor(n); i++) {
      tables.push({ id: tables.length + 1, seats: SEATS[kind], isOccupied: false, isHealthy: true, lastUsedAtMs: 0 });
    }
  }
  const tableById = new Map(tables.map((t) => [t.id, t]));
  /** The waiting line, in arrival order. */
  let line: Guest[] = [];
  const overdueIds = new Set<number>();
  const waits: number[] = [];
  let seated = 0;
  let turnedAway = 0;

  const s = new Scheduler();
  s.on('arrive', (i) => {
    line.push(guests[i]);
    counts['party.arrived']++;
    s.after(p.timeoutMs, 'deadline', i);
    s.after(WALK_OUT_FACTOR * p.timeoutMs, 'walkOut', i);
  });
  s.on('deadline', () => {
    /* only a decision round */
  });
  s.on('walkOut', (i) => {
    const guest = guests[i];
    if (!line.includes(guest)) return;
    line = line.filter((g) => g !== guest);
    counts['party.walkedOut']++;
    waits.push(s.nowMs - guest.arrivedAtMs);
  });
  s.on('leave', (id) => {
    const table = tableById.get(id) as Table;
    table.isOccupied = false;
    table.lastUsedAtMs = s.nowMs;
    counts['table.released']++;
    if (uniform(health) < p.unhealthyChance) {
      table.isHealthy = false;
      counts['table.unhealthy']++;
      s.after(p.repairMs, 'repair', id);
    }
  });
  s.on('repair', (id) => {
    (tableById.get(id) as Table).isHealthy = true;
    counts['table.repaired']++;
  });
  s.on('tick', () => {
    s.after(TICK_MS, 'tick');
  });
  guests.forEach((g, i) => s.schedule(g.arrivedAtMs, 'arrive', i));
  s.schedule(TICK_MS, 'tick');

  const ask = (guest: Guest): void => {
    const nowMs = s.nowMs;
    const waitedMs = nowMs - guest.arrivedAtMs;
    const party: WaitingParty = { id: guest.id, size: guest.size, arrivedAtMs: guest.arrivedAtMs, waitedMs };
    const answer = call(party, tables.map(viewOf), nowMs);
    if (answer === 'wait') {
      if (waitedMs >= p.timeoutMs && !overdueIds.has(guest.id)) {
        overdueIds.add(guest.id);
        counts['acquire.overdue']++;
      }
      return;
    }
    if (answer === 'turnAway') {
      counts['acquire.timedOut']++;
      turnedAway++;
    } else {
      const table = typeof answer === 'number' ? tableById.get(answer) : undefined;
      if (!table) throw new ContractError(unknownAnswerMessage(answer, party, tables));
      if (table.isOccupied) {
        throw new ContractError(`seatParty returned table ${table.id} for party ${party.id}, but table ${table.id} is occupied; expected a free table, "wait" or "turnAway"`);
      }
      if (table.seats < party.size) {
        throw new ContractError(`seatParty returned table ${table.id} (${table.seats} seats) for party ${party.id} of ${party.size}, which does not fit; expected a table with at least ${party.size} seats, "wait" or "turnAway"`);
      }
      if (table.isHealthy) {
        table.isOccupied = true;
        seated++;
        counts['acquire.granted']++;
        s.after(guest.diningMs, 'leave', table.id);
      } else {
        counts['table.unhealthySeated']++;
      }
    }
    waits.push(waitedMs);
    line = line.filter((g) => g !== guest);
  };

  while (s.peekTimeMs() < p.serviceMs) {
    const atMs = s.peekTimeMs();
    while (s.peekTimeMs() === atMs) s.step();
    for (const guest of [...line]) ask(guest);
  }
  for (const guest of line) waits.push(p.serviceMs - guest.arrivedAtMs);

  const wait = summarize(waits);
  return {
    metrics: {
      seated,
      turnedAway,
      overdue: counts['acquire.overdue'],
      unhealthySeated: counts['table.unhealthySeated'],
      walkedOut: counts['party.walkedOut'],
      waitP95Ms: wait.p95,
      maxWaitMs: wait.max,
    },
    eventCounts: { ...counts },
  };
}

function viewOf(t: Table): TableView {
  return { id: t.id, seats: t.seats, state: t.isOccupied ? 'occupied' : 'free', healthy: t.isHealthy, lastUsedAtMs: t.lastUsedAtMs };
}

function unknownAnswerMessage(answer: unknown, party: WaitingParty, tables: readonly Table[]): string {
  const ids = listPreview(tables.map((t) => t.id));
  if (typeof answer === 'number') {
    return `seatParty returned ${describeValue(answer)} for party ${party.id}, which is not a table id (tables: ${ids}); expected a table id, "wait" or "turnAway"`;
  }
  return `seatParty returned ${describeValue(answer)} for party ${party.id}, expected a table id (a number: ${ids}), "wait" or "turnAway"`;
}

export const tableAcquire: CodeSlot = {
  id: 'tableAcquire',
  functionName: 'seatParty',
  signature: 'seatParty(party, tables, nowMs) → tableId | "wait" | "turnAway"',
  contract: [
    'You run the host stand. Parties line up as they arrive, and every time something changes (and every',
    '10 seconds) you are asked about each waiting party, front of the line first.',
    'party is { id, size, arrivedAtMs, waitedMs }; tables lists every table as',
    '{ id, seats, state: "free" or "occupied", healthy, lastUsedAtMs }.',
    'Return the id of a free table with enough seats to seat the party there, "wait" to keep them in line, or',
    '"turnAway" to send them off now. A table that is occupied or too small, or any other answer, stops the run',
    'with an error.',
    'A table can turn wobbly (healthy: false) after use until it is repaired: a party seated there leaves',
    'unhappy at once. A party should never wait longer than the timeout: turn them away when waitedMs reaches',
    'it, or they count as overdue (and walk out on their own at one and a half times the timeout).',
  ].join(' '),
  defaults: { ...tableAcquireDefaults },
  run,
};
