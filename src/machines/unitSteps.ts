/**
 * Every unit's lifecycle steps, read back from the event log; and every unit's state at any point of it.
 *
 * The core changes a unit's state only through its compiled chart (`follow()` in `src/sim/lifecycle.ts`),
 * and logs a fact at nearly every such step. This module maps the facts back to chart events, so a view can
 * show the state of every unit (retired and freed ones included) at any log index, which is what stepping
 * back and seeking need, and the bench can replay the same steps through XState.
 *
 * Mapping (fact -> chart event), with the two places where the log is read with care:
 * - tables: `table.creating` creates; `table.created` -> `table.ready` and `table.reset` -> `table.reset`,
 *   unless the very next fact retires that table (the pool then retires it straight from creating or
 *   cleaning); `table.acquired` -> seat, `table.released` -> release, `table.unhealthy` -> failCheck,
 *   `table.evicted` while in use -> flagExpired, `table.retired` -> the event of its reason.
 * - staff: `worker.started` creates; `task.started` -> startTask, `worker.idle` -> wait, `worker.retired` ->
 *   the event of its reason.
 * - stations: `pool.allocated`/`heap.allocated` create and allocate; `pool.freed`/`heap.freed` -> free,
 *   `memory.reclaimed` -> reclaimStale or collect, `memory.leaked` -> reportLeak. A dropped reference is not
 *   logged (nobody notices one), so a block the collector takes gets an inferred `block.drop` just before
 *   `block.collect`; other dropped blocks read as `allocated`.
 * - ingredients: one unit per `fd.opened` (numbers are reused, so units are numbered by opening, from 1);
 *   `fd.closed`, `fd.staleClosed`, `fd.leaked` end it. A house descriptor (open before service, so never
 *   logged as opened) becomes a unit when it is first closed.
 */
import type { SimEvent } from '../sim/events.ts';
import {
  BLOCK_CHART,
  BLOCK_RECLAIM_EVENTS,
  FD_CHART,
  follow,
  TABLE_CHART,
  TABLE_RETIRE_EVENTS,
  WORKER_CHART,
  WORKER_RETIRE_EVENTS,
  type BlockLifecycleEvent,
  type BlockState,
  type FdLifecycleEvent,
  type FdState,
  type TableLifecycleEvent,
  type TableState,
  type WorkerLifecycleEvent,
  type WorkerState,
} from '../sim/lifecycles.ts';

/** One step of one unit: `event` null means the unit came into being, in its chart's initial state. */
export type UnitStep =
  | { kind: 'table'; unitId: number; event: TableLifecycleEvent | null; logIndex: number }
  | { kind: 'worker'; unitId: number; event: WorkerLifecycleEvent | null; logIndex: number }
  | { kind: 'block'; unitId: number; event: BlockLifecycleEvent | null; logIndex: number }
  | { kind: 'fd'; unitId: number; event: FdLifecycleEvent | null; logIndex: number };

/** The kinds of unit that have a lifecycle. */
export type UnitKind = UnitStep['kind'];

/**
 * The lifecycle steps of every unit in `events[0 .. upTo)`, in log order (`logIndex` is the fact's index).
 * Descriptor units are numbered by opening, from 1.
 */
