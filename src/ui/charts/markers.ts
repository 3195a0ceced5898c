/**
 * The timeline's markers: every notable fact so far (see notable.ts), and the same grouped into bins a few
 * pixels wide so a busy hour (hundreds of timeouts in the food hall) draws a bounded number of marks. Pure.
 *
 * @example
 * const reader = markerReader();
 * const { state } = reader.read(log, log.length);
 * binMarkers(state.markers, 3_600_000, 120); // at most 120 bins per kind
 */
import type { SimEvent } from '../../sim/events.ts';
import { formatClock } from '../format.ts';
import { LogReader } from './logReader.ts';
import { NOTABLE_KINDS, notableKindOf, type NotableKind } from './notable.ts';

/** One notable fact. */
export interface Marker {
  kind: NotableKind;
  /** The seek target that lands just after this fact: its position in the log + 1 (`{ eventIndex }`). */
  eventIndex: number;
  atMs: number;
}

/** The markers found so far, and how many of each kind. */
export interface MarkerState {
  markers: Marker[];
  counts: Record<NotableKind, number>;
}

function emptyCounts(): Record<NotableKind, number> {
  return { timeout: 0, rejection: 0, emfile: 0, oom: 0, leak: 0 };
}

/** A reader that collects the markers of a log incrementally. */
export function markerReader(): LogReader<MarkerState> {
  return new LogReader<MarkerState>(
    () => ({ markers: [], counts: emptyCounts() }),
    (state, event: SimEvent, index) => {
      const kind = notableKindOf(event);
      if (kind === null) return;
      state.markers.push({ kind, eventIndex: index + 1, atMs: event.atMs });
      state.counts[kind]++;
    },
  );
}

/** Markers of one kind that fall in one bin of the track. */
export interface MarkerBin {
  /** `kind:bin`, a stable key. */
  key: string;
  kind: NotableKind;
  bin: number;
  /** Left edge of the bin as a share of the track, 0..1. */
  left: number;
  /** The first marker of the bin (what a click seeks to). */
  first: Marker;
  count: number;
}

/**
 * Groups `markers` (in log order, so by time) into `binCount` equal bins over `[0, durationMs]`, per kind.
 * Returns the bins in time order (then kind order), each with its first marker and its size.
 */
export function binMarkers(markers: readonly Marker[], durationMs: number, binCount: number): MarkerBin[] {
  const bins = Math.max(1, Math.floor(binCount));
  const byKey = new Map<string, MarkerBin>();
  for (const m of markers) {
    const bin = durationMs > 0 ? Math.min(bins - 1, Math.max(0, Math.floor((m.atMs / durationMs) * bins))) : 0;
    const key = `${m.kind}:${bin}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { key, kind: m.kind, bin, left: bin / bins, first: m, count: 1 });
  }
  const order = (k: NotableKind): number => NOTABLE_KINDS.indexOf(k);
  return [...byKey.values()].sort((a, b) => a.bin - b.bin || order(a.kind) - order(b.kind));
}

/** The kinds that have at least one marker, in display order. */
export function kindsPresent(counts: Readonly<Record<NotableKind, number>>): NotableKind[] {
  return NOTABLE_KINDS.filter((k) => counts[k] > 0);
}

/** How many bins fit a track `widthPx` wide with marks `binPx` apart (at least 1). */
export function binCountFor(widthPx: number, binPx = 8): number {
  return Math.max(1, Math.floor(widthPx / binPx));
}

/** `"Party gave up waiting at 12:30"`, `"… at 12:30, and 3 more nearby"`. */
export function describeBin(bin: MarkerBin, kindLabel: string): string {
  const more = bin.count > 1 ? `, and ${bin.count - 1} more nearby` : '';
  return `${kindLabel} at ${formatClock(bin.first.atMs)}${more}`;
}
