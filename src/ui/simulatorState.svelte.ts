/**
 * The page's simulator: an actor of `simulatorMachine`, bridged to runes by {@link ActorState}, with the narrow
 * selectors the page reads. No real time or stepping here: the machine plays, pauses, steps and travels in
 * time, and its ticker actor is the only place real time enters.
 *
 * Everything is derived from the latest snapshot: `viewOf` (recomputed when the snapshot changes, since the
 * playhead it reads is live), then small pieces of it, so a component reruns only when its piece changed.
 *
 * @example
 * const started = startSimulator(builtInScenarios['dinner-service'], 7);
 * if (started.ok) started.simulator.send({ type: 'sim.play' });
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { activeEntry, simulatorMachine, type SimulatorEvent, type TimelineEntry } from '../machines/simulatorMachine.ts';
import { viewOf } from '../machines/simulatorView.ts';
import type { LimitCommand } from '../sim/commands.ts';
import type { LimitsInForce } from '../sim/limitsInForce.ts';
import { scenarioOrThrow, type Gauges, type Scenario, type ScenarioInput, type SimEvent } from '../sim/index.ts';
import { replay, type Target, type TimedCommand, type Timeline } from '../sim/timeline.ts';
import { ActorState, select } from './actorState.svelte.ts';
import { PartySizes, recentFeed } from './feed.ts';
import { gaugeCards } from './gaugeRows.ts';

type SimulatorSnapshot = SnapshotFrom<typeof simulatorMachine>;

/**
 * The whole log at the snapshot's point: the live array of the playhead's simulation (it grows as the
 * playhead moves on, and a replay brings another one). Read it right away; never keep it.
 */
function liveLogOf(snapshot: SimulatorSnapshot): readonly SimEvent[] {
  return snapshot.context.playhead.sim.log.events;
}

export class SimulatorState {
  readonly #actor: ActorState<typeof simulatorMachine>;
  readonly #partySizes = new PartySizes();

