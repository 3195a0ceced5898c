/**
 * Kitchen stations: memory as size-class pools in front of a free-list heap, with a memory limit, a
 * threshold-triggered garbage collector, a stale sweep and a leak report.
 *
 * Routing by request size (in bytes):
 * - **small** (`size <= pools.small.blockSize`, the prep counters): one block of the small pool. When the
 *   small pool is exhausted the request **fails** (`pool.exhausted`, action `'failed'`): small requests are
 *   many and cheap, and sending them to the heap would fragment it.
 * - **medium** (`size <= pools.medium.blockSize`, the cooking stations): one block of the medium pool; when it
 *   is exhausted the request **falls back to the heap** (`pool.exhausted`, action `'heapFallback'`: the cook
 *   takes over part of the banquet area).
 * - **large** (anything bigger, a banquet): always the heap, a {@link FreeListAllocator} (SEMANTICS.md A.1),
 *   which logs the chunks it examined (`heap.searched`), the split (`heap.split`) and the result
 *   (`heap.allocated` or `heap.oom`).
 *
 * What counts as used: every live block counts the bytes it takes out of its station. A pool block counts
 * its whole `blockSize` (a 10-byte dish still occupies a 64-byte counter: internal fragmentation is real
 * usage), a heap block its allocator size: the payload rounded up to `heap.alignment` plus `heap.headerSize`.
 * `usedBytes` is the sum over live blocks (allocated and unreachable ones), and the memory limit is checked
 * against exactly that, *before* anything is taken: when `usedBytes + cost > memoryLimitBytes` the request
 * fails with `memory.limitExceeded` (its `requested` is that cost). The cost depends on the route, so the
 * route is decided first: an exhausted small pool fails with `pool.exhausted` alone, and a medium request
 * whose pool is exhausted logs `pool.exhausted` (heapFallback) before the limit is checked at heap cost.
 *
 * Garbage: a block is either `allocated` (its owner still holds it) or `unreachable` (the owner dropped it
 * without freeing it; see {@link KitchenMemory.markUnreachable}). The collector only ever takes unreachable
 * blocks. It runs when an allocation makes `usedBytes` cross `gcThresholdBytes` (from at or below it to above
 * it): every unreachable block is reclaimed (`memory.reclaimed`, reason `'gc'`, in ascending blockId order),
 * then `gc.ran` reports the counts. Blocks still allocated stay, however long they have been idle.
 *
 * Stale sweep: every `staleSweepEveryMs` (scheduler timer `kitchen.staleSweep`) every live block untouched
 * for at least `staleAfterMs` is reclaimed (`memory.reclaimed`, reason `'stale'`), whether reachable or not.
 * This is cleanup by age, not by reachability: an owner that was merely slow and frees its block later gets
 * `memory.freeRefused` with reason `'doubleFree'`, the classic hazard of reclaiming memory someone still holds.
 *
 * Frees: `free(blockId)` logs `pool.freed`, or `heap.freed` followed by one `heap.coalesced` per run of free
 * chunks the allocator merged. A blockId never handed out is refused as `'unknownPointer'` (0, the failed
 * allocation's "null", included: unlike C's `free(NULL)`, the model flags it, because an owner that frees
 * what it never got has ignored a failed allocation). A block already freed or reclaimed is refused as
 * `'doubleFree'`. Like `free(3)`, the model does not check that the caller is the owner; freed and reclaimed
 * events name the owner that allocated the block, refusals name the caller.
 *
 * Block states follow the station lifecycle (`BLOCK_LIFECYCLE` in lifecycles.ts): free -> allocated ->
 * (unreachable ->) freed, reclaimed (stale) or collected (gc); every change goes through the compiled chart.
 * `leaked` is the chart's verdict at closing time: `reportLeaks()` logs it and leaves the blocks as they are.
 *
 * Block ids are positive integers from a counter and are never reused, so the model can always tell a double
 * free from an unknown pointer (a real allocator cannot: the address may have been handed out again).
 *
 * @example
 * const m = new KitchenMemory(config, ctx);
 * const id = m.allocate(40, 'ticket 1'); // a small request: a prep counter
 * m.touch(id);
 * m.free(id, 'ticket 1'); // true
 * m.free(id, 'ticket 1'); // false: memory.freeRefused 'doubleFree'
 */
