/**
 * What the dining room shows, as plain data: each live table with its colour, party and leak flag, the
 * parties at the host stand, the parties that just gave up, the tables taken away, and the words for all of
 * them in the current terms mode. Pure: the same view gives the same result.
 *
 * @example
 * tableViews(view.tables, view.nowMs, 'restaurant', sizes)[0].ariaLabel;
 * // 'Table 3, small (4 seats), seated: party 12 (4 guests)'
 */
import type { ConnectionPoolGauges, TableRecord, Waiter } from '../../sim/connectionPool.ts';
import type { SimEvent, SizeClass, TableRetireReason } from '../../sim/events.ts';
import type { TableState } from '../../sim/lifecycles.ts';
import type { PartySizes } from '../feed.ts';
import { formatDuration, plural } from '../format.ts';
import type { TermsMode } from '../terms.svelte.ts';
import { diningTerms, sizeClassWords, tableStateTerms, type Term } from '../vocabulary.ts';
import { seatsOf } from './diningLayout.ts';

/** How long (virtual ms) a party that gave up, or a table taken away, stays visible after the fact. */
export const RECENT_WINDOW_MS = 60_000;

/** Colour role of a unit; the stylesheet maps each to a CSS variable. */
export type UnitTone = 'setup' | 'idle' | 'busy' | 'resetting' | 'problem' | 'ended';

/** The CSS colour of a tone. */
export const TONE_COLOUR: Record<UnitTone, string> = {
  setup: 'var(--tone-setup)',
  idle: 'var(--tone-idle)',
  busy: 'var(--tone-busy)',
  resetting: 'var(--tone-resetting)',
  problem: 'var(--danger-border)',
  ended: 'var(--track)',
};

export const TABLE_TONE: Record<TableState, UnitTone> = {
  creating: 'setup',
  available: 'idle',
  occupied: 'busy',
  cleaning: 'resetting',
  unhealthy: 'problem',
  retired: 'ended',
};

/** The word shown first in `mode` (as `primary()` of terms.svelte.ts, but pure). */
export function say(term: Term, mode: TermsMode): string {
  return mode === 'restaurant' ? term.label : term.real;
}

/** Both words, the current mode's first: `seated · in use`. */
export function sayBoth(term: Term, mode: TermsMode): string {
  return mode === 'restaurant' ? `${term.label} · ${term.real}` : `${term.real} · ${term.label}`;
}