  /** Everything the page draws at the playhead. */
  readonly view = $derived.by(() => viewOf(this.#actor.snapshot));
  /** True while the ticker runs. */
  readonly isRunning = $derived(this.view.isRunning);
  readonly isFinished = $derived(this.view.isFinished);
  readonly canStepForward = $derived(this.view.canStepForward);
  readonly canStepBack = $derived(this.view.canStepBack);
  readonly speed = $derived(this.view.speed);
  /** Virtual time now (ms). */
  readonly nowMs = $derived(this.view.nowMs);
  readonly durationMs = $derived(this.view.durationMs);
  /** Facts logged so far. */
  readonly eventCount = $derived(this.view.eventIndex);
  /**
   * The active timeline, settled from each snapshot into a state of its own: it changes only on a load, a limit
   * change, a fork or another timeline picked. Derived from the snapshot instead, everything that reads the
   * scenario (most of the page) would be marked as possibly changed on every frame of play.
   */
  #active: TimelineEntry = $state.raw() as TimelineEntry;
  /** The scenario of the active timeline (validated, defaults filled). */
  readonly scenario: Scenario = $derived(this.#active.timeline.scenario);
  readonly seed = $derived(this.#active.timeline.seed);
  /** The limit changes of the active timeline, in order (what a share link carries). */
  readonly commands: readonly TimedCommand[] = $derived(this.#active.timeline.commands);
  /**
   * The active timeline itself (scenario, seed and limit changes): what a lesson task is checked on. A new
   * object only when it changes (a limit change, a fork, another timeline selected, a load).
   */
  readonly timeline: Timeline = $derived(this.#active.timeline);
  /** The gauge cards of every kind in the scenario. */
  readonly cards = $derived(gaugeCards(this.view.gauges, this.scenario));
  /** The log and its length: changes only when a fact is added or the playhead is replaced. */
  readonly #logAt = select(
    () => {
      const log = liveLogOf(this.#actor.snapshot);
      return { log, length: log.length };
    },
    (a, b) => a.log === b.log && a.length === b.length,
  );
  /** The newest facts, narrated, newest first. */
  readonly feed = $derived.by(() => {
    const { log } = this.#logAt.current;
    this.#partySizes.update(log);
    return recentFeed(log, this.#partySizes.context);
  });
  /** The whole log so far (the live array: read it in a derivation, never keep it) and its length. */
  readonly log = $derived(this.#logAt.current);
  /** The limits in force at the playhead, settled like the active timeline (see {@link SimulatorState.#settle}). */
  #limits: LimitsInForce = $state.raw() as LimitsInForce;
  #limitsJson = '';
  /** The limits in force at the playhead: a new object only when a limit actually changed (the panel redraws then). */
  get limits(): LimitsInForce {
    return this.#limits;
  }
  /** Why the last limit change was refused, or null. */
  readonly lastRefusal = $derived(this.view.lastRefusal);
  /** What stopped the driver, or undefined while it runs. */
  readonly error = $derived.by(() => this.#actor.error);

  /** Starts a driver on `scenario` (validated) and `seed` (default: the scenario's), idle at the start. */
  constructor(scenario: Scenario, seed: number | undefined) {
    this.#actor = new ActorState(createActor(simulatorMachine, { input: { scenario, seed } }), (snapshot) => this.#settle(snapshot));
  }

  /** Takes from `snapshot` what seldom changes, into states that change only when it does. */
  #settle(snapshot: SimulatorSnapshot): void {
    const entry = activeEntry(snapshot.context);
    if (this.#active === undefined || entry.id !== this.#active.id || entry.timeline !== this.#active.timeline) this.#active = entry;
    const limits = snapshot.context.playhead.sim.limits();
    const json = JSON.stringify(limits);
    if (json !== this.#limitsJson) {
      this.#limitsJson = json;
      this.#limits = limits;
    }
  }

  /**
   * Sends one typed event. A step or step back sent while playing pauses first: the machine steps only a
   * paused service (it ignores both while the ticker runs).
   */
  send(event: SimulatorEvent): void {
    if ((event.type === 'sim.step' || event.type === 'sim.stepBack') && this.isRunning) this.#actor.send({ type: 'sim.pause' });
    this.#actor.send(event);
  }

  /**
   * Starts `input` from the beginning on `seed` (default: its own), playing again if it was playing.
   * Throws, and keeps the current run, if `input` is not a valid scenario.
   */
  load(input: ScenarioInput, seed: number | undefined): void {
    const scenario = scenarioOrThrow(input);
    const wasRunning = this.isRunning;
    this.send({ type: 'sim.load', scenario, seed });
    if (wasRunning) this.send({ type: 'sim.play' });
  }

  /**
   * Starts `timeline` over exactly: its scenario on its seed, with each of its limit changes applied at its
   * time, then back at the start, paused (the timelines kept before are dropped). Replaying the result gives
   * the same log as replaying `timeline`. Returns the refusals of commands the simulation did not take (none
   * for a checked lesson step), each as a sentence.
   *
   * @example
   * simulator.loadTimeline(step.timeline);
   * simulator.seek(resolveMoment(step.at, step.timeline) ?? { atMs: 0 });
   */
  loadTimeline(timeline: Timeline): string[] {
    if (this.isRunning) this.#actor.send({ type: 'sim.pause' });
    this.#actor.send({ type: 'sim.load', scenario: timeline.scenario, seed: timeline.seed });
    const refusals: string[] = [];
    for (const { atMs, command } of timeline.commands) {
      this.#actor.send({ type: 'sim.seek', toMs: atMs });
      const refusal = this.applyLimit(command);
      if (refusal !== null) refusals.push(`At ${atMs} ms: ${refusal}`);
    }
    if (timeline.commands.length > 0) this.#actor.send({ type: 'sim.reset' });
    return refusals;
  }

  /**
   * Changes a limit now (forking when now is in the past of the active timeline). Returns null when it was
   * applied, or why it was refused (nothing changed then).
   */
  applyLimit(command: LimitCommand): string | null {
    this.#actor.send({ type: 'config.set', command });
    return this.#actor.snapshot.context.lastRefusal;
  }

  /** Moves the playhead to `target` (a virtual time or an event index), forward or back. */
  seek(target: Target): void {
    if (this.isRunning) this.#actor.send({ type: 'sim.pause' });
    this.#actor.send({ type: 'sim.seek', ...('atMs' in target ? { toMs: target.atMs } : { toEventIndex: target.eventIndex }) });
  }

  /** Whole runs of kept timelines, computed once each (a timeline never changes: a change makes a new one). */
  readonly #runs = new WeakMap<Timeline, { series: Gauges[]; log: readonly SimEvent[] }>();

  /**
   * The whole service of a kept timeline (its gauge series and log to the end), for a comparison overlay, or
   * null when there is no such timeline. Replays it once (milliseconds), then answers from memory.
   */
  runOf(timelineId: number): { series: Gauges[]; log: readonly SimEvent[] } | null {
    const entry = this.#actor.snapshot.context.timelines.find((t) => t.id === timelineId);
    return entry ? this.#runOfTimeline(entry.timeline) : null;
  }

  #runOfTimeline(timeline: Timeline): { series: Gauges[]; log: readonly SimEvent[] } {
    let run = this.#runs.get(timeline);
    if (!run) {
      const sim = replay(timeline, { atMs: timeline.scenario.durationMs }).sim;
      run = { series: sim.series.slice(), log: sim.log.events };
      this.#runs.set(timeline, run);
    }
    return run;
  }

  /**
   * The whole service of the active timeline under the limits now in force, as if nothing else changed: what
   * the charts draw after now. Recomputed only when the timeline changes (a limit change makes a new one).
   */
  readonly forecast = $derived.by(() => this.#runOfTimeline(this.#active.timeline));

  /** Stops the driver and its ticker for good (when the page is torn down). */
  stop(): void {
    this.#actor.stop();
  }
}

export type StartResult = { ok: true; simulator: SimulatorState } | { ok: false; message: string };

/** Starts the page's simulator without ever throwing: a failure becomes a message to show. */
export function startSimulator(input: ScenarioInput | undefined, seed: number | undefined): StartResult {
  if (!input) return { ok: false, message: 'No scenario is available to show.' };
  try {
    const simulator = new SimulatorState(scenarioOrThrow(input), seed);
    if (simulator.error === undefined) return { ok: true, simulator };
    simulator.stop();
    return { ok: false, message: messageOf(simulator.error) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** An error as a sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
