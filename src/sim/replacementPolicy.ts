/**
 * Page-replacement policies over a reference stream (the warming shelf: a bounded cache of dishes).
 *
 * The OSTEP policies (`FIFO`, `LRU`, `MRU`, `OPT`, `UNOPT`, `RAND`, `CLOCK`) follow SEMANTICS.md part A.2, so
 * they give `paging-policy.py`'s answers: hits, victims and the `memory` list in the same order. `memory` is
 * a list: a miss while not full appends the page; a miss while full removes the victim from wherever it sits
 * and appends the new page at the end.
 *
 * - **FIFO**: a hit changes nothing; the victim is the first page (first in).
 * - **LRU**: a hit moves the page to the end; the victim is the first page (least recently used).
 * - **MRU**: a hit moves the page to the end; the victim is the last page (most recently used).
 * - **OPT** (Belady): the victim is the resident page whose next use lies furthest in the future; a page never
 *   used again counts as used at `addresses.length`. Ties (only possible between pages never used again) go
 *   to the **last** tied page in memory order. Hits do not reorder memory.
 * - **UNOPT**: the opposite: the page needed soonest is evicted; ties go to the **first** tied page.
 * - **RAND**: the victim is `memory[floor(uniform(rng) * cacheSize)]`, one draw per eviction.
 * - **CLOCK** (OSTEP's version): no hand. Each resident page has a use counter: after every access the page's
 *   counter becomes 1 if it had none (a page just brought in), otherwise `min(counter + 1, clockBits)`. To
 *   evict, probe `memory[floor(uniform(rng) * cacheSize)]` repeatedly: a counter >= 1 is decremented and
 *   another probe drawn; a counter of 0 makes that page the victim, and its counter is deleted. With
 *   `clockBits` 0 a newly inserted page still starts at 1, and its first hit drops it to 0.
 * - **SECOND_CHANCE** (ours, the textbook sweeping-hand CLOCK): the pages sit in a circle of frames with a
 *   hand. A hit sets the page's reference bit. A miss while not full fills the next empty frame. A miss
 *   while full sweeps: under the hand, a set bit is cleared and the hand advances; a clear bit makes that
 *   frame's page the victim, the new page takes its frame and the hand moves one past it. **New pages start
 *   with their bit set** (they have just been referenced), so a page is only evicted after the hand has passed
 *   it once without a reference in between. `memory` is reported in **frame order** (frame 0 first), not
 *   insertion order, and the hand starts at frame 0.
 *
 * OPT and UNOPT are **offline** policies: they need the whole future reference stream up front (a real cache
 * cannot know it; they are yardsticks). Their classes take the stream and must then be fed exactly that
 * stream, in order.
 *
 * Cost per access: FIFO, LRU and MRU O(1) (insertion-ordered `Set`s); OPT and UNOPT O(log n) amortised (next
 * uses precomputed once, O(n), then a lazy heap); RAND and CLOCK O(1) to look up plus O(cacheSize) to remove a
 * victim from the middle of the list; SECOND_CHANCE O(1) amortised.
 *
 * Keys may be numbers (page numbers) or strings (dish names); they are compared with `SameValueZero`.
 *
 * @example
 * simulateReplacement('LRU', [0, 1, 2, 0, 1, 3], 3).map((r) => r.victim); // [null, null, null, null, null, 2]
 * const shelf = createReplacementPolicy<string>('SECOND_CHANCE', 2);
 * shelf.access('soup'); // { hit: false, victim: null }
 */
import { uniform, type Random } from './random.ts';

/** The policies on offer: OSTEP's seven plus the classic sweeping-hand CLOCK. */
export type ReplacementPolicyName =
  | 'FIFO'
  | 'LRU'
  | 'MRU'
  | 'OPT'
  | 'UNOPT'
  | 'RAND'
  /** OSTEP's CLOCK: use counters and a uniformly random probe instead of a hand. */
  | 'CLOCK'
  /** The textbook CLOCK: frames in a circle, one reference bit each, a sweeping hand. */
  | 'SECOND_CHANCE';

/** Every policy name, in the order OSTEP lists them, ours last. */
export const REPLACEMENT_POLICIES: readonly ReplacementPolicyName[] = ['FIFO', 'LRU', 'MRU', 'OPT', 'UNOPT', 'RAND', 'CLOCK', 'SECOND_CHANCE'];

