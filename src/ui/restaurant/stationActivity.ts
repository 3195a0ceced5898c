/**
 * What just happened at the kitchen stations, read from the recent facts: the last search of the banquet
 * area (its probes, the chunk chosen, the split), the last coalescing, the last failure, the last clean-up.
 * Pure: the same facts always give the same activity.
 *
 * `logIndex` is a fact's position in the whole log (a stable key: a new search gets a new key, so its
 * highlight replays); `age` counts the facts logged after it (0 = the newest fact).
 */
import type { EventOf, SimEvent, StationClass } from '../../sim/events.ts';

/** Where a recent fact sits in the log. */
export interface FactPlace {
  logIndex: number;
  /** When it happened (virtual ms). */
  atMs: number;
  /** Facts logged after this one (0: it is the newest). */
  age: number;
}

/** One free chunk the allocator examined, in the order it looked. */
export interface Probe {
  addr: number;
  size: number;
  /** 1 for the first chunk examined. */
  order: number;
  /** The chunk the block was cut from. */
  isChosen: boolean;
}

/** The last heap search and how it ended. */
export interface HeapSearch extends FactPlace {
  owner: string;
  /** Bytes needed: the request aligned, plus the header. */
  need: number;
  policy: string;
  probes: Probe[];
  /** Address of the block given, or null when nothing fitted (OOM). */
  chosenAddr: number | null;
  split: { addr: number; remainderAddr: number; remainderSize: number } | null;
  /** A medium request sent here because the cooking stations were full. */
  isFallback: boolean;
}

export type MemoryFailure = FactPlace &
  (
    | { kind: 'heapOom'; owner: string; requested: number; need: number; largestFree: number }
    | { kind: 'limitExceeded'; owner: string; requested: number; used: number; limit: number }
    | { kind: 'poolExhausted'; owner: string; requested: number; poolClass: StationClass }
  );

export type MemoryCleanup = FactPlace &
  (
    | { kind: 'gc'; collectedCount: number; freedBytes: number; usedBefore: number; threshold: number }
    | { kind: 'stale'; reclaimedCount: number; freedBytes: number }
  );

export interface StationActivity {
  search: HeapSearch | null;
  coalesce: (FactPlace & { addr: number; size: number; mergedCount: number }) | null;
  fallback: (FactPlace & { owner: string; size: number }) | null;
  failure: MemoryFailure | null;
  cleanup: MemoryCleanup | null;
}

/** Reads `recent` (the last facts, oldest first; the newest is at log index `eventIndex - 1`). */
export function stationActivity(recent: readonly SimEvent[], eventIndex: number): StationActivity {
  const first = eventIndex - recent.length;
  const place = (i: number): FactPlace => ({ logIndex: first + i, atMs: recent[i].atMs, age: recent.length - 1 - i });
  const activity: StationActivity = { search: null, coalesce: null, fallback: null, failure: null, cleanup: null };
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i];
    switch (e.type) {
      case 'heap.searched':
        activity.search ??= searchFrom(e, recent, i, place(i));
        break;
      case 'heap.coalesced':
        activity.coalesce ??= { ...place(i), addr: e.addr, size: e.size, mergedCount: e.mergedCount };
        break;
      case 'pool.exhausted':
        if (e.action === 'heapFallback') activity.fallback ??= { ...place(i), owner: e.owner, size: e.size };
        else activity.failure ??= { ...place(i), kind: 'poolExhausted', owner: e.owner, requested: e.size, poolClass: e.poolClass };
        break;
      case 'heap.oom':
        activity.failure ??= { ...place(i), kind: 'heapOom', owner: e.owner, requested: e.requested, need: e.need, largestFree: e.largestFree };
        break;
      case 'memory.limitExceeded':
        activity.failure ??= { ...place(i), kind: 'limitExceeded', owner: e.owner, requested: e.requested, used: e.used, limit: e.limit };
        break;
      case 'gc.ran':
        activity.cleanup ??= { ...place(i), kind: 'gc', collectedCount: e.collectedCount, freedBytes: e.freedBytes, usedBefore: e.usedBefore, threshold: e.threshold };
        break;
      case 'memory.reclaimed':
        if (e.reason === 'stale') activity.cleanup ??= staleSweepEndingAt(recent, i, place(i));
        break;
      default:
        break;
    }
  }
  return activity;
}

/** The search at `i` with what followed it (split, allocated or OOM) and whether a fallback preceded it. */
function searchFrom(e: EventOf<'heap.searched'>, recent: readonly SimEvent[], i: number, at: FactPlace): HeapSearch {
  let chosenAddr: number | null = null;
  let split: HeapSearch['split'] = null;
  for (let j = i + 1; j < recent.length; j++) {
    const next = recent[j];
    if (next.type === 'heap.split') split = { addr: next.addr, remainderAddr: next.remainderAddr, remainderSize: next.remainderSize };
    else if (next.type === 'heap.allocated') {
      chosenAddr = next.addr;
      break;
    } else break;
  }
  const before = recent[i - 1];
  const isFallback =
    before !== undefined && before.type === 'pool.exhausted' && before.action === 'heapFallback' && before.owner === e.owner && before.atMs === e.atMs;
  // The block is cut from the front of the chunk chosen, so the chosen chunk starts at the block's address.
  const probes = e.probes.map(([addr, size], k) => ({ addr, size, order: k + 1, isChosen: addr === chosenAddr }));
  return { ...at, owner: e.owner, need: e.need, policy: e.policy, probes, chosenAddr, split, isFallback };
}

/** The stale reclaims logged together (same time, consecutive) ending at `i`. */
function staleSweepEndingAt(recent: readonly SimEvent[], i: number, at: FactPlace): MemoryCleanup {
  const atMs = recent[i].atMs;
  let reclaimedCount = 0;
  let freedBytes = 0;
  for (let j = i; j >= 0; j--) {
    const e = recent[j];
    if (e.type !== 'memory.reclaimed' || e.reason !== 'stale' || e.atMs !== atMs) break;
    reclaimedCount++;
    freedBytes += e.size;
  }
  return { ...at, kind: 'stale', reclaimedCount, freedBytes };
}

/**
 * How strongly to draw a highlight of a fact `age` facts old: 1 while fresh, fading to 0 at `window`
 * (0 means: do not draw it).
 */
export function freshness(age: number, window = 24): number {
  if (age < 0 || age >= window) return 0;
  const fullFor = Math.floor(window / 3);
  if (age <= fullFor) return 1;
  return Math.round((1 - (age - fullFor) / (window - fullFor)) * 100) / 100;
}