function capitalised(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** `Table 3` (restaurant) or `Connection 3` (systems), as the narrator names tables. */
export function tableName(tableId: number, mode: TermsMode): string {
  return `${capitalised(say(diningTerms.table, mode))} ${tableId}`;
}

/** `party 12 (4 guests)` or `request 12 (size 4)`; the size is left out when unknown. */
export function partyWords(partyId: number, size: number | undefined, mode: TermsMode): string {
  if (mode === 'systems') return size === undefined ? `request ${partyId}` : `request ${partyId} (size ${size})`;
  return size === undefined ? `party ${partyId}` : `party ${partyId} (${plural(size, 'guest', 'guests')})`;
}

/** How long a flagged table has been held, in whole minutes: `52 min`; under a minute `<1 min`. */
export function heldText(heldMs: number): string {
  return heldMs < 60_000 ? '<1 min' : `${Math.floor(heldMs / 60_000)} min`;
}

/** One live table as the room draws it. */
export interface TableView {
  tableId: number;
  sizeClass: SizeClass;
  state: TableState;
  tone: UnitTone;
  partyId: number | null;
  /** Guests of the seated party, when known. */
  partySize: number | undefined;
  /** The words under a seated table: `party 12` (systems: `request 12`), else null. */
  partyLabel: string | null;
  /** Chairs to draw as taken: the party's size, at most the chairs drawn. */
  takenChairs: number;
  /** `52 min` when the table is flagged as a suspected leak, else null. */
  leakText: string | null;
  /** Retires once its party leaves (its lifetime ended). */
  willRetire: boolean;
  /** `Table 3`. */
  name: string;
  /** The whole description read by a screen reader. */
  ariaLabel: string;
}

/** Looks up a party's size; undefined when unknown. */
export type PartySizeOf = (partyId: number) => number | undefined;

/** The live tables (retired ones left out), in id order, ready to draw. */
export function tableViews(tables: readonly TableRecord[], nowMs: number, mode: TermsMode, partySize: PartySizeOf): TableView[] {
  const views: TableView[] = [];
  for (const t of tables) {
    if (t.state === 'retired') continue;
    const isSeated = t.state === 'occupied' && t.partyId !== null;
    const size = isSeated ? partySize(t.partyId as number) : undefined;
    const leakText = isSeated && t.isLeakSuspected ? heldText(nowMs - t.acquiredAtMs) : null;
    const name = tableName(t.tableId, mode);
    const sizeWord = mode === 'restaurant' ? sizeClassWords[t.sizeClass] : `${t.sizeClass} pool`;
    let ariaLabel = `${name}, ${sizeWord} (${seatsOf(t.sizeClass)} seats), ${say(tableStateTerms[t.state], mode)}`;
    if (isSeated) ariaLabel += `: ${partyWords(t.partyId as number, size, mode)}`;
    if (leakText !== null) ariaLabel += `, ${say(diningTerms.leak, mode)} for ${leakText}`;
    if (t.isEvicted) ariaLabel += `, ${say(diningTerms.willRetire, mode)}`;
    views.push({
      tableId: t.tableId,
      sizeClass: t.sizeClass,
      state: t.state,
      tone: TABLE_TONE[t.state],
      partyId: isSeated ? t.partyId : null,
      partySize: size,
      partyLabel: isSeated ? partyWords(t.partyId as number, undefined, mode) : null,
      takenChairs: isSeated ? Math.min(size ?? 1, seatsOf(t.sizeClass)) : 0,
      leakText,
      willRetire: t.isEvicted,
      name,
      ariaLabel,
    });
  }
  return views.sort((a, b) => a.tableId - b.tableId);
}

/**
 * The size of any party: from the recent facts, else from `known`, which first reads what `log` (the whole log
 * so far, when given) added since it last looked.
 */
export function partySizeLookup(known: PartySizes, log: readonly SimEvent[] | undefined, recentEvents: readonly SimEvent[]): PartySizeOf {
  if (log) known.update(log);
  const recent = partySizesIn(recentEvents);
  return (partyId) => recent.get(partyId) ?? known.context.partySize?.(partyId);
}

/** Party sizes named by the recent facts (arrivals, queueing, seating). */
export function partySizesIn(events: readonly SimEvent[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const e of events) {
    if (e.type === 'party.arrived' || e.type === 'acquire.queued') sizes.set(e.partyId, e.size);
    else if (e.type === 'table.acquired') sizes.set(e.partyId, e.partySize);
  }
  return sizes;
}

/** A party at the host stand as drawn. */
export interface WaitingParty {
  partyId: number;
  size: number;
  waitedMs: number;
  /** `2.5 min`. */
  waitedText: string;
  /** Share of its patience left (1 = just arrived, 0 = about to leave), or null when parties wait forever. */
  patienceLeft: number | null;
  ariaLabel: string;
}

/** The parties waiting at the host stand, in line order. `acquireTimeoutMs` 0 means they wait forever. */
export function waitingParties(line: readonly Waiter[], nowMs: number, acquireTimeoutMs: number, mode: TermsMode): WaitingParty[] {
  return line
    .filter((w) => w.isWaiting)
    .map((w, i) => {
      const waitedMs = Math.max(0, nowMs - w.queuedAtMs);
      const patienceLeft = acquireTimeoutMs > 0 ? Math.max(0, Math.min(1, 1 - waitedMs / acquireTimeoutMs)) : null;
      const waitedText = formatDuration(waitedMs);
      const who = capitalised(partyWords(w.partyId, w.size, mode));
      const leaves = acquireTimeoutMs > 0 ? `, gives up in ${formatDuration(Math.max(0, acquireTimeoutMs - waitedMs))}` : '';
      return { partyId: w.partyId, size: w.size, waitedMs, waitedText, patienceLeft, ariaLabel: `${i + 1}. ${who}, waiting ${waitedText}${leaves}` };
    });
}

/** A party that gave up waiting a moment ago. */
export interface PartyGone {
  partyId: number;
  size: number | undefined;
  atMs: number;
  waitedMs: number;
  /** `Party 9 (2 guests) gave up and left after 8 min`. */
  text: string;
}

/**
 * Parties that timed out at the host stand (`acquire.timedOut`) within the last `windowMs` of virtual time
 * before `nowMs`, newest first. Only `events` are read (the view's recent facts), so the answer depends on
 * the playhead alone.
 */
export function partiesGone(events: readonly SimEvent[], nowMs: number, mode: TermsMode, partySize: PartySizeOf, windowMs = RECENT_WINDOW_MS): PartyGone[] {
  const sizes = partySizesIn(events);
  const gone: PartyGone[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.atMs < nowMs - windowMs) break;
    if (e.type !== 'acquire.timedOut' || e.atMs > nowMs) continue;
    const size = sizes.get(e.partyId) ?? partySize(e.partyId);
    const text = `${capitalised(partyWords(e.partyId, size, mode))} ${say(diningTerms.gaveUp, mode)} after ${heldText(e.waitedMs)}`;
    gone.push({ partyId: e.partyId, size, atMs: e.atMs, waitedMs: e.waitedMs, text });
  }
  return gone;
}