/** A page: a page number, or a dish name on the warming shelf. */
export type PageKey = number | string;

/** What one access did. */
export interface ReplacementStep<K extends PageKey = PageKey> {
  /** The page was resident before the access. */
  hit: boolean;
  /** The page evicted to make room, or `null` (a hit, or a miss while memory was not full). */
  victim: K | null;
}

/** One access of {@link simulateReplacement}: the step plus a snapshot of memory after it. */
export interface AccessResult<K extends PageKey = PageKey> {
  /** The page accessed. */
  page: K;
  /** The page was resident before the access. */
  hit: boolean;
  /** The page evicted, or `null`. */
  victim: K | null;
  /** Resident pages after the access, in the policy's list order (frame order for SECOND_CHANCE). */
  memory: K[];
}

/** Options of the policies that need them. */
export interface ReplacementOptions<K extends PageKey = PageKey> {
  /** CLOCK only: the cap of a page's use counter (OSTEP's `-b`, default 2). An integer >= 0. */
  clockBits?: number;
  /** RAND and CLOCK: the random source their draws come from (required for those two). */
  rng?: Random;
  /** OPT and UNOPT: the whole reference stream they will be fed (required for those two). */
  future?: readonly K[];
}

/** A cache run by one replacement policy: feed it accesses, read its memory. */
export interface ReplacementCache<K extends PageKey = PageKey> {
  /** Which policy this is. */
  readonly policy: ReplacementPolicyName;
  /** The most pages memory holds. */
  readonly cacheSize: number;
  /** How many pages are resident now. */
  readonly size: number;
  /** Whether a page is resident (does not count as an access). */
  has(page: K): boolean;
  /** Accesses a page: a hit, or a miss that brings it in (evicting a victim when memory is full). */
  access(page: K): ReplacementStep<K>;
  /** Resident pages in the policy's list order (a copy). */
  memory(): K[];
}

/**
 * A cache whose size can change while it runs (the warming shelf's FIFO, MRU and sweeping-hand CLOCK).
 * `resize` sets the new size; when fewer pages fit than are resident, it evicts by the policy's own rule,
 * one page at a time, until they fit, and returns the victims in eviction order. Growing evicts nothing.
 */
export interface ResizableReplacementCache<K extends PageKey = PageKey> extends ReplacementCache<K> {
  resize(cacheSize: number): K[];
}

function checkCacheSize(cacheSize: number): void {
  if (!Number.isInteger(cacheSize) || cacheSize < 1) throw new RangeError(`cacheSize must be an integer >= 1, got ${cacheSize}`);
}

function requireRng(policy: string, rng: Random | undefined): Random {
  if (!rng) throw new RangeError(`${policy} needs a random source (options.rng)`);
  return rng;
}

/** Shared by the policies whose memory is an insertion-ordered `Set` (the first element is memory[0]). */
abstract class OrderedSetPolicy<K extends PageKey> implements ReplacementCache<K> {
  abstract readonly policy: ReplacementPolicyName;
  protected readonly resident = new Set<K>();
  #cacheSize: number;

  constructor(cacheSize: number) {
    checkCacheSize(cacheSize);
    this.#cacheSize = cacheSize;
  }

  get cacheSize(): number {
    return this.#cacheSize;
  }

  /** Sets a new size (for the resizable policies); `victim()` picks each page to evict when shrinking. */
  protected resizeBy(cacheSize: number, victim: () => K): K[] {
    checkCacheSize(cacheSize);
    this.#cacheSize = cacheSize;
    const victims: K[] = [];
    while (this.resident.size > cacheSize) {
      const v = victim();
      this.resident.delete(v);
      victims.push(v);
    }
    return victims;
  }

  get size(): number {
    return this.resident.size;
  }

  has(page: K): boolean {
    return this.resident.has(page);
  }

  memory(): K[] {
    return [...this.resident];
  }

  abstract access(page: K): ReplacementStep<K>;

  /** The page at memory[0]. Only called when memory is full, so never empty. */
  protected first(): K {
    return this.resident.values().next().value as K;
  }
}

/** FIFO: evicts the page brought in first; hits change nothing. */
export class FifoPolicy<K extends PageKey = PageKey> extends OrderedSetPolicy<K> implements ResizableReplacementCache<K> {
  readonly policy = 'FIFO';

