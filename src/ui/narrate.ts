/**
 * The narrator: one plain-language sentence for each fact in the event log, in restaurant words
 * ("Party 12 (4 guests) seated at table 3 after 2.1 min"). Pure: the same event always gives the same sentence.
 */
import type { ResourceKind, SimEvent } from '../sim/events.ts';
import { formatBytes, formatClock, formatDuration, formatPercent, ordinal, plural } from './format.ts';
import { kindTerms, kindUnits, limitTerms, nouns as n, rejectionPolicyTerms, sizeClassWords, stationClassWords } from './vocabulary.ts';

/** What the narrator may look up that an event does not carry itself. */
export interface NarrationContext {
  /** The size of a party, known from its `party.arrived` entry. */
  partySize?: (partyId: number) => number | undefined;
}

function guests(size: number): string {
  return plural(size, n.guest, n.guests);
}

/** `Party 12 (4 guests)` when the size is known, else `Party 12`. */
function party(partyId: number, context: NarrationContext, size?: number): string {
  const known = size ?? context.partySize?.(partyId);
  return known === undefined ? `${n.party} ${partyId}` : `${n.party} ${partyId} (${guests(known)})`;
}

/**
 * An owner name from the log as words: `batch.item#3` -> `batch item 3`; `ticket 44` stays as it is.
 * Owners are free text chosen by the simulation, so this only tidies punctuation.
 */
