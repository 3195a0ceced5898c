/**
 * What the unit lifecycles cost on the hot path (a benchmark, not a test), on the dinner service and the
 * food hall, one simulated hour each:
 *
 * - **core**: the simulation as it runs, each unit state change going through the compiled chart
 *   (`follow()`), timed from `createSimulation` to `runToEnd`;
 * - the same run's unit steps (read back from its log with `unitStepsFromLog`, before any clock starts)
 *   replayed three ways: through `follow()` on plain per-unit states (what the core pays, plus a Map
 *   lookup), through XState's pure `transition()` with one snapshot per unit, and through one started XState
 *   actor per unit (`createActor` + `send`).
 *
 * "Machines in the loop" is the core plus an XState replay: what a driver would pay if every unit
 * transition also stepped an XState machine. Each figure is the median of several runs after a warm-up of
 * at least 300 ms. Times are wall-clock ms; µs per transition counts steps with an event (creations are
 * counted apart, as `units`).
 */
import { createActor, initialTransition, transition, type AnyActorRef, type AnyMachineSnapshot } from 'xstate';
import { ingredientMachine } from '../../machines/ingredientMachine.ts';
import type { LifecycleMachine } from '../../machines/lifecycleMachine.ts';
import { staffMachine } from '../../machines/staffMachine.ts';
import { stationMachine } from '../../machines/stationMachine.ts';
import { tableMachine } from '../../machines/tableMachine.ts';
import { unitStepsFromLog, type UnitKind, type UnitStep } from '../../machines/unitSteps.ts';
import { builtInScenarios, createSimulation, scenarioOrThrow, type Scenario } from '../../sim/index.ts';
import { BLOCK_CHART, FD_CHART, follow, TABLE_CHART, WORKER_CHART, type CompiledLifecycle } from '../../sim/lifecycles.ts';

/** One way of stepping the units, timed. */
export interface ReplayTiming {
  /** Median wall time of the whole replay, per simulated hour, ms. */
  ms: number;
  /** Fastest run, per simulated hour, ms (the machine is shared: the best run shows the cost without neighbours). */
  bestMs: number;
  /** Median wall time per transition, µs. */
  usPerTransition: number;
}

/** Figures for one scenario. */
export interface LifecycleBenchScenario {
  scenario: string;
  /** Simulated time of the run, ms (one hour for both). */
  simulatedMs: number;
  events: number;
  /** Units that came into being (tables, workers, blocks, descriptors). */
  units: number;
  /** Unit transitions (steps with an event). */
  transitions: number;
  /** The core as it runs (follow() in the loop): median ms per simulated hour. */
  coreMsPerHour: number;
  /** The core's fastest run, ms per simulated hour. */
  coreBestMsPerHour: number;
  /** The core's median cost per unit transition, µs (all of its work divided by the transitions). */
  coreUsPerTransition: number;
  /** Replays of the same unit steps. */
  replay: { follow: ReplayTiming; xstateTransition: ReplayTiming; xstateActors: ReplayTiming };
  /** Core plus an XState replay per simulated hour: the cost of machines in the loop, ms. */
  withMachinesMsPerHour: { xstateTransition: number; xstateActors: number };
}

/** Figures of {@link benchLifecycles}. */
export interface LifecycleBenchResult {
  scenarios: LifecycleBenchScenario[];
  /** The bar for one simulated hour of the dinner service, ms. */
  targetMsPerHour: number;
}

const HOUR_MS = 3_600_000;
const TARGET_MS_PER_HOUR = 100;
const CHARTS: Record<UnitKind, CompiledLifecycle> = { table: TABLE_CHART, worker: WORKER_CHART, block: BLOCK_CHART, fd: FD_CHART } as unknown as Record<
  UnitKind,
  CompiledLifecycle
>;
const MACHINES: Record<UnitKind, LifecycleMachine> = { table: tableMachine, worker: staffMachine, block: stationMachine, fd: ingredientMachine } as unknown as Record<
  UnitKind,
  LifecycleMachine
>;
const KINDS: readonly UnitKind[] = ['table', 'worker', 'block', 'fd'];

/** Median and fastest of `runs` timed calls after a warm-up (at least `warmup` calls and 300 ms), in ms. */
function timeMs(runs: number, warmup: number, fn: () => unknown): { median: number; best: number } {
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < 300; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], best: samples[0] };
}

/** Per-kind maps of unit id to whatever a replay keeps per unit. */
function perKind<T>(): Record<UnitKind, Map<number, T>> {
  return { table: new Map(), worker: new Map(), block: new Map(), fd: new Map() };
}