import type { SimContext } from './context.ts';
import type { ReclaimReason, StationClass } from './events.ts';
import { BLOCK_CHART, BLOCK_RECLAIM_EVENTS, follow, type BlockState } from './lifecycles.ts';
import { FIT_POLICIES, FreeListAllocator, LIST_ORDERS, type FitPolicy, type FreeChunk, type ListOrder } from './freeListAllocator.ts';
import { MemoryPool } from './memoryPool.ts';

/** One fixed-size-block pool. */
export interface PoolConfig {
  /** Bytes per block; also the largest request the pool serves. Whole number >= 1. */
  blockSize: number;
  /** Blocks in the pool. Whole number >= 0 (0: every request of the class goes past the pool). */
  blockCount: number;
}

/** The free-list heap behind the pools (see SEMANTICS.md A.1). */
export interface HeapConfig {
  /** Bytes of heap, starting at {@link HEAP_BASE_ADDR}. Whole number >= 1. Suggested default 65 536. */
  heapSize: number;
  /** Bytes of bookkeeping added to every heap block after alignment. Whole number >= 0. Suggested default 8. */
  headerSize: number;
  /** Payloads are rounded up to a multiple of this many bytes; -1 for no rounding. Suggested default 8. */
  alignment: number;
  /** How a free chunk is chosen. Suggested default 'FIRST'. */
  policy: FitPolicy;
  /** How freed chunks are put back on the free list. Suggested default 'ADDRSORT'. */
  listOrder: ListOrder;
  /** Merge neighbouring free chunks after each free. Suggested default true. */
  coalesce: boolean;
}

/**
 * The kitchen stations of a scenario: two size-class pools, the heap, and the global rules.
 *
 * Suggested defaults (a small kitchen where every mechanism can be seen within an hour of service):
 * ```
 * pools: { small: { blockSize: 64, blockCount: 32 }, medium: { blockSize: 1024, blockCount: 16 } },
 * heap: { heapSize: 65536, headerSize: 8, alignment: 8, policy: 'FIRST', listOrder: 'ADDRSORT', coalesce: true },
 * memoryLimitBytes: 65536, gcThresholdBytes: 49152, staleAfterMs: 300000, staleSweepEveryMs: 60000
 * ```
 * (the pools and heap together could hold 83 968 bytes, so the 64 KiB limit binds first, as a container's
 * memory limit does; the GC starts at three quarters of it; a block idle for 5 minutes is stale.)
 */
export interface StationsConfig {
  pools: {
    /** Prep counters: requests of 1 .. small.blockSize bytes. */
    small: PoolConfig;
    /** Cooking stations: requests of small.blockSize + 1 .. medium.blockSize bytes (needs small.blockSize <= medium.blockSize). */
    medium: PoolConfig;
  };
  /** The banquet area: large requests, and medium ones when the medium pool is exhausted. */
  heap: HeapConfig;
  /** Most bytes in use at once over pools and heap (see the module comment for what counts). Whole number >= 0. */
  memoryLimitBytes: number;
  /** Run the collector when an allocation takes used bytes above this; 0 = no collector. */
  gcThresholdBytes: number;
  /** Reclaim blocks untouched for at least this many virtual ms; 0 = no stale sweep. */
  staleAfterMs: number;
  /** Virtual ms between stale sweeps (only when `staleAfterMs > 0`; 0 = no sweep either). */
  staleSweepEveryMs: number;
}

/** The fields {@link KitchenMemory.setLimits} may change while running (pools and heap are fixed). */
export type StationsLimits = Pick<StationsConfig, 'memoryLimitBytes' | 'gcThresholdBytes' | 'staleAfterMs' | 'staleSweepEveryMs'>;

/** Address of the first heap byte (OSTEP's `malloc.py` default base, so lesson numbers match the book). */
export const HEAP_BASE_ADDR = 1000;

/**
 * A state of `BLOCK_LIFECYCLE`. A live block (what `blocks()` lists) is `allocated` while its owner holds it
 * and `unreachable` once the owner dropped it.
 */
export type { BlockState };

