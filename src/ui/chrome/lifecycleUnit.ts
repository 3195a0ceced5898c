/**
 * What the lifecycle dialog shows of one unit the learner clicked: its chart, its name, the state it is in,
 * and its latest events. Pure: it reads the simulator's view and the log, and never keeps either.
 *
 * The state comes from the view's unit lists when the unit is there (tables, cooks on shift, live blocks,
 * open descriptors); a cook that went home, a freed block or a closed descriptor is no longer listed, and its
 * state is then read back from the log through the same compiled charts the core follows (`unitStates`).
 */
import { ingredientGraph } from '../../machines/ingredientMachine.ts';
import type { LifecycleGraph } from '../../machines/lifecycleMachine.ts';
import type { SimulatorView } from '../../machines/simulatorView.ts';
import { staffGraph } from '../../machines/staffMachine.ts';
import { stationGraph } from '../../machines/stationMachine.ts';
import { tableGraph } from '../../machines/tableMachine.ts';
import { unitStates, unitStepsFromLog } from '../../machines/unitSteps.ts';
import type { SimEvent } from '../../sim/events.ts';
import { ownerName } from '../narrate.ts';
import type { SelectedUnit, UnitKind } from '../selection.ts';
import {
  blockStateTerms,
  fdStateTerms,
  lifecycleTerms,
  sizeClassWords,
  stationClassWords,
  tableStateTerms,
  workerStateTerms,
  type Term,
} from '../vocabulary.ts';

/** The chart of a kind of unit and the words for its states. */
export interface UnitChart {
  graph: LifecycleGraph;
  /** What one unit of the kind is called: Table · connection. */
  kind: Term;
  /** Every state's words, by state name. */
  stateTerms: Readonly<Record<string, Term>>;
}

const CHARTS: Readonly<Record<UnitKind, UnitChart>> = {
  table: { graph: tableGraph, kind: lifecycleTerms.table, stateTerms: tableStateTerms },
  worker: { graph: staffGraph, kind: lifecycleTerms.worker, stateTerms: workerStateTerms },
  block: { graph: stationGraph, kind: lifecycleTerms.block, stateTerms: blockStateTerms },
  fd: { graph: ingredientGraph, kind: lifecycleTerms.fd, stateTerms: fdStateTerms },
};

/** The chart of `kind`. */
export function unitChart(kind: UnitKind): UnitChart {
  return CHARTS[kind];
}

/** The words for `state` of `kind`, or the state name itself for both words when there are none. */
export function stateTerm(kind: UnitKind, state: string): Term {
  return Object.hasOwn(CHARTS[kind].stateTerms, state) ? CHARTS[kind].stateTerms[state] : { label: state, real: state };
}

/**
 * The unit's name in both words: `Table 7 · connection 7`, `Cook 3 · worker thread 3`,
 * `Prep counter 4 · memory block 12` (a heap block: `Banquet area at 1040 · memory block 12`),
 * `Pantry slot 5 · file descriptor 5`. Tables and cooks are named by id, as the narrator names them.
 */
export function unitName(unit: SelectedUnit, view: SimulatorView, log: readonly SimEvent[]): Term {
  const id = unit.id;
  switch (unit.kind) {
    case 'table':
      return { label: `Table ${id}`, real: `connection ${id}` };
    case 'worker':
      return { label: `Cook ${id}`, real: `worker thread ${id}` };
    case 'fd':
      return { label: `Pantry slot ${id}`, real: `file descriptor ${id}` };
    case 'block': {
      const place = blockPlace(unit.id, view, log);
      const real = `memory block ${id}`;
      if (place === null) return { label: `Counter space ${id}`, real };
      if (place.addr !== null) return { label: `Banquet area at ${place.addr}`, real };
      return { label: `${capitalised(stationClassWords[place.poolClass])} ${place.index}`, real };
    }
  }
}

/**
 * One more fact about the unit in both words, or null: a table's size (`medium table · medium pool`), a
 * cook's kind of shift, where a block is (`prep counter 4 · small pool`), who holds a descriptor.
 */
