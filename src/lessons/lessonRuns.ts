/**
 * Lessons against the simulation, headless: where a moment is, whether a task is met. The loader uses these
 * to check a lesson; the player uses the same functions, so what the build checked is what the learner gets.
 *
 * A run to the end of the service is cached per timeline (by identity, and by content: scenario, seed and
 * commands), so the moments of every step of one setup cost one run.
 */
import type { SimEventType } from '../sim/events.ts';
import type { LimitsInForce } from '../sim/limitsInForce.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { Gauges, SimMetrics } from '../sim/simulation.ts';
import { Playhead, type Refusal, type Target, type Timeline } from '../sim/timeline.ts';
import { formatClock, type Condition, type Constraint, type Moment, type Task } from './lessonSchema.ts';

/** What a run of a timeline to the end of its service logged. */
export interface RunRecord {
  /** The type of every fact, in log order. */
  eventTypes: readonly SimEventType[];
  /** Commands of the timeline the simulation refused. */
  refusals: readonly Refusal[];
}

const byTimeline = new WeakMap<Timeline, RunRecord>();
const byKey = new Map<string, RunRecord>();
const BY_KEY_CAPACITY = 64;
const scenarioKeys = new WeakMap<Scenario, string>();

/** A content key of a timeline: equal timelines (scenario, seed, commands) share it. */
export function timelineKey(timeline: Timeline): string {
  let scenarioKey = scenarioKeys.get(timeline.scenario);
  if (scenarioKey === undefined) {
    scenarioKey = JSON.stringify(timeline.scenario);
    scenarioKeys.set(timeline.scenario, scenarioKey);
  }
  return `${scenarioKey}|${timeline.seed}|${JSON.stringify(timeline.commands)}`;
}

/** The run of `timeline` to the end of its service (cached). */
export function runToEnd(timeline: Timeline): RunRecord {
  const known = byTimeline.get(timeline);
  if (known !== undefined) return known;
  const key = timelineKey(timeline);
  let record = byKey.get(key);
  if (record === undefined) {
    const p = new Playhead(timeline);
    p.advanceTo({ atMs: timeline.scenario.durationMs });
    record = { eventTypes: p.sim.log.events.map((e) => e.type), refusals: [...p.refusals] };
    byKey.set(key, record);
    if (byKey.size > BY_KEY_CAPACITY) byKey.delete(byKey.keys().next().value as string);
  } else {
    // Most recently used last.
    byKey.delete(key);
    byKey.set(key, record);
  }
  byTimeline.set(timeline, record);
  return record;
}

/** How many facts of `type` the run of `timeline` logs by the end of its service. */
export function countEvents(timeline: Timeline, type: SimEventType): number {
  let n = 0;
  for (const t of runToEnd(timeline).eventTypes) if (t === type) n++;
  return n;
}

/**
 * Where `moment` is in the run of `timeline`: `{ atMs }` for a time, `{ eventIndex }` just after the n-th
 * fact of the type (so a playhead moved there shows it done), or null when the run never logs an n-th one.
 */
export function resolveMoment(moment: Moment, timeline: Timeline): Target | null {
  if (moment.kind === 'time') return { atMs: moment.atMs };
  let seen = 0;
  const types = runToEnd(timeline).eventTypes;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === moment.eventType && ++seen === moment.n) return { eventIndex: i + 1 };
  }
  return null;
}

