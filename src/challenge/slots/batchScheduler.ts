/**
 * Code slot `batchScheduler`: the learner writes `nextBatch(state)`, a pressure-aware batch job (the
 * overnight prep list run while dinner service is still going).
 *
 * `items` prep jobs must be done. Each one in progress holds a connection, some memory and some descriptors
 * (`perItem`) for its processing time (log-normal around `itemMedianMs`). Dinner service uses the same
 * resources: its load rises to a rush (up to `backgroundPeak` of each limit) and falls again, with seeded
 * noise, and changes only at decision points. Every `decisionEveryMs` while items are pending the harness
 * calls `nextBatch(state)` and starts that many items at once (0 = back off until the next decision).
 *
 * - An item started when it would take a resource past its limit fails (`batch.itemFailed`), holding nothing.
 * - Pressure is the highest usage/limit over the resources; above 1 the dinner service itself is short of a
 *   resource (`service.starved`, counted per decision point), so a good policy leaves room for the rush.
 * - The return must be a whole number from 0 to `pending` (else ContractError).
 *
 * The service load and every item's processing time are drawn before the run, so every policy meets the
 * same evening.
 */
import { createRandom, logNormal, standardNormal, uniform } from '../../sim/random.ts';
import { Scheduler } from '../../sim/scheduler.ts';
import type { CodeSlot, SlotRun, SlotRunOptions } from './codeSlot.ts';
import { ContractError } from './codeSlot.ts';
import { describeValue, readParams, wholeMs, zeroCounts } from './slotSupport.ts';

export type BatchResource = 'connection' | 'memory' | 'fd';
export type ResourceAmounts = Record<BatchResource, number>;

/** What `nextBatch` sees at a decision point. */
export interface BatchState {
  pending: number;
  inFlight: number;
  done: number;
  failed: number;
  usage: ResourceAmounts;
  limits: ResourceAmounts;
  /** What one item holds while it runs. */
  perItem: ResourceAmounts;
  /** Highest usage/limit over the resources (1 = a resource is at its limit; above 1, over it). */
  pressure: number;
  nowMs: number;
}

export const batchSchedulerDefaults = {
  /** Items the job must process. */
  items: 600,
  /** Median processing time of one item. */
  itemMedianMs: 60_000,
  connectionLimit: 40,
  memoryLimit: 512,
  fdLimit: 200,
  /** What one item in flight holds. */
  itemConnections: 1,
  itemMemory: 12,
  itemFds: 3,
  /** Highest share of each limit the dinner service uses at its rush. */
  backgroundPeak: 0.7,
  /** Time between decision points. */
  decisionEveryMs: 5_000,
  /** Length of the run: the job should be finished by then. */
  serviceMs: 3_600_000,
};

type Params = typeof batchSchedulerDefaults;

const RESOURCES: readonly BatchResource[] = ['connection', 'memory', 'fd'];

const EVENTS = [
  'batch.itemStarted',
  'batch.itemDone',
  'batch.itemFailed',
  'batch.backedOff',
  'service.starved',
] as const;

/** The dinner service's share of the limits when it is quiet. */
const BACKGROUND_BASE = 0.25;
/** Each resource's rush peaks at this share of `backgroundPeak`. */
const PEAK_SHARE: ResourceAmounts = { connection: 1, memory: 0.9, fd: 0.8 };

/**
 * The dinner service's usage at every decision point (index k = time k × decisionEveryMs), per resource, and
 * each item's processing time: drawn before the run.
 */
export function evening(seed: number, p: Params): { background: ResourceAmounts[]; itemMs: number[] } {
  const rng = createRandom(seed);
  const steps = Math.ceil(p.serviceMs / p.decisionEveryMs) + 1;
  const centerMs = (0.35 + 0.25 * uniform(rng)) * p.serviceMs;
  const widthMs = 0.2 * p.serviceMs;
  const limits = limitsOf(p);
  const noise: ResourceAmounts = { connection: 0, memory: 0, fd: 0 };
  const background: ResourceAmounts[] = [];
  for (let k = 0; k < steps; k++) {
    const x = (k * p.decisionEveryMs - centerMs) / widthMs;
    const rush = Math.exp(-x * x);
    const amounts = { connection: 0, memory: 0, fd: 0 };
    for (const r of RESOURCES) {
      noise[r] = 0.9 * noise[r] + 0.02 * standardNormal(rng);
      const peak = p.backgroundPeak * PEAK_SHARE[r];
      const share = Math.max(0, BACKGROUND_BASE * PEAK_SHARE[r] + (peak - BACKGROUND_BASE * PEAK_SHARE[r]) * rush + noise[r]);
      amounts[r] = Math.round(share * limits[r]);
    }
    background.push(amounts);
  }
  const itemMs = Array.from({ length: Math.max(0, Math.floor(p.items)) }, () => wholeMs(logNormal(rng, p.itemMedianMs, 0.5), 1));
  return { background, itemMs };
}

