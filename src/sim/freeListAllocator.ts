/**
 * A free-list allocator over one contiguous heap (the banquet area: one long counter that dishes of any size are
 * carved out of, and handed back to).
 *
 * Rules, as OSTEP's `malloc.py` (SEMANTICS.md part A.1), which this class reproduces exactly:
 * - **Request size.** `need = roundup(size, alignment) + headerSize`: the payload is rounded up to a multiple of
 *   `alignment` (unless it is -1), then the header is added, so blocks are not aligned when the header is not a
 *   multiple of the alignment. There is no minimum block size and no minimum split remainder.
 * - **Search** scans the free list in its current order from index 0, counting every element examined:
 *   FIRST stops at the first chunk with `size >= need`; BEST and WORST always scan the whole list and keep the
 *   first chunk with the strictly smallest (BEST) or largest (WORST) adequate size, so ties go to the earliest
 *   in list order. On failure `searched` is the list length.
 * - **Split.** The block is carved from the chunk's low end (block address = chunk address). A larger chunk is
 *   replaced in place by its remainder; an exact fit is removed. The list is never re-sorted after an alloc, so
 *   a SIZESORT list can stay unsorted until the next free.
 * - **Free** of an address that is not allocated returns -1 and changes nothing. Otherwise the chunk is inserted
 *   by `listOrder`: INSERT-FRONT at index 0, INSERT-BACK at the end, ADDRSORT / SIZESORT+ / SIZESORT- appended
 *   and then stably sorted by address, size ascending or size descending (the new chunk last among equals).
 * - **Coalesce** (after a successful free only) is one left-to-right pass that merges each element into the
 *   previous run when it starts where that run ends. Only list-adjacent, address-contiguous chunks merge, so
 *   ADDRSORT coalesces fully and the other orders only partly.
 *
 * Our addition: **NEXT fit** (not in OSTEP). A roving index remembers the list position where the last
 * successful search stopped (the remainder's position after a split, or the position the removed chunk's
 * successor moved into after an exact fit). The next search starts there (at 0 if the list has since become
 * shorter than that), wraps around the end once, and takes the first chunk that fits; `searched` counts the
 * chunks examined, so a failure examines the whole list. The rover is a plain list position: frees that insert
 * or merge chunks before it do not move it, so it may then name a different chunk. A failed search leaves it
 * where it was.
 *
 * Cost: the list is kept as two parallel typed arrays (addresses, sizes), so a search scans packed numbers and
 * an insert or removal is one memmove. A search is the scan itself (up to the fit for FIRST and NEXT, the whole
 * list for BEST and WORST). A free is a binary search plus a memmove for ADDRSORT (its list is always sorted,
 * and with coalescing only the new chunk's two neighbours can merge); SIZESORT lists get the same while they are
 * known to be sorted, and a stable re-sort only after a split or merge left them out of order; the other orders,
 * and coalescing outside ADDRSORT, cost one O(n) pass, as in OSTEP. Recording `probes` creates one object per
 * chunk examined, which dominates long scans: pass `{ recordProbes: false }` when nobody reads them.
 *
 * Addresses and sizes are in bytes (any integer unit works; OSTEP's examples use plain numbers).
 *
 * @example
 * const heap = new FreeListAllocator({ baseAddr: 1000, heapSize: 100, headerSize: 4, alignment: 4,
 *   policy: 'BEST', listOrder: 'ADDRSORT', coalesce: false });
 * heap.malloc(10); // { addr: 1000, need: 16, searched: 1, ... }
 * heap.freeList(); // [{ addr: 1016, size: 84 }]
 * heap.free(1000); // { rc: 0, addr: 1000, size: 16, coalesced: [] }
 */

/** How a search picks among the free chunks that are big enough. NEXT is ours; the rest are OSTEP's. */
export type FitPolicy = 'FIRST' | 'BEST' | 'WORST' | 'NEXT';

/** Where a freed chunk goes in the free list (OSTEP's `-l`). */
export type ListOrder = 'ADDRSORT' | 'SIZESORT+' | 'SIZESORT-' | 'INSERT-FRONT' | 'INSERT-BACK';

/** The fit policies, in the order the CLI lists them. */
export const FIT_POLICIES: readonly FitPolicy[] = ['BEST', 'WORST', 'FIRST', 'NEXT'];