/** The value at a dotted path of an object (own properties only), or undefined. */
export function readPath(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A condition's metric: the dotted path in the metrics, else in the gauges (undefined when in neither). */
export function readMetric(path: string, metrics: SimMetrics, gauges: Gauges): unknown {
  const m = readPath(metrics, path);
  return m !== undefined ? m : readPath(gauges, path);
}

/** True when `actual op value` holds. */
export function compare(actual: number, op: Condition['op'], value: number): boolean {
  switch (op) {
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '==':
      return actual === value;
  }
}

export interface GoalCheck {
  condition: Condition;
  /** The metric at `runToMs`, or null when the path is not a number of this run. */
  actual: number | null;
  isMet: boolean;
}

export interface LimitCheck {
  constraint: Constraint;
  /** Lowest and highest value the limit took from the start to `runToMs`; null when the path is not a number. */
  lowest: number | null;
  highest: number | null;
  isMet: boolean;
}

export interface TaskResult {
  /** Every goal met at `runToMs` and every limit kept all along. */
  isMet: boolean;
  atMs: number;
  goals: GoalCheck[];
  limits: LimitCheck[];
  /** The metrics, gauges and limits in force at `atMs`. */
  metrics: SimMetrics;
  gauges: Gauges;
  limitsInForce: LimitsInForce;
  /** Commands of the timeline refused by the simulation (up to `atMs`). */
  refusals: readonly Refusal[];
}

/**
 * Checks `task` on `timeline` (the step's setup plus the learner's limit changes): replays it to the task's
 * `runToMs`, evaluates every goal there, and checks every limit constraint at the start and after each
 * command up to then (raising a limit and lowering it again before the end still breaks "at most").
 */
export function evaluateTask(task: Task, timeline: Timeline): TaskResult {
  const runToMs = Math.min(task.runToMs, timeline.scenario.durationMs);
  const p = new Playhead(timeline);
  const ranges = task.limits.map(() => ({ lowest: Infinity, highest: -Infinity, isNumber: true }));
  const sampleLimits = () => {
    const limits = p.sim.limits();
    task.limits.forEach((c, i) => {
      const v = readPath(limits, c.limit);
      const r = ranges[i];
      if (typeof v !== 'number') r.isNumber = false;
      else {
        r.lowest = Math.min(r.lowest, v);
        r.highest = Math.max(r.highest, v);
      }
    });
  };
  sampleLimits();
  let lastAtMs = -1;
  for (const c of timeline.commands) {
    if (c.atMs > runToMs) break;
    if (c.atMs === lastAtMs) continue;
    lastAtMs = c.atMs;
    p.advanceTo({ atMs: c.atMs });
    sampleLimits();
  }
  p.advanceTo({ atMs: runToMs });
  const metrics = p.sim.metrics();
  const gauges = p.sim.gauges();
  const goals = task.goal.map((condition): GoalCheck => {
    const v = readMetric(condition.metric, metrics, gauges);
    const actual = typeof v === 'number' ? v : null;
    return { condition, actual, isMet: actual !== null && compare(actual, condition.op, condition.value) };
  });
  const limits = task.limits.map((constraint, i): LimitCheck => {
    const r = ranges[i];
    if (!r.isNumber) return { constraint, lowest: null, highest: null, isMet: false };
    const isMet = (constraint.atMost === null || r.highest <= constraint.atMost) && (constraint.atLeast === null || r.lowest >= constraint.atLeast);
    return { constraint, lowest: r.lowest, highest: r.highest, isMet };
  });
  return {
    isMet: goals.every((g) => g.isMet) && limits.every((l) => l.isMet),
    atMs: runToMs,
    goals,
    limits,
    metrics,
    gauges,
    limitsInForce: p.sim.limits(),
    refusals: [...p.refusals],
  };
}

/** A number for a message: integers as they are, others to at most 4 decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000);
}

/** `tables.waiting == 0 (is 3)` for each goal not met. */
export function describeUnmetGoals(result: TaskResult): string[] {
  return result.goals
    .filter((g) => !g.isMet)
    .map((g) => `${g.condition.metric} ${g.condition.op} ${formatNumber(g.condition.value)} (is ${g.actual === null ? 'missing' : formatNumber(g.actual)})`);
}

/** `tables.small.max at most 6 (reaches 8)` for each limit broken. */
export function describeBrokenLimits(result: TaskResult): string[] {
  const out: string[] = [];
  for (const l of result.limits) {
    if (l.isMet) continue;
    const c = l.constraint;
    if (l.highest === null || l.lowest === null) out.push(`${c.limit} (not a limit of this run)`);
    else {
      if (c.atMost !== null && l.highest > c.atMost) out.push(`${c.limit} at most ${formatNumber(c.atMost)} (reaches ${formatNumber(l.highest)})`);
      if (c.atLeast !== null && l.lowest < c.atLeast) out.push(`${c.limit} at least ${formatNumber(c.atLeast)} (drops to ${formatNumber(l.lowest)})`);
    }
  }
  return out;
}

/** `at 60:00` for messages. */
export function atClock(ms: number): string {
  return `at ${formatClock(ms)}`;
}