export function unitDetail(unit: SelectedUnit, view: SimulatorView, log: readonly SimEvent[]): Term | null {
  switch (unit.kind) {
    case 'table': {
      const table = view.tables.find((t) => t.tableId === unit.id);
      return table ? { label: `${sizeClassWords[table.sizeClass]} table`, real: `${table.sizeClass} pool` } : null;
    }
    case 'worker': {
      const worker = view.workers.find((w) => w.workerId === unit.id);
      if (!worker) return null;
      return worker.startedAsCore ? lifecycleTerms.coreCook : lifecycleTerms.extraCook;
    }
    case 'block': {
      const place = blockPlace(unit.id, view, log);
      if (place === null) return null;
      if (place.addr !== null) return { label: `banquet area, ${place.size} B`, real: `heap, ${place.size} B at address ${place.addr}` };
      return { label: `${stationClassWords[place.poolClass]} ${place.index}, ${place.size} B`, real: `${place.poolClass} pool, block ${place.index}` };
    }
    case 'fd': {
      const open = view.openFds.find((f) => f.fd === unit.id);
      return open ? { label: `taken for ${ownerName(open.owner)}`, real: `opened by ${open.owner}` } : null;
    }
  }
}

/**
 * The state the unit is in at the view's point, or null when it does not exist there (not made yet, or a
 * step back went to before it was).
 */
export function unitState(unit: SelectedUnit, view: SimulatorView, log: readonly SimEvent[]): string | null {
  switch (unit.kind) {
    case 'table': {
      const listed = view.tables.find((t) => t.tableId === unit.id);
      return listed ? listed.state : (statesFromLog(log)?.tables.get(unit.id) ?? null);
    }
    case 'worker': {
      const listed = view.workers.find((w) => w.workerId === unit.id);
      return listed ? listed.state : (statesFromLog(log)?.workers.get(unit.id) ?? null);
    }
    case 'block': {
      const listed = view.blocks.find((b) => b.blockId === unit.id);
      return listed ? listed.state : (statesFromLog(log)?.blocks.get(unit.id) ?? null);
    }
    case 'fd': {
      if (view.openFds.some((f) => f.fd === unit.id)) return 'open';
      return lastDescriptorState(log, unit.id);
    }
  }
}

/**
 * The unit's last `count` facts, oldest first. For a descriptor number, only those of its latest opening
 * (numbers are reused: an earlier ingredient in the same slot was another unit).
 */
export function unitEvents(unit: SelectedUnit, log: readonly SimEvent[], count: number): SimEvent[] {
  const found: SimEvent[] = [];
  for (let i = log.length - 1; i >= 0 && found.length < count; i--) {
    const e = log[i];
    if (!isAbout(unit, e)) continue;
    found.push(e);
    if (unit.kind === 'fd' && e.type === 'fd.opened') break;
  }
  return found.reverse();
}

/** True when `event` is a fact about `unit`. */
export function isAbout(unit: SelectedUnit, event: SimEvent): boolean {
  const e = event as Partial<Record<'tableId' | 'workerId' | 'blockId' | 'fd', unknown>>;
  switch (unit.kind) {
    case 'table':
      return e.tableId === unit.id;
    case 'worker':
      return e.workerId === unit.id;
    case 'block':
      return e.blockId === unit.id;
    case 'fd':
      return e.fd === unit.id;
  }
}

interface BlockPlace {
  poolClass: 'small' | 'medium' | 'large';
  /** Block index in its pool, or null for a heap block. */
  index: number | null;
  addr: number | null;
  size: number;
}

/** Where a block is or was: from the live list, else from its allocation in the log. */
function blockPlace(blockId: number, view: SimulatorView, log: readonly SimEvent[]): BlockPlace | null {
  const live = view.blocks.find((b) => b.blockId === blockId);
  if (live) return { poolClass: live.sizeClass, index: live.poolIndex, addr: live.isHeap ? live.addr : null, size: live.size };
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e.type === 'pool.allocated' && e.blockId === blockId) return { poolClass: e.poolClass, index: e.blockIndex, addr: null, size: e.size };
    if (e.type === 'heap.allocated' && e.blockId === blockId) return { poolClass: 'large', index: null, addr: e.addr, size: e.size };
  }
  return null;
}

/** Every unit's state read back from the log, or null if the log breaks a chart (a core bug: show nothing). */
function statesFromLog(log: readonly SimEvent[]) {
  try {
    return unitStates(log);
  } catch {
    return null;
  }
}

/** The state of the latest descriptor unit with number `fd`, from the log. */
function lastDescriptorState(log: readonly SimEvent[], fd: number): string | null {
  try {
    const steps = unitStepsFromLog(log);
    for (let i = steps.length - 1; i >= 0; i--) {
      const s = steps[i];
      if (s.kind === 'fd' && (log[s.logIndex] as { fd?: unknown }).fd === fd) return unitStates(log).fds.get(s.unitId) ?? null;
    }
  } catch {
    return null;
  }
  return null;
}

function capitalised(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
