import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import type { LimitCommand } from '../sim/commands.ts';
import type { CompiledLifecycle } from '../sim/lifecycle.ts';
import { BLOCK_CHART, FD_CHART, TABLE_CHART, WORKER_CHART } from '../sim/lifecycles.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import { createSimulation, type Simulation } from '../sim/simulation.ts';
import {
  pantryMachine,
  stationPoolMachine,
  staffPoolMachine,
  tablePoolMachine,
  type PoolEmitted,
  type PoolInput,
} from './poolMachine.ts';
import { unitStates, unitStepsFromLog, type UnitKind, type UnitStep } from './unitSteps.ts';

const MIN = 60_000;
const simOf = (id: string, seed?: number) => createSimulation(scenarioOrThrow(builtInScenarios[id]), seed);

const MACHINES = { table: tablePoolMachine, worker: staffPoolMachine, block: stationPoolMachine, fd: pantryMachine } as const;
const CHARTS: Record<UnitKind, CompiledLifecycle> = { table: TABLE_CHART, worker: WORKER_CHART, block: BLOCK_CHART, fd: FD_CHART };

/** A pool actor on a simulated clock, with everything it emits collected. */
function startPool<K extends UnitKind>(kind: K, input: PoolInput) {
  const actor = createActor(MACHINES[kind] as typeof tablePoolMachine, { input, clock: new SimulatedClock() });
  const emitted: PoolEmitted[] = [];
  actor.on('*', (e) => emitted.push(e));
  actor.start();
  const context = () => actor.getSnapshot().context;
  const step = (unitId: number, event: string | null) => actor.send({ type: 'unit.step', step: { kind, unitId, event, logIndex: 0 } as UnitStep });
  return { actor, emitted, context, step, send: actor.send.bind(actor) };
}

/** The events leading from a chart's initial state to `target` (breadth first). */
function pathTo(chart: CompiledLifecycle, target: string): string[] {
  const seen = new Map<string, string[]>([[chart.initial, []]]);
  const queue = [chart.initial];
  while (queue.length > 0) {
    const state = queue.shift() as string;
    for (const [event, to] of Object.entries(chart.next[state] as Record<string, string>)) {
      if (seen.has(to)) continue;
      seen.set(to, [...(seen.get(state) as string[]), event]);
      queue.push(to);
    }
  }
  const path = seen.get(target);
  if (!path) throw new Error(`${chart.id}: ${target} is unreachable`);
  return path;
}

const asRecord = <S>(m: Map<number, S>) => Object.fromEntries([...m].map(([k, v]) => [String(k), v]));

describe('pool machines: every transition of every chart', () => {
  for (const kind of Object.keys(MACHINES) as UnitKind[]) {
    const chart = CHARTS[kind];
    for (const t of chart.lifecycle.transitions) {
      it(`${kind}: ${t.from} --${t.event}--> ${t.to}`, () => {
        const pool = startPool(kind, { sim: simOf('dinner-service') });
        pool.step(1, null);
        for (const event of pathTo(chart, t.from)) pool.step(1, event);
        expect(pool.context().units[1]).toBe(t.from);
        pool.step(1, t.event);
        expect(pool.context().units[1]).toBe(t.to);
        expect(pool.context().illegalSteps).toEqual([]);
        expect(pool.context().stepCount).toBe(pathTo(chart, t.from).length + 2);
      });
    }
  }
});

describe('pool machines: illegal steps are refused and reported, other kinds ignored', () => {
  it("refuses a step the unit's state has no transition for, and leaves the unit as it was", () => {
    const pool = startPool('table', { sim: simOf('tables') });
    pool.step(3, null);
    pool.step(3, 'table.ready');
    pool.step(3, 'table.release'); // an available table cannot be released
    expect(pool.context().units).toEqual({ 3: 'available' });
    expect(pool.context().illegalSteps).toEqual([
      {
        step: { kind: 'table', unitId: 3, event: 'table.release', logIndex: 0 },
        state: 'available',
        reason: "table lifecycle: state 'available' has no transition on 'table.release'",
      },
    ]);
    expect(pool.emitted).toEqual([{ type: 'step.illegal', illegal: pool.context().illegalSteps[0] }]);
  });

  it('refuses a step of an unknown unit and a second creation', () => {
    const pool = startPool('worker', { sim: simOf('staff') });
    pool.step(1, 'staff.startTask');
    pool.step(2, null);
    pool.step(2, null);
    expect(pool.context().illegalSteps.map((i) => [i.state, i.reason])).toEqual([
      [null, 'worker 1 is unknown (staff.startTask before it was created)'],
      ['starting', 'worker 2 already exists'],
    ]);
    expect(pool.context().units).toEqual({ 2: 'starting' });
    expect(pool.context().stepCount).toBe(1);
  });

  it("ignores another pool's steps without reporting them", () => {
    const pool = startPool('fd', { sim: simOf('ingredients') });
    pool.actor.send({ type: 'unit.step', step: { kind: 'table', unitId: 1, event: null, logIndex: 0 } });
    expect(pool.context()).toMatchObject({ units: {}, stepCount: 0, illegalSteps: [] });
    expect(pool.emitted).toEqual([]);
  });

  it('reports a step out of a final state (final states have no transitions)', () => {
    const pool = startPool('fd', { sim: simOf('ingredients') });
    pool.step(1, null);
    pool.step(1, 'fd.close');
    pool.step(1, 'fd.close');
    expect(pool.context().units).toEqual({ 1: 'closed' });
    expect(pool.context().illegalSteps.map((i) => i.reason)).toEqual(["ingredient lifecycle: state 'closed' has no transition on 'fd.close'"]);
  });
});

