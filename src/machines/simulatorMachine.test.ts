import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, SimulatedClock } from 'xstate';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { scenarioOrThrow, type Scenario } from '../sim/scenario.ts';
import { createSimulation } from '../sim/simulation.ts';
import { replay } from '../sim/timeline.ts';
import { MAX_SPEED_VIRTUAL_MS_PER_TICK, simulatorMachine, type SimulatorEvent, type SimulatorInput } from './simulatorMachine.ts';
import { viewOf, type SimulatorView } from './simulatorView.ts';

const MIN = 60_000;
const FRAME_MS = 16;

/** The dinner service, shortened to 20 minutes of steady rush. */
function busyDinner(): Scenario {
  const base = builtInScenarios['dinner-service'];
  return scenarioOrThrow({
    ...base,
    durationMs: 20 * MIN,
    workload: { ...base.workload, phases: [{ name: 'rush', durationMs: 20 * MIN, arrivalsPerHour: 90 }] },
  });
}
const scenario = busyDinner();

/** A view without the timelines list, whose frontiers grow as the driver explores. */
function worldOf(view: SimulatorView): Omit<SimulatorView, 'timelines'> {
  const { timelines, ...world } = view;
  void timelines;
  return world;
}

/** A ticker driven by a simulated clock: one `clock.tick` of FRAME_MS per FRAME_MS of simulated time. */
function clockTicker(clock: SimulatedClock) {
  return fromCallback<{ type: 'ticker.noop' }, void>(({ sendBack }) => {
    let id: number;
    const tick = () => {
      sendBack({ type: 'clock.tick', realMs: FRAME_MS });
      id = clock.setTimeout(tick, FRAME_MS);
    };
    id = clock.setTimeout(tick, FRAME_MS);
    return () => clock.clearTimeout(id);
  });
}

/** A driver with a simulated clock and a replaced ticker. */
function startDriver(input: Partial<SimulatorInput> = {}) {
  const clock = new SimulatedClock();
  const machine = simulatorMachine.provide({ actors: { ticker: clockTicker(clock) } });
  const actor = createActor(machine, { input: { scenario, seed: 3, speed: 16, ...input }, clock }).start();
  const send = (event: SimulatorEvent) => actor.send(event);
  /** Advances real (simulated) time by `frames` frames. */
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) clock.increment(FRAME_MS);
  };
  const view = () => viewOf(actor.getSnapshot());
  const state = () => actor.getSnapshot().value;
  return { actor, clock, send, frames, view, state };
}