/** One live block as plain data (what the UI draws and the leak report lists). */
export interface MemoryBlock {
  /** The handle given to the owner (> 0, never reused). */
  blockId: number;
  /** The class of the request, by size. A medium request served by the heap stays 'medium'. */
  sizeClass: StationClass;
  /** True when the block is in the heap (large requests and medium fallbacks). */
  isHeap: boolean;
  /** Block index within its pool, or null for a heap block. */
  poolIndex: number | null;
  /** Heap address of the block (its header), or null for a pool block. */
  addr: number | null;
  /** Bytes the owner asked for. */
  requested: number;
  /** Bytes the block takes (pool: blockSize; heap: aligned payload + header); what `usedBytes` counts. */
  size: number;
  owner: string;
  /** Virtual ms when it was allocated. */
  allocatedAtMs: number;
  /** Virtual ms when it was allocated or last touched. */
  lastUsedAtMs: number;
  state: BlockState;
}

/** Blocks and bytes of one pool. */
export interface PoolGauges {
  /** Blocks in use. */
  used: number;
  /** Blocks in the pool. */
  total: number;
  /** Bytes per block. */
  blockSize: number;
}

export interface KitchenMemoryGauges {
  /** Bytes used by live blocks (pools' whole blocks + heap blocks with headers). */
  usedBytes: number;
  /** The current memory limit in bytes. */
  limitBytes: number;
  pools: { small: PoolGauges; medium: PoolGauges };
  heap: {
    /** Bytes in live heap blocks, headers and alignment padding included. */
    usedBytes: number;
    /** Bytes on the free list. */
    freeBytes: number;
    /** Bytes in the largest free chunk: the biggest block the heap can still give. */
    largestFree: number;
    /** Free chunks on the free list. */
    fragmentCount: number;
    /** The allocator's external fragmentation figure, 0..1 (see freeListAllocator.ts). */
    externalFragmentation: number;
  };
  /** Live blocks (allocated and unreachable). */
  blockCount: number;
}

/** Why an allocation returned 0. */
export type AllocFailureReason = 'poolExhausted' | 'limitExceeded' | 'heapOom';

export interface KitchenMemoryMetrics {
  /** Successful allocations by request class (a medium request served by the heap counts as medium). */
  allocations: Record<StationClass, number>;
  /** Medium requests served by the heap because the medium pool was exhausted. */
  heapFallbacks: number;
  /** Failed allocations by reason. */
  failures: Record<AllocFailureReason, number>;
  /** Allocations that returned 0, whatever the reason (what the owner sees as "out of memory"). */
  oomCount: number;
  /** Successful frees by owners. */
  frees: number;
  /** Refused frees by reason. */
  freeRefused: Record<'doubleFree' | 'unknownPointer', number>;
  /** Collector runs. */
  gcRuns: number;
  /** Blocks reclaimed by the stale sweep. */
  reclaimedStale: number;
  /** Blocks reclaimed by the collector. */
  reclaimedGc: number;
  /** Bytes reclaimed by the stale sweep and the collector together. */
  reclaimedBytes: number;
  /** Blocks found live at the last {@link KitchenMemory.reportLeaks} (0 before it runs). */
  leaked: number;
  /** Most bytes used at once. */
  peakUsedBytes: number;
  /** The heap's external fragmentation now, 0..1 (the same as the gauge). */
  externalFragmentation: number;
  /**
   * The source lesson's "fragmentation" figure: the coefficient of variation of the requested sizes of live
   * blocks (population standard deviation / mean), times 100; 0 with no live blocks. It measures how mixed
   * the sizes are, not how broken up free memory is (that is `externalFragmentation`).
   */
  sizeDispersionPercent: number;
}

const LIMIT_FIELDS: readonly (keyof StationsLimits)[] = ['memoryLimitBytes', 'gcThresholdBytes', 'staleAfterMs', 'staleSweepEveryMs'];

/** True for a whole number >= min. */
function isWhole(n: unknown, min: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min;
}

/**
 * Checks a configuration. Returns null when it is valid, else a message naming the first bad field
 * (e.g. `"pools.small.blockSize: expected a whole number >= 1, got 0"`).
 */
