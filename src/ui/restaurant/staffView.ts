/**
 * What the staff room shows, as plain data: each cook with its ticket, the tickets on the rail, the rail's
 * capacity, extra staff coming and going, the latest order the kitchen could not take and the policy that
 * decided it, and the words for all of them in the current terms mode. Pure.
 *
 * @example
 * cookViews(view.workers, view.recentEvents, view.nowMs, 'restaurant')[0].ariaLabel;
 * // 'Cook 1, on shift, cooking ticket 45'
 */
import type { RejectionPolicy, SimEvent } from '../../sim/events.ts';
import type { WorkerState } from '../../sim/lifecycles.ts';
import type { StaffConfig } from '../../sim/scenario.ts';
import type { Ticket, WorkerView } from '../../sim/threadPool.ts';
import type { TermsMode } from '../terms.svelte.ts';
import { rejectionPolicyTerms, staffTerms, workerStateTerms } from '../vocabulary.ts';
import { RECENT_WINDOW_MS, say, sayBoth, type LegendItem, type UnitTone } from './diningView.ts';

export const WORKER_TONE: Record<WorkerState, UnitTone> = {
  starting: 'setup',
  idle: 'idle',
  busy: 'busy',
  retired: 'ended',
};

/** `Cook 3` (restaurant) or `Worker 3` (systems), as the narrator names cooks. */
export function cookName(workerId: number, mode: TermsMode): string {
  return `${mode === 'restaurant' ? 'Cook' : 'Worker'} ${workerId}`;
}

/** `ticket 45` or `task 45`. */
export function ticketName(taskId: number, mode: TermsMode): string {
  return `${mode === 'restaurant' ? 'ticket' : 'task'} ${taskId}`;
}

/** One cook as drawn. */
export interface CookView {
  workerId: number;
  state: WorkerState;
  tone: UnitTone;
  taskId: number | null;
  /** Started as a core worker ("on shift") rather than extra staff. */
  isCore: boolean;
  /** Extra staff called in within the recent window. */
  isNew: boolean;
  name: string;
  ariaLabel: string;
}

/** Workers started as extra staff (`worker.started`, not core) within `windowMs` before `nowMs`. */
function newcomers(events: readonly SimEvent[], nowMs: number, windowMs: number): Set<number> {
  const ids = new Set<number>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.atMs < nowMs - windowMs) break;
    if (e.type === 'worker.started' && !e.isCore && e.atMs <= nowMs) ids.add(e.workerId);
  }
  return ids;
}

/** The cooks on shift, in start order, ready to draw. */
export function cookViews(workers: readonly WorkerView[], events: readonly SimEvent[], nowMs: number, mode: TermsMode, windowMs = RECENT_WINDOW_MS): CookView[] {
  const fresh = newcomers(events, nowMs, windowMs);
  return workers
    .filter((w) => w.state !== 'retired')
    .map((w) => {
      const name = cookName(w.workerId, mode);
      const role = say(w.startedAsCore ? staffTerms.core : staffTerms.extra, mode);
      const isNew = fresh.has(w.workerId);
      const state = say(workerStateTerms[w.state], mode);
      const doing = w.taskId === null ? state : `${state}${mode === 'systems' ? ' with' : ''} ${ticketName(w.taskId, mode)}`;
      const arrived = isNew ? `, ${say(staffTerms.calledIn, mode)}` : '';
      return {
        workerId: w.workerId,
        state: w.state,
        tone: WORKER_TONE[w.state],
        taskId: w.taskId,
        isCore: w.startedAsCore,
        isNew,
        name,
        ariaLabel: `${name}, ${role}, ${doing}${arrived}`,
      };
    });
}

/** How many tickets the rail holds now: the limits in force first, else the scenario's; null without staff. */
export function railCapacity(staff: StaffConfig | undefined): number | 'unbounded' | null {
  return staff === undefined ? null : staff.queueCapacity;
}

/** What a screen reader hears of the rail: `Ticket rail: 3 of 8 tickets; next: ticket 41, ticket 42, ticket 43`. */
export function railDescription(tickets: readonly Ticket[], capacity: number | 'unbounded', mode: TermsMode): string {
  const title = say(staffTerms.rail, mode);
  if (capacity === 0) return `${title}: ${say(staffTerms.noRail, mode)}`;
  const of = capacity === 'unbounded' ? `${tickets.length}, ${say(staffTerms.endlessRail, mode)}` : `${tickets.length} of ${capacity}`;
  const next = tickets.slice(0, 3).map((t) => ticketName(t.taskId, mode));
  return next.length === 0 ? `${title}: ${of}, empty` : `${title}: ${of}; next: ${next.join(', ')}${tickets.length > 3 ? ', …' : ''}`;
}

/** A cook who came in or went home a moment ago. */
export interface StaffMove {
  kind: 'arrived' | 'left';
  workerId: number;
  atMs: number;
  /** `Cook 5 called in` / `Cook 4 went home`. */
  text: string;
}

