import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { applyCommand, commandProblem, type LimitCommand } from './commands.ts';
import { changedMetrics, compareRuns, compareTimelines } from './runComparison.ts';
import { scenarioOrThrow, type Scenario } from './scenario.ts';
import { createSimulation, type Simulation } from './simulation.ts';
import { createTimeline, endTarget, fork, moveTo, Playhead, PlayheadCache, replay, START, withCommand } from './timeline.ts';

const MIN = 60_000;

/** The dinner service, shortened to 20 minutes of steady rush: a few hundred facts, every kind. */
function busyDinner(): Scenario {
  const base = builtInScenarios['dinner-service'];
  return scenarioOrThrow({
    ...base,
    durationMs: 20 * MIN,
    workload: { ...base.workload, phases: [{ name: 'rush', durationMs: 20 * MIN, arrivalsPerHour: 90 }] },
  });
}

const scenario = busyDinner();
const moreSmallTables: LimitCommand = { kind: 'tables', changes: { small: { min: 4, max: 30 } } };

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

describe('applyCommand()', () => {
  it('changes a limit and logs limit.changed', () => {
    const sim = createSimulation(scenario, 1);
    expect(applyCommand(sim, moreSmallTables)).toBeNull();
    expect(sim.log.ofType('limit.changed')).toEqual([{ atMs: 0, type: 'limit.changed', kind: 'tables', field: 'small.max', from: 12, to: 30 }]);
    expect(sim.apply({ kind: 'manager', resource: 'fd', limit: 30 })).toBeNull();
  });

  it('refuses a kind the scenario lacks, naming it', () => {
    const tablesOnly = scenarioOrThrow(builtInScenarios.tables);
    const sim = createSimulation(tablesOnly, 1);
    expect(applyCommand(sim, { kind: 'staff', changes: { corePoolSize: 2 } })).toMatch(/^staff: this scenario has no staff/);
    expect(sim.log.length).toBe(createSimulation(tablesOnly, 1).log.length);
  });

  it('refuses values the scenario schema rejects, with the field path', () => {
    const sim = createSimulation(scenario, 1);
    expect(commandProblem(sim, { kind: 'tables', changes: { small: { min: 4, max: -1 } } })).toMatch(/^tables\.small\.max: /);
    expect(commandProblem(sim, { kind: 'manager', resource: 'fd', limit: 2.5 })).toMatch(/^manager\.limits\.fd: /);
    expect(commandProblem(sim, { kind: 'manager', resource: 'fd' } as never)).toBe('manager.limit: expected a number');
    expect(commandProblem(sim, { kind: 'stations', changes: { pools: {} } as never })).toMatch(/^stations\.pools: fixed/);
    expect(commandProblem(sim, { kind: 'bogus' } as never)).toMatch(/unknown command kind "bogus"/);
    expect(commandProblem(sim, { kind: 'tables', changes: { small: { max: 30 } } as never })).toBe('tables.small: expected { min, max }');
    expect(commandProblem(sim, { kind: 'tables', changes: { acquireTimeoutMs: undefined } })).toBe('tables.acquireTimeoutMs: expected a value');
    expect(commandProblem(sim, { kind: 'tables', changes: { colour: 'red' } as never })).toMatch(/^tables\.colour: unknown field/);
  });

  it('judges staff changes against the limits in force now', () => {
    const sim = createSimulation(scenario, 1);
    expect(applyCommand(sim, { kind: 'staff', changes: { corePoolSize: 8 } })).toMatch(/^staff\.maxPoolSize: expected maxPoolSize >= corePoolSize/);
    expect(applyCommand(sim, { kind: 'staff', changes: { maxPoolSize: 10 } })).toBeNull();
    expect(applyCommand(sim, { kind: 'staff', changes: { corePoolSize: 8 } })).toBeNull();
  });

  it('reports setrlimit errors and logs the refusal', () => {
    const sim = createSimulation(scenario, 1);
    expect(applyCommand(sim, { kind: 'ingredients', softLimit: 10, hardLimit: 1_000 })).toMatch(/^ingredients: EPERM/);
    expect(applyCommand(sim, { kind: 'ingredients', softLimit: 50, hardLimit: 40 })).toMatch(/^ingredients: EINVAL/);
    expect(sim.log.ofType('fd.limitRefused').map((e) => e.error)).toEqual(['EPERM', 'EINVAL']);
  });
});

