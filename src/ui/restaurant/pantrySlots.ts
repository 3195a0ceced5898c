/**
 * The pantry (the descriptor table) as numbered slots, and what just happened in it. Pure.
 *
 * A slot is `reserved` (the house's 0, 1, 2: stdin, stdout, stderr), `open` (an ingredient out for a
 * ticket), `leaked` (left out: its ticket finished without putting it back, or the closing-time report
 * named it) or `free`. The lowest free number below the soft limit is the one the next open gets (POSIX).
 */
import type { SimEvent } from '../../sim/events.ts';
import type { OpenFd } from '../../sim/fdTable.ts';
import type { FactPlace } from './stationActivity.ts';

export type FdSlotState = 'free' | 'open' | 'reserved' | 'leaked';

export interface FdSlot {
  fd: number;
  state: FdSlotState;
  /** The descriptor in the slot, or null when free. */
  open: OpenFd | null;
  /** Numbered at or above the soft limit (still open after the limit was lowered). */
  isBeyondLimit: boolean;
}

/** The owner of the descriptors open before service. */
export const HOUSE = 'house';

/** The usual names of the first three descriptors. */
export const STANDARD_STREAMS: readonly string[] = ['stdin', 'stdout', 'stderr'];

export interface PantryInput {
  openFds: readonly OpenFd[];
  softLimit: number;
  /** Is this open descriptor left out by a finished ticket? */
  isLeft: (open: OpenFd) => boolean;
  /** Slots drawn at most (default 256). */
  cap?: number;
}

export interface PantryLayout {
  slots: FdSlot[];
  /** Slots not drawn past the cap. */
  hiddenCount: number;
  /** Open descriptors among the hidden slots. */
  hiddenOpenCount: number;
  /** The number the next open gets, or null when every slot below the soft limit is taken (EMFILE). */
  nextFree: number | null;
}

/** The slots `0 .. max(softLimit, highest open + 1) - 1`, the first `cap` of them drawn. */
export function pantrySlots({ openFds, softLimit, isLeft, cap = 256 }: PantryInput): PantryLayout {
  const byFd = new Map<number, OpenFd>();
  let highest = -1;
  for (const f of openFds) {
    byFd.set(f.fd, f);
    highest = Math.max(highest, f.fd);
  }
  const count = Math.max(softLimit, highest + 1);
  const shown = Math.min(count, cap);
  const slots: FdSlot[] = [];
  for (let fd = 0; fd < shown; fd++) {
    const open = byFd.get(fd) ?? null;
    const state: FdSlotState = open === null ? 'free' : open.owner === HOUSE ? 'reserved' : isLeft(open) ? 'leaked' : 'open';
    slots.push({ fd, state, open, isBeyondLimit: fd >= softLimit });
  }
  let nextFree: number | null = null;
  for (let fd = 0; fd < softLimit; fd++) {
    if (!byFd.has(fd)) {
      nextFree = fd;
      break;
    }
  }
  let hiddenOpenCount = 0;
  for (const fd of byFd.keys()) if (fd >= shown) hiddenOpenCount++;
  return { slots, hiddenCount: count - shown, hiddenOpenCount, nextFree };
}

/** Roomy slots show the owner under the number; compact ones (many slots) only the number. */
export function pantryDensity(slotCount: number): 'roomy' | 'compact' {
  return slotCount > 48 ? 'compact' : 'roomy';
}

/** The task id of a ticket owner ("ticket 12" -> 12), or null. */
export function ticketOf(owner: string): number | null {
  const m = /^ticket (\d+)$/.exec(owner);
  return m ? Number(m[1]) : null;
}

/**
 * Tickets that have finished, and descriptors the closing-time report called leaks, read from the
 * append-only log incrementally (call {@link update} with the whole log after it grows; another log, or a
 * shorter one after a step back, starts the reading over). An open descriptor whose ticket has finished
 * (`task.completed` or `task.failed`, whoever cooked it) was left out: finished tickets close everything else
 * they opened.
 */
export class LeftOutIngredients {
  private readonly finished = new Set<string>();
  private readonly reported = new Set<string>();
  private readCount = 0;
  private log: readonly SimEvent[] | null = null;

  update(events: readonly SimEvent[], upTo = events.length): void {
    const end = Math.min(upTo, events.length);
    if (events !== this.log || end < this.readCount) {
      this.finished.clear();
      this.reported.clear();
      this.readCount = 0;
      this.log = events;
    }
    for (let i = this.readCount; i < end; i++) this.read(events[i]);
    this.readCount = end;
  }

