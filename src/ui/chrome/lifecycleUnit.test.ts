import { describe, expect, it } from 'vitest';
import type { SimulatorView } from '../../machines/simulatorView.ts';
import { builtInScenarios, createSimulation, scenarioOrThrow, type SimEvent } from '../../sim/index.ts';
import { isAbout, stateTerm, unitChart, unitDetail, unitEvents, unitName, unitState } from './lifecycleUnit.ts';

/** A view with only the unit lists (what these functions read). */
function viewWith(units: Partial<Pick<SimulatorView, 'tables' | 'workers' | 'blocks' | 'openFds'>>): SimulatorView {
  return { tables: [], workers: [], blocks: [], openFds: [], ...units } as unknown as SimulatorView;
}
const empty = viewWith({});

const log: SimEvent[] = [
  { atMs: 0, type: 'worker.started', workerId: 1, isCore: false, taskId: null },
  { atMs: 0, type: 'task.started', taskId: 1, workerId: 1, queuedMs: 0 },
  { atMs: 1_000, type: 'fd.opened', fd: 5, owner: 'ticket 1' },
  { atMs: 1_000, type: 'pool.allocated', poolClass: 'small', blockIndex: 4, blockId: 3, size: 64, owner: 'ticket 1' },
  { atMs: 2_000, type: 'fd.closed', fd: 5, owner: 'ticket 1', heldMs: 1_000 },
  { atMs: 2_000, type: 'pool.freed', poolClass: 'small', blockIndex: 4, blockId: 3, owner: 'ticket 1' },
  { atMs: 2_000, type: 'worker.idle', workerId: 1 },
  { atMs: 3_000, type: 'fd.opened', fd: 5, owner: 'ticket 2' },
  { atMs: 3_000, type: 'heap.allocated', blockId: 9, addr: 1040, size: 136, requested: 120, searched: 2, owner: 'ticket 2' },
  { atMs: 4_000, type: 'fd.leaked', fd: 5, owner: 'ticket 2', openedAtMs: 3_000 },
  { atMs: 4_000, type: 'memory.reclaimed', blockId: 9, size: 136, owner: 'ticket 2', reason: 'gc', idleMs: 1_000 },
  { atMs: 5_000, type: 'worker.retired', workerId: 1, reason: 'keepAlive' },
];

