/**
 * The warming shelf: a bounded cache of cooked dishes in front of the kitchen. A ticket whose dish is
 * already on the shelf is served at once (a hit) and never reaches a cook; a miss is cooked and the dish is
 * then put on the shelf, evicting another one when the shelf is full.
 *
 * Policies (the `shelf.policy` of a scenario):
 * - `LRU`: our {@link LruCache}, which follows the lru-cache package: bounded by entry count and/or total
 *   bytes, size-aware (one big dish can push out several small ones), with an entry-size limit.
 * - `FIFO`, `CLOCK` (the classic second chance with a sweeping hand) and `MRU`: the replacement policies of
 *   `replacementPolicy.ts`, bounded by entry count only.
 * - `UNBOUNDED`: the anti-pattern: nothing is ever evicted, so the shelf keeps growing into the kitchen's
 *   memory until the cooks can no longer get counter space for their dishes (their tickets fail with OOM),
 *   or the shelf itself is refused (`cache.refused`, reason `noMemory`).
 *
 * A dish's counter space is taken before the policy makes room, so in a kitchen already at its memory limit
 * a full bounded shelf is refused (`noMemory`) rather than evicting to fit: the shelf never takes space the
 * cooks might need.
 * OPT is not offered here: it needs the future reference stream, which a running kitchen does not have; see
 * `compareShelfPolicies` for policies replayed on a recorded stream.
 *
 * With kitchen stations in the scenario, every dish on the shelf holds counter space (a block of
 * {@link KitchenMemory}, owner `shelf <dish>`), freed when the dish leaves. A hit touches the block. A dish
 * whose block the stale sweep reclaimed was thrown out by the cleaner: the next lookup finds it gone
 * (`cache.evicted`, reason `stale`, then a miss).
 */
import type { SimContext } from './context.ts';
import type { CachePolicy, EvictReason } from './events.ts';
import type { KitchenMemory } from './kitchenMemory.ts';
import { LruCache } from './lruCache.ts';
import { FifoPolicy, MruPolicy, SecondChancePolicy, type ResizableReplacementCache } from './replacementPolicy.ts';
import type { ShelfConfig } from './scenario.ts';

/** One dish on the shelf. */
interface ShelfEntry {
  bytes: number;
  /** The kitchen memory block holding it; 0 without stations, or after the cleaner threw it out. */
  blockId: number;
  /** Distinguishes successive entries for the same dish (the LRU's value). */
  token: number;
}

export interface WarmingShelfGauges {
  entryCount: number;
  bytesUsed: number;
  maxEntries: number;
  maxBytes: number;
  /** Hits over lookups so far, 0..1 (0 before the first lookup). */
  hitRatio: number;
}

/** The shelf's limits that can change while it runs (0: no limit of that sort). */
export interface ShelfLimits {
  /** Most dishes on the shelf (0 for UNBOUNDED, and for an LRU bounded by bytes only). */
  maxEntries: number;
  /** Most bytes of dishes (LRU only; 0 otherwise, or for an LRU bounded by count only). */
  maxBytes: number;
}

export interface WarmingShelfMetrics {
  lookups: number;
  hits: number;
  misses: number;
  hitRatio: number;
  stored: number;
  evicted: Record<EvictReason, number>;
  refused: { tooBig: number; noMemory: number };
  peakEntries: number;
  peakBytes: number;
}

export class WarmingShelf {
  private readonly entries = new Map<string, ShelfEntry>();
  private lru: LruCache<string, number> | null = null;
  private ordered: ResizableReplacementCache<string> | null = null;
  private readonly policy: CachePolicy;
  private entryLimitBytes: number;
  /** The limits in force (the scenario's, as changed by `setLimits`). */
  private limitsNow: ShelfLimits;
  /** Every lookup key in order: the reference stream a policy comparison replays. */
  private readonly stream: string[] = [];
  private bytesUsed = 0;
  private nextToken = 1;
  private readonly counters: WarmingShelfMetrics = {
    lookups: 0,
    hits: 0,
    misses: 0,
    hitRatio: 0,
    stored: 0,
    evicted: { evict: 0, set: 0, delete: 0, stale: 0 },
    refused: { tooBig: 0, noMemory: 0 },
    peakEntries: 0,
    peakBytes: 0,
  };