/** The list orders, in the order OSTEP lists them. */
export const LIST_ORDERS: readonly ListOrder[] = ['ADDRSORT', 'SIZESORT+', 'SIZESORT-', 'INSERT-FRONT', 'INSERT-BACK'];

/** Allocator settings (OSTEP's `-b -S -H -a -p -l -C`). */
export interface AllocatorConfig {
  /** Address of the heap's first byte (an integer >= 0). */
  baseAddr: number;
  /** Heap size in bytes (an integer >= 1). The heap is `[baseAddr, baseAddr + heapSize)`. */
  heapSize: number;
  /** Bytes of header in front of every block's payload (an integer >= 0). */
  headerSize: number;
  /** Payload sizes are rounded up to a multiple of this many bytes; -1 means no alignment. */
  alignment: number;
  /** How the search picks a chunk. */
  policy: FitPolicy;
  /** Where freed chunks are inserted. */
  listOrder: ListOrder;
  /** Merge list-adjacent, address-contiguous free chunks after every successful free. */
  coalesce: boolean;
}

/** A range of the heap: a free chunk or an allocated block (header included). */
export interface FreeChunk {
  /** First byte's address. */
  addr: number;
  /** Length in bytes. */
  size: number;
}

/** What one {@link FreeListAllocator.malloc} did. */
export interface AllocResult {
  /** The block's address (where its header starts), or -1 when no free chunk was big enough. */
  addr: number;
  /** Bytes the request needed: the payload rounded up to the alignment, plus the header. */
  need: number;
  /** Free-list elements examined (on failure: the list length). */
  searched: number;
  /**
   * The chunks examined, in scan order, as they were before the split (`probes.length === searched`); empty
   * when the allocator was built with `recordProbes: false`.
   */
  probes: FreeChunk[];
  /** The remainder left in the list when the chosen chunk was larger than `need`, else null. */
  split: FreeChunk | null;
}

/** A run of free chunks that one coalescing pass merged into one. */
export interface CoalescedRun {
  /** Address of the merged chunk. */
  addr: number;
  /** Size of the merged chunk in bytes. */
  size: number;
  /** How many list entries merged into it (>= 2). */
  mergedCount: number;
}

/** What one {@link FreeListAllocator.free} did. */
export interface FreeResult {
  /** 0 when the block was freed; -1 when the address was not an allocated block (nothing changed). */
  rc: 0 | -1;
  /** The address passed in. */
  addr: number;
  /** Bytes returned to the free list (0 on failure). */
  size: number;
  /** Each merged run after coalescing, in list order (empty without coalescing or when nothing merged). */
  coalesced: CoalescedRun[];
}

/** Instant readings of the heap. */
export interface AllocatorStats {
  /** Bytes in the free list. */
  freeBytes: number;
  /** Bytes in allocated blocks (headers and alignment padding included). */
  allocatedBytes: number;
  /** Size of the largest free chunk in bytes (0 when none). */
  largestFree: number;
  /** Number of free-list entries. */
  fragmentCount: number;
  /** External fragmentation: `1 - largestFree / freeBytes`, or 0 when nothing is free. */
  externalFragmentation: number;
}

/** Options that change what the allocator records, never what it does. */
export interface AllocatorOptions {
  /** Fill {@link AllocResult.probes} (default true). Turn off for bulk runs that only need addresses. */
  recordProbes?: boolean;
}

const POLICY_SET: ReadonlySet<string> = new Set(FIT_POLICIES);
const ORDER_SET: ReadonlySet<string> = new Set(LIST_ORDERS);
const INITIAL_CAPACITY = 16;

/** A free-list allocator (see the module comment for the exact rules). */
export class FreeListAllocator {
  /** The settings it was built with (validated). */
  readonly config: Readonly<AllocatorConfig>;
  private readonly shouldRecordProbes: boolean;
  /** The free list in list order: entry i is `[addrs[i], addrs[i] + sizes[i])`, for i < count. */
  private addrs = new Float64Array(INITIAL_CAPACITY);
  private sizes = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  /** Allocated blocks: block address to block size in bytes. */
  private readonly blocks = new Map<number, number>();
  private freeBytes: number;
  /** SIZESORT lists only: whether the list is known to be sorted by its key (a split or merge can break it). */
  private isSorted = true;
  /** NEXT fit only: the list position where the next search starts. */
  private roverIndex = 0;

