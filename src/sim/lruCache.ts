/**
 * The warming shelf: a least-recently-used cache bounded by entry count and/or by total size, following the
 * `lru-cache` npm package (v11) exactly for the options it shares (SEMANTICS.md A.3 and B.3).
 *
 * Rules, in short:
 * - `get` of a present key makes it the most recently used (MRU); `has`, `peek` and a `get` miss never
 *   change recency.
 * - `set` of a new key: if the cache already holds `max` entries, the least recently used (LRU) entry is
 *   evicted first (count eviction); the new entry is linked as MRU; then LRU entries are evicted while
 *   `calculatedSize + newSize > maxSize` (size eviction, possibly several). Evictions always take the LRU.
 * - `set` of an existing key moves it to MRU. A different value (`!==`) disposes the old value (reason
 *   `'set'`), takes the new size and evicts LRU entries while over `maxSize` (never the entry being set). An
 *   identical value (`===`) disposes nothing and **keeps the old size**, even when a new `size` is passed.
 * - A size above `maxEntrySize` (default: `maxSize`) stores nothing and evicts nothing, but deletes an
 *   existing entry for that key with reason `'set'`. A size of exactly `maxSize` fits and evicts everything
 *   else.
 * - `set(k, undefined)` is `delete(k)`. `delete` disposes with reason `'delete'`; `pop` evicts the LRU entry
 *   (reason `'evict'`); `clear` disposes every entry with reason `'delete'`, LRU first.
 * - With `maxSize` or `maxEntrySize`, every `set` needs a positive integer size (explicit `size`, which wins
 *   when it is a positive integer, or `sizeCalculation`); otherwise it throws `TypeError` and the cache is
 *   unchanged. Without them, passing a non-zero `size` throws.
 *
 * Our one deliberate difference: `maxEntrySize > maxSize` (both set) is refused at construction. lru-cache
 * accepts it, but then an entry bigger than `maxSize` evicts everything including itself and leaves
 * `calculatedSize` negative (checked against 11.5.3), which is nothing a lesson should show.
 *
 * Every removal is reported, in order, through the `onDispose(key, value, reason)` option, after the entry
 * has left the cache. Cost: O(1) per operation (a `Map` from key to slot, plus a doubly linked list kept in
 * growable typed arrays, LRU at the head and MRU at the tail); `clear` is O(entries).
 *
 * @example
 * const removed: string[] = [];
 * const shelf = new LruCache<string, string>({ max: 2, onDispose: (k, _v, reason) => removed.push(`${k}:${reason}`) });
 * shelf.set('soup', 'tomato');
 * shelf.set('pie', 'apple');
 * shelf.get('soup'); // 'tomato' (soup is now the most recently used)
 * shelf.set('tart', 'lemon'); // the shelf is full: pie, the least recently used, is evicted
 * [...shelf.keys()]; // ['tart', 'soup']
 * removed; // ['pie:evict']
 */

/** Why an entry left the cache (lru-cache's `DisposeReason`, without the TTL and fetch cases). */
export type DisposeReason = 'evict' | 'set' | 'delete';

/**
 * How to size an entry when `set` is given no positive integer `size`: `'valueLength'` uses the value's
 * `length` (characters of a string), or a function returning the size (same units as `maxSize`).
 */
export type SizeCalculation<K, V> = 'valueLength' | ((value: V, key: K) => number);

/** Construction options. At least one of `max` and `maxSize` must be a positive integer. */
export interface LruCacheOptions<K, V> {
  /** Most entries held at once (a count); 0 or absent means no count limit. */
  max?: number;
  /** Most total size held at once (the sum of entry sizes, in the caller's size units); 0 or absent: none. */
  maxSize?: number;
  /** Largest size one entry may have (same units as `maxSize`); defaults to `maxSize`. */
  maxEntrySize?: number;
  /** Sizes entries that are set without an explicit positive integer `size`. Needs `maxSize` or `maxEntrySize`. */
  sizeCalculation?: SizeCalculation<K, V>;
  /**
   * Called once per removed entry, in removal order, after it has left the cache: capacity and size
   * evictions and `pop` (`'evict'`), an overwrite by a different value or an oversize set (`'set'`),
   * `delete`, `clear` and `set(k, undefined)` (`'delete'`). It must not modify the cache.
   */
  onDispose?: (key: K, value: V, reason: DisposeReason) => void;
}