  /** Shrinking evicts the first pages in, oldest first. */
  resize(cacheSize: number): K[] {
    return this.resizeBy(cacheSize, () => this.first());
  }

  access(page: K): ReplacementStep<K> {
    if (this.resident.has(page)) return { hit: true, victim: null };
    let victim: K | null = null;
    if (this.resident.size >= this.cacheSize) {
      victim = this.first();
      this.resident.delete(victim);
    }
    this.resident.add(page);
    return { hit: false, victim };
  }
}

/** LRU: a hit moves the page to the end; evicts memory[0], the least recently used page. */
export class LruPolicy<K extends PageKey = PageKey> extends OrderedSetPolicy<K> {
  readonly policy = 'LRU';

  access(page: K): ReplacementStep<K> {
    if (this.resident.delete(page)) {
      this.resident.add(page);
      return { hit: true, victim: null };
    }
    let victim: K | null = null;
    if (this.resident.size >= this.cacheSize) {
      victim = this.first();
      this.resident.delete(victim);
    }
    this.resident.add(page);
    return { hit: false, victim };
  }
}

/**
 * MRU: a hit moves the page to the end; evicts the last page, the most recently used one. Every access
 * leaves its page at the end, so the last page is always the previous access's page.
 */
export class MruPolicy<K extends PageKey = PageKey> extends OrderedSetPolicy<K> implements ResizableReplacementCache<K> {
  readonly policy = 'MRU';
  private last: K | null = null;

  /** Shrinking evicts the last page (the most recently used), then the one before it, and so on. */
  resize(cacheSize: number): K[] {
    const victims = this.resizeBy(cacheSize, () => [...this.resident][this.resident.size - 1]);
    this.last = victims.length === 0 ? this.last : this.resident.size === 0 ? null : [...this.resident][this.resident.size - 1];
    return victims;
  }

  access(page: K): ReplacementStep<K> {
    if (this.resident.delete(page)) {
      this.resident.add(page);
      this.last = page;
      return { hit: true, victim: null };
    }
    let victim: K | null = null;
    if (this.resident.size >= this.cacheSize) {
      victim = this.last as K;
      this.resident.delete(victim);
    }
    this.resident.add(page);
    this.last = page;
    return { hit: false, victim };
  }
}

/**
 * For each position of a stream, the index of the same page's next occurrence strictly after it, or
 * `stream.length` when it does not occur again. O(n).
 */
export function nextUseIndexes<K extends PageKey>(stream: readonly K[]): Int32Array {
  const n = stream.length;
  const next = new Int32Array(n);
  const seen = new Map<K, number>();
  for (let i = n - 1; i >= 0; i--) {
    const at = seen.get(stream[i]);
    next[i] = at === undefined ? n : at;
    seen.set(stream[i], i);
  }
  return next;
}

/**
 * OPT and UNOPT: offline policies that look up each resident page's next use. A binary heap keyed by
 * `nextUse` (pages never used again get `length + insertion number`, which orders them after every page
 * used again and breaks their ties by memory order) finds the victim; stale heap entries are skipped when
 * they surface and the heap is rebuilt when it holds more than a few times `cacheSize` entries.
 */
abstract class OfflinePolicy<K extends PageKey> extends OrderedSetPolicy<K> {
  private readonly stream: readonly K[];
  private readonly next: Int32Array;
  private cursor = 0;
  private insertions = 0;
  /** The current heap key of each resident page. */
  private readonly keyOf = new Map<K, number>();
  /** Insertion number of each resident page (memory order, since hits do not reorder). */
  private readonly seqOf = new Map<K, number>();
  private heapKeys: number[] = [];
  private heapPages: K[] = [];

  /** `sign` 1: evict the largest key (OPT); -1: the smallest (UNOPT). */
  constructor(
    cacheSize: number,
    future: readonly K[] | undefined,
    private readonly sign: 1 | -1,
    name: string,
  ) {
    super(cacheSize);
    if (!future) throw new RangeError(`${name} is offline: it needs the whole reference stream (options.future)`);
    this.stream = future;
    this.next = nextUseIndexes(future);
  }

  /** How many accesses of the stream have been made. */
  get position(): number {
    return this.cursor;
  }

