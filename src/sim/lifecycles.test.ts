import { describe, expect, it } from 'vitest';
import { compileLifecycle, defineLifecycle, follow, type CompiledLifecycle, type Lifecycle } from './lifecycle.ts';
import {
  BLOCK_CHART,
  BLOCK_LIFECYCLE,
  BLOCK_RECLAIM_EVENTS,
  FD_CHART,
  FD_LIFECYCLE,
  TABLE_CHART,
  TABLE_LIFECYCLE,
  TABLE_RETIRE_EVENTS,
  WORKER_CHART,
  WORKER_LIFECYCLE,
  WORKER_RETIRE_EVENTS,
} from './lifecycles.ts';

const DOOR = defineLifecycle({
  id: 'door',
  initial: 'closed',
  states: {
    closed: { description: 'shut' },
    open: { description: 'open', tags: ['busy'] },
    gone: { description: 'removed', isFinal: true },
  },
  transitions: [
    { from: 'closed', event: 'door.open', to: 'open', description: '' },
    { from: 'open', event: 'door.close', to: 'closed', description: '' },
    { from: 'open', event: 'door.open', to: 'open', description: '' },
    { from: 'closed', event: 'door.remove', to: 'gone', description: '' },
  ],
});

/** A lifecycle with its transitions replaced, for the error cases (types relaxed on purpose). */
function withTransitions(transitions: { from: string; event: string; to: string }[], initial = 'closed'): Lifecycle {
  return { ...DOOR, initial, transitions: transitions.map((t) => ({ ...t, description: '' })) } as Lifecycle;
}

const ALL = [
  { lifecycle: TABLE_LIFECYCLE, chart: TABLE_CHART, domain: 'table' },
  { lifecycle: WORKER_LIFECYCLE, chart: WORKER_CHART, domain: 'staff' },
  { lifecycle: BLOCK_LIFECYCLE, chart: BLOCK_CHART, domain: 'block' },
  { lifecycle: FD_LIFECYCLE, chart: FD_CHART, domain: 'fd' },
] as unknown as { lifecycle: Lifecycle; chart: CompiledLifecycle; domain: string }[];

describe('compileLifecycle()', () => {
  it('builds the state -> event -> target table, one row per state', () => {
    const chart = compileLifecycle(DOOR);
    expect(chart.id).toBe('door');
    expect(chart.initial).toBe('closed');
    expect(chart.next).toEqual({
      closed: { 'door.open': 'open', 'door.remove': 'gone' },
      open: { 'door.close': 'closed', 'door.open': 'open' },
      gone: {},
    });
    expect(chart.lifecycle).toBe(DOOR);
  });

  it('rejects an undeclared initial state', () => {
    expect(() => compileLifecycle(withTransitions([], 'ajar'))).toThrow("door lifecycle: initial state 'ajar' is not declared");
  });

  it('rejects a transition to or from an undeclared state', () => {
    expect(() => compileLifecycle(withTransitions([{ from: 'closed', event: 'door.open', to: 'ajar' }]))).toThrow(
      "door lifecycle: transition closed --door.open--> ajar names undeclared state 'ajar'",
    );
    expect(() => compileLifecycle(withTransitions([{ from: 'ajar', event: 'door.open', to: 'open' }]))).toThrow("names undeclared state 'ajar'");
  });

  it('rejects two transitions on one event from one state (the chart must be deterministic)', () => {
    const twice = withTransitions([
      { from: 'closed', event: 'door.open', to: 'open' },
      { from: 'closed', event: 'door.open', to: 'gone' },
    ]);
    expect(() => compileLifecycle(twice)).toThrow("door lifecycle: state 'closed' has two transitions on 'door.open'");
  });

  it('rejects a transition out of a final state', () => {
    expect(() => compileLifecycle(withTransitions([{ from: 'gone', event: 'door.open', to: 'open' }]))).toThrow(
      "door lifecycle: final state 'gone' has a transition on 'door.open'",
    );
  });
});

