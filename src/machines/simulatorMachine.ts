/**
 * The simulator driver: plays, pauses, steps, travels in time and changes limits, over the pure core.
 *
 * States: `idle` (at the start, never played since the last load or reset), `playing` (the ticker runs;
 * tagged `running`), `paused`, `finished` (at the end of the service). Events are commands named
 * `domain.verb`; an event a state does not list (a step while playing, play when finished, a speed out of
 * range, a seek to nowhere) is ignored.
 *
 * Time: real time enters only through the invoked `ticker` actor (`tickerActor.ts`). Each `clock.tick`
 * advances virtual time by `realMs × speed` (at most {@link MAX_TICK_REAL_MS} real ms per tick, so a tab
 * back from the background does not leap); speed `'max'` advances {@link MAX_SPEED_VIRTUAL_MS_PER_TICK} per
 * tick. Fractions of a virtual millisecond are carried to the next tick.
 *
 * Time travel (`timeline.ts`): the context holds the active {@link Timeline} (plain data), a
 * {@link Playhead} (the live simulation following it) and a small cache of playheads left behind. Going
 * forward moves the playhead; going back replays from zero (or from a cached playhead), which is fast
 * enough to be instant (figures in `docs/architecture.md`, "Time travel"). A step back right after steps
 * forward returns exactly where each step started (the context keeps that trail); otherwise it goes to the
 * previous group of facts.
 *
 * Limits (`config.set`): applied at the end of the current instant. At the furthest point reached on the
 * active timeline (its frontier) the command is added to that timeline; earlier than that, it forks: a new
 * timeline shares the past up to now, the old one is kept (`timelines`) so the two can be compared, and the
 * fork becomes active. `timeline.select` switches between kept timelines at the same virtual time.
 *
 * The machine only names guards and actions; the arithmetic lives in `src/sim` and in the small pure
 * helpers below.
 *
 * @example
 * const actor = createActor(simulatorMachine, { input: { scenario, seed: 7 } }).start();
 * actor.send({ type: 'sim.play' });
 * actor.send({ type: 'sim.speed', speed: 64 });
 * actor.getSnapshot().hasTag('running'); // true
 */
import { assertEvent, assign, setup } from 'xstate';
import { isSameSetting, type LimitCommand } from '../sim/commands.ts';
import type { Scenario } from '../sim/scenario.ts';
import { createTimeline, moveTo, Playhead, PlayheadCache, replay, START, type Target, type Timeline } from '../sim/timeline.ts';
import { tickerActor, type ClockTick } from './tickerActor.ts';

/** Virtual ms per real ms (0.25 to 64), or `'max'`: as fast as the frames allow. */
export type Speed = number | 'max';

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;
export const DEFAULT_SPEED: Speed = 16;
/** Virtual ms one tick covers at speed `'max'` (an hour in 60 ticks: about a second at 60 frames/s). */
export const MAX_SPEED_VIRTUAL_MS_PER_TICK = 60_000;
/** Most real ms one tick may cover. */
export const MAX_TICK_REAL_MS = 250;
/** Playheads kept for jumps back and forth. */
export const DEFAULT_CACHE_SIZE = 4;
/** Most step positions remembered for exact step-backs. */
const MAX_TRAIL = 10_000;

export type SimulatorEvent =
  | { type: 'sim.play' }
  | { type: 'sim.pause' }
  /** To the next fact (or the end). */
  | { type: 'sim.step' }
  /** To where the last step started, or to the previous group of facts. */
  | { type: 'sim.stepBack' }
  /** To the end of instant `toMs`, or to the first point with `toEventIndex` facts logged (one of them). */
  | { type: 'sim.seek'; toMs?: number; toEventIndex?: number }
  | { type: 'sim.speed'; speed: Speed }
  /** Back to the start of the active timeline (timelines are kept). */
  | { type: 'sim.reset' }
  /** A new run of the same scenario on `seed` (timelines are dropped). */
  | { type: 'sim.reseed'; seed: number }
  /** A new run of another (validated) scenario, on `seed` or the scenario's own (timelines are dropped). */
  | { type: 'sim.load'; scenario: Scenario; seed?: number }
  /** Change a limit now (forks when now is earlier than the active timeline's frontier). */
  | { type: 'config.set'; command: LimitCommand }
  /** Make a kept timeline active, at the same virtual time. */
  | { type: 'timeline.select'; timelineId: number }
  | ClockTick;