  constructor(
    private readonly config: ShelfConfig,
    private readonly ctx: SimContext,
    private readonly memory?: KitchenMemory,
  ) {
    this.policy = config.policy;
    this.limitsNow = {
      maxEntries: config.policy === 'UNBOUNDED' ? 0 : config.maxEntries,
      maxBytes: config.policy === 'LRU' ? config.maxBytes : 0,
    };
    this.entryLimitBytes = config.policy === 'LRU' ? config.maxEntryBytes || config.maxBytes : 0;
    if (config.policy === 'LRU') {
      this.lru = this.newLru();
    } else if (config.policy !== 'UNBOUNDED') {
      this.ordered = this.newOrderedPolicy();
    }
  }

  /** Is this dish waiting on the shelf? A hit refreshes it (recency, reference bit); a miss changes nothing. */
  lookup(key: string): boolean {
    const now = this.ctx.scheduler.nowMs;
    this.stream.push(key);
    this.counters.lookups++;
    const entry = this.entries.get(key);
    if (entry && entry.blockId !== 0 && this.memory && !this.memory.touch(entry.blockId)) {
      // The kitchen's stale sweep reclaimed its counter space: the dish was thrown out.
      this.remove(key, entry, 'stale');
      this.lru?.delete(key);
      this.forgetInOrderedPolicy(key);
    }
    const live = this.entries.get(key);
    if (!live) {
      this.counters.misses++;
      this.ctx.log.append({ atMs: now, type: 'cache.miss', key });
      return false;
    }
    this.lru?.get(key);
    this.ordered?.access(key);
    this.counters.hits++;
    this.ctx.log.append({ atMs: now, type: 'cache.hit', key, size: live.bytes });
    return true;
  }

  /** Puts a freshly cooked dish on the shelf (after a miss), evicting per the policy when it is full. */
  store(key: string, bytes: number): void {
    const now = this.ctx.scheduler.nowMs;
    if (this.entries.has(key)) return; // another ticket of the same dish got here first
    if (this.entryLimitBytes > 0 && bytes > this.entryLimitBytes) {
      this.counters.refused.tooBig++;
      this.ctx.log.append({ atMs: now, type: 'cache.refused', key, size: bytes, reason: 'tooBig', limit: this.entryLimitBytes });
      return;
    }
    let blockId = 0;
    if (this.memory) {
      blockId = this.memory.allocate(bytes, `shelf ${key}`);
      if (blockId === 0) {
        this.counters.refused.noMemory++;
        this.ctx.log.append({ atMs: now, type: 'cache.refused', key, size: bytes, reason: 'noMemory', limit: this.memory.gauges().limitBytes });
        return;
      }
    }
    const entry: ShelfEntry = { bytes, blockId, token: this.nextToken++ };
    this.entries.set(key, entry);
    this.bytesUsed += bytes;
    this.counters.stored++;
    // The policy makes room first (its evictions are logged as they happen), then the dish is on the shelf.
    if (this.lru) {
      this.lru.set(key, entry.token, this.lru.maxSize > 0 || this.lru.maxEntrySize > 0 ? { size: bytes } : undefined);
    } else if (this.ordered) {
      const { victim } = this.ordered.access(key);
      if (victim !== null) this.remove(victim, this.entries.get(victim) as ShelfEntry, 'evict');
    }
    this.ctx.log.append({ atMs: now, type: 'cache.stored', key, size: bytes, entryCount: this.entries.size, bytesUsed: this.bytesUsed });
    if (this.entries.size > this.counters.peakEntries) this.counters.peakEntries = this.entries.size;
    if (this.bytesUsed > this.counters.peakBytes) this.counters.peakBytes = this.bytesUsed;
  }

  /** The limits in force now (a copy). */
  limits(): ShelfLimits {
    return { ...this.limitsNow };
  }