describe('pool machines follow the log', () => {
  it.each([
    ['table', 'tables'],
    ['worker', 'staff'],
    ['block', 'stations'],
    ['fd', 'ingredients'],
  ] as const)('%s pool: following dinner-service in chunks gives the states read back from the whole log', (kind, key) => {
    const sim = simOf('dinner-service', 7);
    const pool = startPool(kind, { sim });
    for (let t = 0; t <= 60 * MIN; t += 7 * MIN) {
      sim.runUntil(t);
      pool.send({ type: 'log.follow' });
    }
    sim.runToEnd();
    pool.send({ type: 'log.follow' });
    const states = unitStates(sim.log.events);
    const expected = { table: states.tables, worker: states.workers, block: states.blocks, fd: states.fds }[kind];
    expect(pool.context().units).toEqual(asRecord(expected));
    expect(pool.context().illegalSteps).toEqual([]);
    expect(pool.context().stepCount).toBe(unitStepsFromLog(sim.log.events).filter((s) => s.kind === kind).length);
    expect(pool.context().followedCount).toBe(sim.log.length);
    expect(pool.context().limits).toEqual(sim.limits()[key]);
  });

  it('log.follow with nothing new does nothing', () => {
    const sim = simOf('tables');
    const pool = startPool('table', { sim });
    sim.runUntil(10 * MIN);
    pool.send({ type: 'log.follow' });
    const before = pool.actor.getSnapshot();
    pool.send({ type: 'log.follow' });
    expect(pool.actor.getSnapshot()).toBe(before);
  });

  it('service.close: refused mid-service and before every fact is followed, then the pool is closed (final)', () => {
    const sim = simOf('tables');
    const pool = startPool('table', { sim });
    sim.runUntil(30 * MIN);
    pool.send({ type: 'log.follow' });
    pool.send({ type: 'service.close' });
    expect(pool.actor.getSnapshot().value).toBe('serving');
    expect(pool.actor.getSnapshot().hasTag('serving')).toBe(true);
    sim.runToEnd();
    pool.send({ type: 'service.close' });
    expect(pool.actor.getSnapshot().value).toBe('serving');
    pool.send({ type: 'log.follow' });
    pool.send({ type: 'service.close' });
    expect(pool.actor.getSnapshot().value).toBe('closed');
    expect(pool.actor.getSnapshot().status).toBe('done');
  });
});