/** A timeline kept by the driver. */
export interface TimelineEntry {
  /** Unique over the driver's life. */
  id: number;
  timeline: Timeline;
  /** The timeline it was forked from, or null for a root. */
  parentId: number | null;
  /** Virtual ms of the fork, or null for a root. */
  forkedAtMs: number | null;
  /** The furthest virtual time reached on it (ms). */
  frontierMs: number;
}

export interface SimulatorContext {
  timelines: TimelineEntry[];
  activeTimelineId: number;
  /** The live simulation at the current point (mutable: read it through a snapshot's `revision`). */
  playhead: Playhead;
  cache: PlayheadCache;
  speed: Speed;
  /** Virtual ms owed to the next tick (a fraction of one). */
  carryMs: number;
  /** Where each recent step started, most recent last (cleared by any other move). */
  trail: Target[];
  /** Grows on every move of the playhead, so a selector can tell that it moved. */
  revision: number;
  /** Why the last `config.set` was refused (or the model's logged refusal), else null. */
  lastRefusal: string | null;
  nextTimelineId: number;
}

export interface SimulatorInput {
  /** A validated scenario (`scenarioOrThrow`). */
  scenario: Scenario;
  /** Default: the scenario's seed. */
  seed?: number;
  speed?: Speed;
  /** Playheads kept for time travel (default {@link DEFAULT_CACHE_SIZE}). */
  cacheSize?: number;
}

// ---------------------------------------------------------------- pure helpers

/** True for a speed the driver accepts: 0.25 to 64, or `'max'`. */
export function isValidSpeed(speed: unknown): speed is Speed {
  return speed === 'max' || (typeof speed === 'number' && Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED);
}

/** Virtual ms one tick of `realMs` covers at `speed`. */
export function virtualMsOfTick(speed: Speed, realMs: number): number {
  return speed === 'max' ? MAX_SPEED_VIRTUAL_MS_PER_TICK : Math.min(realMs, MAX_TICK_REAL_MS) * speed;
}

/** The target of a seek event, or null when it names no valid point. */
export function seekTargetOf(event: { toMs?: number; toEventIndex?: number }): Target | null {
  const hasMs = typeof event.toMs === 'number' && Number.isFinite(event.toMs) && event.toMs >= 0;
  const hasIndex = typeof event.toEventIndex === 'number' && Number.isFinite(event.toEventIndex) && event.toEventIndex >= 0;
  if (hasMs === hasIndex) return null;
  return hasMs ? { atMs: event.toMs as number } : { eventIndex: event.toEventIndex as number };
}

function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff;
}

/** The active timeline's entry. */
export function activeEntry(context: SimulatorContext): TimelineEntry {
  return context.timelines.find((t) => t.id === context.activeTimelineId) as TimelineEntry;
}

function rootContext(scenario: Scenario, seed: number, speed: Speed, cache: PlayheadCache, nextTimelineId: number): SimulatorContext {
  const timeline = createTimeline(scenario, seed);
  return {
    timelines: [{ id: nextTimelineId, timeline, parentId: null, forkedAtMs: null, frontierMs: 0 }],
    activeTimelineId: nextTimelineId,
    playhead: new Playhead(timeline),
    cache,
    speed,
    carryMs: 0,
    trail: [],
    revision: 0,
    lastRefusal: null,
    nextTimelineId: nextTimelineId + 1,
  };
}

/** The context after the playhead moved (or was replaced): frontier and revision updated. */
function moved(context: SimulatorContext, playhead: Playhead, activeTimelineId = context.activeTimelineId): Partial<SimulatorContext> {
  const timelines = context.timelines.map((e) =>
    e.id === activeTimelineId && playhead.nowMs > e.frontierMs ? { ...e, frontierMs: playhead.nowMs } : e,
  );
  return { playhead, timelines, activeTimelineId, revision: context.revision + 1 };
}

/** The context after moving to `target` on the active timeline (or on `timeline`). */
function goTo(context: SimulatorContext, target: Target, timeline?: Timeline, activeTimelineId?: number): Partial<SimulatorContext> {
  return moved(context, moveTo(context.playhead, target, context.cache, timeline), activeTimelineId);
}

/**
 * When the active timeline's last change was made at this very instant to the same setting as `command`, a
 * playhead at the same point of the timeline without that change (replayed from the start: a few ms), so
 * `command` replaces it; otherwise `playhead` itself.
 */