describe('simulatorMachine', () => {
  it('starts idle at the start of the run', () => {
    const d = startDriver();
    expect(d.state()).toBe('idle');
    expect(d.view()).toMatchObject({ status: 'idle', isRunning: false, nowMs: 0, eventIndex: createSimulation(scenario, 3).log.length, canStepBack: false });
    expect(d.view().timelines).toEqual([{ id: 1, parentId: null, forkedAtMs: null, frontierMs: 0, seed: 3, commandCount: 0, isActive: true }]);
  });

  it('sim.play runs the ticker: each tick advances realMs x speed of virtual time; sim.pause stops it', () => {
    const d = startDriver();
    d.send({ type: 'sim.play' });
    expect(d.state()).toBe('playing');
    expect(d.actor.getSnapshot().hasTag('running')).toBe(true);
    d.frames(10);
    expect(d.view().nowMs).toBe(10 * FRAME_MS * 16);
    d.send({ type: 'sim.pause' });
    expect(d.state()).toBe('paused');
    expect(d.actor.getSnapshot().hasTag('running')).toBe(false);
    d.frames(10);
    expect(d.view().nowMs).toBe(10 * FRAME_MS * 16);
  });

  it('a played point equals the same point replayed from zero', () => {
    const d = startDriver();
    d.send({ type: 'sim.play' });
    d.frames(300);
    const { nowMs } = d.view();
    expect(JSON.stringify(d.actor.getSnapshot().context.playhead.sim.log.events)).toBe(
      JSON.stringify(replay(d.actor.getSnapshot().context.playhead.timeline, { atMs: nowMs }).sim.log.events),
    );
  });

  it('viewOf() gives every unit, the waiting line, recent facts and the series so far, as copies', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 12 * MIN });
    const v = d.view();
    const sim = d.actor.getSnapshot().context.playhead.sim;
    expect(v.tables).toEqual(sim.tables?.allTables());
    expect(v.waitingLine).toEqual(sim.tables?.waitingLine());
    expect(v.workers).toEqual(sim.staff?.workers());
    expect(v.openFds).toEqual(sim.ingredients?.openFds());
    expect(v.blocks).toEqual(sim.stations?.blocks());
    expect(v.shelfDishes).toEqual(sim.shelf?.dishes());
    expect(v.recentEvents).toEqual(sim.log.events.slice(-50));
    expect(v.series.map((g) => g.atMs)).toEqual(Array.from({ length: 12 * 2 + 1 }, (_, i) => i * 30_000));
    expect(v.gauges).toEqual(sim.gauges());
    expect(viewOf(d.actor.getSnapshot(), { recentEventCount: 3 }).recentEvents).toHaveLength(3);
    const kept = structuredClone(v);
    d.send({ type: 'sim.seek', toMs: 18 * MIN });
    expect(v).toEqual(kept);
  });

  it('sim.speed accepts 0.25 to 64 and max, and ignores anything else', () => {
    const d = startDriver();
    d.send({ type: 'sim.speed', speed: 64 });
    expect(d.view().speed).toBe(64);
    for (const speed of [0.1, 65, Number.NaN, -1, 'fast' as never]) d.send({ type: 'sim.speed', speed });
    expect(d.view().speed).toBe(64);
    d.send({ type: 'sim.speed', speed: 0.25 });
    d.send({ type: 'sim.play' });
    d.actor.send({ type: 'clock.tick', realMs: 3 });
    d.actor.send({ type: 'clock.tick', realMs: 3 });
    expect(d.view().nowMs).toBe(1); // 0.75 + 0.75 virtual ms: the fraction is carried
    d.send({ type: 'sim.speed', speed: 'max' });
    d.send({ type: 'clock.tick', realMs: 1 });
    expect(d.view().nowMs).toBe(1 + MAX_SPEED_VIRTUAL_MS_PER_TICK);
  });

  it('a tick covers at most 250 real ms', () => {
    const d = startDriver({ speed: 1 });
    d.send({ type: 'sim.play' });
    d.send({ type: 'clock.tick', realMs: 10_000 });
    expect(d.view().nowMs).toBe(250);
    d.send({ type: 'clock.tick', realMs: Number.NaN });
    d.send({ type: 'clock.tick', realMs: -5 });
    expect(d.view().nowMs).toBe(250);
  });

  it('sim.step moves to the next fact and pauses; sim.stepBack undoes each step exactly', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 7 * MIN + 123 });
    expect(d.state()).toBe('paused');
    const before = d.view();
    const seen = [before];
    for (let i = 0; i < 5; i++) {
      d.send({ type: 'sim.step' });
      seen.push(d.view());
      expect(seen[i + 1].eventIndex).toBeGreaterThan(seen[i].eventIndex);
    }
    for (let i = 4; i >= 0; i--) {
      d.send({ type: 'sim.stepBack' });
      expect(worldOf(d.view())).toEqual(worldOf(seen[i]));
    }
    expect(worldOf(d.view())).toEqual(worldOf(before));
    expect(d.view().timelines[0].frontierMs).toBe(seen[5].nowMs);
  });

  it('sim.stepBack without a trail goes to the previous group of facts', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toEventIndex: 200 });
    const at = d.view().eventIndex;
    d.send({ type: 'sim.stepBack' });
    expect(d.view().eventIndex).toBeLessThan(at);
    d.send({ type: 'sim.step' });
    expect(d.view().eventIndex).toBe(at);
  });

  it('sim.step from idle pauses; sim.stepBack at the start is ignored', () => {
    const d = startDriver();
    d.send({ type: 'sim.stepBack' });
    expect(d.state()).toBe('idle');
    d.send({ type: 'sim.step' });
    expect(d.state()).toBe('paused');
    d.send({ type: 'sim.stepBack' });
    expect(d.view()).toMatchObject({ nowMs: 0, canStepBack: false });
    const atStart = d.view();
    d.send({ type: 'sim.stepBack' });
    expect(d.view()).toEqual(atStart);
  });

  it('sim.seek to an earlier time equals a fresh driver seeking from zero', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 15 * MIN });
    d.send({ type: 'sim.seek', toMs: 4 * MIN });
    const fresh = startDriver();
    fresh.send({ type: 'sim.seek', toMs: 4 * MIN });
    expect(worldOf(d.view())).toEqual(worldOf(fresh.view()));
    d.send({ type: 'sim.seek', toEventIndex: 100 });
    expect(d.view().eventIndex).toBeGreaterThanOrEqual(100);
  });

  it('ignores illegal events', () => {
    const d = startDriver();
    const idle = d.view();
    d.send({ type: 'sim.pause' });
    d.send({ type: 'clock.tick', realMs: 16 });
    d.send({ type: 'sim.seek' });
    d.send({ type: 'sim.seek', toMs: 5, toEventIndex: 5 });
    d.send({ type: 'sim.seek', toMs: -5 });
    d.send({ type: 'sim.reseed', seed: -1 });
    d.send({ type: 'sim.reseed', seed: 1.5 });
    d.send({ type: 'timeline.select', timelineId: 99 });
    expect(d.state()).toBe('idle');
    expect(d.view()).toEqual(idle);
    d.send({ type: 'sim.play' });
    const playing = d.view();
    d.send({ type: 'sim.step' });
    d.send({ type: 'sim.stepBack' });
    expect(d.state()).toBe('playing');
    expect(d.view()).toEqual(playing);
  });

  it('finishes at the end of the service; play and step are then ignored, step back resumes', () => {
    const d = startDriver({ speed: 'max' });
    d.send({ type: 'sim.play' });
    d.frames(Math.ceil(scenario.durationMs / MAX_SPEED_VIRTUAL_MS_PER_TICK));
    expect(d.state()).toBe('finished');
    expect(d.view()).toMatchObject({ isFinished: true, isRunning: false, nowMs: scenario.durationMs, canStepForward: false });
    const end = d.view();
    d.send({ type: 'sim.play' });
    d.send({ type: 'sim.step' });
    d.frames(5);
    expect(d.view()).toEqual(end);
    d.send({ type: 'sim.stepBack' });
    expect(d.state()).toBe('paused');
    d.send({ type: 'sim.seek', toMs: scenario.durationMs });
    expect(d.state()).toBe('finished');
    expect(d.view()).toEqual(end);
  });

  it('sim.reset returns to the start and keeps the timelines; sim.reseed starts a new run', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 10 * MIN });
    d.send({ type: 'sim.seek', toMs: 5 * MIN });
    d.send({ type: 'config.set', command: { kind: 'manager', resource: 'fd', limit: 30 } });
    expect(d.view().timelines).toHaveLength(2);
    d.send({ type: 'sim.play' });
    d.send({ type: 'sim.reset' });
    expect(d.state()).toBe('idle');
    expect(d.view()).toMatchObject({ nowMs: 0, isRunning: false, activeTimelineId: 2 });
    expect(d.view().timelines).toHaveLength(2);
    d.send({ type: 'sim.reseed', seed: 77 });
    expect(d.state()).toBe('idle');
    expect(d.view().timelines).toEqual([{ id: 3, parentId: null, forkedAtMs: null, frontierMs: 0, seed: 77, commandCount: 0, isActive: true }]);
    expect(d.view().eventIndex).toBe(createSimulation(scenario, 77).log.length);
  });

  it('config.set at the frontier adds the command to the active timeline', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 5 * MIN });
    d.send({ type: 'config.set', command: { kind: 'tables', changes: { small: { min: 4, max: 30 } } } });
    expect(d.view().timelines).toMatchObject([{ id: 1, commandCount: 1, isActive: true }]);
    expect(d.view().recentEvents.at(-1)).toMatchObject({ atMs: 5 * MIN, type: 'limit.changed', field: 'small.max', to: 30 });
    expect(d.view().lastRefusal).toBeNull();
  });

  it('config.set of the same setting at the same instant replaces the change before it (a dragged slider)', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 5 * MIN });
    for (const max of [20, 25, 30]) d.send({ type: 'config.set', command: { kind: 'tables', changes: { small: { min: 4, max } } } });
    const timeline = d.actor.getSnapshot().context.timelines[0].timeline;
    expect(timeline.commands).toEqual([{ atMs: 5 * MIN, command: { kind: 'tables', changes: { small: { min: 4, max: 30 } } } }]);
    const changes = d.view().recentEvents.filter((e) => e.type === 'limit.changed');
    expect(changes).toEqual([expect.objectContaining({ atMs: 5 * MIN, field: 'small.max', from: 12, to: 30 })]);
    // The live playhead is exactly where a replay of the one-change timeline gets.
    expect(d.actor.getSnapshot().context.playhead.sim.log.events).toEqual(replay(timeline, { atMs: 5 * MIN }).sim.log.events);
    // Another setting at the same instant is a change of its own.
    d.send({ type: 'config.set', command: { kind: 'tables', changes: { acquireTimeoutMs: 60_000 } } });
    expect(d.actor.getSnapshot().context.timelines[0].timeline.commands).toHaveLength(2);
  });

  it('config.set in the past forks: the old timeline is kept and the fork shares its log before then', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 15 * MIN });
    d.send({ type: 'sim.seek', toMs: 6 * MIN });
    const shared = d.actor.getSnapshot().context.playhead.sim.log.events.slice();
    d.send({ type: 'config.set', command: { kind: 'tables', changes: { small: { min: 4, max: 30 } } } });
    const v = d.view();
    expect(v.timelines).toEqual([
      { id: 1, parentId: null, forkedAtMs: null, frontierMs: 15 * MIN, seed: 3, commandCount: 0, isActive: false },
      { id: 2, parentId: 1, forkedAtMs: 6 * MIN, frontierMs: 6 * MIN, seed: 3, commandCount: 1, isActive: true },
    ]);
    expect(d.actor.getSnapshot().context.playhead.sim.log.events.slice(0, shared.length)).toEqual(shared);
    d.send({ type: 'sim.seek', toMs: 15 * MIN });
    const forkMetrics = d.actor.getSnapshot().context.playhead.sim.metrics();
    d.send({ type: 'timeline.select', timelineId: 1 });
    expect(d.view()).toMatchObject({ activeTimelineId: 1, nowMs: 15 * MIN, status: 'paused' });
    expect(d.actor.getSnapshot().context.playhead.sim.metrics()).not.toEqual(forkMetrics);
  });

  it('config.set that the model refuses reports why and changes nothing', () => {
    const d = startDriver();
    d.send({ type: 'sim.seek', toMs: 5 * MIN });
    const before = d.view();
    d.send({ type: 'config.set', command: { kind: 'tables', changes: { small: { min: 9, max: 5 } } } });
    expect(d.view().lastRefusal).toMatch(/^tables/);
    expect({ ...d.view(), lastRefusal: null, timelines: before.timelines }).toEqual(before);
    expect(d.view().timelines[0].commandCount).toBe(0);
  });

  it('config.set while playing applies at the current time and keeps playing', () => {
    const d = startDriver();
    d.send({ type: 'sim.play' });
    d.frames(20);
    d.send({ type: 'config.set', command: { kind: 'manager', resource: 'fd', limit: 30 } });
    expect(d.state()).toBe('playing');
    expect(d.view().timelines).toMatchObject([{ commandCount: 1 }]);
    d.frames(20);
    expect(d.view().nowMs).toBe(40 * FRAME_MS * 16);
  });

  it('stepping forward n facts then back n from a sought point returns exactly the earlier view (property, 40 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: scenario.durationMs }), fc.integer({ min: 1, max: 8 }), (toMs, n) => {
        const d = startDriver();
        d.send({ type: 'sim.seek', toMs });
        const before = d.view();
        let steps = 0;
        for (let i = 0; i < n; i++) {
          // A step at the end of the service is ignored, so only the steps taken are undone.
          if (d.view().canStepForward) steps++;
          d.send({ type: 'sim.step' });
        }
        for (let i = 0; i < steps; i++) d.send({ type: 'sim.stepBack' });
        expect(worldOf(d.view())).toEqual(worldOf(before));
      }),
      { numRuns: 40 },
    );
  });
});