  /**
   * @throws RangeError when a setting is out of range: heapSize must be an integer >= 1, headerSize and
   *   baseAddr integers >= 0, alignment -1 or an integer >= 1, policy and listOrder one of the known names.
   */
  constructor(config: AllocatorConfig, options: AllocatorOptions = {}) {
    const { baseAddr, heapSize, headerSize, alignment, policy, listOrder, coalesce } = config;
    if (!Number.isSafeInteger(heapSize) || heapSize <= 0) throw new RangeError(`heapSize must be an integer >= 1 (bytes), got ${heapSize}`);
    if (!Number.isSafeInteger(baseAddr) || baseAddr < 0) throw new RangeError(`baseAddr must be an integer >= 0, got ${baseAddr}`);
    if (!Number.isSafeInteger(baseAddr + heapSize)) throw new RangeError(`baseAddr + heapSize must stay below 2^53, got ${baseAddr} + ${heapSize}`);
    if (!Number.isSafeInteger(headerSize) || headerSize < 0) throw new RangeError(`headerSize must be an integer >= 0 (bytes), got ${headerSize}`);
    if (!(alignment === -1 || (Number.isSafeInteger(alignment) && alignment >= 1))) {
      throw new RangeError(`alignment must be -1 (none) or an integer >= 1 (bytes), got ${alignment}`);
    }
    if (!POLICY_SET.has(policy)) throw new RangeError(`policy must be one of ${FIT_POLICIES.join(', ')}, got ${String(policy)}`);
    if (!ORDER_SET.has(listOrder)) throw new RangeError(`listOrder must be one of ${LIST_ORDERS.join(', ')}, got ${String(listOrder)}`);
    if (typeof coalesce !== 'boolean') throw new RangeError(`coalesce must be true or false, got ${String(coalesce)}`);
    this.config = Object.freeze({ baseAddr, heapSize, headerSize, alignment, policy, listOrder, coalesce });
    this.shouldRecordProbes = options.recordProbes ?? true;
    this.addrs[0] = baseAddr;
    this.sizes[0] = heapSize;
    this.count = 1;
    this.freeBytes = heapSize;
  }

  /**
   * Bytes a request for `size` payload bytes takes: `roundup(size, alignment) + headerSize`.
   * @example new FreeListAllocator({ ...cfg, headerSize: 4, alignment: 4 }).blockSizeFor(10); // 16
   */
  blockSizeFor(size: number): number {
    const { alignment, headerSize } = this.config;
    let payload = size;
    if (alignment !== -1) {
      const rest = payload % alignment;
      if (rest !== 0) payload += alignment - rest;
    }
    return payload + headerSize;
  }

  /**
   * Allocates a block for `size` payload bytes by the configured fit policy.
   * @param size payload bytes, an integer >= 1
   * @throws RangeError when `size` is not an integer >= 1
   */
  malloc(size: number): AllocResult {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`malloc size must be an integer >= 1 (bytes), got ${size}`);
    const need = this.blockSizeFor(size);
    const sizes = this.sizes;
    const n = this.count;
    let found = -1;
    /** Scan order: positions start, start+1, ..., wrapping at n; `searched` of them were examined. */
    let start = 0;
    let searched: number;
    switch (this.config.policy) {
      case 'FIRST': {
        let i = 0;
        while (i < n && sizes[i] < need) i++;
        if (i < n) found = i;
        searched = found === -1 ? n : found + 1;
        break;
      }
      case 'BEST': {
        let bestSize = Infinity;
        for (let i = 0; i < n; i++) {
          const s = sizes[i];
          if (s >= need && s < bestSize) {
            bestSize = s;
            found = i;
          }
        }
        searched = n;
        break;
      }
      case 'WORST': {
        let worstSize = -1;
        for (let i = 0; i < n; i++) {
          const s = sizes[i];
          if (s >= need && s > worstSize) {
            worstSize = s;
            found = i;
          }
        }
        searched = n;
        break;
      }
      case 'NEXT': {
        start = this.roverIndex < n ? this.roverIndex : 0;
        let i = start;
        searched = 0;
        while (searched < n) {
          searched++;
          if (sizes[i] >= need) {
            found = i;
            break;
          }
          i = i + 1 === n ? 0 : i + 1;
        }
        break;
      }
    }
    const probes = this.shouldRecordProbes ? this.chunksFrom(start, searched) : [];
    if (found === -1) return { addr: -1, need, searched, probes, split: null };

