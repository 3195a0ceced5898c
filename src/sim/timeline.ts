/**
 * Timelines and time travel.
 *
 * A {@link Timeline} is plain data: a scenario, a seed, and the limit commands issued during the run, each
 * with its virtual time. The simulation is deterministic, so a timeline *is* its run: {@link replay} builds a
 * fresh simulation and plays it to any point, and the same timeline always gives the same log, byte for byte.
 * It is also the shape a challenge solution is exported in (JSON-safe).
 *
 * **Where a command applies.** A command at `atMs = t` applies at the *end of instant t*: after every timer
 * due at or before `t` has fired, before any timer due after `t`, with the clock set to `t` (so the facts it
 * logs carry `atMs: t`). Commands at the same instant apply in their order in `commands`.
 *
 * **Positions.** A {@link Target} names a point of a run:
 * - `{ atMs: t }`: the end of instant `t` (every timer and command due at or before `t` done, clock at `t`);
 *   clamped to `[0, scenario.durationMs]`. `{ atMs: durationMs }` is the end of the service.
 * - `{ eventIndex: k }`: the first point at which the log holds at least `k` facts. One timer may log
 *   several facts at once, so `k` inside such a group lands just after the whole group (the log then holds
 *   more than `k`); `k` beyond the last fact lands at the end. `{ eventIndex: 0 }` is the start, before any
 *   timer has fired.
 *
 * A {@link Playhead} is a live simulation following a timeline. It only moves forward; going back means
 * replaying from zero ({@link moveTo} does that, reusing a forward-movable playhead from a small
 * {@link PlayheadCache} when it has one). `docs/architecture.md` ("Time travel") has the figures that make
 * replay-from-zero fast enough for instant time travel.
 *
 * @example
 * const tl = createTimeline(scenario, 42);
 * const forked = fork(tl, 20 * 60_000, { kind: 'tables', changes: { small: { min: 4, max: 20 } } });
 * const a = replay(tl, { atMs: 3_600_000 }).sim.metrics();
 * const b = replay(forked, { atMs: 3_600_000 }).sim.metrics();
 */
import { applyCommand, commandProblem, type LimitCommand } from './commands.ts';
import type { Scenario } from './scenario.ts';
import { createSimulation, type Simulation } from './simulation.ts';

/** A limit command and the virtual time it applies at. */
export interface TimedCommand {
  /** Virtual ms, in `[0, scenario.durationMs]`: the command applies at the end of this instant. */
  readonly atMs: number;
  readonly command: LimitCommand;
}

/** One run as data: replaying it always gives the same log. */
export interface Timeline {
  readonly scenario: Scenario;
  /** The run's seed (unsigned 32-bit). */
  readonly seed: number;
  /** Sorted by `atMs` (stable: commands at one instant keep their order). */
  readonly commands: readonly TimedCommand[];
}

/** A point of a run: the end of an instant, or the first point with at least `eventIndex` facts logged. */
export type Target = { readonly atMs: number } | { readonly eventIndex: number };

/** The start of a run: before any timer has fired. */
export const START: Target = { eventIndex: 0 };

/** A command a playhead applied and the model refused. */
export interface Refusal {
  /** Index of the command in the timeline's `commands`. */
  commandIndex: number;
  atMs: number;
  message: string;
}

/** What {@link Playhead.changeLimit} did. */
export interface LimitChange {
  /** The playhead's timeline afterwards (the same one when the command was not recorded). */
  timeline: Timeline;
  /** Why the command was refused, or null. */
  refusal: string | null;
  /**
   * True when the command is now part of the timeline: it applied, or the model refused it but logged the
   * refusal (`fd.limitRefused`), which is a fact of the run. A refusal that left no trace is not recorded.
   */
  isRecorded: boolean;
}

/**
 * A timeline of `scenario` on `seed` (default: the scenario's own), with `commands` sorted by time.
 * Throws a RangeError when a command's time is outside the service.
 */
export function createTimeline(scenario: Scenario, seed: number = scenario.seed, commands: readonly TimedCommand[] = []): Timeline {
  for (const c of commands) checkCommandTime(scenario, c.atMs);
  const sorted = commands.map((c, i) => ({ c, i })).sort((x, y) => x.c.atMs - y.c.atMs || x.i - y.i).map((x) => x.c);
  return { scenario, seed: seed >>> 0, commands: sorted };
}

