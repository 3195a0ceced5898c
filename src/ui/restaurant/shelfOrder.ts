/**
 * The warming shelf (cache) shaped for drawing: dishes in recency order with the most recent at the front,
 * which dish goes next, the capacity text, and what just happened (hits, evictions). Pure.
 *
 * `WarmingShelf.dishes()` lists dishes "most recently used first for LRU, the policy's order otherwise":
 * FIFO and MRU keep the order they were put on the shelf or last used (oldest first), UNBOUNDED the order
 * they were put on, CLOCK its frame order. The shelf here always draws the freshest dish at the front (left).
 */
import type { CachePolicy, EvictReason, SimEvent } from '../../sim/events.ts';
import type { FactPlace } from './stationActivity.ts';

export interface ShelfDish {
  key: string;
  bytes: number;
}

export interface ShelfOrder {
  /** Dishes to draw, front (freshest) first. */
  dishes: ShelfDish[];
  /** The dish the policy evicts next when the shelf is full, or null (none is ever evicted, or unknown). */
  nextOutKey: string | null;
  /** What the order means. */
  orderKind: 'recency' | 'arrival' | 'frames';
}

/** The dishes front-first for `policy`, given `dishes` in `WarmingShelf.dishes()` order. */
export function shelfOrder(dishes: readonly ShelfDish[], policy: CachePolicy): ShelfOrder {
  switch (policy) {
    case 'LRU':
      return { dishes: [...dishes], nextOutKey: dishes.at(-1)?.key ?? null, orderKind: 'recency' };
    case 'MRU': {
      // A hit moves the dish to the end of the policy's list; MRU evicts the most recently used one.
      const front = [...dishes].reverse();
      return { dishes: front, nextOutKey: front[0]?.key ?? null, orderKind: 'recency' };
    }
    case 'FIFO': {
      const front = [...dishes].reverse();
      return { dishes: front, nextOutKey: front.at(-1)?.key ?? null, orderKind: 'arrival' };
    }
    case 'UNBOUNDED':
      return { dishes: [...dishes].reverse(), nextOutKey: null, orderKind: 'arrival' };
    case 'CLOCK':
    case 'OPT':
      return { dishes: [...dishes], nextOutKey: null, orderKind: 'frames' };
  }
}

/** The shelf's recent moments. */
export interface ShelfActivity {
  /** The last lookup: a hit (the dish moves to the front under LRU/MRU) or a miss. */
  lookup: (FactPlace & { key: string; isHit: boolean }) | null;
  /** Dishes taken off among the recent facts, newest first. */
  evictions: (FactPlace & { key: string; size: number; reason: EvictReason })[];
  /** The last dish the shelf could not take. */
  refusal: (FactPlace & { key: string; size: number; reason: 'tooBig' | 'noMemory'; limit: number }) | null;
}

/** Reads `recent` (oldest first; the newest is at log index `eventIndex - 1`). */
export function shelfActivity(recent: readonly SimEvent[], eventIndex: number, maxEvictions = 3): ShelfActivity {
  const first = eventIndex - recent.length;
  const place = (i: number): FactPlace => ({ logIndex: first + i, atMs: recent[i].atMs, age: recent.length - 1 - i });
  const activity: ShelfActivity = { lookup: null, evictions: [], refusal: null };
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i];
    if (e.type === 'cache.hit' || e.type === 'cache.miss') activity.lookup ??= { ...place(i), key: e.key, isHit: e.type === 'cache.hit' };
    else if (e.type === 'cache.evicted' && activity.evictions.length < maxEvictions) activity.evictions.push({ ...place(i), key: e.key, size: e.size, reason: e.reason });
    else if (e.type === 'cache.refused') activity.refusal ??= { ...place(i), key: e.key, size: e.size, reason: e.reason, limit: e.limit };
  }
  return activity;
}

/** A 0..1 share of a limit, or null when there is no limit (0 means unbounded). */
export function shareOf(used: number, limit: number): number | null {
  return limit > 0 ? Math.min(1, used / limit) : null;
}

/**
 * The dishes as one string that changes only when the shelf does (keys, sizes or order), so a view that
 * re-renders every frame does not restart the dishes' move animations while nothing moved.
 */
export function dishesSignature(dishes: readonly ShelfDish[]): string {
  return JSON.stringify(dishes.map((d) => [d.key, d.bytes]));
}

/** The dishes back from {@link dishesSignature}. */
export function dishesFromSignature(signature: string): ShelfDish[] {
  return (JSON.parse(signature) as [string, number][]).map(([key, bytes]) => ({ key, bytes }));
}

/**
 * How long a dish takes to move, ms: `baseMs`, or 0 when motion is reduced, or while the service plays
 * faster than `calmUpTo` (virtual seconds per real second), where the shelf changes more often than a move lasts.
 */
export function shelfMotionMs(baseMs: number, isReduced: boolean, isRunning: boolean, speed: number | 'max', calmUpTo = 32): number {
  if (isReduced) return 0;
  if (isRunning && (speed === 'max' || speed > calmUpTo)) return 0;
  return baseMs;
}