  /** Reads only `recent` facts (when the whole log is not at hand): finds fewer, never wrong ones. */
  static fromRecent(recent: readonly SimEvent[]): LeftOutIngredients {
    const found = new LeftOutIngredients();
    for (const e of recent) found.read(e);
    return found;
  }

  /** Is this open descriptor left out? */
  readonly isLeft = (open: OpenFd): boolean => this.finished.has(open.owner) || this.reported.has(`${open.fd}/${open.owner}`);

  private read(e: SimEvent): void {
    // A ticket ends with `task.completed` or `task.failed`. Not `task.callerRan`: that is logged when the front of
    // house *starts* cooking a rejected ticket itself (callerRuns); it ends `durationMs` later with
    // `task.completed` (workerId -1), and its ingredients are in use until then.
    if (e.type === 'task.completed' || e.type === 'task.failed') this.finished.add(`ticket ${e.taskId}`);
    else if (e.type === 'fd.leaked') this.reported.add(`${e.fd}/${e.owner}`);
  }
}

/** The pantry's recent moments. */
export interface PantryActivity {
  /** Descriptors opened among the recent facts (newest first, one per number). */
  opens: (FactPlace & { fd: number; owner: string })[];
  /** The last EMFILE. */
  emfile: (FactPlace & { owner: string; softLimit: number; openCount: number }) | null;
  /** The last stale cleanup: the numbers it closed at that moment. */
  sweep: (FactPlace & { fds: number[] }) | null;
}

/** Reads `recent` (oldest first; the newest is at log index `eventIndex - 1`); opens older than `openWindow` facts are left out. */
export function pantryActivity(recent: readonly SimEvent[], eventIndex: number, openWindow = 12): PantryActivity {
  const first = eventIndex - recent.length;
  const place = (i: number): FactPlace => ({ logIndex: first + i, atMs: recent[i].atMs, age: recent.length - 1 - i });
  const activity: PantryActivity = { opens: [], emfile: null, sweep: null };
  const seen = new Set<number>();
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i];
    if (e.type === 'fd.opened' && recent.length - 1 - i < openWindow && !seen.has(e.fd)) {
      seen.add(e.fd);
      activity.opens.push({ ...place(i), fd: e.fd, owner: e.owner });
    } else if (e.type === 'fd.emfile') {
      activity.emfile ??= { ...place(i), owner: e.owner, softLimit: e.softLimit, openCount: e.openCount };
    } else if (e.type === 'fd.staleClosed' && activity.sweep === null) {
      const fds: number[] = [];
      for (let j = i; j >= 0; j--) {
        const s = recent[j];
        if (s.type !== 'fd.staleClosed' || s.atMs !== e.atMs) break;
        fds.unshift(s.fd);
      }
      activity.sweep = { ...place(i), fds };
    }
  }
  return activity;
}

/** A slot's owner in a few letters: "ticket 12" -> "T12", "house" stays, anything else cut to 6 letters. */
export function shortOwner(owner: string): string {
  const ticket = ticketOf(owner);
  if (ticket !== null) return `T${ticket}`;
  return owner.length <= 6 ? owner : `${owner.slice(0, 5)}…`;
}

/** The short words drawn in a slot under its number: the stream name of a house slot, else the owner. */
export function slotCaption(slot: FdSlot): string {
  if (slot.open === null) return '';
  return slot.state === 'reserved' ? (STANDARD_STREAMS[slot.fd] ?? HOUSE) : shortOwner(slot.open.owner);
}

/**
 * What a screen reader hears for a slot: "Pantry slot 5, T12: taken by ticket 12 for 2.1 min". The words
 * drawn in the slot (its number, then `caption` when shown) come first, in order, so the name contains the
 * visible label (WCAG 2.5.3).
 */
export function fdAriaLabel(slot: FdSlot, caption: string, nowMs: number, formatHeld: (ms: number) => string, nameOf: (owner: string) => string): string {
  const where = caption === '' ? `Pantry slot ${slot.fd}` : `Pantry slot ${slot.fd}, ${caption}`;
  const open = slot.open;
  if (open === null) return `${where}: free`;
  if (slot.state === 'reserved') return `${where}: the house’s (reserved)`;
  const held = formatHeld(Math.max(0, nowMs - open.openedAtMs));
  if (slot.state === 'leaked') return `${where}: left out by ${nameOf(open.owner)} for ${held} (leaked)`;
  return `${where}: taken by ${nameOf(open.owner)} for ${held}`;
}