function replayFollow(steps: readonly UnitStep[]): number {
  const units = perKind<string>();
  for (const s of steps) {
    const chart = CHARTS[s.kind];
    const map = units[s.kind];
    map.set(s.unitId, s.event === null ? chart.initial : follow(chart, map.get(s.unitId) as string, s.event));
  }
  return units.table.size;
}

function replayTransition(steps: readonly UnitStep[]): number {
  const units = perKind<AnyMachineSnapshot>();
  for (const s of steps) {
    const machine = MACHINES[s.kind];
    const map = units[s.kind];
    if (s.event === null) map.set(s.unitId, initialTransition(machine)[0]);
    else map.set(s.unitId, transition(machine, map.get(s.unitId) as never, { type: s.event })[0]);
  }
  return units.table.size;
}

function replayActors(steps: readonly UnitStep[]): number {
  const units = perKind<AnyActorRef>();
  for (const s of steps) {
    const map = units[s.kind];
    if (s.event === null) map.set(s.unitId, createActor(MACHINES[s.kind]).start());
    else (map.get(s.unitId) as AnyActorRef).send({ type: s.event });
  }
  for (const kind of KINDS) for (const actor of units[kind].values()) actor.stop();
  return units.table.size;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function benchScenario(id: string, scenario: Scenario, runs: number): LifecycleBenchScenario {
  const sim = createSimulation(scenario);
  sim.runToEnd();
  const steps = unitStepsFromLog(sim.log.events);
  const transitions = steps.filter((s) => s.event !== null).length;
  const perHour = HOUR_MS / scenario.durationMs;
  const core = timeMs(runs, 3, () => {
    const s = createSimulation(scenario);
    s.runToEnd();
    return s.log.length;
  });
  const coreMs = core.median;
  const timing = (fn: (steps: readonly UnitStep[]) => number): ReplayTiming => {
    const t = timeMs(runs, 2, () => fn(steps));
    return { ms: round(t.median * perHour), bestMs: round(t.best * perHour), usPerTransition: round((t.median * 1000) / Math.max(1, transitions), 3) };
  };
  const replay = { follow: timing(replayFollow), xstateTransition: timing(replayTransition), xstateActors: timing(replayActors) };
  const coreMsPerHour = coreMs * perHour;
  return {
    scenario: id,
    simulatedMs: scenario.durationMs,
    events: sim.log.length,
    units: steps.length - transitions,
    transitions,
    coreMsPerHour: round(coreMsPerHour),
    coreBestMsPerHour: round(core.best * perHour),
    coreUsPerTransition: round((coreMs * 1000) / Math.max(1, transitions), 3),
    replay,
    withMachinesMsPerHour: {
      xstateTransition: round(coreMsPerHour + replay.xstateTransition.ms),
      xstateActors: round(coreMsPerHour + replay.xstateActors.ms),
    },
  };
}

/**
 * Times the core and the three replays on the dinner service and the food hall (see the module comment).
 * @param runs timed runs per figure (the median and the best are reported); 21 by default
 */
export function benchLifecycles(runs = 21): LifecycleBenchResult {
  const scenarios = (['dinner-service', 'food-hall'] as const).map((id) => benchScenario(id, scenarioOrThrow(builtInScenarios[id]), runs));
  return { scenarios, targetMsPerHour: TARGET_MS_PER_HOUR };
}

/** The figures as lines of text for the bench report. */
export function formatLifecycleBench(result: LifecycleBenchResult): string[] {
  const out = ['Unit lifecycles (one simulated hour; replays of the run\'s unit steps; median, best in brackets):'];
  const row = (label: string, t: ReplayTiming) =>
    `    ${label.padEnd(30)}${String(t.ms).padStart(9)} ms/h (${t.bestMs})   ${String(t.usPerTransition).padStart(8)} µs per transition`;
  for (const s of result.scenarios) {
    const r = s.replay;
    out.push(`  ${s.scenario}: ${s.events} events, ${s.units} units, ${s.transitions} transitions`);
    out.push(row('core (follow() in the loop)', { ms: s.coreMsPerHour, bestMs: s.coreBestMsPerHour, usPerTransition: s.coreUsPerTransition }) + ' (all core work)');
    out.push(row('replay through follow()', r.follow));
    out.push(row('replay through transition()', r.xstateTransition));
    out.push(row('replay through actors (send)', r.xstateActors));
    out.push(
      `    core + machines in the loop   ${String(s.withMachinesMsPerHour.xstateTransition).padStart(9)} ms/h (transition)   ${s.withMachinesMsPerHour.xstateActors} ms/h (actors)   target < ${result.targetMsPerHour} ms`,
    );
  }
  return out;
}