/** A table taken away a moment ago. */
export interface TableGone {
  tableId: number;
  sizeClass: SizeClass;
  reason: TableRetireReason;
  atMs: number;
}

/** Tables retired within the last `windowMs` before `nowMs`, newest first. */
export function tablesGone(events: readonly SimEvent[], nowMs: number, windowMs = RECENT_WINDOW_MS): TableGone[] {
  const gone: TableGone[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.atMs < nowMs - windowMs) break;
    if (e.type === 'table.retired' && e.atMs <= nowMs) gone.push({ tableId: e.tableId, sizeClass: e.sizeClass, reason: e.reason, atMs: e.atMs });
  }
  return gone;
}

/** Why a table was taken away, in words. */
export const RETIRE_REASON_WORDS: Record<TableRetireReason, Term> = {
  unhealthy: { label: 'wobbly', real: 'failed validation' },
  idleTimeout: { label: 'unused too long', real: 'idle timeout' },
  maxLifetime: { label: 'worn out', real: 'max lifetime' },
  limitLowered: { label: 'fewer allowed', real: 'max lowered' },
};

/** Retired tables counted, in all and per class. */
export function retiredCounts(tables: readonly TableRecord[]): { total: number; byClass: Record<SizeClass, number> } {
  const byClass: Record<SizeClass, number> = { small: 0, medium: 0, large: 0 };
  for (const t of tables) if (t.state === 'retired') byClass[t.sizeClass]++;
  return { total: byClass.small + byClass.medium + byClass.large, byClass };
}

/** The size classes to draw: those that may have tables (max above 0) or have some now. */
export function classesShown(gauges: ConnectionPoolGauges | undefined, tables: readonly { sizeClass: SizeClass }[]): SizeClass[] {
  const all: SizeClass[] = ['small', 'medium', 'large'];
  return all.filter((c) => (gauges?.byClass[c].max ?? 0) > 0 || tables.some((t) => t.sizeClass === c));
}

const BAND_TERMS: Record<SizeClass, Term> = { small: diningTerms.smallTables, medium: diningTerms.mediumTables, large: diningTerms.largeTables };
const WHO_SITS: Record<SizeClass, Term> = {
  small: { label: '1–4 guests', real: 'size 1–4' },
  medium: { label: 'up to 8', real: 'size ≤ 8' },
  large: { label: 'any size', real: 'any size' },
};