export function validateStationsConfig(c: StationsConfig): string | null {
  for (const cls of ['small', 'medium'] as const) {
    const p = c.pools[cls];
    if (!isWhole(p.blockSize, 1)) return `pools.${cls}.blockSize: expected a whole number >= 1, got ${p.blockSize}`;
    if (!isWhole(p.blockCount, 0)) return `pools.${cls}.blockCount: expected a whole number >= 0, got ${p.blockCount}`;
  }
  if (c.pools.small.blockSize > c.pools.medium.blockSize) {
    return `pools.medium.blockSize: must be at least pools.small.blockSize (${c.pools.small.blockSize}), got ${c.pools.medium.blockSize}`;
  }
  const h = c.heap;
  if (!isWhole(h.heapSize, 1)) return `heap.heapSize: expected a whole number >= 1, got ${h.heapSize}`;
  if (!isWhole(h.headerSize, 0)) return `heap.headerSize: expected a whole number >= 0, got ${h.headerSize}`;
  if (h.alignment !== -1 && !isWhole(h.alignment, 1)) return `heap.alignment: expected -1 or a whole number >= 1, got ${h.alignment}`;
  if (!FIT_POLICIES.includes(h.policy)) return `heap.policy: expected one of ${FIT_POLICIES.join(', ')}, got ${String(h.policy)}`;
  if (!LIST_ORDERS.includes(h.listOrder)) return `heap.listOrder: expected one of ${LIST_ORDERS.join(', ')}, got ${String(h.listOrder)}`;
  if (typeof h.coalesce !== 'boolean') return `heap.coalesce: expected a boolean, got ${String(h.coalesce)}`;
  for (const f of LIMIT_FIELDS) {
    if (!isWhole(c[f], 0)) return `${f}: expected a whole number >= 0, got ${c[f]}`;
  }
  return null;
}

/** The kitchen stations (memory) of one simulation. */
export class KitchenMemory {
  private config: StationsConfig;
  private readonly smallPool: MemoryPool;
  private readonly mediumPool: MemoryPool;
  private readonly heap: FreeListAllocator;
  /** Live blocks by id; ids only grow, so iteration order is ascending blockId. */
  private readonly live = new Map<number, MemoryBlock>();
  /** Ids of live blocks in state 'unreachable'. */
  private readonly unreachable = new Set<number>();
  private nextBlockId = 1;
  private usedTotal = 0;
  private heapUsed = 0;
  /** Sum and sum of squares of live blocks' requested sizes (for the size dispersion). */
  private requestedSum = 0;
  private requestedSquares = 0;
  /** Bumped whenever the sweep period changes, so timers of the old period are ignored (lazy cancel). */
  private sweepGeneration = 0;
  private readonly counters = {
    heapFallbacks: 0,
    oomCount: 0,
    frees: 0,
    gcRuns: 0,
    reclaimedStale: 0,
    reclaimedGc: 0,
    reclaimedBytes: 0,
    leaked: 0,
    peakUsedBytes: 0,
  };
  private readonly allocations: Record<StationClass, number> = { small: 0, medium: 0, large: 0 };
  private readonly failures: Record<AllocFailureReason, number> = { poolExhausted: 0, limitExceeded: 0, heapOom: 0 };
  private readonly freeRefused: Record<'doubleFree' | 'unknownPointer', number> = { doubleFree: 0, unknownPointer: 0 };

  /** Throws a RangeError naming the field when the configuration is invalid (see {@link validateStationsConfig}). */
  constructor(
    config: StationsConfig,
    private readonly ctx: SimContext,
  ) {
    const problem = validateStationsConfig(config);
    if (problem) throw new RangeError(`kitchenMemory: ${problem}`);
    this.config = { ...config, pools: { small: { ...config.pools.small }, medium: { ...config.pools.medium } }, heap: { ...config.heap } };
    this.smallPool = new MemoryPool(config.pools.small.blockSize, config.pools.small.blockCount);
    this.mediumPool = new MemoryPool(config.pools.medium.blockSize, config.pools.medium.blockCount);
    this.heap = new FreeListAllocator({ baseAddr: HEAP_BASE_ADDR, ...config.heap });
    ctx.scheduler.on('kitchen.staleSweep', (generation) => this.onSweepTimer(generation));
    this.scheduleSweep();
  }