/** `timeline` with `command` added at `atMs`, after any command already at that instant. */
export function withCommand(timeline: Timeline, atMs: number, command: LimitCommand): Timeline {
  checkCommandTime(timeline.scenario, atMs);
  const commands = timeline.commands;
  let i = commands.length;
  while (i > 0 && commands[i - 1].atMs > atMs) i--;
  return { ...timeline, commands: [...commands.slice(0, i), { atMs, command }, ...commands.slice(i)] };
}

/**
 * A new timeline that shares `timeline`'s past up to the end of instant `atMs` (its commands at or before
 * `atMs`, as the same objects) and then applies `command` at `atMs`; the parent's later commands are not
 * carried over. Replayed, its log equals the parent's up to `{ atMs }` and only then can differ.
 */
export function fork(timeline: Timeline, atMs: number, command: LimitCommand): Timeline {
  checkCommandTime(timeline.scenario, atMs);
  const shared = timeline.commands.filter((c) => c.atMs <= atMs);
  return { ...timeline, commands: [...shared, { atMs, command }] };
}

/** The end of the service of `timeline`. */
export function endTarget(timeline: Timeline): Target {
  return { atMs: timeline.scenario.durationMs };
}

/** Builds a fresh simulation of `timeline` and plays it to `target`. */
export function replay(timeline: Timeline, target: Target): Playhead {
  const p = new Playhead(timeline);
  p.advanceTo(target);
  return p;
}

/**
 * A playhead at `target` on `timeline` (default: `current`'s): `current` itself moved forward when it can
 * get there, else a cached playhead that can, else a replay from zero. `current` goes into the cache when it
 * is not the one returned, so a later jump back to where it was costs nothing.
 */
export function moveTo(current: Playhead, target: Target, cache?: PlayheadCache, timeline: Timeline = current.timeline): Playhead {
  const canAdvanceCurrent = current.timeline === timeline && current.canReach(target);
  // A cached playhead further along than `current` (yet not past the target) is the cheaper start.
  const spare = cache?.take(timeline, target, canAdvanceCurrent ? current.progress : -1);
  if (spare === undefined && canAdvanceCurrent) {
    current.advanceTo(target);
    return current;
  }
  const next = spare ?? new Playhead(timeline);
  next.advanceTo(target);
  cache?.put(current);
  return next;
}

/** Normalizes a target: a finite time clamped to the service, or a whole event index >= 0. */
export function normalizeTarget(scenario: Scenario, target: Target): Target {
  if ('atMs' in target) {
    if (!Number.isFinite(target.atMs)) throw new RangeError(`target.atMs: expected a finite number, got ${target.atMs}`);
    return { atMs: Math.min(Math.max(target.atMs, 0), scenario.durationMs) };
  }
  if (!Number.isFinite(target.eventIndex)) throw new RangeError(`target.eventIndex: expected a finite number, got ${target.eventIndex}`);
  return { eventIndex: Math.max(0, Math.floor(target.eventIndex)) };
}

/**
 * A live simulation following a timeline. It moves forward only ({@link advanceTo}, {@link step}); it
 * remembers where each group of facts ended, so it can name the point one fact-step back
 * ({@link previousEventTarget}) for a replay to reach.
 */
export class Playhead {
  /** The simulation (do not step it directly: the playhead applies the timeline's commands). */
  readonly sim: Simulation;
  private currentTimeline: Timeline;
  /** Index of the next command to apply. */
  private nextCommand = 0;
  /** Log lengths right after each move that logged something, ascending; starts with the initial length. */
  private readonly groupEnds: number[];
  /** True when the last move logged something (so this is the first point with the current log length). */
  private isAtGroupEnd = true;
  private moves = 0;
  private currentPosition: Target = START;
  private readonly refusalList: Refusal[] = [];

  constructor(timeline: Timeline) {
    this.currentTimeline = timeline;
    this.sim = createSimulation(timeline.scenario, timeline.seed);
    this.groupEnds = [this.sim.log.length];
  }

  /** The timeline being followed. */
  get timeline(): Timeline {
    return this.currentTimeline;
  }

  /** Virtual time now, in ms. */
  get nowMs(): number {
    return this.sim.nowMs;
  }

  /** Facts logged so far (`log.length`). */
  get eventIndex(): number {
    return this.sim.log.length;
  }

  /** A target that leads back exactly here by replay. */
  get position(): Target {
    return this.currentPosition;
  }

  /** Timers fired plus commands applied: how far along the timeline the playhead is, however it got there. */
  get progress(): number {
    return this.sim.firedCount + this.nextCommand;
  }