function withoutReplacedChange(playhead: Playhead, command: LimitCommand): Playhead {
  const timeline = playhead.timeline;
  const last = timeline.commands.at(-1);
  if (last === undefined || last.atMs !== playhead.nowMs || !isSameSetting(last.command, command)) return playhead;
  return replay({ ...timeline, commands: timeline.commands.slice(0, -1) }, { atMs: playhead.nowMs });
}

// ---------------------------------------------------------------- the machine

export const simulatorMachine = setup({
  types: {
    context: {} as SimulatorContext,
    events: {} as SimulatorEvent,
    input: {} as SimulatorInput,
  },
  actors: {
    ticker: tickerActor,
  },
  guards: {
    isAtEnd: ({ context }) => context.playhead.isAtEnd,
    isNotAtEnd: ({ context }) => !context.playhead.isAtEnd,
    canStepBack: ({ context }) => context.trail.length > 0 || context.playhead.previousEventTarget() !== null,
    isValidSeek: ({ event }) => {
      assertEvent(event, 'sim.seek');
      return seekTargetOf(event) !== null;
    },
    isValidSpeed: ({ event }) => {
      assertEvent(event, 'sim.speed');
      return isValidSpeed(event.speed);
    },
    isValidTick: ({ event }) => {
      assertEvent(event, 'clock.tick');
      return Number.isFinite(event.realMs) && event.realMs >= 0;
    },
    isValidSeed: ({ event }) => {
      assertEvent(event, 'sim.reseed');
      return isValidSeed(event.seed);
    },
    isValidLoad: ({ event }) => {
      assertEvent(event, 'sim.load');
      return typeof event.scenario === 'object' && event.scenario !== null && (event.seed === undefined || isValidSeed(event.seed));
    },
    isKnownTimeline: ({ context, event }) => {
      assertEvent(event, 'timeline.select');
      return context.timelines.some((t) => t.id === event.timelineId);
    },
  },
  actions: {
    advanceClock: assign(({ context, event }) => {
      assertEvent(event, 'clock.tick');
      const totalMs = context.carryMs + virtualMsOfTick(context.speed, event.realMs);
      const wholeMs = Math.floor(totalMs);
      if (wholeMs === 0) return { carryMs: totalMs };
      return { ...goTo(context, { atMs: context.playhead.nowMs + wholeMs }), carryMs: totalMs - wholeMs, trail: [] };
    }),
    stepForward: assign(({ context }) => {
      const from = context.playhead.position;
      context.playhead.step();
      const trail = [...context.trail, from];
      if (trail.length > MAX_TRAIL) trail.shift();
      return { ...moved(context, context.playhead), trail, carryMs: 0 };
    }),
    stepBackward: assign(({ context }) => {
      const trail = context.trail.slice(0, -1);
      const target = context.trail.length > 0 ? context.trail[context.trail.length - 1] : context.playhead.previousEventTarget();
      if (target === null) return {};
      return { ...goTo(context, target), trail, carryMs: 0 };
    }),
    seek: assign(({ context, event }) => {
      assertEvent(event, 'sim.seek');
      const target = seekTargetOf(event);
      if (target === null) return {};
      return { ...goTo(context, target), trail: [], carryMs: 0 };
    }),
    setSpeed: assign(({ event }) => {
      assertEvent(event, 'sim.speed');
      return { speed: event.speed, carryMs: 0 };
    }),
    resetToStart: assign(({ context }) => ({ ...goTo(context, START), trail: [], carryMs: 0, lastRefusal: null })),
    reseed: assign(({ context, event }) => {
      assertEvent(event, 'sim.reseed');
      context.cache.clear();
      return rootContext(activeEntry(context).timeline.scenario, event.seed, context.speed, context.cache, context.nextTimelineId);
    }),
    load: assign(({ context, event }) => {
      assertEvent(event, 'sim.load');
      context.cache.clear();
      return rootContext(event.scenario, event.seed ?? event.scenario.seed, context.speed, context.cache, context.nextTimelineId);
    }),
    changeLimit: assign(({ context, event }) => {
      assertEvent(event, 'config.set');
      const entry = activeEntry(context);
      const isInThePast = context.playhead.nowMs < entry.frontierMs;
      // A slider dragged at one instant sends a change per frame: each replaces the one before it (same
      // setting, same instant, at the frontier), so the timeline keeps one change, not sixty.
      const candidate = isInThePast ? context.playhead : withoutReplacedChange(context.playhead, event.command);
      const change = candidate.changeLimit(event.command, isInThePast ? 'fork' : 'append');
      // A refused change replaces nothing: the playhead keeps the change it would have replaced.
      const playhead = change.isRecorded ? candidate : context.playhead;
      const base = { ...moved(context, playhead), trail: [], carryMs: 0, lastRefusal: change.refusal };
      if (!change.isRecorded) return base;
      if (!isInThePast) {
        return { ...base, timelines: (base.timelines ?? context.timelines).map((e) => (e.id === entry.id ? { ...e, timeline: change.timeline } : e)) };
      }
      const nowMs = context.playhead.nowMs;
      const forked: TimelineEntry = { id: context.nextTimelineId, timeline: change.timeline, parentId: entry.id, forkedAtMs: nowMs, frontierMs: nowMs };
      return {
        ...base,
        timelines: [...(base.timelines ?? context.timelines), forked],
        activeTimelineId: forked.id,
        nextTimelineId: context.nextTimelineId + 1,
      };
    }),
    selectTimeline: assign(({ context, event }) => {
      assertEvent(event, 'timeline.select');
      const entry = context.timelines.find((t) => t.id === event.timelineId) as TimelineEntry;
      return { ...goTo(context, { atMs: context.playhead.nowMs }, entry.timeline, entry.id), trail: [], carryMs: 0 };
    }),
  },
}).createMachine({
  id: 'simulator',
  context: ({ input }) =>
    rootContext(input.scenario, input.seed ?? input.scenario.seed, isValidSpeed(input.speed) ? input.speed : DEFAULT_SPEED, new PlayheadCache(input.cacheSize ?? DEFAULT_CACHE_SIZE), 1),
  initial: 'idle',
  on: {
    'sim.speed': { guard: 'isValidSpeed', actions: 'setSpeed' },
    'sim.reset': { target: '.idle', actions: 'resetToStart' },
    'sim.reseed': { guard: 'isValidSeed', target: '.idle', actions: 'reseed' },
    'sim.load': { guard: 'isValidLoad', target: '.idle', actions: 'load' },
  },
  states: {
    idle: {
      on: {
        'sim.play': { guard: 'isNotAtEnd', target: 'playing' },
        'sim.step': { guard: 'isNotAtEnd', target: 'paused', actions: 'stepForward' },
        'sim.seek': { guard: 'isValidSeek', target: 'paused', actions: 'seek' },
        'config.set': { target: 'paused', actions: 'changeLimit' },
        'timeline.select': { guard: 'isKnownTimeline', target: 'paused', actions: 'selectTimeline' },
      },
    },
    playing: {
      tags: ['running'],
      invoke: { id: 'ticker', src: 'ticker' },
      always: { guard: 'isAtEnd', target: 'finished' },
      on: {
        'sim.pause': { target: 'paused' },
        'clock.tick': { guard: 'isValidTick', actions: 'advanceClock' },
        'sim.seek': { guard: 'isValidSeek', actions: 'seek' },
        'config.set': { actions: 'changeLimit' },
        'timeline.select': { guard: 'isKnownTimeline', target: 'paused', actions: 'selectTimeline' },
      },
    },
    paused: {
      always: { guard: 'isAtEnd', target: 'finished' },
      on: {
        'sim.play': { guard: 'isNotAtEnd', target: 'playing' },
        'sim.step': { guard: 'isNotAtEnd', actions: 'stepForward' },
        'sim.stepBack': { guard: 'canStepBack', actions: 'stepBackward' },
        'sim.seek': { guard: 'isValidSeek', actions: 'seek' },
        'config.set': { actions: 'changeLimit' },
        'timeline.select': { guard: 'isKnownTimeline', actions: 'selectTimeline' },
      },
    },
    finished: {
      always: { guard: 'isNotAtEnd', target: 'paused' },
      on: {
        'sim.stepBack': { guard: 'canStepBack', actions: 'stepBackward' },
        'sim.seek': { guard: 'isValidSeek', actions: 'seek' },
        'config.set': { actions: 'changeLimit' },
        'timeline.select': { guard: 'isKnownTimeline', actions: 'selectTimeline' },
      },
    },
  },
});
