/**
 * The XState machines are the charts the core follows: for every transition of every lifecycle, XState's
 * pure `transition()` reaches the state `follow()` gives; an event a state has no transition for leaves the
 * machine where it is and makes `follow()` throw; final states are final.
 */
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, SimulatedClock, transition } from 'xstate';
import {
  BLOCK_CHART,
  BLOCK_LIFECYCLE,
  FD_CHART,
  FD_LIFECYCLE,
  follow,
  TABLE_CHART,
  TABLE_LIFECYCLE,
  WORKER_CHART,
  WORKER_LIFECYCLE,
  type CompiledLifecycle,
  type Lifecycle,
} from '../sim/lifecycles.ts';
import { ingredientGraph, ingredientMachine } from './ingredientMachine.ts';
import { lifecycleGraph, snapshotIn, type LifecycleMachine } from './lifecycleMachine.ts';
import { staffMachine } from './staffMachine.ts';
import { stationMachine } from './stationMachine.ts';
import { tableGraph, tableMachine } from './tableMachine.ts';

interface Case {
  lifecycle: Lifecycle;
  chart: CompiledLifecycle;
  machine: LifecycleMachine;
}

const CASES: Case[] = [
  { lifecycle: TABLE_LIFECYCLE, chart: TABLE_CHART, machine: tableMachine },
  { lifecycle: WORKER_LIFECYCLE, chart: WORKER_CHART, machine: staffMachine },
  { lifecycle: BLOCK_LIFECYCLE, chart: BLOCK_CHART, machine: stationMachine },
  { lifecycle: FD_LIFECYCLE, chart: FD_CHART, machine: ingredientMachine },
] as unknown as Case[];

/** The shortest event path from the initial state to `target` (breadth first over the transitions). */
function pathTo(lifecycle: Lifecycle, target: string): string[] {
  const paths = new Map<string, string[]>([[lifecycle.initial, []]]);
  const queue = [lifecycle.initial];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const t of lifecycle.transitions) {
      if (t.from !== from || paths.has(t.to)) continue;
      paths.set(t.to, [...(paths.get(from) as string[]), t.event]);
      queue.push(t.to);
    }
  }
  const path = paths.get(target);
  if (!path) throw new Error(`no path to ${target}`);
  return path;
}

describe('machineFromLifecycle()', () => {
  for (const { lifecycle, chart, machine } of CASES) {
    const events = [...new Set(lifecycle.transitions.map((t) => t.event))];
    const states = Object.keys(lifecycle.states);

    it(`${lifecycle.id}: the machine has the chart's id, initial state, states and descriptions`, () => {
      expect(machine.id).toBe(lifecycle.id);
      const [initial] = initialTransition(machine);
      expect(initial.value).toBe(lifecycle.initial);
      expect(initial.context).toEqual({ steps: 0, lastEvent: null });
      expect(Object.keys(machine.states)).toEqual(states);
      for (const name of states) {
        const node = machine.states[name];
        expect(node.description).toBe(lifecycle.states[name].description);
        expect([...node.tags]).toEqual(lifecycle.states[name].tags ?? []);
        expect(node.type).toBe(lifecycle.states[name].isFinal ? 'final' : 'atomic');
      }
    });

    it(`${lifecycle.id}: transition() reaches the target follow() gives, for every transition`, () => {
      for (const t of lifecycle.transitions) {
        const [next] = transition(machine, snapshotIn(machine, t.from), { type: t.event });
        expect({ step: `${t.from} --${t.event}-->`, to: next.value }).toEqual({ step: `${t.from} --${t.event}-->`, to: follow(chart, t.from, t.event) });
        expect(next.value).toBe(t.to);
        expect(next.context).toEqual({ steps: 1, lastEvent: t.event });
      }
    });

    it(`${lifecycle.id}: an event a state has no transition for leaves the machine as it is, and follow() throws`, () => {
      let checked = 0;
      for (const from of states) {
        for (const event of events) {
          if (Object.hasOwn(chart.next[from], event)) continue;
          const before = snapshotIn(machine, from);
          const [next] = transition(machine, before, { type: event });
          expect(next.value).toBe(from);
          expect(next.context.steps).toBe(0);
          expect(() => follow(chart, from, event)).toThrow(`${lifecycle.id} lifecycle: state '${from}' has no transition on '${event}'`);
          checked++;
        }
      }
      expect(checked).toBe(states.length * events.length - lifecycle.transitions.length);
    });

    it(`${lifecycle.id}: final states are final: reached by a path of transitions, the machine is done`, () => {
      const finals = states.filter((s) => lifecycle.states[s].isFinal);
      expect(finals.length).toBeGreaterThan(0);
      for (const final of finals) {
        let [snapshot] = initialTransition(machine);
        let state = lifecycle.initial;
        for (const event of pathTo(lifecycle, final)) {
          [snapshot] = transition(machine, snapshot, { type: event });
          state = follow(chart, state, event);
          expect(snapshot.value).toBe(state);
        }
        expect(snapshot.value).toBe(final);
        expect(snapshot.status).toBe('done');
        expect(snapshotIn(machine, final).status).toBe('done');
        expect(snapshotIn(machine, lifecycle.initial).status).toBe('active');
      }
    });
  }
});