  /** Commands this playhead applied that were refused, in order. */
  get refusals(): readonly Refusal[] {
    return this.refusalList;
  }

  /** True before any move. */
  get isAtStart(): boolean {
    return this.moves === 0;
  }

  /** True at the end of the service: every timer and command due by `durationMs` done, clock there. */
  get isAtEnd(): boolean {
    const end = this.currentTimeline.scenario.durationMs;
    return this.sim.nowMs >= end && this.sim.nextStepAtMs > end && this.nextCommand >= this.currentTimeline.commands.length;
  }

  /** True when moving forward reaches `target` (or the playhead is already there). */
  canReach(target: Target): boolean {
    const t = normalizeTarget(this.currentTimeline.scenario, target);
    if ('atMs' in t) return t.atMs >= this.sim.nowMs;
    const len = this.sim.log.length;
    if (t.eventIndex > len) return true;
    return this.groupEndAtOrAfter(t.eventIndex) === len && this.isAtGroupEnd;
  }

  /** Moves forward to `target`. Returns false (and stays) when `target` is behind. */
  advanceTo(target: Target): boolean {
    const t = normalizeTarget(this.currentTimeline.scenario, target);
    if (!this.canReach(t)) return false;
    const end = this.currentTimeline.scenario.durationMs;
    if ('atMs' in t) {
      this.run(t.atMs, Infinity);
      this.currentPosition = { atMs: t.atMs };
    } else {
      this.run(end, t.eventIndex);
      this.currentPosition = this.sim.log.length >= t.eventIndex ? { eventIndex: this.sim.log.length } : { atMs: end };
    }
    return true;
  }

  /**
   * Moves to the next fact: fires timers (and applies commands) until the log grows, or to the end of the
   * service when nothing more is logged. Returns false at the end.
   */
  step(): boolean {
    if (this.isAtEnd) return false;
    return this.advanceTo({ eventIndex: this.sim.log.length + 1 });
  }

  /**
   * The point one fact-step back, for a replay: the end of the previous group of facts when the playhead
   * stands right after a group, else (after silent timers or a clock move) the end of the last group.
   * Null at the start. Stepping forward from the returned point leads back here when this point was itself
   * reached by stepping or by an event index.
   */
  previousEventTarget(): Target | null {
    const len = this.sim.log.length;
    if (!this.isAtGroupEnd) return { eventIndex: len };
    const i = this.groupEnds.length - 1;
    return i > 0 ? { eventIndex: this.groupEnds[i - 1] } : null;
  }

  /**
   * Follows `next` from here on, when it shares this playhead's past: the same scenario and seed, the
   * commands applied so far (the same objects), and no further command earlier than now. Returns false
   * (and keeps the current timeline) otherwise.
   */
  adopt(next: Timeline): boolean {
    const prev = this.currentTimeline;
    if (next.scenario !== prev.scenario || next.seed !== prev.seed || next.commands.length < this.nextCommand) return false;
    for (let i = 0; i < this.nextCommand; i++) if (next.commands[i] !== prev.commands[i]) return false;
    const upcoming = next.commands[this.nextCommand];
    if (upcoming !== undefined && upcoming.atMs < this.sim.nowMs) return false;
    this.currentTimeline = next;
    return true;
  }

  /**
   * Changes a limit now: moves to the end of the current instant, then adds `command` there to the timeline
   * (`'append'`: to this timeline, keeping its later commands; `'fork'`: to a {@link fork} that drops them)
   * and applies it. A command refused without a trace leaves the playhead and its timeline as they were.
   */
  changeLimit(command: LimitCommand, mode: 'append' | 'fork'): LimitChange {
    const prev = this.currentTimeline;
    const problem = commandProblem(this.sim, command);
    if (problem !== null) return { timeline: prev, refusal: problem, isRecorded: false };
    this.advanceTo({ atMs: this.sim.nowMs });
    const atMs = this.sim.nowMs;
    const next = mode === 'fork' ? fork(prev, atMs, command) : withCommand(prev, atMs, command);
    const saved = { isAtGroupEnd: this.isAtGroupEnd, moves: this.moves, position: this.currentPosition };
    const logLength = this.sim.log.length;
    const refusalCount = this.refusalList.length;
    if (!this.adopt(next)) throw new Error('timeline: a command at the end of the current instant must be adoptable');
    this.run(atMs, Infinity);
    const refusal = this.refusalList.length > refusalCount ? this.refusalList[this.refusalList.length - 1].message : null;
    if (refusal !== null && this.sim.log.length === logLength) {
      // The model changed nothing and logged nothing: forget the command.
      this.currentTimeline = prev;
      this.nextCommand--;
      this.refusalList.length = refusalCount;
      this.isAtGroupEnd = saved.isAtGroupEnd;
      this.moves = saved.moves;
      this.currentPosition = saved.position;
      return { timeline: prev, refusal, isRecorded: false };
    }
    this.currentPosition = { atMs };
    return { timeline: next, refusal, isRecorded: true };
  }