  access(page: K): ReplacementStep<K> {
    const i = this.cursor;
    if (i >= this.stream.length) throw new RangeError(`${this.policy}: the reference stream has ended (${this.stream.length} accesses)`);
    if (this.stream[i] !== page) {
      throw new RangeError(`${this.policy}: access ${i} must be ${String(this.stream[i])} (the stream given up front), got ${String(page)}`);
    }
    this.cursor = i + 1;
    const n = this.stream.length;
    const nextUse = this.next[i];
    if (this.resident.has(page)) {
      this.setKey(page, nextUse < n ? nextUse : n + this.seqOf.get(page)!);
      return { hit: true, victim: null };
    }
    let victim: K | null = null;
    if (this.resident.size >= this.cacheSize) {
      victim = this.popVictim();
      this.resident.delete(victim);
      this.keyOf.delete(victim);
      this.seqOf.delete(victim);
    }
    const seq = this.insertions++;
    this.seqOf.set(page, seq);
    this.resident.add(page);
    this.setKey(page, nextUse < n ? nextUse : n + seq);
    return { hit: false, victim };
  }

  private setKey(page: K, key: number): void {
    this.keyOf.set(page, key);
    this.push(this.sign * key, page);
    if (this.heapKeys.length > 4 * this.cacheSize + 64) this.rebuild();
  }

  /** Pops heap entries until one is current; its page is the victim. */
  private popVictim(): K {
    for (;;) {
      const key = this.heapKeys[0];
      const page = this.heapPages[0];
      this.popTop();
      if (this.keyOf.get(page) === this.sign * key) return page;
    }
  }

  private rebuild(): void {
    this.heapKeys = [];
    this.heapPages = [];
    for (const [page, key] of this.keyOf) this.push(this.sign * key, page);
  }

  // A max-heap on heapKeys (keys are stored multiplied by `sign`).
  private push(key: number, page: K): void {
    const keys = this.heapKeys;
    const pages = this.heapPages;
    let i = keys.length;
    keys.push(key);
    pages.push(page);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] >= key) break;
      keys[i] = keys[parent];
      pages[i] = pages[parent];
      i = parent;
    }
    keys[i] = key;
    pages[i] = page;
  }

  private popTop(): void {
    const keys = this.heapKeys;
    const pages = this.heapPages;
    const lastKey = keys.pop()!;
    const lastPage = pages.pop()!;
    const n = keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && keys[r] > keys[l] ? r : l;
      if (keys[c] <= lastKey) break;
      keys[i] = keys[c];
      pages[i] = pages[c];
      i = c;
    }
    keys[i] = lastKey;
    pages[i] = lastPage;
  }
}

/**
 * OPT (Belady's optimal, offline): evicts the resident page used furthest in the future; among pages never
 * used again, the last one in memory order. Needs the whole stream up front.
 */
export class OptPolicy<K extends PageKey = PageKey> extends OfflinePolicy<K> {
  readonly policy = 'OPT';

  constructor(cacheSize: number, future: readonly K[]) {
    super(cacheSize, future, 1, 'OPT');
  }
}

/**
 * UNOPT (the worst choice, offline): evicts the resident page needed soonest; among pages never used again
 * (when no resident page is used again), the first one in memory order. Needs the whole stream up front.
 */
export class UnoptPolicy<K extends PageKey = PageKey> extends OfflinePolicy<K> {
  readonly policy = 'UNOPT';

  constructor(cacheSize: number, future: readonly K[]) {
    super(cacheSize, future, -1, 'UNOPT');
  }
}

/** Shared by RAND and CLOCK: memory is an array (victims are picked by index), membership a `Set`/`Map`. */
abstract class IndexedPolicy<K extends PageKey> implements ReplacementCache<K> {
  abstract readonly policy: ReplacementPolicyName;
  protected readonly list: K[] = [];

  constructor(
    readonly cacheSize: number,
    protected readonly rng: Random,
  ) {
    checkCacheSize(cacheSize);
  }

  get size(): number {
    return this.list.length;
  }

  abstract has(page: K): boolean;
  abstract access(page: K): ReplacementStep<K>;

  memory(): K[] {
    return this.list.slice();
  }

