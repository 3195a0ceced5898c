/**
 * Benchmark of time travel (a benchmark, not a test): how long a step back and a seek back take at several
 * points of one simulated hour of the dinner service and of the food hall (the largest built-in scenario).
 *
 * Time travel replays from zero (`src/sim/timeline.ts`), so going back to a point costs about as much as
 * running the service up to it, and the worst case is near the end of the hour. At each point:
 * - **seek back**: a jump back to the point from anywhere later with nothing cached, which is a replay from
 *   zero to the point (`replay(timeline, { atMs: point })`);
 * - **step back**: from a playhead at the point, `moveTo(previousEventTarget())` with an empty cache (a
 *   replay from zero to the previous fact).
 * Each is timed over repeated runs after a warm-up; the figures are the median, the best and the slowest
 * run (which includes any garbage collection that fell into it). The target is one frame: 16 ms. On a
 * shared, loaded machine the medians swing widely; the best runs show what the code itself costs.
 */
import { builtInScenarios } from '../../sim/builtInScenarios.ts';
import { scenarioOrThrow } from '../../sim/scenario.ts';
import { createTimeline, endTarget, moveTo, PlayheadCache, replay, type Target } from '../../sim/timeline.ts';

/** One frame at 60 frames per second. */
export const TIME_TRAVEL_TARGET_MS = 16;

/** Median, best and slowest of repeated runs, in ms. */
export interface TravelTiming {
  medianMs: number;
  bestMs: number;
  maxMs: number;
}

/** The figures at one point of the hour. */
export interface TimeTravelPoint {
  /** The point, in virtual ms. */
  atMs: number;
  /** Facts logged by then. */
  eventIndex: number;
  seekBack: TravelTiming;
  stepBack: TravelTiming;
}

/** The figures of one scenario. */
export interface TimeTravelScenarioFigures {
  scenario: string;
  /** Facts logged over the whole hour. */
  events: number;
  points: TimeTravelPoint[];
  /** The largest median over the points (ms): the typical cost at the worst point. */
  worstSeekBackMs: number;
  worstStepBackMs: number;
  /** The largest best run over the points and both kinds (ms): the cost without interference. */
  worstBestMs: number;
  /** The slowest single run of either kind (ms). */
  slowestRunMs: number;
  /** True when the worst medians are within {@link TIME_TRAVEL_TARGET_MS}. */
  isWithinTarget: boolean;
}

/** Figures of {@link benchTimeTravel}. */
export interface TimeTravelBenchResult {
  targetMs: number;
  scenarios: TimeTravelScenarioFigures[];
}

/** Fractions of the hour measured. */
const POINTS = [0.1, 0.25, 0.5, 0.75, 1] as const;
const RUNS: Record<string, number> = { 'dinner-service': 31, 'food-hall': 9 };
const WARMUP_MS = 300;

/** Measures step back and seek back at 10%, 25%, 50%, 75% and 100% of the dinner service and the food hall. */
export function benchTimeTravel(): TimeTravelBenchResult {
  return {
    targetMs: TIME_TRAVEL_TARGET_MS,
    scenarios: ['dinner-service', 'food-hall'].map((id) => benchScenario(id, RUNS[id])),
  };
}

function benchScenario(id: string, runs: number): TimeTravelScenarioFigures {
  const timeline = createTimeline(scenarioOrThrow(builtInScenarios[id]));
  const durationMs = timeline.scenario.durationMs;
  const events = replay(timeline, endTarget(timeline)).eventIndex;
  const warmStart = performance.now();
  while (performance.now() - warmStart < WARMUP_MS) replay(timeline, endTarget(timeline));
  const points = POINTS.map((fraction): TimeTravelPoint => {
    const atMs = Math.round(durationMs * fraction);
    const there = replay(timeline, { atMs });
    const seekBack = timeRuns(runs, () => () => replay(timeline, { atMs }));
    const stepBack = timeRuns(runs, () => {
      const from = replay(timeline, { atMs });
      const back = from.previousEventTarget() as Target;
      return () => moveTo(from, back, new PlayheadCache(0));
    });
    return { atMs, eventIndex: there.eventIndex, seekBack, stepBack };
  });
  const worstSeekBackMs = Math.max(...points.map((p) => p.seekBack.medianMs));
  const worstStepBackMs = Math.max(...points.map((p) => p.stepBack.medianMs));
  return {
    scenario: id,
    events,
    points,
    worstSeekBackMs,
    worstStepBackMs,
    worstBestMs: Math.max(...points.flatMap((p) => [p.seekBack.bestMs, p.stepBack.bestMs])),
    slowestRunMs: Math.max(...points.flatMap((p) => [p.seekBack.maxMs, p.stepBack.maxMs])),
    isWithinTarget: Math.max(worstSeekBackMs, worstStepBackMs) <= TIME_TRAVEL_TARGET_MS,
  };
}

/** Times `runs` runs of the move that `prepare` returns (preparing is not timed). */
function timeRuns(runs: number, prepare: () => () => unknown): TravelTiming {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const move = prepare();
    const t0 = performance.now();
    move();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: round(samples[Math.floor(samples.length / 2)]), bestMs: round(samples[0]), maxMs: round(samples[samples.length - 1]) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