/** Options of one {@link LruCache.set}. */
export interface LruSetOptions {
  /** The entry's size (same units as `maxSize`); must be a positive integer when sizes are tracked. */
  size?: number;
}

const NIL = -1;
const INITIAL_CAPACITY = 16;

/** lru-cache's `isPosInt`: a finite, positive whole number. */
function isPosInt(n: unknown): n is number {
  return typeof n === 'number' && n > 0 && Number.isFinite(n) && n === Math.floor(n);
}

function valueLength(value: unknown): number {
  return typeof value === 'string' ? value.length : ((value as { length?: number } | null)?.length ?? NaN);
}

/** A least-recently-used cache bounded by entry count (`max`) and/or total size (`maxSize`). See the module doc. */
export class LruCache<K, V> {
  /** Entry-count limit (0: none). */
  readonly max: number;
  /** Total-size limit (0: none), in the caller's size units. */
  readonly maxSize: number;
  /** Largest size of one entry (0: none), in the caller's size units. */
  readonly maxEntrySize: number;

  readonly #sizeCalculation: ((value: V, key: K) => number) | undefined;
  readonly #isSizeTracked: boolean;
  readonly #onDispose: ((key: K, value: V, reason: DisposeReason) => void) | undefined;

  readonly #slotOf = new Map<K, number>();
  #keys: (K | undefined)[] = [];
  #values: (V | undefined)[] = [];
  /** Next slot toward the MRU end (NIL at the tail). */
  #next: Int32Array;
  /** Previous slot toward the LRU end (NIL at the head). */
  #prev: Int32Array;
  #sizes: Float64Array;
  #free: number[] = [];
  #allocated = 0;
  #head = NIL;
  #tail = NIL;
  #calculatedSize = 0;

  /**
   * @throws TypeError with lru-cache's wording when the limits are invalid: `max` not a non-negative
   *   integer, `maxSize` or `maxEntrySize` not a positive integer, `sizeCalculation` without `maxSize` or
   *   `maxEntrySize`, or no limit at all (`At least one of max, maxSize, or ttl is required`; this cache has
   *   no TTL, the wording is kept). Also when `maxEntrySize > maxSize` (ours, see the module doc).
   */
  constructor(options: LruCacheOptions<K, V>) {
    const { max = 0, maxSize = 0, maxEntrySize = 0, sizeCalculation, onDispose } = options;
    if (max !== 0 && !isPosInt(max)) throw new TypeError('max option must be a nonnegative integer');
    if (max > Number.MAX_SAFE_INTEGER) throw new Error(`invalid max value: ${max}`);
    const entryLimit = maxEntrySize || maxSize;
    if (sizeCalculation !== undefined) {
      if (!maxSize && !entryLimit) throw new TypeError('cannot set sizeCalculation without setting maxSize or maxEntrySize');
      if (typeof sizeCalculation !== 'function' && sizeCalculation !== 'valueLength') {
        throw new TypeError("sizeCalculation set to non-function (expected a function or 'valueLength')");
      }
    }
    if (entryLimit !== 0) {
      if (maxSize !== 0 && !isPosInt(maxSize)) throw new TypeError('maxSize must be a positive integer if specified');
      if (!isPosInt(entryLimit)) throw new TypeError('maxEntrySize must be a positive integer if specified');
    }
    if (max === 0 && maxSize === 0) throw new TypeError('At least one of max, maxSize, or ttl is required');
    if (maxSize !== 0 && entryLimit > maxSize) {
      throw new TypeError(`maxEntrySize must not be greater than maxSize (got maxEntrySize ${entryLimit}, maxSize ${maxSize})`);
    }
    this.max = max;
    this.maxSize = maxSize;
    this.maxEntrySize = entryLimit;
    this.#isSizeTracked = entryLimit !== 0;
    this.#sizeCalculation = sizeCalculation === 'valueLength' ? valueLength : sizeCalculation;
    this.#onDispose = onDispose;
    const capacity = max === 0 ? INITIAL_CAPACITY : Math.min(max, INITIAL_CAPACITY);
    this.#next = new Int32Array(capacity);
    this.#prev = new Int32Array(capacity);
    this.#sizes = new Float64Array(capacity);
  }

