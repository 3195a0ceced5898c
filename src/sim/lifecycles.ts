/**
 * The lifecycle of each unit kind, as data: a table (connection), a staff member (worker thread), a kitchen
 * station block (memory block) and an ingredient (file descriptor). Each is written once here; the models
 * follow the compiled charts on every state change ({@link follow}), and `src/machines` generates the XState
 * machines and the graphs the UI draws from the same objects.
 *
 * Events are commands named `domain.verb`. Where the model logs a fact for the step, the description names
 * it; the charts add no log entries. The choice *between* transitions (is the class over max? was the table
 * flagged?) is the model's named rule, so no transition here needs a guard.
 *
 * Tags a view may ask for: `live` (counted by its pool), `idle` (ready to hand out), `busy` (held or working),
 * `problem` (something went wrong), `ended` (a final state).
 */
import type { TableRetireReason, ReclaimReason } from './events.ts';
import { compileLifecycle, defineLifecycle, type LifecycleEventType, type LifecycleStateName } from './lifecycle.ts';

export { compileLifecycle, follow } from './lifecycle.ts';
export type { CompiledLifecycle, Lifecycle, LifecycleEventType, LifecycleState, LifecycleStateName, LifecycleTransition } from './lifecycle.ts';

/** A table: creating -> available -> occupied -> cleaning (reset) -> available, and the ways it retires. */
export const TABLE_LIFECYCLE = defineLifecycle({
  id: 'table',
  initial: 'creating',
  states: {
    creating: { description: 'Being set up: a new connection is opening (takes createMs).', tags: ['live'] },
    available: { description: 'Free and reset: an idle connection, ready for the next party.', tags: ['live', 'idle'] },
    occupied: { description: 'A party sits here: the connection is borrowed.', tags: ['live', 'busy'] },
    cleaning: { description: 'Being bussed after the party left: reset on release (takes resetMs).', tags: ['live', 'busy'] },
    unhealthy: { description: 'Failed its check before seating (validation on borrow); removed at once.', tags: ['problem'] },
    retired: { description: 'Removed from the pool for good: the connection is closed (table.retired).', isFinal: true, tags: ['ended'] },
  },
  transitions: [
    { from: 'creating', event: 'table.ready', to: 'available', description: 'Setup done and the class within max (table.created); a waiting party that accepts it sits at once.' },
    { from: 'creating', event: 'table.lowerLimit', to: 'retired', description: 'Setup done but the class is over a lowered max: removed at once (limitLowered).' },
    { from: 'available', event: 'table.seat', to: 'occupied', description: 'A party sits down (table.acquired).' },
    { from: 'available', event: 'table.failCheck', to: 'unhealthy', description: 'Idle longer than validateAfterIdleMs and failed its check (table.unhealthy).' },
    { from: 'available', event: 'table.expireIdle', to: 'retired', description: 'Housekeeping: idle longer than idleTimeoutMs while the class is above min (idleTimeout).' },
    { from: 'available', event: 'table.expireLifetime', to: 'retired', description: 'Its max lifetime ended while idle (table.evicted, then maxLifetime).' },
    { from: 'available', event: 'table.lowerLimit', to: 'retired', description: 'Max lowered below the class total: idle tables go first, oldest first (limitLowered).' },
    { from: 'unhealthy', event: 'table.discard', to: 'retired', description: 'The failed table is removed (unhealthy); a replacement is set up if needed.' },
    { from: 'occupied', event: 'table.release', to: 'cleaning', description: 'The party leaves: bussing starts (table.released).' },
    { from: 'occupied', event: 'table.flagExpired', to: 'occupied', description: 'Max lifetime ended while in use (table.evicted, isInUse): flagged, never taken from under its party.' },
    { from: 'cleaning', event: 'table.flagExpired', to: 'cleaning', description: 'Max lifetime ended while being bussed (table.evicted, isInUse): flagged to retire when bussed.' },
    { from: 'cleaning', event: 'table.reset', to: 'available', description: 'Bussing done (table.reset): free again; a waiting party may sit at once.' },
    { from: 'cleaning', event: 'table.expireLifetime', to: 'retired', description: 'Bussing done, but it was flagged: its lifetime ended while in use (maxLifetime).' },
    { from: 'cleaning', event: 'table.lowerLimit', to: 'retired', description: 'Bussing done, but the class is over a lowered max (limitLowered).' },
  ],
});