describe('pool machines: limit changes mid-run go through the core', () => {
  it('tables: a smaller max retires the idle table at once; busy ones retire as they come free', () => {
    const sim = simOf('tables');
    const pool = startPool('table', { sim });
    sim.runUntil(26 * MIN);
    pool.send({ type: 'log.follow' });
    const small = (ids: number[]) => Object.fromEntries(ids.map((id) => [id, pool.context().units[id]]));
    expect(small([1, 2, 4, 5, 7, 8, 9, 10])).toEqual({
      1: 'occupied', 2: 'occupied', 4: 'occupied', 5: 'occupied', 7: 'occupied', 8: 'occupied', 9: 'occupied', 10: 'available',
    });
    const from = sim.log.length;
    pool.send({ type: 'limits.set', command: { kind: 'tables', changes: { small: { min: 2, max: 6 } } } });
    const change = pool.context().limitChanges[0];
    expect(change.facts).toEqual(sim.log.events.slice(from));
    expect(change.facts).toEqual([
      { atMs: 26 * MIN, type: 'limit.changed', kind: 'tables', field: 'small.max', from: 8, to: 6 },
      { atMs: 26 * MIN, type: 'table.retired', tableId: 10, sizeClass: 'small', reason: 'limitLowered' },
    ]);
    expect(change.atMs).toBe(26 * MIN);
    expect(pool.context().units[10]).toBe('retired');
    expect(pool.context().limits?.small).toEqual({ min: 2, max: 6 });
    expect(pool.context().lastRefusal).toBeNull();
    expect(pool.emitted).toEqual([{ type: 'limits.changed', change }]);
    // Later: one busy table retires when it comes free, bringing the class down to 6.
    sim.runToEnd();
    pool.send({ type: 'log.follow' });
    const retired = sim.log.ofType('table.retired').filter((e) => e.reason === 'limitLowered');
    expect(retired.map((e) => e.tableId)).toHaveLength(2);
    expect(retired[1].atMs).toBeGreaterThan(26 * MIN);
    expect(sim.log.events.slice(from).some((e) => e.type === 'table.released' && e.tableId === retired[1].tableId && e.atMs <= retired[1].atMs)).toBe(true);
    expect(pool.context().units).toEqual(asRecord(unitStates(sim.log.events).tables));
    expect(pool.context().illegalSteps).toEqual([]);
  });

  it('staff: a smaller maxPoolSize retires workers as they finish, and the pool follows', () => {
    const sim = simOf('staff');
    const pool = startPool('worker', { sim });
    sim.runUntil(24 * MIN);
    pool.send({ type: 'log.follow' });
    expect(Object.values(pool.context().units)).toEqual(['busy', 'busy', 'busy', 'busy', 'busy']);
    pool.send({ type: 'limits.set', command: { kind: 'staff', changes: { maxPoolSize: 3 } } });
    expect(pool.context().limitChanges[0].facts).toEqual([{ atMs: 24 * MIN, type: 'limit.changed', kind: 'staff', field: 'maxPoolSize', from: 5, to: 3 }]);
    sim.runUntil(40 * MIN);
    pool.send({ type: 'log.follow' });
    const retiredByLimit = sim.log.ofType('worker.retired').filter((e) => e.reason === 'limitLowered');
    expect(retiredByLimit.length).toBe(2);
    for (const e of retiredByLimit) expect(pool.context().units[e.workerId]).toBe('retired');
    expect(Object.values(pool.context().units).filter((s) => s !== 'retired')).toHaveLength(3);
  });

  it("refuses another kind's command and values the core refuses, changing nothing", () => {
    const sim = simOf('tables');
    const pool = startPool('table', { sim });
    const length = sim.log.length;
    const shelf: LimitCommand = { kind: 'shelf', changes: { maxEntries: 2 } };
    const minAboveMax: LimitCommand = { kind: 'tables', changes: { small: { min: 5, max: 3 } } };
    const negative: LimitCommand = { kind: 'tables', changes: { small: { min: 0, max: -1 } } };
    pool.send({ type: 'limits.set', command: shelf });
    expect(pool.context().lastRefusal).toBe('tablePool: shelf limits belong to another pool (this one takes tables)');
    pool.send({ type: 'limits.set', command: minAboveMax });
    expect(pool.context().lastRefusal).toBe('tables.small: expected min <= max');
    pool.send({ type: 'limits.set', command: negative });
    expect(pool.context().lastRefusal).toMatch(/^tables\.small\.max: /);
    expect(pool.emitted.map((e) => e.type)).toEqual(['limits.refused', 'limits.refused', 'limits.refused']);
    expect(pool.context().limitChanges).toEqual([]);
    expect(pool.context().limits).toEqual(sim.limits().tables);
    expect(sim.log.length).toBe(length);
  });

  it('a pool whose kind the scenario lacks has no limits and refuses changes', () => {
    const pool = startPool('block', { sim: simOf('tables') });
    expect(pool.context().limits).toBeNull();
    pool.send({ type: 'limits.set', command: { kind: 'stations', changes: { memoryLimitBytes: 1024 } } });
    expect(pool.context().lastRefusal).toBe('stations: this scenario has no stations (memory) to change');
  });

  it('sends commands through input.apply when given (e.g. a timeline), and records what the core logged', () => {
    const sim = simOf('ingredients');
    const sent: LimitCommand[] = [];
    const apply = (command: LimitCommand) => {
      sent.push(command);
      return sim.apply(command);
    };
    const pool = startPool('fd', { sim, apply });
    sim.runUntil(5 * MIN);
    pool.send({ type: 'limits.set', command: { kind: 'ingredients', softLimit: 10, hardLimit: 20 } });
    expect(sent).toEqual([{ kind: 'ingredients', softLimit: 10, hardLimit: 20 }]);
    expect(pool.context().limits).toEqual({ softLimit: 10, hardLimit: 20 });
    expect(pool.context().limitChanges[0].facts).toEqual([{ atMs: 5 * MIN, type: 'fd.limitChanged', softLimit: 10, hardLimit: 20 }]);
    // Raising the hard limit needs privilege: the core logs its refusal, and the pool reports it.
    pool.send({ type: 'limits.set', command: { kind: 'ingredients', softLimit: 10, hardLimit: 40 } });
    expect(pool.context().lastRefusal).toMatch(/^ingredients: EPERM/);
    expect(pool.context().limits).toEqual({ softLimit: 10, hardLimit: 20 });
    expect(pool.context().limitChanges).toHaveLength(1);
  });
});