describe('follow()', () => {
  const chart = compileLifecycle(DOOR);

  it('returns the target of the transition, self-transitions included', () => {
    expect(follow(chart, 'closed', 'door.open')).toBe('open');
    expect(follow(chart, 'open', 'door.close')).toBe('closed');
    expect(follow(chart, 'open', 'door.open')).toBe('open');
    expect(follow(chart, 'closed', 'door.remove')).toBe('gone');
  });

  it('throws naming the lifecycle, the state and the event when the chart has no such transition', () => {
    expect(() => follow(chart, 'gone', 'door.open')).toThrow("door lifecycle: state 'gone' has no transition on 'door.open'");
    expect(() => follow(chart, 'open', 'door.remove')).toThrow("door lifecycle: state 'open' has no transition on 'door.remove'");
  });

  it('throws for a state or event the chart does not know, inherited object keys included', () => {
    const loose = chart as unknown as Parameters<typeof follow<string, string>>[0];
    expect(() => follow(loose, 'ajar', 'door.open')).toThrow("state 'ajar' has no transition on 'door.open'");
    expect(() => follow(loose, 'closed', 'toString')).toThrow("state 'closed' has no transition on 'toString'");
    expect(() => follow(loose, 'constructor', 'door.open')).toThrow("state 'constructor' has no transition");
  });

  it('follows the table lifecycle through a service: set up, seat, bus, reset, lifetime flag, retire', () => {
    let s = TABLE_CHART.initial;
    const seen = [s];
    for (const e of ['table.ready', 'table.seat', 'table.release', 'table.reset', 'table.seat', 'table.flagExpired', 'table.release', 'table.expireLifetime'] as const) {
      s = follow(TABLE_CHART, s, e);
      seen.push(s);
    }
    expect(seen).toEqual(['creating', 'available', 'occupied', 'cleaning', 'available', 'occupied', 'occupied', 'cleaning', 'retired']);
    expect(follow(TABLE_CHART, 'available', 'table.failCheck')).toBe('unhealthy');
    expect(follow(TABLE_CHART, 'unhealthy', 'table.discard')).toBe('retired');
    expect(() => follow(TABLE_CHART, 'occupied', 'table.expireIdle')).toThrow("table lifecycle: state 'occupied' has no transition on 'table.expireIdle'");
  });

  it('follows the staff, station and ingredient lifecycles', () => {
    expect(follow(WORKER_CHART, 'starting', 'staff.startTask')).toBe('busy');
    expect(follow(WORKER_CHART, 'busy', 'staff.wait')).toBe('idle');
    expect(follow(WORKER_CHART, 'idle', 'staff.expireKeepAlive')).toBe('retired');
    expect(() => follow(WORKER_CHART, 'busy', 'staff.expireKeepAlive')).toThrow("staff lifecycle: state 'busy' has no transition on 'staff.expireKeepAlive'");
    expect(follow(BLOCK_CHART, 'free', 'block.allocate')).toBe('allocated');
    expect(follow(BLOCK_CHART, 'allocated', 'block.drop')).toBe('unreachable');
    expect(follow(BLOCK_CHART, 'unreachable', 'block.collect')).toBe('collected');
    expect(() => follow(BLOCK_CHART, 'allocated', 'block.collect')).toThrow("station lifecycle: state 'allocated' has no transition on 'block.collect'");
    expect(() => follow(BLOCK_CHART, 'freed', 'block.free')).toThrow("station lifecycle: state 'freed' has no transition on 'block.free'");
    expect(follow(FD_CHART, 'open', 'fd.closeStale')).toBe('staleClosed');
    expect(() => follow(FD_CHART, 'closed', 'fd.close')).toThrow("ingredient lifecycle: state 'closed' has no transition on 'fd.close'");
  });
});

describe('the unit lifecycles', () => {
  for (const { lifecycle, chart, domain } of ALL) {
    it(`${lifecycle.id}: events are ${domain}.verb, every state is reachable, only final states are dead ends`, () => {
      for (const t of lifecycle.transitions) expect(t.event).toMatch(new RegExp(`^${domain}\\.[a-z][A-Za-z]*$`));
      const reached = new Set([lifecycle.initial]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const t of lifecycle.transitions) {
          if (reached.has(t.from) && !reached.has(t.to)) {
            reached.add(t.to);
            grew = true;
          }
        }
      }
      expect([...reached].sort()).toEqual(Object.keys(lifecycle.states).sort());
      for (const [name, s] of Object.entries(lifecycle.states)) {
        expect(Object.keys(chart.next[name]).length === 0).toBe(s.isFinal === true);
        expect(s.description.length).toBeGreaterThan(10);
      }
      for (const t of lifecycle.transitions) expect(t.description.length).toBeGreaterThan(10);
    });
  }

  it('the logged reasons map to transitions that end the unit', () => {
    for (const e of Object.values(TABLE_RETIRE_EVENTS)) {
      const from = e === 'table.discard' ? 'unhealthy' : 'available';
      expect(follow(TABLE_CHART, from, e)).toBe('retired');
    }
    for (const e of Object.values(WORKER_RETIRE_EVENTS)) expect(follow(WORKER_CHART, 'idle', e)).toBe('retired');
    expect(Object.values(BLOCK_RECLAIM_EVENTS).map((e) => follow(BLOCK_CHART, 'unreachable', e))).toEqual(['reclaimed', 'collected']);
  });

  it('the states are the ones each model uses', () => {
    expect(Object.keys(TABLE_LIFECYCLE.states)).toEqual(['creating', 'available', 'occupied', 'cleaning', 'unhealthy', 'retired']);
    expect(Object.keys(WORKER_LIFECYCLE.states)).toEqual(['starting', 'idle', 'busy', 'retired']);
    expect(Object.keys(BLOCK_LIFECYCLE.states)).toEqual(['free', 'allocated', 'unreachable', 'freed', 'reclaimed', 'collected', 'leaked']);
    expect(Object.keys(FD_LIFECYCLE.states)).toEqual(['open', 'closed', 'staleClosed', 'leaked']);
  });
});
