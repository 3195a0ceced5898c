import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { applyCommand, commandProblem, LIMIT_COMMAND_KINDS } from './commands.ts';
import { scenarioOrThrow, type ScenarioInput } from './scenario.ts';
import { createSimulation } from './simulation.ts';
import { createTimeline, replay, withCommand } from './timeline.ts';

const sim = (id: string) => createSimulation(scenarioOrThrow(builtInScenarios[id]));

describe("the 'shelf' limit command", () => {
  it('is a command kind, listed before the manager', () => {
    expect(LIMIT_COMMAND_KINDS).toEqual(['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager']);
  });

  it('refuses what the scenario or the schema would refuse, in the style of the other kinds', () => {
    const s = sim('shelf');
    expect(commandProblem(sim('tables'), { kind: 'shelf', changes: { maxEntries: 4 } })).toBe('shelf: this scenario has no shelf (cache) to change');
    expect(commandProblem(s, { kind: 'shelf', changes: null as never })).toBe('shelf: expected an object of changes');
    expect(commandProblem(s, { kind: 'shelf', changes: { policy: 'FIFO' } as never })).toBe('shelf.policy: fixed at the start (changeable: maxEntries, maxBytes)');
    expect(commandProblem(s, { kind: 'shelf', changes: { maxEntries: -1 } })).toMatch(/^shelf\.maxEntries: /);
    expect(commandProblem(s, { kind: 'shelf', changes: { maxBytes: 2 ** 41 } })).toMatch(/^shelf\.maxBytes: /);
    expect(commandProblem(s, { kind: 'shelf', changes: { maxEntries: 0, maxBytes: 0 } })).toBe('shelf.maxEntries: expected maxEntries > 0 (or, for LRU, maxBytes > 0)');
    expect(commandProblem(sim('unbounded-shelf'), { kind: 'shelf', changes: { maxEntries: 8 } })).toBe(
      'shelf: the UNBOUNDED shelf has no limit to change (it never evicts)',
    );
    // An absent value is no change (the schema would otherwise fill in its default).
    expect(commandProblem(s, { kind: 'shelf', changes: { maxEntries: undefined, maxBytes: 8_192 } })).toBeNull();
  });

  it("judges against the limits in force: after maxBytes 0, maxEntries 0 is refused", () => {
    const s = sim('shelf');
    expect(applyCommand(s, { kind: 'shelf', changes: { maxBytes: 0 } })).toBeNull();
    expect(commandProblem(s, { kind: 'shelf', changes: { maxEntries: 0 } })).toBe('shelf.maxEntries: expected maxEntries > 0 (or, for LRU, maxBytes > 0)');
  });

  it("passes the model's own refusal on with the kind in front", () => {
    const fifo = createSimulation(scenarioOrThrow({ ...(builtInScenarios.shelf as object), shelf: { policy: 'FIFO', maxEntries: 6 } } as ScenarioInput));
    expect(applyCommand(fifo, { kind: 'shelf', changes: { maxBytes: 4_096 } })).toBe('shelf: maxBytes: only an LRU shelf is bounded by bytes (this one is FIFO)');
    expect(fifo.limits().shelf).toEqual({ maxEntries: 6, maxBytes: 0 });
  });

  it('applies mid-run: limit.changed, then evictions of the least recently used, and replays the same', () => {
    const s = sim('shelf');
    s.runUntil(1_800_000);
    const before = s.units().shelfDishes.map((d) => d.key);
    expect(before.length).toBeGreaterThan(3);
    const from = s.log.length;
    expect(applyCommand(s, { kind: 'shelf', changes: { maxEntries: 3 } })).toBeNull();
    const logged = s.log.events.slice(from);
    expect(logged[0]).toEqual({ atMs: 1_800_000, type: 'limit.changed', kind: 'shelf', field: 'maxEntries', from: 12, to: 3 });
    expect(logged.slice(1).map((e) => (e.type === 'cache.evicted' ? `${e.key} ${e.reason}` : e.type))).toEqual(
      before.slice(3).reverse().map((k) => `${k} evict`),
    );
    expect(s.units().shelfDishes.map((d) => d.key)).toEqual(before.slice(0, 3));
    s.runToEnd();
    const timeline = withCommand(createTimeline(scenarioOrThrow(builtInScenarios.shelf)), 1_800_000, { kind: 'shelf', changes: { maxEntries: 3 } });
    expect(replay(timeline, { atMs: 3_600_000 }).sim.log.events).toEqual(s.log.events);
  });
});