export function unitStepsFromLog(events: readonly SimEvent[], upTo = events.length): UnitStep[] {
  const steps: UnitStep[] = [];
  const fdUnits = new Map<number, number>();
  let fdSerial = 0;
  const fdUnit = (fd: number, i: number): number => {
    let unitId = fdUnits.get(fd);
    if (unitId === undefined) {
      unitId = ++fdSerial;
      steps.push({ kind: 'fd', unitId, event: null, logIndex: i });
    }
    fdUnits.delete(fd);
    return unitId;
  };
  const table = (unitId: number, event: TableLifecycleEvent | null, i: number) => steps.push({ kind: 'table', unitId, event, logIndex: i });
  const worker = (unitId: number, event: WorkerLifecycleEvent | null, i: number) => steps.push({ kind: 'worker', unitId, event, logIndex: i });
  const block = (unitId: number, event: BlockLifecycleEvent | null, i: number) => steps.push({ kind: 'block', unitId, event, logIndex: i });
  const end = Math.min(upTo, events.length);
  for (let i = 0; i < end; i++) {
    const e = events[i];
    switch (e.type) {
      case 'table.creating':
        table(e.tableId, null, i);
        break;
      case 'table.created':
      case 'table.reset': {
        const next = i + 1 < end ? events[i + 1] : undefined;
        const isRetiredAtOnce = next !== undefined && next.type === 'table.retired' && next.tableId === e.tableId;
        if (!isRetiredAtOnce) table(e.tableId, e.type === 'table.created' ? 'table.ready' : 'table.reset', i);
        break;
      }
      case 'table.acquired':
        table(e.tableId, 'table.seat', i);
        break;
      case 'table.released':
        table(e.tableId, 'table.release', i);
        break;
      case 'table.unhealthy':
        table(e.tableId, 'table.failCheck', i);
        break;
      case 'table.evicted':
        if (e.isInUse) table(e.tableId, 'table.flagExpired', i);
        break;
      case 'table.retired':
        table(e.tableId, TABLE_RETIRE_EVENTS[e.reason], i);
        break;
      case 'worker.started':
        worker(e.workerId, null, i);
        break;
      case 'task.started':
        if (e.workerId > 0) worker(e.workerId, 'staff.startTask', i);
        break;
      case 'worker.idle':
        worker(e.workerId, 'staff.wait', i);
        break;
      case 'worker.retired':
        worker(e.workerId, WORKER_RETIRE_EVENTS[e.reason], i);
        break;
      case 'pool.allocated':
      case 'heap.allocated':
        block(e.blockId, null, i);
        block(e.blockId, 'block.allocate', i);
        break;
      case 'pool.freed':
      case 'heap.freed':
        block(e.blockId, 'block.free', i);
        break;
      case 'memory.reclaimed':
        if (e.reason === 'gc') block(e.blockId, 'block.drop', i);
        block(e.blockId, BLOCK_RECLAIM_EVENTS[e.reason], i);
        break;
      case 'memory.leaked':
        block(e.blockId, 'block.reportLeak', i);
        break;
      case 'fd.opened':
        fdUnits.set(e.fd, ++fdSerial);
        steps.push({ kind: 'fd', unitId: fdSerial, event: null, logIndex: i });
        break;
      case 'fd.closed':
        steps.push({ kind: 'fd', unitId: fdUnit(e.fd, i), event: 'fd.close', logIndex: i });
        break;
      case 'fd.staleClosed':
        steps.push({ kind: 'fd', unitId: fdUnit(e.fd, i), event: 'fd.closeStale', logIndex: i });
        break;
      case 'fd.leaked':
        steps.push({ kind: 'fd', unitId: fdUnit(e.fd, i), event: 'fd.reportLeak', logIndex: i });
        break;
    }
  }
  return steps;
}

/** The state of every unit of each kind, by unit id (descriptor units by opening serial). */
export interface UnitStates {
  tables: Map<number, TableState>;
  workers: Map<number, WorkerState>;
  blocks: Map<number, BlockState>;
  fds: Map<number, FdState>;
}

/**
 * Every unit's state after `events[0 .. upTo)`: the steps of {@link unitStepsFromLog} followed through the
 * compiled charts (so an impossible sequence throws, naming the chart, state and event).
 */
export function unitStates(events: readonly SimEvent[], upTo = events.length): UnitStates {
  const out: UnitStates = { tables: new Map(), workers: new Map(), blocks: new Map(), fds: new Map() };
  for (const s of unitStepsFromLog(events, upTo)) {
    switch (s.kind) {
      case 'table':
        out.tables.set(s.unitId, s.event === null ? TABLE_CHART.initial : follow(TABLE_CHART, stateOf(out.tables, s), s.event));
        break;
      case 'worker':
        out.workers.set(s.unitId, s.event === null ? WORKER_CHART.initial : follow(WORKER_CHART, stateOf(out.workers, s), s.event));
        break;
      case 'block':
        out.blocks.set(s.unitId, s.event === null ? BLOCK_CHART.initial : follow(BLOCK_CHART, stateOf(out.blocks, s), s.event));
        break;
      case 'fd':
        out.fds.set(s.unitId, s.event === null ? FD_CHART.initial : follow(FD_CHART, stateOf(out.fds, s), s.event));
        break;
    }
  }
  return out;
}

function stateOf<S>(states: Map<number, S>, step: UnitStep): S {
  const state = states.get(step.unitId);
  if (state === undefined) throw new Error(`unitStates: ${step.kind} ${step.unitId} has a step (${step.event}) before it exists (log index ${step.logIndex})`);
  return state;
}
