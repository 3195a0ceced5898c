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
import { createReplacementPolicy, type ReplacementCache } from './replacementPolicy.ts';
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
  private readonly lru: LruCache<string, number> | null = null;
  private ordered: ReplacementCache<string> | null = null;
  private readonly policy: CachePolicy;
  private readonly entryLimitBytes: number;
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
    this.entryLimitBytes = config.policy === 'LRU' ? config.maxEntryBytes || config.maxBytes : 0;
    if (config.policy === 'LRU') {
      this.lru = new LruCache<string, number>({
        max: config.maxEntries,
        maxSize: config.maxBytes,
        maxEntrySize: config.maxEntryBytes || undefined,
        onDispose: (key, token, reason) => this.dispose(key, token, reason),
      });
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
      maxEntries: this.config.policy === 'UNBOUNDED' ? 0 : this.config.maxEntries,
      maxBytes: this.config.policy === 'LRU' ? this.config.maxBytes : 0,
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

  private newOrderedPolicy(): ReplacementCache<string> {
    const policy = this.config.policy === 'CLOCK' ? 'SECOND_CHANCE' : (this.config.policy as 'FIFO' | 'MRU');
    return createReplacementPolicy<string>(policy, this.config.maxEntries);
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