export function ownerName(owner: string): string {
  return owner.replace(/[.#_:]+/g, ' ').replace(/\s+/g, ' ').trim() || 'someone';
}

function amountOf(kind: ResourceKind, amount: number): string {
  if (kind === 'memory') return `${formatBytes(amount)} of counter space`;
  return plural(amount, kindUnits[kind].one, kindUnits[kind].many);
}

function waited(ms: number): string {
  return ms <= 0 ? 'right away' : `after ${formatDuration(ms)}`;
}

/** One sentence describing `event`. */
export function narrate(event: SimEvent, context: NarrationContext = {}): string {
  switch (event.type) {
    // Parties and tables (connection pool)
    case 'party.arrived':
      return `${party(event.partyId, context, event.size)} arrived at the ${n.hostStand}.`;
    case 'party.left':
      if (event.reason === 'finished') return `${party(event.partyId, context)} paid and left.`;
      if (event.reason === 'timedOut') return `${party(event.partyId, context)} gave up waiting and left.`;
      return `${party(event.partyId, context)} left: no ${n.table} here fits them.`;
    case 'table.creating': {
      const what = `${sizeClassWords[event.sizeClass]} ${n.table} ${event.tableId}`;
      if (event.reason === 'minimum') return `Setting ${what} to keep the minimum ready.`;
      if (event.reason === 'demand') return `Setting ${what} for the parties waiting.`;
      return `Setting ${what} to replace one taken away.`;
    }
    case 'table.created':
      return `${capitalise(sizeClassWords[event.sizeClass])} ${n.table} ${event.tableId} is set and ready.`;
    case 'acquire.queued':
      return `${party(event.partyId, context, event.size)} waits at the ${n.hostStand}, ${ordinal(event.position)} in line.`;
    case 'table.acquired': {
      const fallback = event.isFallback ? `, a bigger ${sizeClassWords[event.sizeClass]} ${n.table} than they need` : '';
      return `${party(event.partyId, context, event.partySize)} seated at ${n.table} ${event.tableId} ${waited(event.waitedMs)}${fallback}.`;
    }
    case 'acquire.timedOut':
      return `${party(event.partyId, context)} gave up after waiting ${formatDuration(event.waitedMs)} (the limit is ${formatDuration(event.timeoutMs)}).`;
    case 'acquire.refused':
      return `${party(event.partyId, context, event.size)} turned away: no ${n.table} is big enough.`;
    case 'table.released':
      return `${party(event.partyId, context)} left ${n.table} ${event.tableId} after ${formatDuration(event.heldMs)}.`;
    case 'table.reset':
      return `${capitalise(n.table)} ${event.tableId} bussed and reset in ${formatDuration(event.resetMs)}.`;
    case 'table.unhealthy':
      return `${capitalise(n.table)} ${event.tableId} wobbled when checked after ${formatDuration(event.idleMs)} unused.`;
    case 'table.evicted':
      return event.isInUse
        ? `${capitalise(n.table)} ${event.tableId} is past its service life; it goes once its party leaves.`
        : `${capitalise(n.table)} ${event.tableId} is past its service life and goes now.`;
    case 'table.retired': {
      const what = `${capitalise(sizeClassWords[event.sizeClass])} ${n.table} ${event.tableId}`;
      if (event.reason === 'unhealthy') return `${what} taken away: it failed its check.`;
      if (event.reason === 'idleTimeout') return `${what} cleared away after standing empty too long.`;
      if (event.reason === 'maxLifetime') return `${what} retired at the end of its service life.`;
      return `${what} taken away: fewer ${n.table}s are allowed now.`;
    }
    case 'table.leakSuspected':
      return `${capitalise(n.table)} ${event.tableId} held by ${party(event.partyId, context).toLowerCase()} for ${formatDuration(event.heldMs)}: a suspected leak.`;
    case 'table.leakCleared':
      return `${capitalise(n.table)} ${event.tableId} freed at last after ${formatDuration(event.heldMs)}; the leak warning is cleared.`;

    // Staff (thread pool)
    case 'task.submitted':
      return `${party(event.partyId, context)} ordered: ${n.ticket} ${event.taskId}.`;
    case 'worker.started': {
      const who = event.isCore ? `${capitalise(n.cook)} ${event.workerId} started a shift` : `${capitalise(n.extraCook)} ${event.workerId} called in`;
      return event.taskId === null ? `${who}.` : `${who} to take ${n.ticket} ${event.taskId}.`;
    }
    case 'task.queued':
      return `${capitalise(n.ticket)} ${event.taskId} waits on the ${n.rail} (${plural(event.queueLength, n.ticket, `${n.ticket}s`)} waiting).`;
    case 'task.started':
      return event.queuedMs <= 0
        ? `${capitalise(n.cook)} ${event.workerId} took ${n.ticket} ${event.taskId} straight away.`
        : `${capitalise(n.cook)} ${event.workerId} took ${n.ticket} ${event.taskId} after ${formatDuration(event.queuedMs)} on the ${n.rail}.`;
    case 'task.completed':
      return `${cookName(event.workerId)} finished ${n.ticket} ${event.taskId} in ${formatDuration(event.durationMs)}.`;
    case 'task.failed':
      return `${cookName(event.workerId)} could not finish ${n.ticket} ${event.taskId}: ${failureWords(event.reason)}.`;
    case 'task.rejected':
      return `${capitalise(n.ticket)} ${event.taskId} refused: the ${n.rail} is full and no more staff can come in (policy: ${rejectionPolicyTerms[event.policy].label}).`;
    case 'task.discarded':
      return `${capitalise(n.ticket)} ${event.taskId}, the oldest on the ${n.rail}, thrown out to make room for ${n.ticket} ${event.byTaskId}.`;
    case 'task.callerRan':
      return `The server cooked ${n.ticket} ${event.taskId} themselves in ${formatDuration(event.durationMs)} (policy: ${rejectionPolicyTerms.callerRuns.label}).`;
    case 'task.deferred':
      return `${capitalise(n.ticket)} ${event.taskId} on hold until ${formatClock(event.untilMs)}: the server is busy cooking.`;
    case 'worker.idle':
      return `${capitalise(n.cook)} ${event.workerId} is free.`;
    case 'worker.retired':
      return event.reason === 'keepAlive'
        ? `${capitalise(n.cook)} ${event.workerId} went home after standing idle.`
        : `${capitalise(n.cook)} ${event.workerId} sent home: fewer staff are allowed now.`;

    // Ingredients (file descriptors)
    case 'fd.opened':
      return `${capitalise(n.ingredient)} taken from ${n.slot} ${event.fd} for ${ownerName(event.owner)}.`;
    case 'fd.closed':
      return `${capitalise(n.ingredient)} put back in ${n.slot} ${event.fd} by ${ownerName(event.owner)} after ${formatDuration(event.heldMs)}.`;
    case 'fd.emfile':
      return `No free ${n.slot} for ${ownerName(event.owner)}: ${event.openCount} of ${event.softLimit} in use (EMFILE).`;
    case 'fd.ebadf':
      return `${capitalise(ownerName(event.owner))} tried to put back ${n.slot} ${event.fd}, which was already empty (EBADF).`;
    case 'fd.staleClosed':
      return `${capitalise(n.slot)} ${event.fd} tidied away after ${formatDuration(event.idleMs)} untouched.`;
    case 'fd.leaked':
      return `${capitalise(n.slot)} ${event.fd}, taken at ${formatClock(event.openedAtMs)} for ${ownerName(event.owner)}, was never put back: a leak.`;
    case 'fd.limitChanged':
      return `The ${n.pantry} now has ${event.softLimit} usable slots (at most ${event.hardLimit}).`;
    case 'fd.limitRefused':
      return `Change to ${event.softLimit} ${n.pantry} slots (at most ${event.hardLimit}) refused (${event.error}).`;

    // The manager (resource manager)
    case 'resource.allocated':
      return `The ${n.manager} booked ${amountOf(event.kind, event.amount)} for ${ownerName(event.owner)}.`;
    case 'resource.released':
      return `${capitalise(ownerName(event.owner))} gave back ${amountOf(event.kind, event.amount)}.`;
    case 'limit.exceeded':
      return `The ${n.manager} said no to ${ownerName(event.owner)}: another ${amountOf(event.kind, event.requested)} would pass the limit (${event.used} of ${event.limit} booked).`;
    case 'pressure.high':
      return `${kindTerms[event.kind].label} at ${formatPercent(event.ratio)} of the limit (pressure above ${formatPercent(event.threshold)}).`;
    case 'batch.started':
      return `${n.batch} ${event.batchIndex} started: ${plural(event.itemCount, 'item', 'items')}.`;
    case 'batch.completed':
      return `${n.batch} ${event.batchIndex} done.`;
    case 'batch.failed':
      return `${n.batch} ${event.batchIndex} failed: ${event.reason}.`;
    case 'batch.backedOff':
      return `${n.batch} ${event.batchIndex} waits ${formatDuration(event.backoffMs)}: the kitchen is under pressure.`;
    case 'cleanup.ran':
      return event.mode === 'routine'
        ? `Routine clean-up put away ${plural(event.releasedCount, 'thing', 'things')}.`
        : `Emergency clean-up put away ${plural(event.releasedCount, 'thing', 'things')}.`;
    case 'limit.changed': {
      const path = limitPathOf(event.kind, event.field);
      const term = Object.hasOwn(limitTerms, path) ? limitTerms[path as keyof typeof limitTerms] : undefined;
      const name = term ? `${term.label} (${term.real})` : `${kindLabel(event.kind)} ${event.field}`;
      return `House rules: ${name} changed from ${limitValueWords(path, event.from)} to ${limitValueWords(path, event.to)}.`;
    }

    // Kitchen stations (memory pools and the heap)
    case 'pool.allocated':
      return `${capitalise(ownerName(event.owner))} took ${stationClassWords[event.poolClass]} ${event.blockIndex} (${formatBytes(event.size)}).`;
    case 'pool.exhausted':
      return event.action === 'heapFallback'
        ? `Every ${stationClassWords[event.poolClass]} is busy: ${ownerName(event.owner)} moves to the ${n.banquet} (heap fallback).`
        : `Every ${stationClassWords[event.poolClass]} is busy: ${ownerName(event.owner)} gets no space (pool exhausted).`;
    case 'pool.freed':
      return `${capitalise(ownerName(event.owner))} cleared ${stationClassWords[event.poolClass]} ${event.blockIndex}.`;
    case 'heap.searched':
      return `Looked through ${plural(event.probes.length, 'free stretch', 'free stretches')} of the ${n.banquet} for ${formatBytes(event.need)} (${event.policy.toLowerCase()} fit).`;
    case 'heap.split':
      return `Cut ${formatBytes(event.need)} from the free stretch at address ${event.addr}; ${formatBytes(event.remainderSize)} stay free at ${event.remainderAddr}.`;
    case 'heap.allocated':
      return `${capitalise(ownerName(event.owner))} got ${formatBytes(event.size)} of the ${n.banquet} at address ${event.addr} (searched ${plural(event.searched, 'stretch', 'stretches')}).`;
    case 'heap.oom':
      return `No free stretch of the ${n.banquet} fits ${formatBytes(event.need)} for ${ownerName(event.owner)}: the largest is ${formatBytes(event.largestFree)} (out of memory).`;
    case 'heap.freed':
      return `${capitalise(ownerName(event.owner))} cleared ${formatBytes(event.size)} of the ${n.banquet} at address ${event.addr}.`;
    case 'heap.coalesced':
      return `Neighbouring free stretches joined: ${event.mergedCount} became one of ${formatBytes(event.size)} at address ${event.addr} (coalesced).`;
    case 'memory.freeRefused':
      return event.reason === 'doubleFree'
        ? `${capitalise(ownerName(event.owner))} tried to clear space already cleared (double free).`
        : `${capitalise(ownerName(event.owner))} tried to clear space that was never given out (unknown pointer).`;
    case 'memory.limitExceeded':
      return `No more counter space for ${ownerName(event.owner)}: ${formatBytes(event.requested)} more would pass the limit (${formatBytes(event.used)} of ${formatBytes(event.limit)} used).`;
    case 'memory.reclaimed':
      return event.reason === 'stale'
        ? `Space of ${ownerName(event.owner)} (${formatBytes(event.size)}) cleaned after ${formatDuration(event.idleMs)} untouched (stale cleanup).`
        : `Space nobody can reach any more (${formatBytes(event.size)}, ${ownerName(event.owner)}) swept away (garbage collected).`;
    case 'gc.ran':
      return `Deep clean: ${formatBytes(event.usedBefore)} in use passed ${formatBytes(event.threshold)}; ${plural(event.collectedCount, 'station', 'stations')} freed, ${formatBytes(event.freedBytes)} back.`;
    case 'memory.leaked':
      return `Counter space of ${formatBytes(event.size)}, taken at ${formatClock(event.allocatedAtMs)} by ${ownerName(event.owner)}, was never cleared: a leak.`;

    // The warming shelf (cache)
    case 'cache.hit':
      return `${capitalise(event.key)} was already on the ${n.shelf} (hit).`;
    case 'cache.miss':
      return `No ${event.key} on the ${n.shelf}: cook it to order (miss).`;
    case 'cache.stored':
      return `${capitalise(event.key)} put on the ${n.shelf} (${plural(event.entryCount, n.dish, 'dishes')}, ${formatBytes(event.bytesUsed)}).`;
    case 'cache.evicted':
      if (event.reason === 'evict') return `${capitalise(event.key)} taken off the ${n.shelf} to make room (${event.policy} eviction).`;
      if (event.reason === 'set') return `${capitalise(event.key)} on the ${n.shelf} replaced by a fresh one.`;
      if (event.reason === 'stale') return `${capitalise(event.key)} sat too long and was thrown out in the clean-up (stale).`;
      return `${capitalise(event.key)} removed from the ${n.shelf}.`;
    case 'cache.refused':
      return event.reason === 'tooBig'
        ? `${capitalise(event.key)} (${formatBytes(event.size)}) is too big for the ${n.shelf} (limit ${formatBytes(event.limit)}).`
        : `No counter space left to keep ${event.key} warm (limit ${formatBytes(event.limit)}).`;

    default:
      return unknownEvent(event);
  }
}

/** Compile-time check that every event type has a sentence; at run time, a safe fallback. */
function unknownEvent(event: never): string {
  const type = (event as { type?: unknown }).type;
  return `Something happened (${String(type)}).`;
}

/**
 * The scenario path of a changed limit (`tables.small.max`, `staff.queueCapacity`, `manager.limits.memory`),
 * as the house rules name it, from the kind and field a `limit.changed` fact carries.
 */
export function limitPathOf(kind: string, field: string): string {
  if (field === 'limit') return `manager.limits.${kind}`;
  if (kind === 'thread' || kind === 'staff') return `staff.${field}`;
  if (kind === 'memory') return `stations.${field}`;
  return `${kind}.${field}`;
}

/** A limit's value as a person reads it: durations and sizes in their units, anything else as it is. */
function limitValueWords(path: string, value: number | string): string {
  if (typeof value !== 'number') return String(value);
  if (/Ms$/.test(path)) return formatDuration(value);
  if (/Bytes$|blockSize$|heapSize$|^manager\.limits\.memory$/.test(path)) return formatBytes(value);
  return String(value);
}

/** The restaurant word for a kind named in an event, or the name itself when it is not one we know. */
function kindLabel(kind: string): string {
  return Object.hasOwn(kindTerms, kind) ? kindTerms[kind as keyof typeof kindTerms].label.toLowerCase() : kind;
}

/** Why a ticket failed, in kitchen words with the real term. */
function failureWords(reason: string): string {
  if (reason === 'OOM') return 'no counter space for the dish (out of memory)';
  if (reason === 'EMFILE') return `no free ${n.slot} for an ingredient (EMFILE)`;
  return reason;
}

/**
 * Who cooked: `Cook 3`; the front of house for a caller-runs task (worker -1); the kitchen itself when the
 * scenario models no staff (worker 0).
 */
function cookName(workerId: number): string {
  if (workerId === -1) return `The ${n.frontOfHouse}`;
  if (workerId === 0) return `The ${n.kitchen}`;
  return `${capitalise(n.cook)} ${workerId}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