/**
 * The heading of a class band: `Small tables (1–4 guests)`, `small pool`, and on the right
 * `10 · keep 4, at most 12` (systems: `10 · min 4, max 12`).
 */
export function bandHeading(sizeClass: SizeClass, gauges: ConnectionPoolGauges | undefined, count: number, mode: TermsMode): { title: string; subtitle: string; detail: string } {
  const term = BAND_TERMS[sizeClass];
  const c = gauges?.byClass[sizeClass];
  const limits = c === undefined ? '' : mode === 'restaurant' ? ` · keep ${c.min}, at most ${c.max}` : ` · min ${c.min}, max ${c.max}`;
  return {
    title: `${mode === 'restaurant' ? term.label : capitalised(term.real)} (${say(WHO_SITS[sizeClass], mode)})`,
    subtitle: mode === 'restaurant' ? term.real : term.label.toLowerCase(),
    detail: `${count}${limits}`,
  };
}

/** Measures `text` at `fontPx`, bold or not, in px. */
export type MeasureText = (text: string, fontPx: number, isBold?: boolean) => number;

/** A rough width of `text` in px at `fontPx` (system sans-serif), enough to decide what fits on a line. */
export function estimateTextPx(text: string, fontPx: number, isBold = false): number {
  return Math.ceil(text.length * fontPx * (isBold ? 0.55 : 0.5));
}

/**
 * What of a band heading fits on one line `width` px wide (12 px text): everything; or without the real
 * term; or, narrower still, with only the table count on the right. `measure` gives a text's width (the page
 * measures it: see textWidth.ts; by default, estimated).
 */
export function fitBandHeading(
  heading: { title: string; subtitle: string; detail: string },
  count: number,
  width: number,
  measure: MeasureText = estimateTextPx,
): { title: string; subtitle: string | null; detail: string } {
  const gap = 16;
  const title = measure(heading.title, 12, true);
  const subtitle = measure(`· ${heading.subtitle}`, 12) + 4;
  // The detail's digits are drawn tabular: each as wide as a 0.
  const detail = measure(heading.detail.replace(/\d/g, '0'), 12);
  if (title + subtitle + gap + detail <= width) return { ...heading };
  if (title + gap + detail <= width) return { ...heading, subtitle: null };
  return { title: heading.title, subtitle: null, detail: String(count) };
}

/** How a legend entry's sample is drawn. */
export type Swatch = 'fill' | 'dashed' | 'striped' | 'flag' | 'clock' | 'seat' | 'ghost' | 'left' | 'ticket' | 'extra' | 'spare';

/** One legend entry: a sample and what it means. */
export interface LegendItem {
  key: string;
  term: Term;
  swatch: Swatch;
  tone?: UnitTone;
}

/** The dining room's legend, in drawing order. */
export const DINING_LEGEND: readonly LegendItem[] = [
  { key: 'creating', term: tableStateTerms.creating, swatch: 'dashed', tone: 'setup' },
  { key: 'available', term: tableStateTerms.available, swatch: 'fill', tone: 'idle' },
  { key: 'occupied', term: tableStateTerms.occupied, swatch: 'fill', tone: 'busy' },
  { key: 'seat', term: { label: 'a guest in a chair', real: 'request size' }, swatch: 'seat', tone: 'busy' },
  { key: 'cleaning', term: tableStateTerms.cleaning, swatch: 'striped', tone: 'resetting' },
  { key: 'unhealthy', term: tableStateTerms.unhealthy, swatch: 'fill', tone: 'problem' },
  { key: 'leak', term: diningTerms.leak, swatch: 'flag' },
  { key: 'willRetire', term: diningTerms.willRetire, swatch: 'clock' },
  { key: 'spare', term: diningTerms.spare, swatch: 'spare' },
  { key: 'gaveUp', term: diningTerms.gaveUp, swatch: 'left' },
];