  /**
   * Allocates `size` bytes for `owner` (see the module comment for the route and the events). Returns the new
   * blockId (> 0), or 0 when the allocation fails: small pool exhausted, memory limit, or heap out of memory.
   * A successful allocation that takes `usedBytes` above `gcThresholdBytes` then runs the collector.
   * Throws a RangeError unless `size` is a whole number >= 1.
   */
  allocate(size: number, owner: string): number {
    if (!isWhole(size, 1)) throw new RangeError(`kitchenMemory.allocate: size must be a whole number >= 1, got ${size}`);
    const atMs = this.ctx.scheduler.nowMs;
    const log = this.ctx.log;
    const sizeClass = this.classify(size);
    let pool: MemoryPool | null = null;
    let isFallback = false;
    if (sizeClass === 'small') {
      if (this.smallPool.isExhausted()) {
        log.append({ atMs, type: 'pool.exhausted', poolClass: 'small', size, owner, action: 'failed' });
        return this.fail('poolExhausted');
      }
      pool = this.smallPool;
    } else if (sizeClass === 'medium') {
      if (this.mediumPool.isExhausted()) {
        log.append({ atMs, type: 'pool.exhausted', poolClass: 'medium', size, owner, action: 'heapFallback' });
        isFallback = true;
      } else {
        pool = this.mediumPool;
      }
    }
    const cost = pool ? pool.blockSize : this.heap.blockSizeFor(size);
    if (this.usedTotal + cost > this.config.memoryLimitBytes) {
      log.append({ atMs, type: 'memory.limitExceeded', requested: cost, used: this.usedTotal, limit: this.config.memoryLimitBytes, owner });
      return this.fail('limitExceeded');
    }
    const block: MemoryBlock = {
      blockId: 0,
      sizeClass,
      isHeap: pool === null,
      poolIndex: null,
      addr: null,
      requested: size,
      size: cost,
      owner,
      allocatedAtMs: atMs,
      lastUsedAtMs: atMs,
      state: BLOCK_CHART.initial,
    };
    if (pool) {
      block.poolIndex = pool.allocate();
      block.blockId = this.nextBlockId++;
      log.append({ atMs, type: 'pool.allocated', poolClass: sizeClass, blockIndex: block.poolIndex, blockId: block.blockId, size, owner });
    } else {
      const r = this.heap.malloc(size);
      log.append({ atMs, type: 'heap.searched', probes: r.probes.map(toPair), need: r.need, policy: this.config.heap.policy, owner });
      if (r.addr < 0) {
        log.append({ atMs, type: 'heap.oom', requested: size, need: r.need, searched: r.searched, largestFree: this.heap.stats().largestFree, owner });
        return this.fail('heapOom');
      }
      if (r.split) log.append({ atMs, type: 'heap.split', addr: r.addr, need: r.need, remainderAddr: r.split.addr, remainderSize: r.split.size });
      block.addr = r.addr;
      block.blockId = this.nextBlockId++;
      log.append({ atMs, type: 'heap.allocated', blockId: block.blockId, addr: r.addr, size: r.need, requested: size, searched: r.searched, owner });
      this.heapUsed += cost;
      if (isFallback) this.counters.heapFallbacks++;
    }
    const usedBefore = this.usedTotal;
    this.track(block);
    this.allocations[sizeClass]++;
    if (this.shouldCollect(usedBefore, this.usedTotal)) this.collectGarbage();
    return block.blockId;
  }

  /**
   * The owner frees a block. Returns true and logs `pool.freed`, or `heap.freed` and then `heap.coalesced`
   * per merged run. Returns false and logs `memory.freeRefused` for an id never handed out
   * ('unknownPointer') or one already freed or reclaimed ('doubleFree'); nothing changes then.
   * An unreachable block may still be freed (the model only knows what it is told).
   */
  free(blockId: number, owner: string): boolean {
    const atMs = this.ctx.scheduler.nowMs;
    const block = this.live.get(blockId);
    if (!block) {
      const reason = this.wasHandedOut(blockId) ? 'doubleFree' : 'unknownPointer';
      this.freeRefused[reason]++;
      this.ctx.log.append({ atMs, type: 'memory.freeRefused', blockId, reason, owner });
      return false;
    }
    if (block.isHeap) {
      this.ctx.log.append({ atMs, type: 'heap.freed', blockId, addr: block.addr as number, size: block.size, owner: block.owner });
    } else {
      this.ctx.log.append({ atMs, type: 'pool.freed', poolClass: block.sizeClass, blockIndex: block.poolIndex as number, blockId, owner: block.owner });
    }
    block.state = follow(BLOCK_CHART, block.state, 'block.free');
    this.release(block);
    this.counters.frees++;
    return true;
  }