describe('unitChart() and stateTerm()', () => {
  it('give each kind its chart and the words for its states', () => {
    expect(unitChart('table').graph.id).toBe('table');
    expect(unitChart('worker').graph.id).toBe('staff');
    expect(unitChart('block').graph.id).toBe('station');
    expect(unitChart('fd').graph.id).toBe('ingredient');
    expect(stateTerm('table', 'occupied')).toEqual({ label: 'seated', real: 'in use' });
    expect(stateTerm('fd', 'staleClosed')).toEqual({ label: 'tidied away', real: 'stale-closed' });
    expect(stateTerm('block', 'toString')).toEqual({ label: 'toString', real: 'toString' });
  });

  it('has words for every state of every chart', () => {
    for (const kind of ['table', 'worker', 'block', 'fd'] as const) {
      const { graph, stateTerms } = unitChart(kind);
      expect(Object.keys(stateTerms).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    }
  });
});

describe('unitState()', () => {
  it('reads a listed unit from the view', () => {
    const view = viewWith({
      tables: [{ tableId: 7, state: 'occupied' } as SimulatorView['tables'][number]],
      openFds: [{ fd: 5, owner: 'ticket 2', openedAtMs: 3_000, lastUsedAtMs: 3_000 }],
    });
    expect(unitState({ kind: 'table', id: 7 }, view, [])).toBe('occupied');
    expect(unitState({ kind: 'fd', id: 5 }, view, [])).toBe('open');
  });

  it('reads a unit gone from the lists back from the log', () => {
    expect(unitState({ kind: 'worker', id: 1 }, empty, log)).toBe('retired');
    expect(unitState({ kind: 'worker', id: 1 }, empty, log.slice(0, 7))).toBe('idle');
    expect(unitState({ kind: 'block', id: 3 }, empty, log)).toBe('freed');
    expect(unitState({ kind: 'block', id: 9 }, empty, log)).toBe('collected');
    // Slot 5 was opened twice: the latest ingredient in it was left out.
    expect(unitState({ kind: 'fd', id: 5 }, empty, log)).toBe('leaked');
    expect(unitState({ kind: 'fd', id: 5 }, empty, log.slice(0, 5))).toBe('closed');
  });

  it('is null for a unit that does not exist at this point', () => {
    expect(unitState({ kind: 'table', id: 99 }, empty, log)).toBeNull();
    expect(unitState({ kind: 'worker', id: 1 }, empty, [])).toBeNull();
    expect(unitState({ kind: 'fd', id: 6 }, empty, log)).toBeNull();
  });

  it('agrees with the view for every unit of a real dinner service', () => {
    const sim = createSimulation(scenarioOrThrow(builtInScenarios['dinner-service']), 7);
    sim.runUntil(25 * 60_000);
    const view = viewWith(sim.units());
    const events = sim.log.events;
    for (const t of view.tables) expect(unitState({ kind: 'table', id: t.tableId }, empty, events), `table ${t.tableId}`).toBe(t.state);
    for (const w of view.workers) expect(unitState({ kind: 'worker', id: w.workerId }, empty, events), `cook ${w.workerId}`).toBe(w.state);
    for (const b of view.blocks) expect(unitState({ kind: 'block', id: b.blockId }, empty, events), `block ${b.blockId}`).toMatch(/^(allocated|unreachable)$/);
    expect(view.tables.length).toBeGreaterThan(0);
    expect(view.workers.length).toBeGreaterThan(0);
  });
});

describe('unitName() and unitDetail()', () => {
  it('name each kind in both words', () => {
    expect(unitName({ kind: 'table', id: 7 }, empty, [])).toEqual({ label: 'Table 7', real: 'connection 7' });
    expect(unitName({ kind: 'worker', id: 3 }, empty, [])).toEqual({ label: 'Cook 3', real: 'worker thread 3' });
    expect(unitName({ kind: 'fd', id: 5 }, empty, [])).toEqual({ label: 'Pantry slot 5', real: 'file descriptor 5' });
  });

  it('name a block by where it is, or was, in the kitchen', () => {
    expect(unitName({ kind: 'block', id: 3 }, empty, log)).toEqual({ label: 'Prep counter 4', real: 'memory block 3' });
    expect(unitName({ kind: 'block', id: 9 }, empty, log)).toEqual({ label: 'Banquet area at 1040', real: 'memory block 9' });
    expect(unitName({ kind: 'block', id: 2 }, empty, log)).toEqual({ label: 'Counter space 2', real: 'memory block 2' });
    expect(unitDetail({ kind: 'block', id: 3 }, empty, log)).toEqual({ label: 'prep counter 4, 64 B', real: 'small pool, block 4' });
  });

  it('add the size of a table, the shift of a cook and the holder of an ingredient', () => {
    const view = viewWith({
      tables: [{ tableId: 7, sizeClass: 'medium', state: 'available' } as SimulatorView['tables'][number]],
      workers: [{ workerId: 2, state: 'busy', taskId: 4, idleSinceMs: null, startedAsCore: false }],
      openFds: [{ fd: 5, owner: 'ticket 2', openedAtMs: 3_000, lastUsedAtMs: 3_000 }],
    });
    expect(unitDetail({ kind: 'table', id: 7 }, view, [])).toEqual({ label: 'medium table', real: 'medium pool' });
    expect(unitDetail({ kind: 'worker', id: 2 }, view, [])).toEqual({ label: 'extra staff', real: 'non-core thread' });
    expect(unitDetail({ kind: 'fd', id: 5 }, view, [])).toEqual({ label: 'taken for ticket 2', real: 'opened by ticket 2' });
    expect(unitDetail({ kind: 'table', id: 8 }, view, [])).toBeNull();
  });
});

describe('unitEvents()', () => {
  it('lists the latest facts about the unit, oldest first', () => {
    expect(unitEvents({ kind: 'worker', id: 1 }, log, 10).map((e) => e.type)).toEqual(['worker.started', 'task.started', 'worker.idle', 'worker.retired']);
    expect(unitEvents({ kind: 'worker', id: 1 }, log, 2).map((e) => e.type)).toEqual(['worker.idle', 'worker.retired']);
    expect(unitEvents({ kind: 'block', id: 9 }, log, 10).map((e) => e.type)).toEqual(['heap.allocated', 'memory.reclaimed']);
  });

  it('keeps a descriptor number to its latest opening', () => {
    expect(unitEvents({ kind: 'fd', id: 5 }, log, 10).map((e) => [e.type, e.atMs])).toEqual([
      ['fd.opened', 3_000],
      ['fd.leaked', 4_000],
    ]);
  });

  it('isAbout() matches the unit kind’s id field only', () => {
    expect(isAbout({ kind: 'fd', id: 1 }, log[0])).toBe(false);
    expect(isAbout({ kind: 'worker', id: 1 }, log[0])).toBe(true);
    expect(isAbout({ kind: 'table', id: 1 }, log[0])).toBe(false);
  });
});
