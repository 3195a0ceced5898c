/**
 * What the driver does with a slider drag: many `config.set` at one virtual instant (paused), one per frame.
 * Checks that the result is sane: one fork at most, one change kept per instant (each replaces the one before),
 * the last value wins, the timeline replays to the same limits.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { activeEntry, simulatorMachine } from '../../machines/simulatorMachine.ts';
import { builtInScenarios, scenarioOrThrow } from '../../sim/index.ts';
import { replay } from '../../sim/timeline.ts';
import { limitGroups, type LimitField } from './limitFields.ts';
import { commandFor } from './limitValues.ts';

const dinner = scenarioOrThrow(builtInScenarios['dinner-service']);
const smallMax = limitGroups(dinner)[0].live.find((f) => f.id === 'limit-tables-small-max') as LimitField;

function drag(actor: ReturnType<typeof startActor>, values: readonly number[]): void {
  for (const v of values) {
    const sim = actor.getSnapshot().context.playhead.sim;
    actor.send({ type: 'config.set', command: commandFor(smallMax, v, sim.limits(), dinner) });
  }
}

function startActor() {
  return createActor(simulatorMachine, { input: { scenario: dinner, seed: 7 } }).start();
}

describe('a slider drag at one paused instant', () => {
  it('at the frontier: each value replaces the one before at that instant; the last one is in force and replays the same', () => {
    const actor = startActor();
    actor.send({ type: 'sim.seek', toMs: 20 * 60_000 });
    drag(actor, [13, 14, 15, 16]);
    const c = actor.getSnapshot().context;
    expect(c.timelines.length).toBe(1);
    expect(activeEntry(c).timeline.commands.map((t) => [t.atMs, (t.command as { changes: { small: { max: number } } }).changes.small.max])).toEqual([[1_200_000, 16]]);
    expect(c.playhead.sim.limits().tables?.small).toEqual({ min: 4, max: 16 });
    expect(c.playhead.nowMs).toBe(1_200_000);
    const replayed = replay(activeEntry(c).timeline, { atMs: 1_200_000 });
    expect(replayed.sim.limits().tables?.small).toEqual({ min: 4, max: 16 });
    expect(replayed.sim.log.length).toBe(c.playhead.sim.log.length);
    actor.stop();
  });

  it('in the past: forks once, then the rest of the drag replaces the change on the fork', () => {
    const actor = startActor();
    actor.send({ type: 'sim.seek', toMs: 40 * 60_000 });
    actor.send({ type: 'sim.seek', toMs: 20 * 60_000 });
    drag(actor, [13, 14, 15]);
    const c = actor.getSnapshot().context;
    expect(c.timelines.map((t) => [t.id, t.parentId, t.forkedAtMs, t.timeline.commands.length])).toEqual([
      [1, null, null, 0],
      [2, 1, 1_200_000, 1],
    ]);
    expect(c.activeTimelineId).toBe(2);
    expect(c.playhead.sim.limits().tables?.small).toEqual({ min: 4, max: 15 });
    actor.stop();
  });

  it('a refused value in the middle of a drag is not recorded', () => {
    const actor = startActor();
    actor.send({ type: 'sim.seek', toMs: 20 * 60_000 });
    drag(actor, [6, 3, 5]);
    const c = actor.getSnapshot().context;
    expect(c.lastRefusal).toBeNull();
    expect(activeEntry(c).timeline.commands.length).toBe(1);
    expect(c.playhead.sim.limits().tables?.small).toEqual({ min: 4, max: 5 });
    actor.stop();
  });

  it('a drag that ends on a refused value keeps the last accepted one, on screen and in the timeline', () => {
    const actor = startActor();
    actor.send({ type: 'sim.seek', toMs: 20 * 60_000 });
    drag(actor, [6, 3]);
    const c = actor.getSnapshot().context;
    expect(c.lastRefusal).not.toBeNull();
    expect(activeEntry(c).timeline.commands.map((t) => (t.command as { changes: { small: { max: number } } }).changes.small.max)).toEqual([6]);
    expect(c.playhead.timeline).toBe(activeEntry(c).timeline);
    expect(c.playhead.sim.limits().tables?.small).toEqual({ min: 4, max: 6 });
    actor.stop();
  });
});