  /**
   * Fires timers and applies commands in order, each command once every timer due at or before its time
   * has fired, while the next one is due by `limitMs`, stopping as soon as the log holds `eventIndex` facts.
   * When it did not stop for the log, the clock then moves to `limitMs`.
   */
  private run(limitMs: number, eventIndex: number): void {
    const sim = this.sim;
    const log = sim.log;
    const commands = this.currentTimeline.commands;
    for (;;) {
      if (log.length >= eventIndex) return;
      const cmd = this.nextCommand < commands.length ? commands[this.nextCommand] : undefined;
      const timerAtMs = sim.nextStepAtMs;
      if (cmd !== undefined && cmd.atMs < timerAtMs && cmd.atMs <= limitMs) {
        this.applyNext(cmd);
      } else if (timerAtMs <= limitMs) {
        const before = log.length;
        sim.step();
        this.moved(before);
      } else {
        break;
      }
    }
    if (limitMs > sim.nowMs) {
      sim.runUntil(limitMs);
      this.isAtGroupEnd = false;
      this.moves++;
    }
  }

  private applyNext(cmd: TimedCommand): void {
    const sim = this.sim;
    if (cmd.atMs > sim.nowMs) sim.runUntil(cmd.atMs); // no timer is due by then: only the clock moves
    const before = sim.log.length;
    const refusal = applyCommand(sim, cmd.command);
    if (refusal !== null) this.refusalList.push({ commandIndex: this.nextCommand, atMs: cmd.atMs, message: refusal });
    this.nextCommand++;
    this.moved(before);
  }

  private moved(logLengthBefore: number): void {
    this.moves++;
    const len = this.sim.log.length;
    if (len > logLengthBefore) {
      this.groupEnds.push(len);
      this.isAtGroupEnd = true;
    } else {
      this.isAtGroupEnd = false;
    }
  }

  /** The smallest group end >= k (binary search; k is at most the current log length). */
  private groupEndAtOrAfter(k: number): number {
    const ends = this.groupEnds;
    let lo = 0;
    let hi = ends.length - 1;
    if (ends[hi] < k) return Infinity;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] >= k) hi = mid;
      else lo = mid + 1;
    }
    return ends[lo];
  }
}

/**
 * A few playheads left behind by jumps back, kept to serve later jumps forward (a step back then a step
 * forward, scrubbing back and forth). Each holds a whole simulation, so keep the capacity small.
 */
export class PlayheadCache {
  private readonly entries: Playhead[] = [];

  /** @param capacity most playheads kept; the oldest goes first */
  constructor(readonly capacity = 4) {}

  /** Playheads held. */
  get size(): number {
    return this.entries.length;
  }

  /** Keeps `playhead` (the most recent one). */
  put(playhead: Playhead): void {
    if (this.capacity <= 0) return;
    const i = this.entries.indexOf(playhead);
    if (i >= 0) this.entries.splice(i, 1);
    this.entries.push(playhead);
    while (this.entries.length > this.capacity) this.entries.shift();
  }

  /**
   * Removes and returns the playhead of `timeline` nearest before `target` (one that can reach it), if its
   * progress is above `minProgress`.
   */
  take(timeline: Timeline, target: Target, minProgress = -1): Playhead | undefined {
    let best = -1;
    this.entries.forEach((p, i) => {
      if (p.timeline !== timeline || p.progress <= minProgress || !p.canReach(target)) return;
      if (best < 0 || p.progress > this.entries[best].progress) best = i;
    });
    return best < 0 ? undefined : this.entries.splice(best, 1)[0];
  }

  /** Drops every playhead. */
  clear(): void {
    this.entries.length = 0;
  }
}

function checkCommandTime(scenario: Scenario, atMs: number): void {
  if (!Number.isFinite(atMs) || atMs < 0 || atMs > scenario.durationMs) {
    throw new RangeError(`command atMs: expected a time within the service (0 to ${scenario.durationMs} ms), got ${atMs}`);
  }
}