  /** Entries held now (a count). */
  get size(): number {
    return this.#slotOf.size;
  }

  /** Sum of the sizes of the entries held now (0 when sizes are not tracked), in the caller's size units. */
  get calculatedSize(): number {
    return this.#calculatedSize;
  }

  /** The value for `key`, making it the most recently used; `undefined` on a miss (recency unchanged). */
  get(key: K): V | undefined {
    const slot = this.#slotOf.get(key);
    if (slot === undefined) return undefined;
    this.#moveToTail(slot);
    return this.#values[slot];
  }

  /** Whether `key` is held. Does not change recency. */
  has(key: K): boolean {
    return this.#slotOf.has(key);
  }

  /** The value for `key` without changing recency; `undefined` on a miss. */
  peek(key: K): V | undefined {
    const slot = this.#slotOf.get(key);
    return slot === undefined ? undefined : this.#values[slot];
  }

  /** The size of the entry for `key` (0 when sizes are not tracked), or `undefined` when it is not held. */
  sizeOf(key: K): number | undefined {
    const slot = this.#slotOf.get(key);
    return slot === undefined ? undefined : this.#sizes[slot];
  }

  /**
   * Stores `value` under `key` as the most recently used entry, evicting LRU entries as needed (see the
   * module doc for the exact order). `set(key, undefined)` is `delete(key)`. Returns the cache.
   *
   * @throws TypeError when sizes are tracked and neither a positive integer `size` nor `sizeCalculation`
   *   gives one, when `sizeCalculation` returns no positive integer, or when a non-zero `size` is passed
   *   while sizes are not tracked. The cache is then unchanged.
   */
  set(key: K, value: V | undefined, options?: LruSetOptions): this {
    if (value === undefined) {
      this.delete(key);
      return this;
    }
    const size = this.#requireSize(key, value, options?.size || 0);
    if (this.maxEntrySize !== 0 && size > this.maxEntrySize) {
      this.#delete(key, 'set');
      return this;
    }
    let slot = this.#slotOf.get(key);
    if (slot === undefined) {
      if (this.max !== 0 && this.#slotOf.size === this.max) this.#evictLru();
      slot = this.#allocateSlot();
      this.#keys[slot] = key;
      this.#values[slot] = value;
      this.#slotOf.set(key, slot);
      this.#linkAtTail(slot);
      this.#addSize(slot, size);
      return this;
    }
    this.#moveToTail(slot);
    const oldValue = this.#values[slot] as V;
    if (value !== oldValue) {
      this.#values[slot] = value;
      this.#calculatedSize -= this.#sizes[slot];
      this.#sizes[slot] = 0;
      this.#onDispose?.(key, oldValue, 'set');
      this.#addSize(slot, size);
    }
    return this;
  }

  /** Removes `key` (dispose reason `'delete'`); `true` if it was held. */
  delete(key: K): boolean {
    return this.#delete(key, 'delete');
  }

  /** Evicts the least recently used entry (reason `'evict'`) and returns its value; `undefined` when empty. */
  pop(): V | undefined {
    if (this.#head === NIL) return undefined;
    return this.#evictLru();
  }

  /** Removes every entry, disposing each with reason `'delete'`, least recently used first. */
  clear(): void {
    const removed: [K, V][] = [];
    if (this.#onDispose) {
      for (let slot = this.#head; slot !== NIL; slot = this.#next[slot]) removed.push([this.#keys[slot] as K, this.#values[slot] as V]);
    }
    this.#slotOf.clear();
    this.#keys = [];
    this.#values = [];
    this.#sizes.fill(0);
    this.#free = [];
    this.#allocated = 0;
    this.#head = this.#tail = NIL;
    this.#calculatedSize = 0;
    for (const [key, value] of removed) this.#onDispose?.(key, value, 'delete');
  }

  /** Keys from most to least recently used. */
  *keys(): Generator<K, void, undefined> {
    for (let slot = this.#tail; slot !== NIL; slot = this.#prev[slot]) yield this.#keys[slot] as K;
  }

  /** `[key, value]` pairs from most to least recently used. */
  *entries(): Generator<[K, V], void, undefined> {
    for (let slot = this.#tail; slot !== NIL; slot = this.#prev[slot]) yield [this.#keys[slot] as K, this.#values[slot] as V];
  }

  /** The size `set` will use: an explicit positive integer, else `sizeCalculation`; 0 when sizes are not tracked. */
  #requireSize(key: K, value: V, size: number): number {
    if (!this.#isSizeTracked) {
      if (size) throw new TypeError('cannot set size without setting maxSize or maxEntrySize on cache');
      return 0;
    }
    if (isPosInt(size)) return size;
    if (this.#sizeCalculation) {
      const calculated = this.#sizeCalculation(value, key);
      if (!isPosInt(calculated)) throw new TypeError('sizeCalculation return invalid (expect positive integer)');
      return calculated;
    }
    throw new TypeError(
      'invalid size value (must be positive integer). When maxSize or maxEntrySize is used, sizeCalculation or size must be set.',
    );
  }

  /** Gives `slot` its size, first evicting LRU entries while the new total would exceed `maxSize`. */
  #addSize(slot: number, size: number): void {
    if (!this.#isSizeTracked) return;
    this.#sizes[slot] = size;
    if (this.maxSize !== 0) {
      const roomNeeded = this.maxSize - size;
      // The entry being set is at the tail and fits alone (size <= maxEntrySize <= maxSize): never evicted.
      while (this.#calculatedSize > roomNeeded) this.#evictLru();
    }
    this.#calculatedSize += size;
  }

  /** Removes the head (least recently used) entry with reason `'evict'`; returns its value. */
  #evictLru(): V {
    const slot = this.#head;
    const key = this.#keys[slot] as K;
    const value = this.#values[slot] as V;
    this.#unlink(slot);
    this.#release(slot, key);
    this.#onDispose?.(key, value, 'evict');
    return value;
  }

  #delete(key: K, reason: DisposeReason): boolean {
    const slot = this.#slotOf.get(key);
    if (slot === undefined) return false;
    const value = this.#values[slot] as V;
    this.#unlink(slot);
    this.#release(slot, key);
    this.#onDispose?.(key, value, reason);
    return true;
  }

  #release(slot: number, key: K): void {
    this.#calculatedSize -= this.#sizes[slot];
    this.#sizes[slot] = 0;
    this.#keys[slot] = undefined;
    this.#values[slot] = undefined;
    this.#slotOf.delete(key);
    this.#free.push(slot);
  }

  #allocateSlot(): number {
    const reused = this.#free.pop();
    if (reused !== undefined) return reused;
    if (this.#allocated === this.#next.length) this.#grow();
    return this.#allocated++;
  }

  /** Doubles the link and size arrays (capped at `max`), keeping their contents. */
  #grow(): void {
    const doubled = this.#next.length * 2;
    const capacity = this.max === 0 ? doubled : Math.min(this.max, doubled);
    const next = new Int32Array(capacity);
    const prev = new Int32Array(capacity);
    const sizes = new Float64Array(capacity);
    next.set(this.#next);
    prev.set(this.#prev);
    sizes.set(this.#sizes);
    this.#next = next;
    this.#prev = prev;
    this.#sizes = sizes;
  }

  #linkAtTail(slot: number): void {
    this.#prev[slot] = this.#tail;
    this.#next[slot] = NIL;
    if (this.#tail === NIL) this.#head = slot;
    else this.#next[this.#tail] = slot;
    this.#tail = slot;
  }

  #unlink(slot: number): void {
    const prev = this.#prev[slot];
    const next = this.#next[slot];
    if (prev === NIL) this.#head = next;
    else this.#next[prev] = next;
    if (next === NIL) this.#tail = prev;
    else this.#prev[next] = prev;
  }

  #moveToTail(slot: number): void {
    if (slot === this.#tail) return;
    this.#unlink(slot);
    this.#linkAtTail(slot);
  }
}
