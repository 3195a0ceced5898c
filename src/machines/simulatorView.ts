/**
 * `viewOf(snapshot)`: everything the page draws of the simulator, as plain data.
 *
 * The playhead's simulation is mutable and moves on, so a view is computed from the *latest* snapshot
 * (the adapter recomputes it when `context.revision` changes) and is itself safe to keep: units are copies,
 * and the facts and gauge samples it lists are never changed once recorded, so they are shared, not copied.
 * The UI can hold an old view while the simulation runs on. Two views of the same point of the same
 * timeline are deep-equal, however that point was reached (played to, stepped to, replayed after a step
 * back, or sought).
 *
 * @example
 * const view = viewOf(actor.getSnapshot());
 * view.tables.filter((t) => t.state === 'occupied').length;
 */
import type { SnapshotFrom } from 'xstate';
import type { SimEvent } from '../sim/events.ts';
import type { Gauges, SimUnits } from '../sim/simulation.ts';
import type { Target } from '../sim/timeline.ts';
import type { simulatorMachine, Speed } from './simulatorMachine.ts';

/** Facts shown in the recent-events feed by default. */
export const RECENT_EVENT_COUNT = 50;

/** The driver's mode. */
export type SimulatorStatus = 'idle' | 'playing' | 'paused' | 'finished';

/** A kept timeline as the timeline picker shows it. */
export interface TimelineSummary {
  id: number;
  parentId: number | null;
  forkedAtMs: number | null;
  frontierMs: number;
  seed: number;
  commandCount: number;
  isActive: boolean;
}

export interface SimulatorView extends SimUnits {
  status: SimulatorStatus;
  /** True while playing (the snapshot's `running` tag). */
  isRunning: boolean;
  /** Virtual time now (ms). */
  nowMs: number;
  durationMs: number;
  /** Facts logged so far (the log's length). */
  eventIndex: number;
  /** True at the end of the service. */
  isFinished: boolean;
  /** A target that leads back exactly to this point. */
  position: Target;
  speed: Speed;
  canStepBack: boolean;
  canStepForward: boolean;
  /** Instant readings of every kind. */
  gauges: Gauges;
  /** The last facts, oldest first. */
  recentEvents: SimEvent[];
  /** Gauges sampled so far (every `scenario.sampleEveryMs` from 0). */
  series: Gauges[];
  timelines: TimelineSummary[];
  activeTimelineId: number;
  lastRefusal: string | null;
}

/** Options of {@link viewOf}. */
export interface ViewOptions {
  /** How many recent facts to include (default {@link RECENT_EVENT_COUNT}). */
  recentEventCount?: number;
}

/** What the page needs from a simulator snapshot (safe to keep: see the module comment). */
export function viewOf(snapshot: SnapshotFrom<typeof simulatorMachine>, options: ViewOptions = {}): SimulatorView {
  const c = snapshot.context;
  const p = c.playhead;
  const sim = p.sim;
  const events = sim.log.events;
  const recentCount = Math.max(0, options.recentEventCount ?? RECENT_EVENT_COUNT);
  return {
    status: snapshot.value as SimulatorStatus,
    isRunning: snapshot.hasTag('running'),
    nowMs: p.nowMs,
    durationMs: sim.scenario.durationMs,
    eventIndex: p.eventIndex,
    isFinished: p.isAtEnd,
    position: { ...p.position },
    speed: c.speed,
    canStepBack: c.trail.length > 0 || p.previousEventTarget() !== null,
    canStepForward: !p.isAtEnd,
    gauges: sim.gauges(),
    ...sim.units(),
    recentEvents: recentCount === 0 ? [] : events.slice(-recentCount),
    series: sim.series.slice(),
    timelines: c.timelines.map((e) => ({
      id: e.id,
      parentId: e.parentId,
      forkedAtMs: e.forkedAtMs,
      frontierMs: e.frontierMs,
      seed: e.timeline.seed,
      commandCount: e.timeline.commands.length,
      isActive: e.id === c.activeTimelineId,
    })),
    activeTimelineId: c.activeTimelineId,
    lastRefusal: c.lastRefusal,
  };
}