describe('timelines', () => {
  it('createTimeline() sorts commands by time, stably, and rejects times outside the service', () => {
    const a = { atMs: 5 * MIN, command: moreSmallTables };
    const b = { atMs: 1 * MIN, command: moreSmallTables };
    const c = { atMs: 1 * MIN, command: { kind: 'manager', resource: 'fd', limit: 30 } as LimitCommand };
    expect(createTimeline(scenario, 3, [a, b, c]).commands).toEqual([b, c, a]);
    expect(() => createTimeline(scenario, 3, [{ atMs: 21 * MIN, command: moreSmallTables }])).toThrow(RangeError);
    expect(() => withCommand(createTimeline(scenario), -1, moreSmallTables)).toThrow(/within the service/);
  });

  it('withCommand() inserts after the commands at the same instant', () => {
    const tl = withCommand(withCommand(createTimeline(scenario), 2 * MIN, moreSmallTables), 1 * MIN, moreSmallTables);
    const c = { kind: 'manager', resource: 'fd', limit: 30 } as LimitCommand;
    expect(withCommand(tl, 1 * MIN, c).commands.map((x) => x.atMs)).toEqual([MIN, MIN, 2 * MIN]);
    expect(withCommand(tl, 1 * MIN, c).commands[1].command).toBe(c);
  });

  it('fork() keeps the commands at or before its time, as the same objects, and drops later ones', () => {
    const tl = createTimeline(scenario, 3, [
      { atMs: 1 * MIN, command: moreSmallTables },
      { atMs: 4 * MIN, command: moreSmallTables },
      { atMs: 9 * MIN, command: moreSmallTables },
    ]);
    const f = fork(tl, 4 * MIN, { kind: 'manager', resource: 'fd', limit: 30 });
    expect(f.commands.slice(0, 2)).toEqual(tl.commands.slice(0, 2));
    expect(f.commands[0]).toBe(tl.commands[0]);
    expect(f.commands.map((c) => c.atMs)).toEqual([MIN, 4 * MIN, 4 * MIN]);
    expect(f.scenario).toBe(tl.scenario);
  });

  it('replay() to the end gives the plain simulation run to the end, byte for byte', () => {
    const sim = createSimulation(scenario, 9);
    sim.runToEnd();
    const p = replay(createTimeline(scenario, 9), endTarget(createTimeline(scenario, 9)));
    expect(p.isAtEnd).toBe(true);
    expect(stateOf(p.sim)).toBe(stateOf(sim));
  });

  it('replay() applies a command at the end of its instant, after every timer due then', () => {
    const atMs = 5 * MIN;
    const p = replay(createTimeline(scenario, 9, [{ atMs, command: moreSmallTables }]), { atMs });
    const events = p.sim.log.events;
    expect(events[events.length - 1]).toMatchObject({ atMs, type: 'limit.changed', field: 'small.max' });
    expect(p.sim.nextStepAtMs).toBeGreaterThan(atMs);
    const plain = createSimulation(scenario, 9);
    plain.runUntil(atMs);
    expect(events.slice(0, -1)).toEqual(plain.log.events);
  });

  it('replay() to an event index stops just after the group of facts that reaches it', () => {
    const tl = createTimeline(scenario, 9);
    const full = replay(tl, endTarget(tl));
    for (const k of [0, 1, 13, 50, 100, 151]) {
      const p = replay(tl, { eventIndex: k });
      expect(p.eventIndex).toBeGreaterThanOrEqual(k);
      expect(p.sim.log.events).toEqual(full.sim.log.events.slice(0, p.eventIndex));
      expect(p.position).toEqual({ eventIndex: p.eventIndex });
    }
    expect(replay(tl, { eventIndex: 0 }).isAtStart).toBe(true);
    expect(replay(tl, { eventIndex: 1e9 }).isAtEnd).toBe(true);
    expect(replay(tl, { eventIndex: 1e9 }).position).toEqual({ atMs: scenario.durationMs });
  });

  it('Playhead.step() then replay(previousEventTarget()) comes back exactly', () => {
    const tl = createTimeline(scenario, 4);
    const p = replay(tl, { eventIndex: 120 });
    const before = stateOf(p.sim);
    p.step();
    p.step();
    const back1 = replay(tl, p.previousEventTarget() as never);
    const back2 = replay(tl, back1.previousEventTarget() as never);
    expect(stateOf(back2.sim)).toBe(before);
  });

  it('Playhead.previousEventTarget() goes to the last fact after a clock move, and is null at the start', () => {
    const tl = createTimeline(scenario, 4);
    expect(new Playhead(tl).previousEventTarget()).toBeNull();
    const p = replay(tl, { atMs: 7 * MIN + 1 });
    expect(p.previousEventTarget()).toEqual({ eventIndex: p.eventIndex });
    expect(replay(tl, { eventIndex: p.eventIndex }).nowMs).toBeLessThan(p.nowMs);
  });

  it('Playhead.canReach() is true ahead and false behind', () => {
    const tl = createTimeline(scenario, 4);
    const p = replay(tl, { atMs: 5 * MIN });
    expect(p.canReach({ atMs: 5 * MIN })).toBe(true);
    expect(p.canReach({ atMs: 6 * MIN })).toBe(true);
    expect(p.canReach({ atMs: 4 * MIN })).toBe(false);
    expect(p.canReach({ eventIndex: p.eventIndex + 1 })).toBe(true);
    expect(p.canReach({ eventIndex: p.eventIndex })).toBe(false);
    expect(p.advanceTo({ atMs: 0 })).toBe(false);
    expect(p.nowMs).toBe(5 * MIN);
  });

  it('moveTo() moves forward in place, replays to go back, and reuses what it left behind', () => {
    const tl = createTimeline(scenario, 4);
    const cache = new PlayheadCache(2);
    const p = replay(tl, { atMs: 5 * MIN });
    expect(moveTo(p, { atMs: 6 * MIN }, cache)).toBe(p);
    const back = moveTo(p, { atMs: 2 * MIN }, cache);
    expect(back).not.toBe(p);
    expect(cache.size).toBe(1);
    expect(moveTo(back, { atMs: 6 * MIN }, cache)).toBe(p);
    expect(stateOf(p.sim)).toBe(stateOf(replay(tl, { atMs: 6 * MIN }).sim));
  });

  it('Playhead.changeLimit() appends, forks, and forgets a refusal that left no trace', () => {
    const tl = createTimeline(scenario, 4, [{ atMs: 8 * MIN, command: moreSmallTables }]);
    const p = replay(tl, { atMs: 3 * MIN });
    const refused = p.changeLimit({ kind: 'tables', changes: { small: { min: 9, max: 5 } } }, 'append');
    expect(refused).toEqual({ timeline: tl, refusal: expect.stringMatching(/^tables/), isRecorded: false });
    expect(stateOf(p.sim)).toBe(stateOf(replay(tl, { atMs: 3 * MIN }).sim));
    const forked = p.changeLimit({ kind: 'manager', resource: 'fd', limit: 30 }, 'fork');
    expect(forked.isRecorded).toBe(true);
    expect(forked.timeline.commands.map((c) => c.atMs)).toEqual([3 * MIN]);
    expect(stateOf(p.sim)).toBe(stateOf(replay(forked.timeline, { atMs: 3 * MIN }).sim));
    const eperm = p.changeLimit({ kind: 'ingredients', softLimit: 24, hardLimit: 1_000 }, 'append');
    expect(eperm).toMatchObject({ refusal: expect.stringMatching(/EPERM/), isRecorded: true });
    expect(p.refusals).toEqual([{ commandIndex: 1, atMs: 3 * MIN, message: eperm.refusal }]);
  });

  it('START is the point before any timer fired', () => {
    const p = replay(createTimeline(scenario, 4), START);
    expect(p.isAtStart).toBe(true);
    expect(p.sim.firedCount).toBe(0);
  });
});