  /** Marks a live block as used now (not stale for another `staleAfterMs`). Returns false if it is not live. */
  touch(blockId: number): boolean {
    const block = this.live.get(blockId);
    if (!block) return false;
    block.lastUsedAtMs = this.ctx.scheduler.nowMs;
    return true;
  }

  /**
   * The owner dropped its last reference without freeing: the block becomes garbage, which the collector
   * may take. Logs nothing (nobody notices a dropped reference). Returns false if the block is not live.
   */
  markUnreachable(blockId: number): boolean {
    const block = this.live.get(blockId);
    if (!block) return false;
    block.state = follow(BLOCK_CHART, block.state, 'block.drop');
    this.unreachable.add(blockId);
    return true;
  }

  /**
   * Runs the collector now: reclaims every unreachable block in ascending blockId order (`memory.reclaimed`,
   * reason 'gc', each followed by the heap's `heap.coalesced` runs for a heap block), then logs `gc.ran`.
   * Called automatically when an allocation crosses `gcThresholdBytes`. Returns the number of blocks reclaimed.
   */
  collectGarbage(): number {
    const usedBefore = this.usedTotal;
    const ids = [...this.unreachable].sort((a, b) => a - b);
    let freedBytes = 0;
    for (const id of ids) freedBytes += this.reclaim(this.live.get(id) as MemoryBlock, 'gc');
    this.counters.gcRuns++;
    this.counters.reclaimedGc += ids.length;
    this.ctx.log.append({
      atMs: this.ctx.scheduler.nowMs,
      type: 'gc.ran',
      usedBefore,
      threshold: this.config.gcThresholdBytes,
      collectedCount: ids.length,
      freedBytes,
    });
    return ids.length;
  }

  /**
   * Reclaims every live block untouched for at least `staleAfterMs` (ascending blockId; `memory.reclaimed`,
   * reason 'stale'). Does nothing when `staleAfterMs` is 0. The `kitchen.staleSweep` timer calls it every
   * `staleSweepEveryMs`. Returns the number of blocks reclaimed.
   */
  sweepStale(): number {
    const staleAfterMs = this.config.staleAfterMs;
    if (staleAfterMs <= 0) return 0;
    const nowMs = this.ctx.scheduler.nowMs;
    const stale: MemoryBlock[] = [];
    for (const block of this.live.values()) if (nowMs - block.lastUsedAtMs >= staleAfterMs) stale.push(block);
    for (const block of stale) this.reclaim(block, 'stale');
    this.counters.reclaimedStale += stale.length;
    return stale.length;
  }

  /**
   * Logs `memory.leaked` for every live block (allocated or unreachable), ascending by blockId, and returns
   * copies of them. Call it at the end of a run: whatever is still live then was never given back. `isLeak`
   * narrows the report (the simulation passes the blocks whose finished owners forgot them).
   */
  reportLeaks(isLeak: (block: MemoryBlock) => boolean = () => true): MemoryBlock[] {
    const atMs = this.ctx.scheduler.nowMs;
    const leaks = this.blocks().filter(isLeak);
    for (const b of leaks) this.ctx.log.append({ atMs, type: 'memory.leaked', blockId: b.blockId, size: b.size, owner: b.owner, allocatedAtMs: b.allocatedAtMs });
    this.counters.leaked = leaks.length;
    return leaks;
  }