  /** One draw: an index into full memory, `floor(uniform * cacheSize)`. */
  protected probe(): number {
    return Math.floor(uniform(this.rng) * this.cacheSize);
  }
}

/** RAND: evicts `memory[floor(uniform(rng) * cacheSize)]`, exactly one draw per eviction. */
export class RandPolicy<K extends PageKey = PageKey> extends IndexedPolicy<K> {
  readonly policy = 'RAND';
  private readonly resident = new Set<K>();

  constructor(cacheSize: number, rng: Random) {
    super(cacheSize, rng);
  }

  has(page: K): boolean {
    return this.resident.has(page);
  }

  access(page: K): ReplacementStep<K> {
    if (this.resident.has(page)) return { hit: true, victim: null };
    let victim: K | null = null;
    if (this.list.length >= this.cacheSize) {
      const at = this.probe();
      victim = this.list[at];
      this.list.splice(at, 1);
      this.resident.delete(victim);
    }
    this.list.push(page);
    this.resident.add(page);
    return { hit: false, victim };
  }
}

/**
 * OSTEP's CLOCK: use counters capped at `clockBits`, and a uniformly random probe in place of a hand (see the
 * module comment). The same page may be probed several times in a row.
 */
export class OstepClockPolicy<K extends PageKey = PageKey> extends IndexedPolicy<K> {
  readonly policy = 'CLOCK';
  /** Use counter of each resident page (exactly the resident pages). */
  private readonly counters = new Map<K, number>();

  constructor(
    cacheSize: number,
    rng: Random,
    readonly clockBits = 2,
  ) {
    super(cacheSize, rng);
    if (!Number.isInteger(clockBits) || clockBits < 0) throw new RangeError(`clockBits must be an integer >= 0, got ${clockBits}`);
  }

  has(page: K): boolean {
    return this.counters.has(page);
  }

  /** A resident page's use counter, or `undefined` when it is not resident. */
  counterOf(page: K): number | undefined {
    return this.counters.get(page);
  }

  access(page: K): ReplacementStep<K> {
    const counter = this.counters.get(page);
    if (counter !== undefined) {
      this.counters.set(page, Math.min(counter + 1, this.clockBits));
      return { hit: true, victim: null };
    }
    let victim: K | null = null;
    if (this.list.length >= this.cacheSize) {
      for (;;) {
        const at = this.probe();
        const probed = this.list[at];
        const c = this.counters.get(probed)!;
        if (c >= 1) {
          this.counters.set(probed, c - 1);
        } else {
          victim = probed;
          this.list.splice(at, 1);
          this.counters.delete(probed);
          break;
        }
      }
    }
    this.list.push(page);
    this.counters.set(page, 1);
    return { hit: false, victim };
  }
}

/**
 * The textbook CLOCK (second chance): frames in a circle, a reference bit per frame, a sweeping hand (see the
 * module comment). New pages start with their bit set; `memory()` is in frame order.
 */
export class SecondChancePolicy<K extends PageKey = PageKey> implements ResizableReplacementCache<K> {
  readonly policy = 'SECOND_CHANCE';
  private readonly frames: K[] = [];
  private readonly bits: number[] = [];
  private readonly frameOf = new Map<K, number>();
  private handAt = 0;
  #cacheSize: number;

  constructor(cacheSize: number) {
    checkCacheSize(cacheSize);
    this.#cacheSize = cacheSize;
  }

  get cacheSize(): number {
    return this.#cacheSize;
  }

  /**
   * Sets a new number of frames. Shrinking below the resident pages sweeps the hand as a miss does: a set
   * bit is cleared and the hand advances; a clear bit makes that page the victim. Its frame is removed (the
   * frames after it move down one, keeping their order and bits), so the hand then points at the page
   * after the victim. Growing adds empty frames after the last one, which later misses fill in order.
   */
  resize(cacheSize: number): K[] {
    checkCacheSize(cacheSize);
    this.#cacheSize = cacheSize;
    const victims: K[] = [];
    let h = this.handAt;
    while (this.frames.length > cacheSize) {
      if (this.bits[h] === 1) {
        this.bits[h] = 0;
        h = h + 1 === this.frames.length ? 0 : h + 1;
        continue;
      }
      victims.push(this.frames[h]);
      this.frameOf.delete(this.frames[h]);
      this.frames.splice(h, 1);
      this.bits.splice(h, 1);
      if (h === this.frames.length) h = 0;
    }
    if (victims.length > 0) {
      this.frames.forEach((page, f) => this.frameOf.set(page, f));
      this.handAt = h;
    }
    return victims;
  }

