import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import { createTimeline, replay } from '../sim/timeline.ts';
import { SimulatorState, startSimulator } from './simulatorState.svelte.ts';

const started: SimulatorState[] = [];

function start(seed = 7): SimulatorState {
  const result = startSimulator(builtInScenarios['dinner-service'], seed);
  if (!result.ok) throw new Error(result.message);
  started.push(result.simulator);
  return result.simulator;
}

afterEach(() => {
  for (const s of started.splice(0)) s.stop();
});

describe('SimulatorState', () => {
  it('starts idle at the start of the service, with the scenario seed and cards', () => {
    const s = start();
    expect(s.view.status).toBe('idle');
    expect(s.nowMs).toBe(0);
    expect(s.seed).toBe(7);
    expect(s.canStepBack).toBe(false);
    expect(s.cards.map((c) => c.key)).toContain('connection');
  });

  it('sim.step then sim.stepBack returns exactly: clock, event count and feed', () => {
    const s = start();
    s.send({ type: 'sim.step' });
    flushSync();
    const at = { nowMs: s.nowMs, eventCount: s.eventCount, feed: s.feed };
    for (let i = 0; i < 5; i++) s.send({ type: 'sim.step' });
    flushSync();
    expect(s.eventCount).toBeGreaterThan(at.eventCount);
    for (let i = 0; i < 5; i++) s.send({ type: 'sim.stepBack' });
    flushSync();
    expect({ nowMs: s.nowMs, eventCount: s.eventCount, feed: s.feed }).toEqual(at);
    expect(s.canStepBack).toBe(true);
  });

  it('a step sent while playing pauses first, then steps', () => {
    const s = start();
    s.send({ type: 'sim.play' });
    expect(s.isRunning).toBe(true);
    const before = s.eventCount;
    s.send({ type: 'sim.step' });
    expect(s.isRunning).toBe(false);
    expect(s.view.status).toBe('paused');
    expect(s.eventCount).toBeGreaterThan(before);
  });

  it('load() starts another scenario, keeps playing if it was, and refuses an invalid one', () => {
    const s = start();
    s.send({ type: 'sim.step' });
    s.send({ type: 'sim.play' });
    s.load(builtInScenarios.staff, undefined);
    expect(s.isRunning).toBe(true);
    expect(s.scenario.name).toBe(builtInScenarios.staff.name);
    expect(s.cards.map((c) => c.key)).toEqual(['thread']);
    expect(() => s.load({ ...builtInScenarios.staff, durationMs: -1 }, undefined)).toThrow();
    expect(s.scenario.name).toBe(builtInScenarios.staff.name);
  });

  it('startSimulator() turns a missing or invalid scenario into a message', () => {
    expect(startSimulator(undefined, 1)).toEqual({ ok: false, message: 'No scenario is available to show.' });
    const bad = startSimulator({ ...builtInScenarios.staff, durationMs: -1 }, 1);
    expect(bad.ok).toBe(false);
  });

  it('loadTimeline() restores a timeline exactly: same commands, same log, paused at the start', () => {
    const s = start();
    s.send({ type: 'sim.play' });
    const timeline = createTimeline(scenarioOrThrow(builtInScenarios.tables), 7, [
      { atMs: 0, command: { kind: 'tables', changes: { small: { min: 2, max: 3 } } } },
      { atMs: 600_000, command: { kind: 'tables', changes: { acquireTimeoutMs: 30_000 } } },
      { atMs: 600_000, command: { kind: 'tables', changes: { small: { min: 2, max: 6 } } } },
    ]);
    expect(s.loadTimeline(timeline)).toEqual([]);
    flushSync();
    expect(s.isRunning).toBe(false);
    expect(s.nowMs).toBe(0);
    expect(s.timeline.commands).toEqual(timeline.commands);
    expect(s.timeline.seed).toBe(7);
    expect(s.view.timelines).toHaveLength(1);
    s.seek({ atMs: 1_200_000 });
    flushSync();
    const expected = replay(timeline, { atMs: 1_200_000 }).sim;
    expect(s.eventCount).toBe(expected.log.events.length);
    expect(s.view.gauges).toEqual(expected.gauges());
  });

  it('loadTimeline() reports a command the simulation refuses', () => {
    const s = start();
    const timeline = createTimeline(scenarioOrThrow(builtInScenarios.ingredients), 7, [
      { atMs: 0, command: { kind: 'ingredients', softLimit: 4, hardLimit: 1_000_000 } },
    ]);
    const refusals = s.loadTimeline(timeline);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/^At 0 ms: /);
  });
});