  /**
   * Changes the shelf's limits while it runs. Returns null, or why the change is refused (nothing changes
   * then): an UNBOUNDED shelf has no limit to change; a value must be a whole number within the scenario
   * schema's range; `maxBytes` bounds an LRU shelf only; the result must still bound the shelf (maxEntries
   * > 0, or for LRU maxBytes > 0) and keep `maxEntryBytes <= maxBytes`.
   *
   * Logs `limit.changed` (kind 'shelf') per changed field, then, when the shelf holds more than now fits,
   * evicts by its own policy until it fits, each eviction logged as a normal one (`cache.evicted`, reason
   * 'evict'): LRU the least recently used first (count and bytes), FIFO the first in, MRU the most recently
   * used, CLOCK by sweeping its hand (see `SecondChancePolicy.resize`). A larger limit evicts nothing.
   *
   * lru-cache v11 has no setter for `max` or `maxSize`; an application changes them by building a new cache
   * and copying the entries over, oldest first. That is what happens here: the old cache first evicts its
   * least recently used entries (its own `pop`, so each leaves exactly as an eviction does) until the rest
   * fit the new limits together, then the rest are set into a cache with the new limits, oldest first, so
   * their recency order is kept. (Setting every entry oldest first into the new cache would evict the same
   * ones: the longest most-recent run that fits.)
   */
  setLimits(changes: Partial<ShelfLimits>): string | null {
    if (this.policy === 'UNBOUNDED') return 'the UNBOUNDED shelf has no limit to change (it never evicts)';
    const next: ShelfLimits = { ...this.limitsNow };
    for (const field of ['maxEntries', 'maxBytes'] as const) {
      const v = changes[field];
      if (v === undefined) continue;
      const max = field === 'maxEntries' ? 1_000_000 : 2 ** 40;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) return `${field}: expected a whole number from 0 to ${max}, got ${String(v)}`;
      next[field] = v;
    }
    if (this.policy !== 'LRU' && next.maxBytes !== 0) return `maxBytes: only an LRU shelf is bounded by bytes (this one is ${this.policy})`;
    if (next.maxEntries === 0 && (this.policy !== 'LRU' || next.maxBytes === 0)) {
      return this.policy === 'LRU' ? 'maxEntries: expected maxEntries > 0 or maxBytes > 0' : 'maxEntries: expected maxEntries > 0';
    }
    if (this.policy === 'LRU' && next.maxBytes !== 0 && this.config.maxEntryBytes > next.maxBytes) {
      return `maxBytes: expected maxEntryBytes <= maxBytes (maxEntryBytes is ${this.config.maxEntryBytes})`;
    }
    const prev = this.limitsNow;
    const now = this.ctx.scheduler.nowMs;
    for (const field of ['maxEntries', 'maxBytes'] as const) {
      if (prev[field] !== next[field]) this.ctx.log.append({ atMs: now, type: 'limit.changed', kind: 'shelf', field, from: prev[field], to: next[field] });
    }
    this.limitsNow = next;
    if (this.lru) {
      this.shrinkLru(next);
    } else if (this.ordered) {
      for (const victim of this.ordered.resize(next.maxEntries)) this.remove(victim, this.entries.get(victim) as ShelfEntry, 'evict');
    }
    return null;
  }

  /** Dishes on the shelf with their sizes: most recently used first for LRU, the policy's order otherwise. */
  dishes(): { key: string; bytes: number }[] {
    const keys = this.lru ? this.lruKeysMostRecentFirst() : this.ordered ? this.ordered.memory() : [...this.entries.keys()];
    return keys.filter((k) => this.entries.has(k)).map((key) => ({ key, bytes: (this.entries.get(key) as ShelfEntry).bytes }));
  }

  /** Every lookup key so far, in order (the stream a policy comparison replays). */
  referenceStream(): readonly string[] {
    return this.stream;
  }

  gauges(): WarmingShelfGauges {
    return {
      entryCount: this.entries.size,
      bytesUsed: this.bytesUsed,
      maxEntries: this.limitsNow.maxEntries,
      maxBytes: this.limitsNow.maxBytes,
      hitRatio: this.hitRatio(),
    };
  }

  metrics(): WarmingShelfMetrics {
    return {
      ...this.counters,
      hitRatio: this.hitRatio(),
      evicted: { ...this.counters.evicted },
      refused: { ...this.counters.refused },
    };
  }

  private hitRatio(): number {
    return this.counters.lookups === 0 ? 0 : this.counters.hits / this.counters.lookups;
  }

  private lruKeysMostRecentFirst(): string[] {
    const lru = this.lru as LruCache<string, number>;
    return [...lru.keys()];
  }

  private newLru(): LruCache<string, number> {
    return new LruCache<string, number>({
      max: this.limitsNow.maxEntries,
      maxSize: this.limitsNow.maxBytes,
      maxEntrySize: this.config.maxEntryBytes || undefined,
      onDispose: (key, token, reason) => this.dispose(key, token, reason),
    });
  }

  private newOrderedPolicy(): ResizableReplacementCache<string> {
    const size = this.limitsNow.maxEntries;
    if (this.policy === 'CLOCK') return new SecondChancePolicy<string>(size);
    return this.policy === 'MRU' ? new MruPolicy<string>(size) : new FifoPolicy<string>(size);
  }

  /** Evicts the LRU's oldest entries until the rest fit `limits`, then moves them into a cache built with them. */
  private shrinkLru(limits: ShelfLimits): void {
    const lru = this.lru as LruCache<string, number>;
    let keep = 0;
    let bytes = 0;
    for (const key of lru.keys()) {
      const size = (this.entries.get(key) as ShelfEntry).bytes;
      if ((limits.maxEntries !== 0 && keep + 1 > limits.maxEntries) || (limits.maxBytes !== 0 && bytes + size > limits.maxBytes)) break;
      keep++;
      bytes += size;
    }
    for (let evict = lru.size - keep; evict > 0; evict--) lru.pop();
    const kept = [...lru.entries()].reverse();
    this.entryLimitBytes = this.config.maxEntryBytes || limits.maxBytes;
    const fresh = this.newLru();
    const isSized = fresh.maxSize > 0 || fresh.maxEntrySize > 0;
    for (const [key, token] of kept) fresh.set(key, token, isSized ? { size: (this.entries.get(key) as ShelfEntry).bytes } : undefined);
    this.lru = fresh;
  }

  /**
   * Removes a dish the cleaner threw out from the FIFO/CLOCK/MRU policy as well, so that the policy holds exactly
   * the dishes on the shelf (a key left behind would later be named as a victim that is no longer there, or hold
   * a place while the shelf has room).
   * The policies cannot forget a key, so the others are replayed into a fresh one in the policy's order: exact
   * for FIFO and MRU; under CLOCK they keep their frame order but all start referenced, the hand at frame 0.
   */
  private forgetInOrderedPolicy(key: string): void {
    if (!this.ordered?.has(key)) return;
    const kept = this.ordered.memory().filter((k) => k !== key);
    this.ordered = this.newOrderedPolicy();
    for (const k of kept) this.ordered.access(k);
  }

  /** The LRU removed an entry (eviction, overwrite or delete). */
  private dispose(key: string, token: number, reason: EvictReason): void {
    const entry = this.entries.get(key);
    if (entry && entry.token === token) this.remove(key, entry, reason);
  }

  private remove(key: string, entry: ShelfEntry, reason: EvictReason): void {
    this.entries.delete(key);
    this.bytesUsed -= entry.bytes;
    this.counters.evicted[reason]++;
    this.ctx.log.append({ atMs: this.ctx.scheduler.nowMs, type: 'cache.evicted', key, size: entry.bytes, reason, policy: this.policy });
    // A block the stale sweep already reclaimed is gone: freeing it again would be a double free.
    if (entry.blockId !== 0 && this.memory && this.memory.block(entry.blockId) !== null) this.memory.free(entry.blockId, `shelf ${key}`);
  }
}
