/**
 * `npm run bench [-- --json]`: measures the simulation core and prints figures (a benchmark, not a test).
 *
 * - Events per second per model: each kind alone, on a scaled-up copy of its built-in scenario (rates and
 *   limits multiplied so that one run logs tens of thousands of events), counting logged events.
 * - The whole dinner service and the food hall (the largest built-in scenario): one simulated hour, timed
 *   over repeated runs (median and best), with their events per second.
 * - Peak memory at 10k, 100k and 1M events: heap growth while a scaled food hall runs until its log holds
 *   that many events (the log is kept: it is what the UI and the grader read).
 * - The kitchen's algorithms alone, 1M operations each: the free-list allocator, the LRU beside the
 *   `lru-cache` package on the same op stream (as a ratio), and each page-replacement policy.
 * - The statecharts: the core following its compiled lifecycle charts, against XState stepping a machine for
 *   every unit transition (see docs/architecture.md, "Lifecycles and statecharts").
 * - Time travel: the worst step back and seek back across the dinner service and the food hall.
 *
 * Run with `node --expose-gc` (the npm script does) so heap figures start from a collected heap.
 */
import { builtInScenarios, createSimulation, scenarioOrThrow, type Scenario, type ScenarioInput } from '../sim/index.ts';
import { benchAllocator } from './bench/allocatorBench.ts';
import { benchCache } from './bench/cacheBench.ts';
import { benchLifecycles, formatLifecycleBench } from './bench/lifecycleBench.ts';
import { benchPaging } from './bench/pagingBench.ts';
import { benchTimeTravel } from './bench/timeTravelBench.ts';

interface Timing {
  medianMs: number;
  bestMs: number;
  events: number;
  eventsPerSecond: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `fn` `runs` times after warming up (at least `warmup` runs and at least 300 ms, so the JIT has
 * compiled the hot paths); `fn` returns the number of events it produced.
 */
function time(runs: number, warmup: number, fn: () => number): Timing {
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < 300; i++) fn();
  const samples: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    events = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const medianMs = samples[Math.floor(samples.length / 2)];
  return { medianMs: round(medianMs), bestMs: round(samples[0]), events, eventsPerSecond: Math.round(events / (medianMs / 1000)) };
}

function runScenario(scenario: Scenario): number {
  const sim = createSimulation(scenario);
  sim.runToEnd();
  return sim.log.length;
}

/** Multiplies arrival rates and every pool limit of a scenario, so one run produces many more events. */
function scaled(input: ScenarioInput, factor: number): Scenario {
  const s = structuredClone(scenarioOrThrow(input));
  for (const p of s.workload.phases) p.arrivalsPerHour *= factor;
  if (s.tables) for (const c of ['small', 'medium', 'large'] as const) s.tables[c] = { min: s.tables[c].min * factor, max: s.tables[c].max * factor };
  if (s.staff) {
    s.staff.corePoolSize *= factor;
    s.staff.maxPoolSize *= factor;
    if (s.staff.queueCapacity !== 'unbounded') s.staff.queueCapacity *= factor;
  }
  if (s.ingredients) {
    s.ingredients.softLimit *= factor;
    s.ingredients.hardLimit = Math.max(s.ingredients.hardLimit, s.ingredients.softLimit);
  }
  if (s.stations) {
    s.stations.pools.small.blockCount *= factor;
    s.stations.pools.medium.blockCount *= factor;
    s.stations.heap.heapSize *= factor;
    s.stations.memoryLimitBytes *= factor;
    s.stations.gcThresholdBytes *= factor;
  }
  if (s.shelf) {
    s.shelf.maxEntries *= factor;
    s.shelf.maxBytes *= factor;
  }
  if (s.manager?.batchJob) s.manager.batchJob.itemCount *= factor;
  return s;
}