/** Extra staff called in and cooks who went home within `windowMs` before `nowMs`, newest first. */
export function staffMoves(events: readonly SimEvent[], nowMs: number, mode: TermsMode, windowMs = RECENT_WINDOW_MS): StaffMove[] {
  const moves: StaffMove[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.atMs < nowMs - windowMs) break;
    if (e.atMs > nowMs) continue;
    if (e.type === 'worker.started' && !e.isCore) {
      const what = mode === 'restaurant' ? say(staffTerms.calledIn, mode) : 'started (non-core)';
      moves.push({ kind: 'arrived', workerId: e.workerId, atMs: e.atMs, text: `${cookName(e.workerId, mode)} ${what}` });
    } else if (e.type === 'worker.retired') {
      const why = e.reason === 'keepAlive' ? (mode === 'restaurant' ? 'after standing idle' : 'keep-alive expired') : mode === 'restaurant' ? 'fewer staff allowed' : 'max lowered';
      moves.push({ kind: 'left', workerId: e.workerId, atMs: e.atMs, text: `${cookName(e.workerId, mode)} ${mode === 'restaurant' ? say(staffTerms.wentHome, mode) : 'retired'} (${why})` });
    }
  }
  return moves;
}

/** The latest order the kitchen could not put on the rail, and what its policy did. */
export interface Refusal {
  kind: 'rejected' | 'discarded' | 'callerRan';
  taskId: number;
  /** The ticket that took the discarded one's place (discardOldest). */
  byTaskId: number | null;
  policy: RejectionPolicy;
  atMs: number;
}

/**
 * The newest refusal within `windowMs` before `nowMs`: a ticket rejected (abort, discard, or discardOldest
 * with nothing to throw out), the oldest ticket thrown out for a new one (discardOldest), or a ticket the
 * front of house cooks itself (callerRuns). Null when there was none.
 */
export function latestRefusal(events: readonly SimEvent[], nowMs: number, windowMs = RECENT_WINDOW_MS): Refusal | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.atMs < nowMs - windowMs) break;
    if (e.atMs > nowMs) continue;
    if (e.type === 'task.rejected') return { kind: 'rejected', taskId: e.taskId, byTaskId: null, policy: e.policy, atMs: e.atMs };
    if (e.type === 'task.discarded') return { kind: 'discarded', taskId: e.taskId, byTaskId: e.byTaskId, policy: e.policy, atMs: e.atMs };
    if (e.type === 'task.callerRan') return { kind: 'callerRan', taskId: e.taskId, byTaskId: null, policy: 'callerRuns', atMs: e.atMs };
  }
  return null;
}

/** What happened to the refused order, in words (the policy is shown beside it). */
export function refusalText(refusal: Refusal, mode: TermsMode): string {
  const ticket = ticketName(refusal.taskId, mode);
  const full = mode === 'restaurant' ? 'the rail is full and no more staff can come in' : 'the queue is full and the pool is at maxPoolSize';
  switch (refusal.kind) {
    case 'rejected':
      return mode === 'restaurant' ? `Order refused: ${ticket}, ${full}.` : `Task rejected: ${ticket}, ${full}.`;
    case 'discarded':
      return mode === 'restaurant'
        ? `The oldest ticket on the rail, ${ticket}, thrown out to make room for ${ticketName(refusal.byTaskId as number, mode)}.`
        : `Oldest queued ${ticket} discarded for ${ticketName(refusal.byTaskId as number, mode)}.`;
    case 'callerRan':
      return mode === 'restaurant' ? `The server cooks ${ticket} themselves: ${full}.` : `The caller runs ${ticket} itself: ${full}.`;
  }
}

/** The policy, both words: `refuse the order · abort`. */
export function policyWords(policy: RejectionPolicy, mode: TermsMode): string {
  return sayBoth(rejectionPolicyTerms[policy], mode);
}

/** The ticket the front of house is cooking (the newest `task.callerRan`), or null when it is not busy. */
export function callerTicket(events: readonly SimEvent[], isCallerBusy: boolean): number | null {
  if (!isCallerBusy) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'task.callerRan') return e.taskId;
  }
  return null;
}

/** The staff room's legend, in drawing order. */
export const STAFF_LEGEND: readonly LegendItem[] = [
  { key: 'busy', term: workerStateTerms.busy, swatch: 'fill', tone: 'busy' },
  { key: 'idle', term: workerStateTerms.idle, swatch: 'fill', tone: 'idle' },
  { key: 'extra', term: staffTerms.extra, swatch: 'extra', tone: 'idle' },
  { key: 'open', term: staffTerms.openPlace, swatch: 'ghost' },
  { key: 'ticket', term: { label: 'ticket on the rail', real: 'queued task' }, swatch: 'ticket' },
];