/** A staff member (worker thread): starting -> busy <-> idle, retiring on keep-alive expiry or a lower max. */
export const WORKER_LIFECYCLE = defineLifecycle({
  id: 'staff',
  initial: 'starting',
  states: {
    starting: { description: 'Just called in (worker.started): takes its first ticket at once.', tags: ['live', 'busy'] },
    idle: { description: 'Waiting for a ticket (blocked on the rail; timed when above core or allowCoreTimeout).', tags: ['live', 'idle'] },
    busy: { description: 'Cooking a ticket (running a task).', tags: ['live', 'busy'] },
    retired: { description: 'Left the shift: the thread has exited (worker.retired).', isFinal: true, tags: ['ended'] },
  },
  transitions: [
    { from: 'starting', event: 'staff.startTask', to: 'busy', description: 'Starts its first ticket, handed over by submit() or taken from the rail (task.started).' },
    { from: 'idle', event: 'staff.startTask', to: 'busy', description: 'Handed a ticket: the longest idle first, the most recent under a SynchronousQueue (task.started).' },
    { from: 'busy', event: 'staff.startTask', to: 'busy', description: 'Done with a ticket (or it failed at start): takes the next one from the rail (task.started).' },
    { from: 'busy', event: 'staff.wait', to: 'idle', description: 'The rail is empty: waits for the next ticket (worker.idle).' },
    { from: 'idle', event: 'staff.expireKeepAlive', to: 'retired', description: 'Idle for keepAliveMs while above core, or with allowCoreTimeout (keepAlive).' },
    { from: 'idle', event: 'staff.lowerLimit', to: 'retired', description: 'Max lowered below the number of workers: idle ones leave at once (limitLowered).' },
    { from: 'busy', event: 'staff.lowerLimit', to: 'retired', description: 'Over a lowered max: leaves when its ticket ends, even with tickets queued (limitLowered).' },
  ],
});

/** A kitchen station block (memory block): free -> allocated -> freed, or dropped and taken back, or leaked. */
export const BLOCK_LIFECYCLE = defineLifecycle({
  id: 'station',
  initial: 'free',
  states: {
    free: { description: 'Counter space not handed out: a free pool block or free heap chunk.', tags: ['idle'] },
    allocated: { description: 'Held by its owner, a ticket cooking a dish (pool.allocated or heap.allocated).', tags: ['live', 'busy'] },
    unreachable: { description: 'Its owner walked away without freeing it: garbage only the collector or the stale sweep takes back.', tags: ['live', 'problem'] },
    freed: { description: 'Given back by its owner (pool.freed or heap.freed).', isFinal: true, tags: ['ended'] },
    reclaimed: { description: 'Taken back by the stale sweep: untouched for staleAfterMs (memory.reclaimed, stale).', isFinal: true, tags: ['ended'] },
    collected: { description: 'Taken back by the garbage collector (memory.reclaimed, gc).', isFinal: true, tags: ['ended'] },
    leaked: { description: 'Still held when the service closed: reported as a leak (memory.leaked).', isFinal: true, tags: ['ended', 'problem'] },
  },
  transitions: [
    { from: 'free', event: 'block.allocate', to: 'allocated', description: 'An allocation succeeds: a pool block, or a heap chunk (first fit, split).' },
    { from: 'allocated', event: 'block.drop', to: 'unreachable', description: 'The owner drops its last reference without freeing (logs nothing: nobody notices).' },
    { from: 'unreachable', event: 'block.drop', to: 'unreachable', description: 'Dropped again: no change.' },
    { from: 'allocated', event: 'block.free', to: 'freed', description: 'The owner frees it.' },
    { from: 'unreachable', event: 'block.free', to: 'freed', description: 'Freed after all: the model only knows what it is told.' },
    { from: 'allocated', event: 'block.reclaimStale', to: 'reclaimed', description: 'The stale sweep takes it although its owner still holds it (a later free is a double free).' },
    { from: 'unreachable', event: 'block.reclaimStale', to: 'reclaimed', description: 'The stale sweep takes the garbage back.' },
    { from: 'unreachable', event: 'block.collect', to: 'collected', description: 'An allocation crossed gcThresholdBytes: the collector takes every unreachable block.' },
    { from: 'allocated', event: 'block.reportLeak', to: 'leaked', description: 'Closing time (or reportLeaks): still live, never given back.' },
    { from: 'unreachable', event: 'block.reportLeak', to: 'leaked', description: 'Closing time: dropped, and no cleanup took it back.' },
  ],
});