/** Heap growth (bytes) while a long food hall runs until its log holds `eventCount` events. */
function peakHeapAt(eventCount: number): { events: number; heapBytes: number; bytesPerEvent: number } {
  const s = scaled(builtInScenarios['food-hall'], 4);
  s.durationMs = 24 * 3_600_000;
  const day = s.workload.phases;
  s.workload.phases = Array.from({ length: 8 }, () => day).flat();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sim = createSimulation(s);
  while (sim.log.length < eventCount && sim.step()) {
    if ((sim.log.length & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const heapBytes = peak - before;
  return { events: sim.log.length, heapBytes, bytesPerEvent: Math.round(heapBytes / sim.log.length) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function main(): void {
  const asJson = process.argv.includes('--json');
  const perModel = Object.fromEntries(
    (['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager'] as const).map((kind) => {
      const scenario = scaled(builtInScenarios[kind], 30);
      return [kind, time(11, 2, () => runScenario(scenario))];
    }),
  );
  const dinner = scenarioOrThrow(builtInScenarios['dinner-service']);
  const foodHall = scenarioOrThrow(builtInScenarios['food-hall']);
  const services = {
    dinnerServiceOneHour: time(51, 5, () => runScenario(dinner)),
    foodHallOneHour: time(21, 3, () => runScenario(foodHall)),
  };
  const memory = [10_000, 100_000, 1_000_000].map(peakHeapAt);
  const algorithms = { allocator: benchAllocator(), cache: benchCache(), paging: benchPaging() };
  const lifecycles = benchLifecycles();
  const timeTravel = benchTimeTravel();
  const figures = {
    node: process.version,
    gcExposed: gc !== undefined,
    perModel,
    services,
    memory,
    algorithms,
    lifecycles,
    timeTravel,
    targets: {
      eventsPerSecondOver: 1_000_000,
      dinnerServiceUnderMs: 50,
      isDinnerServiceUnderTarget: services.dinnerServiceOneHour.medianMs < 50,
      isFoodHallEventRateOverTarget: services.foodHallOneHour.eventsPerSecond > 1_000_000,
    },
  };
  if (asJson) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const out: string[] = [`Back of House bench · node ${process.version}${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`, ''];
  out.push('Events per second, each kind alone (scaled-up built-in scenario, median of 11):');
  for (const [k, t] of Object.entries(perModel)) out.push(`  ${k.padEnd(12)} ${fmt(t.eventsPerSecond).padStart(11)} ev/s   ${fmt(t.events).padStart(8)} events in ${t.medianMs} ms`);
  out.push('', 'One simulated hour:');
  for (const [k, t] of Object.entries(services)) {
    out.push(`  ${k.padEnd(22)} median ${String(t.medianMs).padStart(7)} ms  best ${String(t.bestMs).padStart(7)} ms  ${fmt(t.events).padStart(7)} events  ${fmt(t.eventsPerSecond).padStart(11)} ev/s`);
  }
  out.push('', 'Heap growth while the log fills (scaled food hall):');
  for (const m of memory) out.push(`  ${fmt(m.events).padStart(10)} events  ${(m.heapBytes / 1048576).toFixed(1).padStart(7)} MiB  ${m.bytesPerEvent} B/event`);
  out.push('', 'The kitchen\'s algorithms alone (1,000,000 operations each):');
  const a = algorithms;
  out.push(`  free-list allocator    ${fmt(a.allocator.opsPerSecond).padStart(11)} ops/s   (${a.allocator.ms} ms)`);
  out.push(`  LRU (ours)             ${fmt(a.cache.ours.opsPerSecond).padStart(11)} ops/s`);
  out.push(`  lru-cache package      ${fmt(a.cache.lruCachePackage.opsPerSecond).padStart(11)} ops/s   ours / package = ${a.cache.ratio.toFixed(2)}`);
  for (const p of a.paging) out.push(`  paging ${p.policy.padEnd(15)} ${fmt(p.accessesPerSecond).padStart(11)} accesses/s`);
  out.push('', ...formatLifecycleBench(lifecycles));
  out.push('', `Time travel (target ${timeTravel.targetMs} ms):`);
  for (const t of timeTravel.scenarios) {
    out.push(`  ${t.scenario.padEnd(16)} worst step back ${t.worstStepBackMs} ms, worst seek back ${t.worstSeekBackMs} ms (${fmt(t.events)} events)${t.isWithinTarget ? '' : ' NOT within target'}`);
  }
  out.push('', `Targets: dinner service < 50 ms: ${figures.targets.isDinnerServiceUnderTarget ? 'met' : 'NOT met'}; > 1,000,000 events/s (food hall): ${figures.targets.isFoodHallEventRateOverTarget ? 'met' : 'NOT met'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

main();
