/**
 * The player: drives one simulation from the browser and exposes what the page shows as runes.
 *
 * The simulation itself never sees real time. The player's ticker (requestAnimationFrame) turns real
 * milliseconds into virtual ones at the chosen speed and calls `sim.runUntil`; Step fires pending timers
 * until the log gains a fact. After every move the player takes a fresh snapshot (clock, gauges, feed),
 * held in `$state.raw` because snapshots are replaced, never mutated.
 */
import { createSimulation, scenarioOrThrow, type Gauges, type Scenario, type ScenarioInput, type Simulation } from '../sim/index.ts';
import { PartySizes, recentFeed, type FeedItem } from './feed.ts';

/** Speeds offered: virtual milliseconds per real millisecond (60 would be one simulated minute per second). */
export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_SPEED = 16;

/** Longest real gap one frame may cover, so a tab coming back from the background does not leap ahead. */
const MAX_FRAME_MS = 250;

/** What the page shows of the running simulation at one moment. */
export interface PlayerView {
  nowMs: number;
  durationMs: number;
  isFinished: boolean;
  eventCount: number;
  gauges: Gauges;
  feed: FeedItem[];
}

/** Real-time scheduling, injectable for tests. */
export interface FrameScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class Player {
  /** The scenario being played (validated, defaults filled). */
  scenario: Scenario;
  seed: number;
  view: PlayerView;
  isPlaying = $state(false);
  speed: number = $state(DEFAULT_SPEED);

  private sim: Simulation;
  private partySizes = new PartySizes();
  private frameHandle: number | null = null;
  private lastFrameMs: number | null = null;
  /** Virtual time the ticker has reached, with the fraction of a millisecond the sim is not given. */
  private virtualMs = 0;

  /** Builds the simulation of `input` (paused). Throws if the scenario is invalid. */
  constructor(
    input: ScenarioInput,
    seed: number | undefined,
    private readonly frames: FrameScheduler = browserFrames,
  ) {
    const scenario = scenarioOrThrow(input);
    this.sim = createSimulation(scenario, seed);
    this.scenario = $state.raw(scenario);
    this.seed = $state(this.sim.seed);
    this.view = $state.raw(this.snapshot());
  }

  /** Starts `input` from the beginning, paused. Throws if the scenario is invalid (and keeps the old one). */
  load(input: ScenarioInput, seed: number | undefined): void {
    const scenario = scenarioOrThrow(input);
    this.pause();
    this.scenario = scenario;
    this.reset(seed);
  }

  /** Starts the same scenario and seed again, paused. */
  restart(): void {
    this.pause();
    this.reset(this.seed);
  }

  play(): void {
    if (this.isPlaying || this.sim.isFinished) return;
    this.isPlaying = true;
    this.virtualMs = Math.max(this.virtualMs, this.sim.nowMs);
    this.lastFrameMs = null;
    this.frameHandle = this.frames.request(this.onFrame);
  }

  pause(): void {
    this.isPlaying = false;
    if (this.frameHandle !== null) this.frames.cancel(this.frameHandle);
    this.frameHandle = null;
  }

  togglePlay(): void {
    if (this.isPlaying) this.pause();
    else this.play();
  }

  /** Pauses, then fires pending timers until the log records the next fact (or the service ends). */
  step(): void {
    this.pause();
    if (!this.sim.isFinished) this.sim.stepToNextEvent();
    this.virtualMs = this.sim.nowMs;
    this.refresh();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  /** Stops the ticker for good (when the page is torn down). */
  dispose(): void {
    this.pause();
  }

  private onFrame = (timeMs: number): void => {
    this.frameHandle = null;
    if (!this.isPlaying) return;
    const realMs = this.lastFrameMs === null ? 0 : Math.min(Math.max(timeMs - this.lastFrameMs, 0), MAX_FRAME_MS);
    this.lastFrameMs = timeMs;
    const endMs = this.scenario.durationMs;
    this.virtualMs = Math.min(this.virtualMs + realMs * this.speed, endMs);
    this.sim.runUntil(Math.floor(this.virtualMs));
    if (this.sim.isFinished || this.virtualMs >= endMs) this.isPlaying = false;
    this.refresh();
    if (this.isPlaying) this.frameHandle = this.frames.request(this.onFrame);
  };

  private reset(seed: number | undefined): void {
    this.sim = createSimulation(this.scenario, seed);
    this.seed = this.sim.seed;
    this.partySizes = new PartySizes();
    this.virtualMs = 0;
    this.refresh();
  }

  private refresh(): void {
    this.view = this.snapshot();
  }

  private snapshot(): PlayerView {
    const events = this.sim.log.events;
    this.partySizes.update(events);
    return {
      nowMs: this.sim.nowMs,
      durationMs: this.sim.scenario.durationMs,
      isFinished: this.sim.isFinished,
      eventCount: events.length,
      gauges: this.sim.gauges(),
      feed: recentFeed(events, this.partySizes.context),
    };
  }
}