/** An ingredient (file descriptor): open -> closed, stale-closed, or leaked. */
export const FD_LIFECYCLE = defineLifecycle({
  id: 'ingredient',
  initial: 'open',
  states: {
    open: { description: 'Taken from its numbered pantry slot and in use by its owner (fd.opened).', tags: ['live', 'busy'] },
    closed: { description: 'Put back by its owner; the number is free again (fd.closed).', isFinal: true, tags: ['ended'] },
    staleClosed: { description: 'Put back by the stale cleanup on EMFILE: idle for staleAfterMs (fd.staleClosed).', isFinal: true, tags: ['ended'] },
    leaked: { description: 'Still open when the service closed, its ticket long finished (fd.leaked).', isFinal: true, tags: ['ended', 'problem'] },
  },
  transitions: [
    { from: 'open', event: 'fd.close', to: 'closed', description: 'The owner closes it.' },
    { from: 'open', event: 'fd.closeStale', to: 'staleClosed', description: 'An open hit EMFILE and this one was idle for staleAfterMs: closed for its owner.' },
    { from: 'open', event: 'fd.reportLeak', to: 'leaked', description: 'Closing time: its ticket finished without closing it.' },
  ],
});

export type TableState = LifecycleStateName<typeof TABLE_LIFECYCLE>;
export type TableLifecycleEvent = LifecycleEventType<typeof TABLE_LIFECYCLE>;
export type WorkerState = LifecycleStateName<typeof WORKER_LIFECYCLE>;
export type WorkerLifecycleEvent = LifecycleEventType<typeof WORKER_LIFECYCLE>;
export type BlockState = LifecycleStateName<typeof BLOCK_LIFECYCLE>;
export type BlockLifecycleEvent = LifecycleEventType<typeof BLOCK_LIFECYCLE>;
export type FdState = LifecycleStateName<typeof FD_LIFECYCLE>;
export type FdLifecycleEvent = LifecycleEventType<typeof FD_LIFECYCLE>;

/** The compiled charts the models follow. */
export const TABLE_CHART = compileLifecycle(TABLE_LIFECYCLE);
export const WORKER_CHART = compileLifecycle(WORKER_LIFECYCLE);
export const BLOCK_CHART = compileLifecycle(BLOCK_LIFECYCLE);
export const FD_CHART = compileLifecycle(FD_LIFECYCLE);

/** The event that retires a table, by the reason `table.retired` logs. */
export const TABLE_RETIRE_EVENTS: Readonly<Record<TableRetireReason, TableLifecycleEvent>> = {
  unhealthy: 'table.discard',
  idleTimeout: 'table.expireIdle',
  maxLifetime: 'table.expireLifetime',
  limitLowered: 'table.lowerLimit',
};

/** The event that retires a worker, by the reason `worker.retired` logs. */
export const WORKER_RETIRE_EVENTS: Readonly<Record<'keepAlive' | 'limitLowered', WorkerLifecycleEvent>> = {
  keepAlive: 'staff.expireKeepAlive',
  limitLowered: 'staff.lowerLimit',
};

/** The event that takes a block back without its owner, by the reason `memory.reclaimed` logs. */
export const BLOCK_RECLAIM_EVENTS: Readonly<Record<ReclaimReason, BlockLifecycleEvent>> = {
  stale: 'block.reclaimStale',
  gc: 'block.collect',
};