describe('a table actor', () => {
  it('steps through a service with a simulated clock; tags answer what a view asks', () => {
    const actor = createActor(tableMachine, { clock: new SimulatedClock() }).start();
    expect(actor.getSnapshot().value).toBe('creating');
    // @ts-expect-error the machine's events are typed: a staff event is not a table event (and is ignored)
    actor.send({ type: 'staff.wait' });
    actor.send({ type: 'table.ready' });
    expect(actor.getSnapshot().hasTag('idle')).toBe(true);
    actor.send({ type: 'table.seat' });
    actor.send({ type: 'table.flagExpired' });
    expect(actor.getSnapshot().value).toBe('occupied');
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    actor.send({ type: 'table.expireIdle' }); // not from occupied: ignored
    actor.send({ type: 'table.release' });
    actor.send({ type: 'table.expireLifetime' });
    const end = actor.getSnapshot();
    expect(end.value).toBe('retired');
    expect(end.status).toBe('done');
    expect(end.context).toEqual({ steps: 5, lastEvent: 'table.expireLifetime' });
  });

  it("the named action recordStep can be swapped with provide()", () => {
    const seen: string[] = [];
    const machine = tableMachine.provide({ actions: { recordStep: ({ event }) => seen.push(event.type) } });
    const actor = createActor(machine).start();
    actor.send({ type: 'table.ready' });
    actor.send({ type: 'table.failCheck' });
    actor.send({ type: 'table.discard' });
    expect(seen).toEqual(['table.ready', 'table.failCheck', 'table.discard']);
    expect(actor.getSnapshot().context.steps).toBe(0);
    expect(actor.getSnapshot().value).toBe('retired');
  });
});

describe('lifecycleGraph()', () => {
  it('gives the ingredient lifecycle as nodes and edges', () => {
    expect(ingredientGraph).toEqual({
      id: 'ingredient',
      initial: 'open',
      nodes: [
        { id: 'open', description: FD_LIFECYCLE.states.open.description, tags: ['live', 'busy'], isInitial: true, isFinal: false },
        { id: 'closed', description: FD_LIFECYCLE.states.closed.description, tags: ['ended'], isInitial: false, isFinal: true },
        { id: 'staleClosed', description: FD_LIFECYCLE.states.staleClosed.description, tags: ['ended'], isInitial: false, isFinal: true },
        { id: 'leaked', description: FD_LIFECYCLE.states.leaked.description, tags: ['ended', 'problem'], isInitial: false, isFinal: true },
      ],
      edges: FD_LIFECYCLE.transitions.map((t) => ({ id: `open:${t.event}`, source: 'open', target: t.to, event: t.event, description: t.description, isSelfLoop: false })),
    });
  });

  it('has one node per state and one edge per transition, with unique edge ids and self-loops marked', () => {
    for (const { lifecycle } of CASES) {
      const g = lifecycleGraph(lifecycle);
      expect(g.nodes.map((n) => n.id)).toEqual(Object.keys(lifecycle.states));
      expect(g.edges).toHaveLength(lifecycle.transitions.length);
      expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    }
    expect(tableGraph.edges.filter((e) => e.isSelfLoop).map((e) => e.id)).toEqual(['occupied:table.flagExpired', 'cleaning:table.flagExpired']);
  });
});