function limitsOf(p: Params): ResourceAmounts {
  return { connection: p.connectionLimit, memory: p.memoryLimit, fd: p.fdLimit };
}

function run({ seed, params, call }: SlotRunOptions): SlotRun {
  const p = readParams('batchScheduler', batchSchedulerDefaults, params);
  const { background, itemMs } = evening(seed, p);
  const limits = limitsOf(p);
  const perItem: ResourceAmounts = { connection: p.itemConnections, memory: p.itemMemory, fd: p.itemFds };
  const counts = zeroCounts(EVENTS);
  let next = 0;
  let inFlight = 0;
  let done = 0;
  let failed = 0;
  let step = 0;
  let peakPressure = 0;
  let finishedAtMs = p.serviceMs;

  const usageNow = (): ResourceAmounts => {
    const bg = background[Math.min(step, background.length - 1)];
    return {
      connection: bg.connection + inFlight * perItem.connection,
      memory: bg.memory + inFlight * perItem.memory,
      fd: bg.fd + inFlight * perItem.fd,
    };
  };
  const pressureOf = (usage: ResourceAmounts): number =>
    Math.max(...RESOURCES.map((r) => (limits[r] > 0 ? usage[r] / limits[r] : usage[r] > 0 ? Infinity : 0)));

  const s = new Scheduler();
  s.on('itemDone', () => {
    inFlight--;
    done++;
    counts['batch.itemDone']++;
    if (inFlight === 0 && next >= itemMs.length) finishedAtMs = s.nowMs;
  });
  s.on('decide', (k) => {
    step = k;
    const pending = itemMs.length - next;
    const usage = usageNow();
    const pressure = pressureOf(usage);
    if (pressure > 1) counts['service.starved']++;
    peakPressure = Math.max(peakPressure, pressure);
    if (pending > 0 || inFlight > 0) s.after(p.decisionEveryMs, 'decide', k + 1);
    if (pending === 0) return; // still measuring the pressure while the last items run
    const state: BatchState = { pending, inFlight, done, failed, usage, limits: { ...limits }, perItem: { ...perItem }, pressure, nowMs: s.nowMs };
    const answer = call(state);
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > pending) {
      throw new ContractError(`nextBatch returned ${describeValue(answer)}, expected a whole number from 0 to ${pending} (the items pending)`);
    }
    if (answer === 0) counts['batch.backedOff']++;
    for (let i = 0; i < answer; i++) {
      const index = next++;
      const u = usageNow();
      if (RESOURCES.some((r) => u[r] + perItem[r] > limits[r])) {
        failed++;
        counts['batch.itemFailed']++;
        continue;
      }
      inFlight++;
      counts['batch.itemStarted']++;
      s.after(itemMs[index], 'itemDone');
    }
    peakPressure = Math.max(peakPressure, pressureOf(usageNow()));
    if (inFlight === 0 && next >= itemMs.length) finishedAtMs = s.nowMs;
  });
  s.schedule(0, 'decide', 0);
  s.runUntil(p.serviceMs);

  return {
    metrics: { done, failed, finishedAtMs, peakPressure },
    eventCounts: { ...counts },
  };
}

export const batchScheduler: CodeSlot = {
  id: 'batchScheduler',
  functionName: 'nextBatch',
  signature: 'nextBatch(state) → count',
  contract: [
    'Tonight\'s prep list has to be worked through while dinner service is still running, and both draw on the',
    'same connections, memory and descriptors. Every few seconds you get the state:',
    '{ pending, inFlight, done, failed, usage, limits, perItem, pressure, nowMs }, where usage, limits and',
    'perItem each give { connection, memory, fd }, and pressure is the fullest resource\'s usage / limit',
    '(1 means at the limit).',
    'Return how many items to start now: a whole number from 0 (back off until next time) to pending; anything',
    'else stops the run with an error. An item that would push a resource past its limit fails. Service load',
    'rises to a rush and falls again, so leave it room: above pressure 1 the dining room itself runs short.',
  ].join(' '),
  defaults: { ...batchSchedulerDefaults },
  run,
};