  /**
   * Changes the global rules while running; logs `limit.changed` (kind 'memory') per changed field.
   * Returns null, or a message when a value is invalid or `pools`/`heap` would change (they are fixed at
   * construction); nothing changes then.
   * - A lower `memoryLimitBytes` keeps the blocks already in use (used may stay above it); new allocations
   *   fail until enough is freed.
   * - A new `gcThresholdBytes` applies from the next allocation (the collector runs on a crossing only).
   * - A new `staleSweepEveryMs`, or turning the sweep on, restarts the sweep period from now.
   */
  setLimits(changes: Partial<StationsConfig>): string | null {
    if (changes.pools !== undefined && !isSameConfig(changes.pools, this.config.pools)) return 'pools: fixed at construction';
    if (changes.heap !== undefined && !isSameConfig(changes.heap, this.config.heap)) return 'heap: fixed at construction';
    const next: StationsConfig = { ...this.config };
    for (const f of LIMIT_FIELDS) {
      const v = changes[f];
      if (v !== undefined) next[f] = v;
    }
    const problem = validateStationsConfig(next);
    if (problem) return problem;
    const prev = this.config;
    this.config = next;
    const atMs = this.ctx.scheduler.nowMs;
    for (const f of LIMIT_FIELDS) {
      if (prev[f] !== next[f]) this.ctx.log.append({ atMs, type: 'limit.changed', kind: 'memory', field: f, from: prev[f], to: next[f] });
    }
    const wasSweeping = isSweepOn(prev);
    if (isSweepOn(next) && (!wasSweeping || prev.staleSweepEveryMs !== next.staleSweepEveryMs)) this.scheduleSweep();
    return null;
  }

  /** Every live block, ascending by blockId (copies, safe to keep). */
  blocks(): MemoryBlock[] {
    const out: MemoryBlock[] = [];
    for (const b of this.live.values()) out.push({ ...b });
    return out;
  }

  /** A copy of the live block with this id, or null. */
  block(blockId: number): MemoryBlock | null {
    const b = this.live.get(blockId);
    return b ? { ...b } : null;
  }

  /** Bytes used by live blocks now (the same as `gauges().usedBytes`). */
  get usedBytes(): number {
    return this.usedTotal;
  }

  /** The limits in force now (the fields `setLimits` may change), as a copy. */
  limits(): StationsLimits {
    const c = this.config;
    return { memoryLimitBytes: c.memoryLimitBytes, gcThresholdBytes: c.gcThresholdBytes, staleAfterMs: c.staleAfterMs, staleSweepEveryMs: c.staleSweepEveryMs };
  }

  /** Bytes of heap (fixed at construction); the heap spans `[HEAP_BASE_ADDR, HEAP_BASE_ADDR + heapSize)`. */
  get heapSize(): number {
    return this.config.heap.heapSize;
  }

  /** The heap's free list in list order (copies), for drawing the banquet area. */
  heapFreeList(): FreeChunk[] {
    return this.heap.freeList().map((c) => ({ addr: c.addr, size: c.size }));
  }

  gauges(): KitchenMemoryGauges {
    const s = this.heap.stats();
    return {
      usedBytes: this.usedTotal,
      limitBytes: this.config.memoryLimitBytes,
      pools: { small: poolGauges(this.smallPool), medium: poolGauges(this.mediumPool) },
      heap: {
        usedBytes: this.heapUsed,
        freeBytes: s.freeBytes,
        largestFree: s.largestFree,
        fragmentCount: s.fragmentCount,
        externalFragmentation: s.externalFragmentation,
      },
      blockCount: this.live.size,
    };
  }

  metrics(): KitchenMemoryMetrics {
    return {
      allocations: { ...this.allocations },
      heapFallbacks: this.counters.heapFallbacks,
      failures: { ...this.failures },
      oomCount: this.counters.oomCount,
      frees: this.counters.frees,
      freeRefused: { ...this.freeRefused },
      gcRuns: this.counters.gcRuns,
      reclaimedStale: this.counters.reclaimedStale,
      reclaimedGc: this.counters.reclaimedGc,
      reclaimedBytes: this.counters.reclaimedBytes,
      leaked: this.counters.leaked,
      peakUsedBytes: this.counters.peakUsedBytes,
      externalFragmentation: this.heap.stats().externalFragmentation,
      sizeDispersionPercent: this.sizeDispersionPercent(),
    };
  }

  /** The size class of a request: small up to the small block size, medium up to the medium one, else large. */
  private classify(size: number): StationClass {
    if (size <= this.config.pools.small.blockSize) return 'small';
    if (size <= this.config.pools.medium.blockSize) return 'medium';
    return 'large';
  }

  /** The collector runs when an allocation takes used bytes from at or below the threshold to above it. */
  private shouldCollect(usedBefore: number, usedAfter: number): boolean {
    const threshold = this.config.gcThresholdBytes;
    return threshold > 0 && usedBefore <= threshold && usedAfter > threshold;
  }

