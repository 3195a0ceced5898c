/**
 * Time travel properties (fast-check). Each case replays whole simulations, several of them, so the runs
 * are kept modest (150 per property, on a 20-minute rush of the dinner service: every kind at once, a few
 * hundred facts per run). A failure prints fast-check's seed and path; pass them back to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { applyCommand, type LimitCommand } from './commands.ts';
import { scenarioOrThrow, type Scenario } from './scenario.ts';
import { createSimulation, type Simulation } from './simulation.ts';
import { createTimeline, endTarget, fork, moveTo, Playhead, PlayheadCache, replay, type Target, type TimedCommand } from './timeline.ts';

const NUM_RUNS = 150;
const MIN = 60_000;

function busyDinner(): Scenario {
  const base = builtInScenarios['dinner-service'];
  return scenarioOrThrow({
    ...base,
    durationMs: 20 * MIN,
    workload: { ...base.workload, phases: [{ name: 'rush', durationMs: 20 * MIN, arrivalsPerHour: 90 }] },
  });
}

const scenario = busyDinner();
const DURATION = scenario.durationMs;

/** Everything observable about a simulation, as JSON. */
function stateOf(sim: Simulation): string {
  return JSON.stringify({
    nowMs: sim.nowMs,
    fired: sim.firedCount,
    next: sim.nextStepAtMs,
    log: sim.log.events,
    gauges: sim.gauges(),
    metrics: sim.metrics(),
    units: sim.units(),
    series: sim.series,
  });
}

/** Limit changes of every kind, some of which are refused (min above max, EPERM, EINVAL, a shelf with no limit). */
const command: fc.Arbitrary<LimitCommand> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 24 })).map(([min, max]): LimitCommand => ({ kind: 'tables', changes: { small: { min, max } } })),
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 10 })).map(([corePoolSize, maxPoolSize]): LimitCommand => ({ kind: 'staff', changes: { corePoolSize, maxPoolSize } })),
  fc.tuple(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 80 })).map(([softLimit, hardLimit]): LimitCommand => ({ kind: 'ingredients', softLimit, hardLimit })),
  fc.integer({ min: 4_096, max: 65_536 }).map((memoryLimitBytes): LimitCommand => ({ kind: 'stations', changes: { memoryLimitBytes } })),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 16_384 })).map(([maxEntries, maxBytes]): LimitCommand => ({ kind: 'shelf', changes: { maxEntries, maxBytes } })),
  fc
    .tuple(fc.constantFrom('connection', 'memory', 'fd', 'thread') as fc.Arbitrary<'connection' | 'memory' | 'fd' | 'thread'>, fc.integer({ min: 0, max: 80 }))
    .map(([resource, limit]): LimitCommand => ({ kind: 'manager', resource, limit })),
);
const timeMs = fc.integer({ min: 0, max: DURATION });
const timedCommand: fc.Arbitrary<TimedCommand> = fc.record({ atMs: timeMs, command });
const commands = fc.array(timedCommand, { maxLength: 4 });
const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const target: fc.Arbitrary<Target> = fc.oneof(
  timeMs.map((atMs): Target => ({ atMs })),
  fc.integer({ min: 0, max: 800 }).map((eventIndex): Target => ({ eventIndex })),
);

describe('time travel properties', () => {
  it('stepping forward n facts then back n returns exactly the earlier state', () => {
    fc.assert(
      fc.property(seed, commands, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 12 }), (s, cmds, k, n) => {
        const tl = createTimeline(scenario, s, cmds);
        const cache = new PlayheadCache(2);
        let p = replay(tl, { eventIndex: k });
        const before = stateOf(p.sim);
        let steps = 0;
        for (let i = 0; i < n; i++) if (p.step()) steps++;
        for (let i = 0; i < steps; i++) p = moveTo(p, p.previousEventTarget() as Target, cache);
        expect(stateOf(p.sim)).toBe(before);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('seeking to a point from anywhere gives the same state as replaying from zero to it', () => {
    fc.assert(
      fc.property(seed, commands, fc.array(target, { minLength: 1, maxLength: 4 }), target, (s, cmds, walk, to) => {
        const tl = createTimeline(scenario, s, cmds);
        const cache = new PlayheadCache(2);
        let p = new Playhead(tl);
        for (const t of walk) p = moveTo(p, t, cache);
        p = moveTo(p, to, cache);
        expect(stateOf(p.sim)).toBe(stateOf(replay(tl, to).sim));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a timeline without commands replays as the plain simulation run to the same time', () => {
    fc.assert(
      fc.property(seed, timeMs, (s, t) => {
        const sim = createSimulation(scenario, s);
        sim.runUntil(t);
        expect(stateOf(replay(createTimeline(scenario, s), { atMs: t }).sim)).toBe(stateOf(sim));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a fork at t has its parent\'s log up to the end of instant t, then differs when its command changes anything', () => {
    fc.assert(
      fc.property(seed, commands, timeMs, command, (s, cmds, t, cmd) => {
        const parent = createTimeline(scenario, s, cmds);
        const child = fork(parent, t, cmd);
        const parentAtT = replay(parent, { atMs: t }).sim.log.events;
        const parentLog = replay(parent, endTarget(parent)).sim.log.events;
        const childLog = replay(child, endTarget(child)).sim.log.events;
        const shared = parentAtT.length;
        expect(childLog.slice(0, shared)).toEqual(parentAtT);
        expect(parentLog.slice(0, shared)).toEqual(parentAtT);
        expect(parentLog.filter((e) => e.atMs < t)).toEqual(childLog.filter((e) => e.atMs < t));
        // What the command does at t, applied by hand to the parent there.
        const probe = replay(parent, { atMs: t }).sim;
        applyCommand(probe, cmd);
        const isChanging = probe.log.length > shared;
        if (isChanging) {
          expect(childLog[shared]).toEqual(probe.log.events[shared]);
          expect(childLog[shared]).not.toEqual(parentLog[shared]);
        } else {
          const withoutLater = createTimeline(scenario, s, cmds.filter((c) => c.atMs <= t));
          expect(JSON.stringify(childLog)).toBe(JSON.stringify(replay(withoutLater, endTarget(withoutLater)).sim.log.events));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the same timeline replays byte-identically, in one go or in any chunks and steps', () => {
    fc.assert(
      fc.property(seed, commands, fc.array(fc.oneof(fc.integer({ min: 1, max: 5 * MIN }), fc.constant(0)), { maxLength: 12 }), (s, cmds, moves) => {
        const tl = createTimeline(scenario, s, cmds);
        const once = stateOf(replay(tl, endTarget(tl)).sim);
        expect(stateOf(replay(tl, endTarget(tl)).sim)).toBe(once);
        const p = new Playhead(tl);
        for (const m of moves) {
          if (m === 0) p.step();
          else p.advanceTo({ atMs: p.nowMs + m });
        }
        p.advanceTo(endTarget(tl));
        expect(stateOf(p.sim)).toBe(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