describe('compareRuns()', () => {
  it('diffs every numeric metric by path, with null for a kind only one run has', () => {
    const a = createSimulation(scenarioOrThrow(builtInScenarios.tables), 1);
    const b = createSimulation(scenario, 1);
    const diffs = compareRuns(a.metrics(), b.metrics());
    expect(diffs.find((d) => d.path === 'tables.waitMs.p95')).toEqual({ path: 'tables.waitMs.p95', a: 0, b: 0, delta: 0 });
    expect(diffs.find((d) => d.path === 'staff.submitted')).toEqual({ path: 'staff.submitted', a: null, b: 0, delta: null });
    expect(diffs.some((d) => d.path.startsWith('manager.leaks') || d.path === 'manager.batches.isFinished')).toBe(false);
  });

  it('compareTimelines() runs two timelines on one seed to the same time', () => {
    const base = createTimeline(scenario, 5);
    const more = fork(base, 0, moreSmallTables);
    const cmp = compareTimelines(base, more, 15 * MIN);
    expect(cmp).toMatchObject({ atMs: 15 * MIN, isSameSeed: true });
    expect(cmp.a.parties.arrived).toBe(cmp.b.parties.arrived);
    const changed = changedMetrics(cmp.diffs).map((d) => d.path);
    expect(changed).toContain('eventCount');
    expect(changed).not.toContain('parties.arrived');
  });
});
