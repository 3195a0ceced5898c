/**
 * The dinner-service workload: when parties arrive and everything about each party, drawn from the workload's
 * own random stream at the moment it arrives.
 *
 * Arrivals are a Poisson process whose rate changes from phase to phase (quiet, rush, late): gaps are
 * exponential with mean `3_600_000 / arrivalsPerHour`. A gap that crosses into the next phase is redrawn
 * from the boundary at the next phase's rate, which is exact because exponential gaps are memoryless.
 *
 * Everything random about a party (size, tickets, cook and dining times, and whether a fault hits it) is
 * drawn when it arrives, with a fixed number of draws per party. So two runs on the same seed see the same
 * parties even when their limits differ: a comparison changes the restaurant, never the guests.
 */
import { bernoulli, cumulativeWeights, exponential, logNormal, pickWeighted, type Random } from './random.ts';
import type { FaultsConfig, WorkloadConfig } from './scenario.ts';

/** One planned order ticket of a party. */
export interface TicketPlan {
  /** Time a cook needs for it. */
  cookMs: number;
  /** The cook forgets to put one ingredient back (a descriptor leak). */
  isIngredientForgotten: boolean;
  /** Which dish, 1 .. menu.dishCount (dish 1 is the most popular). */
  dish: number;
  /** Counter space the dish takes, in bytes (see {@link dishBytes}). */
  bytes: number;
  /** The cook walks away without clearing the station (a memory leak). */
  isStationForgotten: boolean;
}

/** Everything about one party, fixed at arrival. */
export interface PartyPlan {
  partyId: number;
  size: number;
  arrivedAtMs: number;
  diningMs: number;
  tickets: TicketPlan[];
  /** The party leaves without its table being released (a leaked connection). */
  isTableForgotten: boolean;
}

/** Time of the next arrival after `nowMs`, or Infinity when the last phase (or `endMs`) is over. */
export function nextArrivalMs(rng: Random, phases: WorkloadConfig['phases'], nowMs: number, endMs: number): number {
  let t = nowMs;
  let phaseStart = 0;
  for (const phase of phases) {
    const phaseEnd = phaseStart + phase.durationMs;
    if (t < phaseEnd && phase.arrivalsPerHour > 0) {
      // Whole milliseconds keep the log readable; the rounding error is far below the clock's resolution.
      const candidate = Math.max(t, Math.round(t + exponential(rng, 3_600_000 / phase.arrivalsPerHour)));
      if (candidate < phaseEnd) return candidate < endMs ? candidate : Infinity;
    }
    if (t < phaseEnd) t = phaseEnd;
    phaseStart = phaseEnd;
    if (t >= endMs) return Infinity;
  }
  return Infinity;
}

/** Draws a whole party: 4 + 5 x tickets uniform draws, whatever the fault probabilities are. */
export function drawParty(
  rng: Random,
  workload: WorkloadConfig,
  faults: FaultsConfig,
  partyId: number,
  arrivedAtMs: number,
  tables: DrawTables = createDrawTables(workload),
): PartyPlan {
  const size = workload.partySizes[pickWeighted(rng, tables.sizeTotals)].size;
  const dishTotals = tables.dishTotals;
  const diningMs = Math.round(logNormal(rng, workload.diningMs.medianMs, workload.diningMs.sigma));
  const isTableForgotten = bernoulli(rng, faults.forgottenTableProbability);
  const ticketCount = Math.round(size * workload.ticketsPerGuest);
  const tickets: TicketPlan[] = [];
  for (let i = 0; i < ticketCount; i++) {
    const cookMs = Math.round(logNormal(rng, workload.cookMs.medianMs, workload.cookMs.sigma));
    const isIngredientForgotten = bernoulli(rng, faults.forgottenIngredientProbability);
    const dish = 1 + pickWeighted(rng, dishTotals);
    tickets.push({
      cookMs,
      isIngredientForgotten,
      dish,
      bytes: dishBytes(dish, workload.menu),
      isStationForgotten: bernoulli(rng, faults.forgottenStationProbability),
    });
  }
  return { partyId, size, arrivedAtMs, diningMs, tickets, isTableForgotten };
}

/** The running totals a party draw needs, computed once per run (see {@link createDrawTables}). */
export interface DrawTables {
  sizeTotals: Float64Array;
  dishTotals: Float64Array;
}

/**
 * Running totals of the party-size weights and of the menu's Zipf weights (dish k, 1-based, has weight
 * 1 / k^skew), for {@link drawParty}. Build them once per run from the run's own workload.
 */
export function createDrawTables(workload: WorkloadConfig): DrawTables {
  return {
    sizeTotals: cumulativeWeights(workload.partySizes.map((p) => p.weight)),
    dishTotals: cumulativeWeights(Array.from({ length: workload.menu.dishCount }, (_, i) => 1 / (i + 1) ** workload.menu.popularitySkew)),
  };
}

/** The warming shelf's key for a dish. */
export function dishKey(dish: number): string {
  return `dish ${dish}`;
}

/**
 * Counter space a dish takes, in bytes: fixed per dish (not drawn), spread log-uniformly over [min, max] by a
 * multiplicative hash of the dish number. Log-uniform gives as many dishes between 50 and 100 bytes as
 * between 500 and 1000, so small, medium and large requests all occur; the hash makes size unrelated to
 * popularity.
 */
export function dishBytes(dish: number, menu: WorkloadConfig['menu']): number {
  const { min, max } = menu.dishBytes;
  const fraction = (Math.imul(dish, 0x9e3779b1) >>> 0) / 4294967296;
  return Math.min(max, Math.round(min * (max / min) ** fraction));
}