    const addr = this.addrs[found];
    const chosenSize = sizes[found];
    let split: FreeChunk | null = null;
    if (chosenSize > need) {
      const restSize = chosenSize - need;
      this.addrs[found] = addr + need;
      sizes[found] = restSize;
      split = { addr: addr + need, size: restSize };
      if (this.isSorted) {
        // The remainder is smaller than the chunk it replaces: the sort key may now be out of order.
        const order = this.config.listOrder;
        if (order === 'SIZESORT+' && found > 0 && sizes[found - 1] > restSize) this.isSorted = false;
        else if (order === 'SIZESORT-' && found + 1 < n && sizes[found + 1] > restSize) this.isSorted = false;
      }
    } else {
      this.removeAt(found);
    }
    this.roverIndex = found;
    this.blocks.set(addr, need);
    this.freeBytes -= need;
    return { addr, need, searched, probes, split };
  }

  /**
   * Frees the block that starts at `addr` (a block address as returned by {@link malloc}).
   * Returns rc -1 and changes nothing when `addr` is not an allocated block (a double free or a wild pointer).
   */
  free(addr: number): FreeResult {
    const size = this.blocks.get(addr);
    if (size === undefined) return { rc: -1, addr, size: 0, coalesced: [] };
    this.blocks.delete(addr);
    this.freeBytes += size;
    const { listOrder, coalesce } = this.config;
    switch (listOrder) {
      case 'ADDRSORT':
        return { rc: 0, addr, size, coalesced: this.insertByAddress(addr, size, coalesce) };
      case 'INSERT-FRONT':
        this.insertAt(0, addr, size);
        break;
      case 'INSERT-BACK':
        this.insertAt(this.count, addr, size);
        break;
      case 'SIZESORT+':
      case 'SIZESORT-':
        this.insertBySize(addr, size, listOrder === 'SIZESORT-');
        break;
    }
    return { rc: 0, addr, size, coalesced: coalesce ? this.coalescePass() : [] };
  }

  /** The free list in list order (copies). */
  freeList(): FreeChunk[] {
    return this.chunksFrom(0, this.count);
  }

  /** The allocated blocks (header included), in ascending address order. */
  allocatedBlocks(): FreeChunk[] {
    const out: FreeChunk[] = [];
    for (const [addr, size] of this.blocks) out.push({ addr, size });
    return out.sort((x, y) => x.addr - y.addr);
  }

  /** Free and allocated bytes, the largest free chunk and the external fragmentation. */
  stats(): AllocatorStats {
    let largestFree = 0;
    for (let i = 0; i < this.count; i++) if (this.sizes[i] > largestFree) largestFree = this.sizes[i];
    const freeBytes = this.freeBytes;
    return {
      freeBytes,
      allocatedBytes: this.config.heapSize - freeBytes,
      largestFree,
      fragmentCount: this.count,
      externalFragmentation: freeBytes === 0 ? 0 : 1 - largestFree / freeBytes,
    };
  }

  /** `count` entries as objects, in scan order from position `start` (wrapping at the end of the list). */
  private chunksFrom(start: number, count: number): FreeChunk[] {
    const out: FreeChunk[] = new Array<FreeChunk>(count);
    const n = this.count;
    for (let k = 0, i = start; k < count; k++) {
      out[k] = { addr: this.addrs[i], size: this.sizes[i] };
      i = i + 1 === n ? 0 : i + 1;
    }
    return out;
  }

  private insertAt(index: number, addr: number, size: number): void {
    if (this.count === this.addrs.length) {
      const addrs = new Float64Array(this.count * 2);
      const sizes = new Float64Array(this.count * 2);
      addrs.set(this.addrs);
      sizes.set(this.sizes);
      this.addrs = addrs;
      this.sizes = sizes;
    }
    if (index < this.count) {
      this.addrs.copyWithin(index + 1, index, this.count);
      this.sizes.copyWithin(index + 1, index, this.count);
    }
    this.addrs[index] = addr;
    this.sizes[index] = size;
    this.count++;
  }

  private removeAt(index: number): void {
    if (index + 1 < this.count) {
      this.addrs.copyWithin(index, index + 1, this.count);
      this.sizes.copyWithin(index, index + 1, this.count);
    }
    this.count--;
  }

  /**
   * ADDRSORT: the list is always sorted by address (a split keeps the remainder between its neighbours), so
   * append-and-stable-sort is a binary-search insert. With coalescing on, every free has already merged all
   * list-adjacent contiguous pairs, and an alloc cannot create one, so only the new chunk's neighbours can merge;
   * merging them is exactly what the full left-to-right pass would do.
   */
  private insertByAddress(addr: number, size: number, coalesce: boolean): CoalescedRun[] {
    const addrs = this.addrs;
    const n = this.count;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (addrs[mid] < addr) lo = mid + 1;
      else hi = mid;
    }
    const joinsPrev = coalesce && lo > 0 && addrs[lo - 1] + this.sizes[lo - 1] === addr;
    const joinsNext = coalesce && lo < n && addr + size === addrs[lo];
    if (!joinsPrev && !joinsNext) {
      this.insertAt(lo, addr, size);
      return [];
    }
    const at = joinsPrev ? lo - 1 : lo;
    const mergedAddr = joinsPrev ? addrs[lo - 1] : addr;
    const mergedSize = (joinsPrev ? this.sizes[lo - 1] : 0) + size + (joinsNext ? this.sizes[lo] : 0);
    if (joinsPrev && joinsNext) this.removeAt(lo);
    this.addrs[at] = mergedAddr;
    this.sizes[at] = mergedSize;
    return [{ addr: mergedAddr, size: mergedSize, mergedCount: 1 + (joinsPrev ? 1 : 0) + (joinsNext ? 1 : 0) }];
  }

  /**
   * SIZESORT±: append and stable-sort by size (ascending, or descending with ties kept in list order, like
   * Python's `sorted(reverse=True)`). While the list is known to be sorted that is a binary-search insert after
   * every element of equal size; otherwise it is a real stable sort of the whole list.
   */
  private insertBySize(addr: number, size: number, isDescending: boolean): void {
    if (!this.isSorted) {
      this.insertAt(this.count, addr, size);
      const n = this.count;
      const entries: FreeChunk[] = this.chunksFrom(0, n);
      entries.sort(isDescending ? (x, y) => y.size - x.size : (x, y) => x.size - y.size); // stable
      for (let i = 0; i < n; i++) {
        this.addrs[i] = entries[i].addr;
        this.sizes[i] = entries[i].size;
      }
      this.isSorted = true;
      return;
    }
    const sizes = this.sizes;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const goesAfter = isDescending ? sizes[mid] >= size : sizes[mid] <= size;
      if (goesAfter) lo = mid + 1;
      else hi = mid;
    }
    this.insertAt(lo, addr, size);
  }

  /**
   * OSTEP's coalescing: one left-to-right pass that merges each element into the run before it when it starts
   * where that run ends. Compacts the arrays in place; returns the runs of two or more entries.
   */
  private coalescePass(): CoalescedRun[] {
    const { addrs, sizes } = this;
    const n = this.count;
    const runs: CoalescedRun[] = [];
    let w = 0;
    let curAddr = addrs[0];
    let curSize = sizes[0];
    let merged = 1;
    for (let i = 1; i < n; i++) {
      if (addrs[i] === curAddr + curSize) {
        curSize += sizes[i];
        merged++;
        continue;
      }
      addrs[w] = curAddr;
      sizes[w] = curSize;
      w++;
      if (merged > 1) runs.push({ addr: curAddr, size: curSize, mergedCount: merged });
      curAddr = addrs[i];
      curSize = sizes[i];
      merged = 1;
    }
    addrs[w] = curAddr;
    sizes[w] = curSize;
    w++;
    if (merged > 1) runs.push({ addr: curAddr, size: curSize, mergedCount: merged });
    this.count = w;
    const order = this.config.listOrder;
    if (runs.length > 0 && (order === 'SIZESORT+' || order === 'SIZESORT-')) this.isSorted = this.isSortedBySize(order === 'SIZESORT-');
    return runs;
  }

  private isSortedBySize(isDescending: boolean): boolean {
    const sizes = this.sizes;
    for (let i = 1; i < this.count; i++) {
      if (isDescending ? sizes[i - 1] < sizes[i] : sizes[i - 1] > sizes[i]) return false;
    }
    return true;
  }
}
