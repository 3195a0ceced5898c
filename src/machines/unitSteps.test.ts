/**
 * Unit states read back from the log agree with the states the models hold, on every built-in scenario.
 */
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import type { SimEvent } from '../sim/events.ts';
import { HOUSE_OWNER } from '../sim/fdTable.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import { createSimulation } from '../sim/simulation.ts';
import { unitStates, unitStepsFromLog } from './unitSteps.ts';

describe('unitStepsFromLog()', () => {
  it('maps a table retired straight from cleaning and one retired straight from creating', () => {
    const log: SimEvent[] = [
      { atMs: 0, type: 'table.creating', tableId: 1, sizeClass: 'small', reason: 'minimum' },
      { atMs: 0, type: 'table.created', tableId: 1, sizeClass: 'small' },
      { atMs: 5, type: 'table.acquired', tableId: 1, partyId: 1, partySize: 2, sizeClass: 'small', waitedMs: 0, isFallback: false },
      { atMs: 6, type: 'table.evicted', tableId: 1, reason: 'maxLifetime', isInUse: true },
      { atMs: 9, type: 'table.released', tableId: 1, partyId: 1, heldMs: 4 },
      { atMs: 10, type: 'table.creating', tableId: 2, sizeClass: 'small', reason: 'replacement' },
      { atMs: 11, type: 'table.reset', tableId: 1, resetMs: 2 },
      { atMs: 11, type: 'table.retired', tableId: 1, sizeClass: 'small', reason: 'maxLifetime' },
      { atMs: 12, type: 'table.created', tableId: 2, sizeClass: 'small' },
      { atMs: 12, type: 'table.retired', tableId: 2, sizeClass: 'small', reason: 'limitLowered' },
    ];
    expect(unitStepsFromLog(log).map((s) => `${s.unitId}:${s.event ?? 'new'}`)).toEqual([
      '1:new',
      '1:table.ready',
      '1:table.seat',
      '1:table.flagExpired',
      '1:table.release',
      '2:new',
      '1:table.expireLifetime',
      '2:table.lowerLimit',
    ]);
    expect(unitStates(log).tables).toEqual(new Map([[1, 'retired'], [2, 'retired']]));
    expect(unitStates(log, 5).tables).toEqual(new Map([[1, 'cleaning']]));
  });

  it('numbers descriptors by opening, infers the drop before a collection, and treats house descriptors as open', () => {
    const log: SimEvent[] = [
      { atMs: 0, type: 'fd.opened', fd: 3, owner: 'ticket 1' },
      { atMs: 1, type: 'fd.closed', fd: 3, owner: 'ticket 1', heldMs: 1 },
      { atMs: 2, type: 'fd.opened', fd: 3, owner: 'ticket 2' },
      { atMs: 3, type: 'fd.closed', fd: 0, owner: HOUSE_OWNER, heldMs: 3 },
      { atMs: 4, type: 'pool.allocated', poolClass: 'small', blockIndex: 0, blockId: 1, size: 10, owner: 'ticket 1' },
      { atMs: 5, type: 'memory.reclaimed', blockId: 1, size: 64, owner: 'ticket 1', reason: 'gc', idleMs: 1 },
    ];
    const states = unitStates(log);
    expect(states.fds).toEqual(new Map([[1, 'closed'], [2, 'open'], [3, 'closed']]));
    expect(states.blocks).toEqual(new Map([[1, 'collected']]));
    expect(unitStepsFromLog(log).filter((s) => s.kind === 'block').map((s) => s.event)).toEqual([null, 'block.allocate', 'block.drop', 'block.collect']);
  });
});

describe('unitStates() on the built-in scenarios', () => {
  for (const id of Object.keys(builtInScenarios)) {
    it(`${id}: the log read back gives the states the models hold`, () => {
      const sim = createSimulation(scenarioOrThrow(builtInScenarios[id]));
      sim.runToEnd();
      const states = unitStates(sim.log.events);
      const tables = sim.tables?.allTables() ?? [];
      expect(states.tables).toEqual(new Map(tables.map((t) => [t.tableId, t.state])));
      const workers = new Map((sim.staff?.workers() ?? []).map((w) => [w.workerId, w.state]));
      for (const [workerId, state] of states.workers) expect([workerId, state]).toEqual([workerId, workers.get(workerId) ?? 'retired']);
      expect(states.workers.size).toBe(sim.staff?.metrics().workersStarted ?? 0);
      // Drops are not logged: a dropped block reads as allocated until it is collected or reported leaked.
      const live = new Map((sim.stations?.blocks() ?? []).map((b) => [b.blockId, b.state]));
      for (const [blockId, state] of states.blocks) {
        const held = live.get(blockId);
        if (held === undefined) expect(['freed', 'reclaimed', 'collected']).toContain(state);
        else if (held === 'allocated') expect(state).toBe('allocated');
        else expect(['allocated', 'leaked']).toContain(state);
      }
      expect([...live.keys()].filter((blockId) => !states.blocks.has(blockId))).toEqual([]);
      // Descriptors still open are the open units plus the leaked ones (a leak stays open in the kernel).
      const openFds = (sim.ingredients?.openFds() ?? []).filter((f) => f.owner !== HOUSE_OWNER).length;
      const fdStates = [...states.fds.values()];
      expect(fdStates.filter((s) => s === 'open' || s === 'leaked').length).toBe(openFds);
      expect(fdStates.filter((s) => s === 'closed').length).toBe(sim.ingredients?.metrics().closed ?? 0);
      expect(fdStates.filter((s) => s === 'staleClosed').length).toBe(sim.ingredients?.metrics().staleClosed ?? 0);
    });
  }
});
