/**
 * Notable events: the facts the timeline marks and the error chart counts, sorted into a few kinds a learner
 * recognises (a party giving up, an order refused, a full pantry, memory running out, a leak). Pure.
 *
 * @example
 * notableKindOf({ atMs: 5, type: 'fd.emfile', owner: 'ticket 3', softLimit: 24, openCount: 24 }) // 'emfile'
 */
import type { SimEvent } from '../../sim/events.ts';
import type { Scenario } from '../../sim/scenario.ts';
import type { Tone } from '../gaugeRows.ts';

/** The kinds of notable event, in the order the UI lists them. */
export type NotableKind = 'timeout' | 'rejection' | 'emfile' | 'oom' | 'leak';

/** Every notable kind, in display order. */
export const NOTABLE_KINDS: readonly NotableKind[] = ['timeout', 'rejection', 'emfile', 'oom', 'leak'];

/** The kinds the error chart counts (a leak is not a failure at the moment it is found). */
export type ErrorKind = Exclude<NotableKind, 'leak'>;

export const ERROR_KINDS: readonly ErrorKind[] = ['timeout', 'rejection', 'emfile', 'oom'];

/** The colour of each kind (a `--tone-*` variable of app.css). */
export const notableTones: Readonly<Record<NotableKind, Tone>> = {
  timeout: 'waiting',
  rejection: 'busy',
  emfile: 'resetting',
  oom: 'setup',
  leak: 'used',
};

/**
 * The notable kind of a fact, or null. Timeouts: `acquire.timedOut`. Rejections: `task.rejected` and
 * `task.discarded` (a dropped ticket either way). EMFILE: `fd.emfile`. Out of room: `heap.oom`,
 * `memory.limitExceeded`, the manager's `limit.exceeded`, and a station pool exhausted with no fallback.
 * Leaks: `table.leakSuspected`, `fd.leaked`, `memory.leaked`.
 */
export function notableKindOf(event: SimEvent): NotableKind | null {
  switch (event.type) {
    case 'acquire.timedOut':
      return 'timeout';
    case 'task.rejected':
    case 'task.discarded':
      return 'rejection';
    case 'fd.emfile':
      return 'emfile';
    case 'heap.oom':
    case 'memory.limitExceeded':
    case 'limit.exceeded':
      return 'oom';
    case 'pool.exhausted':
      return event.action === 'failed' ? 'oom' : null;
    case 'table.leakSuspected':
    case 'fd.leaked':
    case 'memory.leaked':
      return 'leak';
    default:
      return null;
  }
}

/** The error kinds a scenario can produce (only those get a place in the error chart's legend). */
export function errorKindsFor(scenario: Pick<Scenario, 'tables' | 'staff' | 'ingredients' | 'stations' | 'manager'>): ErrorKind[] {
  const kinds: ErrorKind[] = [];
  if (scenario.tables) kinds.push('timeout');
  if (scenario.staff) kinds.push('rejection');
  if (scenario.ingredients) kinds.push('emfile');
  if (scenario.stations || scenario.manager) kinds.push('oom');
  return kinds;
}