  /** True when `blockId` was handed out at some point (so a miss in `live` means it was freed or reclaimed). */
  private wasHandedOut(blockId: number): boolean {
    return Number.isInteger(blockId) && blockId >= 1 && blockId < this.nextBlockId;
  }

  private fail(reason: AllocFailureReason): 0 {
    this.failures[reason]++;
    this.counters.oomCount++;
    return 0;
  }

  private track(block: MemoryBlock): void {
    block.state = follow(BLOCK_CHART, block.state, 'block.allocate');
    this.live.set(block.blockId, block);
    this.usedTotal += block.size;
    this.requestedSum += block.requested;
    this.requestedSquares += block.requested * block.requested;
    if (this.usedTotal > this.counters.peakUsedBytes) this.counters.peakUsedBytes = this.usedTotal;
  }

  /** Gives a live block's memory back to its pool or the heap; logs the heap's merged runs. */
  private release(block: MemoryBlock): void {
    this.live.delete(block.blockId);
    this.unreachable.delete(block.blockId);
    this.usedTotal -= block.size;
    this.requestedSum -= block.requested;
    this.requestedSquares -= block.requested * block.requested;
    if (!block.isHeap) {
      const pool = block.sizeClass === 'small' ? this.smallPool : this.mediumPool;
      pool.free(block.poolIndex as number);
      return;
    }
    this.heapUsed -= block.size;
    const r = this.heap.free(block.addr as number);
    if (r.rc !== 0) throw new Error(`kitchenMemory: the allocator refused to free block ${block.blockId} at ${block.addr}`);
    const atMs = this.ctx.scheduler.nowMs;
    for (const run of r.coalesced) {
      if (run.mergedCount > 1) this.ctx.log.append({ atMs, type: 'heap.coalesced', addr: run.addr, size: run.size, mergedCount: run.mergedCount });
    }
  }

  /** Takes a block back without its owner: logs `memory.reclaimed`, then releases it. Returns its size. */
  private reclaim(block: MemoryBlock, reason: ReclaimReason): number {
    const atMs = this.ctx.scheduler.nowMs;
    this.ctx.log.append({ atMs, type: 'memory.reclaimed', blockId: block.blockId, size: block.size, owner: block.owner, reason, idleMs: atMs - block.lastUsedAtMs });
    block.state = follow(BLOCK_CHART, block.state, BLOCK_RECLAIM_EVENTS[reason]);
    this.release(block);
    this.counters.reclaimedBytes += block.size;
    return block.size;
  }

  private sizeDispersionPercent(): number {
    const n = this.live.size;
    if (n === 0 || this.requestedSum === 0) return 0;
    // CV = sd / mean = sqrt(n * sumSq - sum^2) / sum, exact in integers while the sums stay below 2^53.
    const spread = n * this.requestedSquares - this.requestedSum * this.requestedSum;
    return spread <= 0 ? 0 : (Math.sqrt(spread) / this.requestedSum) * 100;
  }

  private scheduleSweep(): void {
    this.sweepGeneration++;
    if (isSweepOn(this.config)) this.ctx.scheduler.after(this.config.staleSweepEveryMs, 'kitchen.staleSweep', this.sweepGeneration);
  }

  private onSweepTimer(generation: number): void {
    if (generation !== this.sweepGeneration || !isSweepOn(this.config)) return;
    this.sweepStale();
    this.ctx.scheduler.after(this.config.staleSweepEveryMs, 'kitchen.staleSweep', generation);
  }
}

function isSweepOn(c: StationsConfig): boolean {
  return c.staleAfterMs > 0 && c.staleSweepEveryMs > 0;
}

function toPair(c: FreeChunk): [number, number] {
  return [c.addr, c.size];
}

function poolGauges(p: MemoryPool): PoolGauges {
  return { used: p.usedCount, total: p.blockCount, blockSize: p.blockSize };
}

/** True when two plain config objects (nested one level at most) hold the same values. */
function isSameConfig(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(y);
  if (Object.keys(x).length !== keys.length) return false;
  return keys.every((k) => (typeof y[k] === 'object' && y[k] !== null ? typeof x[k] === 'object' && x[k] !== null && isSameConfig(x[k], y[k]) : x[k] === y[k]));
}
