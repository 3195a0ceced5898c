/**
 * The event types of `src/sim/events.ts` at run time, so a lesson's moment link can be checked against them.
 * The record is typed `Record<SimEventType, true>`: adding or renaming an event type there makes this file
 * fail to compile until it is listed here too.
 */
import type { SimEventType } from '../sim/events.ts';

const EVENT_TYPES: Record<SimEventType, true> = {
  'party.arrived': true,
  'party.left': true,
  'table.creating': true,
  'table.created': true,
  'acquire.queued': true,
  'table.acquired': true,
  'acquire.timedOut': true,
  'acquire.refused': true,
  'table.released': true,
  'table.reset': true,
  'table.unhealthy': true,
  'table.evicted': true,
  'table.retired': true,
  'table.leakSuspected': true,
  'table.leakCleared': true,
  'task.submitted': true,
  'worker.started': true,
  'task.queued': true,
  'task.started': true,
  'task.completed': true,
  'task.failed': true,
  'task.rejected': true,
  'task.discarded': true,
  'task.callerRan': true,
  'task.deferred': true,
  'worker.idle': true,
  'worker.retired': true,
  'fd.opened': true,
  'fd.closed': true,
  'fd.emfile': true,
  'fd.ebadf': true,
  'fd.staleClosed': true,
  'fd.leaked': true,
  'fd.limitChanged': true,
  'fd.limitRefused': true,
  'resource.allocated': true,
  'resource.released': true,
  'limit.exceeded': true,
  'pressure.high': true,
  'batch.started': true,
  'batch.completed': true,
  'batch.failed': true,
  'batch.backedOff': true,
  'cleanup.ran': true,
  'limit.changed': true,
  'pool.allocated': true,
  'pool.exhausted': true,
  'pool.freed': true,
  'heap.searched': true,
  'heap.split': true,
  'heap.allocated': true,
  'heap.oom': true,
  'heap.freed': true,
  'heap.coalesced': true,
  'memory.freeRefused': true,
  'memory.limitExceeded': true,
  'memory.reclaimed': true,
  'gc.ran': true,
  'memory.leaked': true,
  'cache.hit': true,
  'cache.miss': true,
  'cache.stored': true,
  'cache.evicted': true,
  'cache.refused': true,
};

/** Every event type, in the order of `src/sim/events.ts`. */
export const SIM_EVENT_TYPES: readonly SimEventType[] = Object.keys(EVENT_TYPES) as SimEventType[];

/** True when `type` names an event of the simulation log. */
export function isSimEventType(type: string): type is SimEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

/** The event type closest to a misspelt one (compared without case and dots, within an edit distance of about a third of its length), or null. */
export function nearestEventType(type: string): SimEventType | null {
  let best: SimEventType | null = null;
  let bestDistance = Math.max(2, Math.floor(type.length / 3)) + 1;
  const plain = (t: string) => t.toLowerCase().replaceAll('.', '');
  const wanted = plain(type);
  for (const candidate of SIM_EVENT_TYPES) {
    const d = editDistance(wanted, plain(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