  get size(): number {
    return this.frames.length;
  }

  /** The frame the hand points at (where the next sweep starts). */
  get hand(): number {
    return this.handAt;
  }

  has(page: K): boolean {
    return this.frameOf.has(page);
  }

  /** A resident page's reference bit (0 or 1), or `undefined` when it is not resident. */
  referenceBit(page: K): number | undefined {
    const f = this.frameOf.get(page);
    return f === undefined ? undefined : this.bits[f];
  }

  access(page: K): ReplacementStep<K> {
    const f = this.frameOf.get(page);
    if (f !== undefined) {
      this.bits[f] = 1;
      return { hit: true, victim: null };
    }
    if (this.frames.length < this.cacheSize) {
      this.frameOf.set(page, this.frames.length);
      this.frames.push(page);
      this.bits.push(1);
      return { hit: false, victim: null };
    }
    let h = this.handAt;
    while (this.bits[h] === 1) {
      this.bits[h] = 0;
      h = h + 1 === this.cacheSize ? 0 : h + 1;
    }
    const victim = this.frames[h];
    this.frameOf.delete(victim);
    this.frames[h] = page;
    this.bits[h] = 1;
    this.frameOf.set(page, h);
    this.handAt = h + 1 === this.cacheSize ? 0 : h + 1;
    return { hit: false, victim };
  }

  memory(): K[] {
    return this.frames.slice();
  }
}

/**
 * Creates a cache run by the named policy. RAND and CLOCK need `options.rng`; OPT and UNOPT need
 * `options.future`, the whole stream they will then be fed in order. Throws `RangeError` on a cacheSize
 * below 1, a negative clockBits or a missing option.
 */
export function createReplacementPolicy<K extends PageKey = PageKey>(
  policy: ReplacementPolicyName,
  cacheSize: number,
  options: ReplacementOptions<K> = {},
): ReplacementCache<K> {
  switch (policy) {
    case 'FIFO':
      return new FifoPolicy<K>(cacheSize);
    case 'LRU':
      return new LruPolicy<K>(cacheSize);
    case 'MRU':
      return new MruPolicy<K>(cacheSize);
    case 'OPT':
      return new OptPolicy<K>(cacheSize, requireFuture('OPT', options.future));
    case 'UNOPT':
      return new UnoptPolicy<K>(cacheSize, requireFuture('UNOPT', options.future));
    case 'RAND':
      return new RandPolicy<K>(cacheSize, requireRng('RAND', options.rng));
    case 'CLOCK':
      return new OstepClockPolicy<K>(cacheSize, requireRng('CLOCK', options.rng), options.clockBits ?? 2);
    case 'SECOND_CHANCE':
      return new SecondChancePolicy<K>(cacheSize);
    default:
      throw new RangeError(`unknown replacement policy ${String(policy)}`);
  }
}

function requireFuture<K extends PageKey>(policy: string, future: readonly K[] | undefined): readonly K[] {
  if (!future) throw new RangeError(`${policy} is offline: it needs the whole reference stream (options.future)`);
  return future;
}

/**
 * Runs a policy over a whole reference stream and reports every access with a snapshot of memory after it
 * (O(cacheSize) per access for the snapshot; use {@link createReplacementPolicy} and `access()` when only hits
 * and victims matter). OPT and UNOPT see `addresses` as their future. RAND and CLOCK draw from `options.rng`,
 * which advances.
 */
export function simulateReplacement<K extends PageKey>(
  policy: ReplacementPolicyName,
  addresses: readonly K[],
  cacheSize: number,
  options: { clockBits?: number; rng?: Random } = {},
): AccessResult<K>[] {
  const cache = createReplacementPolicy<K>(policy, cacheSize, { ...options, future: addresses });
  const out: AccessResult<K>[] = new Array(addresses.length);
  for (let i = 0; i < addresses.length; i++) {
    const page = addresses[i];
    const { hit, victim } = cache.access(page);
    out[i] = { page, hit, victim, memory: cache.memory() };
  }
  return out;
}
