/**
 * A process's file-descriptor table (the pantry: numbered slots, each holding one ingredient).
 *
 * Rules, as in Linux (SEMANTICS.md part B, section 4):
 * - `open` hands out the **lowest-numbered** descriptor that is not open, and only numbers below the soft
 *   limit (RLIMIT_NOFILE: "one greater than the maximum descriptor number"). When no number below it is
 *   free, the open fails with **EMFILE**.
 * - `close` makes the number reusable at once; closing a number that is not open fails with **EBADF**.
 * - The soft limit may be set anywhere in `0..hard`; the hard limit may only be lowered (this process is
 *   unprivileged). Lowering the soft limit below an open descriptor leaves that descriptor valid.
 *
 * Our additions for teaching: every descriptor remembers its `owner` and when it was opened and last used,
 * so the table can close descriptors left idle too long (stale cleanup, an opt-in retry on EMFILE) and list
 * the ones never closed at the end of a run (leaks). The first `reservedCount` descriptors belong to the
 * house (stdin, stdout, stderr): they are open from the start and are never stale-closed or reported.
 *
 * Cost: the lowest free number is found in a hierarchical bitmap, the way the Linux kernel keeps an
 * `open_fds` bitmap plus a `full_fds_bits` summary. Every level is 32 times smaller than the one below, so
 * `open` and `close` cost O(log32 n): 4 word reads per level-walk at the 1 048 576-descriptor ceiling.
 * Idle descriptors are kept in least-recently-used order, so a stale sweep costs O(1) when nothing is stale.
 *
 * Each descriptor's state follows the ingredient lifecycle (`FD_LIFECYCLE` in lifecycles.ts): open, then
 * closed or stale-closed through the compiled chart. `leaked` is the chart's verdict at closing time:
 * `reportLeaks()` logs it and leaves the descriptors open, as the kernel would.
 *
 * @example
 * const t = new FdTable({ softLimit: 8, hardLimit: 8, reservedCount: 3, staleAfterMs: 0 }, ctx);
 * t.open('cook 1'); // 3
 * t.open('cook 2'); // 4
 * t.close(3, 'cook 1'); // true
 * t.open('cook 3'); // 3 again: the lowest free number
 */
import type { SimContext } from './context.ts';
import { FD_CHART, follow, type FdState } from './lifecycles.ts';
import type { IngredientsConfig } from './scenario.ts';

/** Instant readings of the table (for gauges and charts). */
export interface FdGauges {
  /** Descriptors open now, the house's reserved ones included (what `/proc/self/fd` would list). */
  open: number;
  /** Current soft limit: new descriptors must be numbered below it. */
  softLimit: number;
  /** Current hard limit: the ceiling of the soft limit. */
  hardLimit: number;
  /** Highest open descriptor number, or -1 when none is open. */
  highestOpenFd: number;
}

/**
 * Counters since the table was created. They add up:
 * `gauges().open === reservedCount + opened - closed - staleClosed` (`closed` includes closes of the
 * house's reserved descriptors).
 */
export interface FdMetrics {
  /** Successful opens (the reserved descriptors present at start are not counted). */
  opened: number;
  /** Successful closes through {@link FdTable.close}. */
  closed: number;
  /** Opens refused with EMFILE. */
  emfile: number;
  /** Closes refused with EBADF (the number was not open). */
  ebadf: number;
  /** Descriptors closed by the stale sweep. */
  staleClosed: number;
  /** Most descriptors open at once, reserved ones included. */
  peakOpen: number;
  /** Descriptors found open at the last {@link FdTable.reportLeaks} (0 before it runs). */
  leaked: number;
}

/** One open descriptor (a filled pantry slot), as the UI and the leak report see it. */
export interface OpenFd {
  /** The descriptor number. */
  fd: number;
  /** Who opened it (free text: "cook 3", "party 12", "house"). */
  owner: string;
  /** When it was opened, in virtual ms. */
  openedAtMs: number;
  /** When it was last used ({@link FdTable.touch}) or opened, in virtual ms. */
  lastUsedAtMs: number;
}

/** Internal record: the public fields plus the links of the least-recently-used list. */
interface FdRecord extends OpenFd {
  /** Opened by the house at start: never stale-closed, never reported as a leak. */
  isReserved: boolean;
  /** Its state in `FD_LIFECYCLE` (open while it is in the table). */
  state: FdState;
  prev: FdRecord | null;
  next: FdRecord | null;
}

/** The owner of the descriptors that are open from the start. */
export const HOUSE_OWNER = 'house';

const ALL_ONES = 0xffffffff;

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowestSetBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/** Index of the highest set bit of a non-zero 32-bit word. */
function highestSetBit(word: number): number {
  return 31 - Math.clz32(word);
}

/**
 * A set of descriptor numbers in a hierarchical bitmap.
 *
 * Level 0 holds one bit per number. Above it sit two summaries, each level 32 times smaller: in `full`, bit
 * `i` of level `k + 1` says that word `i` of level `k` is all ones (no free number under it); in `any`, it
 * says that word `i` is not zero (some open number under it). The top level is a single word. Finding the
 * lowest clear bit walks `full` from the top; finding the highest set bit walks `any`. Setting or clearing a
 * bit updates a summary only when its word changes between full/not full or empty/not empty.
 */
class DescriptorBitmap {
  /** Number of bits: a power of 32, at least the requested capacity. */
  readonly capacity: number;
  private readonly full: Uint32Array[];
  private readonly any: Uint32Array[];

  constructor(minCapacity: number) {
    let capacity = 32;
    while (capacity < minCapacity) capacity *= 32;
    this.capacity = capacity;
    const bits = new Uint32Array(capacity / 32);
    this.full = [bits];
    this.any = [bits];
    for (let words = capacity / 32; words > 1; ) {
      words /= 32;
      this.full.push(new Uint32Array(words));
      this.any.push(new Uint32Array(words));
    }
  }

  has(i: number): boolean {
    return ((this.full[0][i >>> 5] >>> (i & 31)) & 1) === 1;
  }

  set(i: number): void {
    const w0 = i >>> 5;
    const bits = this.full[0];
    const before = bits[w0];
    const after = (before | (1 << (i & 31))) >>> 0;
    bits[w0] = after;
    if (after === ALL_ONES) {
      // The word just filled up: mark it full one level up, and so on while words keep filling.
      for (let k = 1, idx = w0; k < this.full.length; k++) {
        const w = idx >>> 5;
        const next = (this.full[k][w] | (1 << (idx & 31))) >>> 0;
        this.full[k][w] = next;
        if (next !== ALL_ONES) break;
        idx = w;
      }
    }
    if (before === 0) {
      // The word was empty: mark it non-empty one level up, and so on while words were empty.
      for (let k = 1, idx = w0; k < this.any.length; k++) {
        const w = idx >>> 5;
        const prev = this.any[k][w];
        this.any[k][w] = (prev | (1 << (idx & 31))) >>> 0;
        if (prev !== 0) break;
        idx = w;
      }
    }
  }

  clear(i: number): void {
    const w0 = i >>> 5;
    const bits = this.full[0];
    const before = bits[w0];
    const after = (before & ~(1 << (i & 31))) >>> 0;
    bits[w0] = after;
    if (before === ALL_ONES) {
      for (let k = 1, idx = w0; k < this.full.length; k++) {
        const w = idx >>> 5;
        const prev = this.full[k][w];
        this.full[k][w] = (prev & ~(1 << (idx & 31))) >>> 0;
        if (prev !== ALL_ONES) break;
        idx = w;
      }
    }
    if (after === 0) {
      for (let k = 1, idx = w0; k < this.any.length; k++) {
        const w = idx >>> 5;
        const next = (this.any[k][w] & ~(1 << (idx & 31))) >>> 0;
        this.any[k][w] = next;
        if (next !== 0) break;
        idx = w;
      }
    }
  }

  /** Lowest clear bit, or `capacity` when every bit is set. */
  lowestClear(): number {
    let idx = 0;
    for (let k = this.full.length - 1; k >= 0; k--) {
      const word = this.full[k][idx];
      if (word === ALL_ONES) return this.capacity;
      idx = idx * 32 + lowestSetBit(~word);
    }
    return idx;
  }

  /** Highest set bit, or -1 when no bit is set. */
  highestSet(): number {
    let idx = 0;
    for (let k = this.any.length - 1; k >= 0; k--) {
      const word = this.any[k][idx];
      if (word === 0) return -1;
      idx = idx * 32 + highestSetBit(word);
    }
    return idx;
  }

  /** Calls `fn` for every set bit, in ascending order (skips empty regions through the `any` summary). */
  forEachSet(fn: (i: number) => void): void {
    this.visit(this.any.length - 1, 0, fn);
  }

  private visit(level: number, wordIdx: number, fn: (i: number) => void): void {
    let word = this.any[level][wordIdx];
    while (word !== 0) {
      const bit = lowestSetBit(word);
      const idx = wordIdx * 32 + bit;
      if (level === 0) fn(idx);
      else this.visit(level - 1, idx, fn);
      word &= word - 1;
    }
  }
}

/** True for a whole number >= 0. */
function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/**
 * The descriptor table of one process (the pantry of one kitchen).
 *
 * Every call appends facts to `ctx.log`: `fd.opened`, `fd.closed` (with `heldMs`), `fd.emfile`,
 * `fd.ebadf`, `fd.staleClosed` (with `idleMs`), `fd.leaked`, `fd.limitChanged`, `fd.limitRefused`.
 * Times are virtual milliseconds from `ctx.scheduler.nowMs`.
 */
export class FdTable {
  private softLimit: number;
  private hardLimit: number;
  /** Idle time after which the sweep on EMFILE closes a descriptor, in virtual ms; 0 = no sweep. */
  private readonly staleAfterMs: number;
  private readonly bitmap: DescriptorBitmap;
  /**
   * Records by descriptor number (undefined = not open). A dense array grown by push: with the lowest-free
   * rule a new number is never more than one past the highest used so far. (A Map of a million entries is
   * several times slower to update.)
   */
  private readonly records: (FdRecord | undefined)[] = [];
  private openTotal = 0;
  /** Non-reserved descriptors, least recently used first (so `lastUsedAtMs` never decreases along it). */
  private lruHead: FdRecord | null = null;
  private lruTail: FdRecord | null = null;
  private readonly counters: FdMetrics = { opened: 0, closed: 0, emfile: 0, ebadf: 0, staleClosed: 0, peakOpen: 0, leaked: 0 };

  /**
   * Opens descriptors `0 .. reservedCount - 1` for the house (no events: they were open before service).
   * Throws a RangeError for limits that are not whole numbers, or `softLimit > hardLimit`.
   */
  constructor(
    config: IngredientsConfig,
    private readonly ctx: SimContext,
  ) {
    const { softLimit, hardLimit, reservedCount, staleAfterMs } = config;
    if (!isCount(softLimit) || !isCount(hardLimit) || !isCount(reservedCount) || !isCount(staleAfterMs)) {
      throw new RangeError('fdTable: softLimit, hardLimit, reservedCount and staleAfterMs must be whole numbers >= 0');
    }
    if (softLimit > hardLimit) throw new RangeError(`fdTable: softLimit ${softLimit} > hardLimit ${hardLimit}`);
    this.softLimit = softLimit;
    this.hardLimit = hardLimit;
    this.staleAfterMs = staleAfterMs;
    // The hard limit can only go down, so no descriptor will ever be numbered at or above this capacity.
    this.bitmap = new DescriptorBitmap(Math.max(hardLimit, reservedCount, 1));
    const nowMs = ctx.scheduler.nowMs;
    for (let fd = 0; fd < reservedCount; fd++) {
      this.insert({ fd, owner: HOUSE_OWNER, openedAtMs: nowMs, lastUsedAtMs: nowMs, isReserved: true, state: FD_CHART.initial, prev: null, next: null });
    }
    this.counters.peakOpen = reservedCount;
  }

  /**
   * Opens a descriptor for `owner` and returns its number: the lowest number not open and below the soft
   * limit. When there is none and `staleAfterMs > 0`, first closes every non-reserved descriptor idle for at
   * least `staleAfterMs` (`fd.staleClosed` each, lowest number first) and tries once more. Returns -1 and
   * logs `fd.emfile` when still no number is free.
   */
  open(owner: string): number {
    let fd = this.lowestFreeFd();
    if (fd < 0 && this.staleAfterMs > 0 && this.closeStale() > 0) fd = this.lowestFreeFd();
    const nowMs = this.ctx.scheduler.nowMs;
    if (fd < 0) {
      this.counters.emfile++;
      this.ctx.log.append({ atMs: nowMs, type: 'fd.emfile', owner, softLimit: this.softLimit, openCount: this.openTotal });
      return -1;
    }
    this.insert({ fd, owner, openedAtMs: nowMs, lastUsedAtMs: nowMs, isReserved: false, state: FD_CHART.initial, prev: null, next: null });
    this.counters.opened++;
    if (this.openTotal > this.counters.peakOpen) this.counters.peakOpen = this.openTotal;
    this.ctx.log.append({ atMs: nowMs, type: 'fd.opened', fd, owner });
    return fd;
  }

  /**
   * Closes `fd`. Returns false and logs `fd.ebadf` (with the caller as `owner`) when the number is not open,
   * for example a second close, or a close after the stale sweep took it. Otherwise logs `fd.closed` with
   * the owner that opened it and how long it was held.
   *
   * Like the kernel, the table does not check that the caller is the owner: a second close that comes
   * after the number was handed to someone else silently closes *their* descriptor. That is why a double
   * close is a real bug even when it does not fail.
   */
  close(fd: number, owner: string): boolean {
    const nowMs = this.ctx.scheduler.nowMs;
    const rec = this.recordOf(fd);
    if (!rec) {
      this.counters.ebadf++;
      this.ctx.log.append({ atMs: nowMs, type: 'fd.ebadf', fd, owner });
      return false;
    }
    rec.state = follow(FD_CHART, rec.state, 'fd.close');
    this.remove(rec);
    this.counters.closed++;
    this.ctx.log.append({ atMs: nowMs, type: 'fd.closed', fd, owner: rec.owner, heldMs: nowMs - rec.openedAtMs });
    return true;
  }

  /** Marks `fd` as used now (it is not stale for another `staleAfterMs`). Does nothing if `fd` is not open. */
  touch(fd: number): void {
    const rec = this.recordOf(fd);
    if (!rec) return;
    rec.lastUsedAtMs = this.ctx.scheduler.nowMs;
    if (!rec.isReserved && rec !== this.lruTail) {
      this.unlink(rec);
      this.append(rec);
    }
  }

  /**
   * Sets the soft and hard limit, as `setrlimit(RLIMIT_NOFILE)` for an unprivileged process:
   * - `'EINVAL'` when either is not a whole number >= 0 or `softLimit > hardLimit`;
   * - `'EPERM'` when `hardLimit` is above the current hard limit (raising it needs CAP_SYS_RESOURCE, which
   *   this process does not have; lowering it is allowed and cannot be undone);
   * - otherwise `'ok'`: the limits apply and `fd.limitChanged` is logged.
   * A refusal logs `fd.limitRefused` and changes nothing. Descriptors at or above a lowered soft limit stay
   * open and valid; new opens succeed while some number below the new soft limit is free.
   */
  setLimits(softLimit: number, hardLimit: number): 'ok' | 'EINVAL' | 'EPERM' {
    const atMs = this.ctx.scheduler.nowMs;
    let error: 'EINVAL' | 'EPERM' | null = null;
    if (!isCount(softLimit) || !isCount(hardLimit) || softLimit > hardLimit) error = 'EINVAL';
    else if (hardLimit > this.hardLimit) error = 'EPERM';
    if (error) {
      this.ctx.log.append({ atMs, type: 'fd.limitRefused', error, softLimit, hardLimit });
      return error;
    }
    this.softLimit = softLimit;
    this.hardLimit = hardLimit;
    this.ctx.log.append({ atMs, type: 'fd.limitChanged', softLimit, hardLimit });
    return 'ok';
  }

  /**
   * Logs `fd.leaked` for every open descriptor that is not the house's, in ascending order, and returns
   * them. Call it at the end of a run: whatever is still open then was never put back. `isLeak` narrows the
   * report (the simulation passes the descriptors whose finished owners forgot them; work still in
   * progress at closing time is not a leak).
   */
  reportLeaks(isLeak: (fd: OpenFd) => boolean = () => true): OpenFd[] {
    const atMs = this.ctx.scheduler.nowMs;
    const leaks: OpenFd[] = [];
    this.bitmap.forEachSet((fd) => {
      const rec = this.records[fd] as FdRecord;
      if (rec.isReserved) return;
      const open = snapshot(rec);
      if (!isLeak(open)) return;
      leaks.push(open);
      this.ctx.log.append({ atMs, type: 'fd.leaked', fd, owner: rec.owner, openedAtMs: rec.openedAtMs });
    });
    this.counters.leaked = leaks.length;
    return leaks;
  }

  /** Every open descriptor (house ones included), ascending by number; copies, safe to keep. */
  openFds(): readonly OpenFd[] {
    const out: OpenFd[] = [];
    this.bitmap.forEachSet((fd) => out.push(snapshot(this.records[fd] as FdRecord)));
    return out;
  }

  /** Descriptors open now, the house's reserved ones included (the same as `gauges().open`). */
  get openCount(): number {
    return this.openTotal;
  }

  /** The limits in force now (`getrlimit(RLIMIT_NOFILE)`), as a copy. */
  limits(): { softLimit: number; hardLimit: number } {
    return { softLimit: this.softLimit, hardLimit: this.hardLimit };
  }

  /** True when `fd` is open. */
  isOpen(fd: number): boolean {
    return this.recordOf(fd) !== undefined;
  }

  gauges(): FdGauges {
    return {
      open: this.openTotal,
      softLimit: this.softLimit,
      hardLimit: this.hardLimit,
      highestOpenFd: this.bitmap.highestSet(),
    };
  }

  metrics(): FdMetrics {
    return { ...this.counters };
  }

  /** The policy: the lowest number that is not open, if it is below the soft limit; else -1. */
  private lowestFreeFd(): number {
    const fd = this.bitmap.lowestClear();
    return fd < this.softLimit ? fd : -1;
  }

  /** Closes every non-reserved descriptor idle for `staleAfterMs` or more, lowest number first. */
  private closeStale(): number {
    const nowMs = this.ctx.scheduler.nowMs;
    const stale: FdRecord[] = [];
    // The list is in least-recently-used order, so the stale descriptors are a prefix of it.
    for (let rec = this.lruHead; rec && nowMs - rec.lastUsedAtMs >= this.staleAfterMs; rec = rec.next) stale.push(rec);
    stale.sort((a, b) => a.fd - b.fd);
    for (const rec of stale) {
      rec.state = follow(FD_CHART, rec.state, 'fd.closeStale');
      this.remove(rec);
      this.counters.staleClosed++;
      this.ctx.log.append({ atMs: nowMs, type: 'fd.staleClosed', fd: rec.fd, owner: rec.owner, idleMs: nowMs - rec.lastUsedAtMs });
    }
    return stale.length;
  }

  /** The record of an open descriptor, or undefined (also for negative, fractional or huge numbers). */
  private recordOf(fd: number): FdRecord | undefined {
    return Number.isInteger(fd) && fd >= 0 && fd < this.records.length ? this.records[fd] : undefined;
  }

  private insert(rec: FdRecord): void {
    const records = this.records;
    while (records.length < rec.fd) records.push(undefined);
    if (rec.fd === records.length) records.push(rec);
    else records[rec.fd] = rec;
    this.openTotal++;
    this.bitmap.set(rec.fd);
    if (!rec.isReserved) this.append(rec);
  }

  private remove(rec: FdRecord): void {
    this.records[rec.fd] = undefined;
    this.openTotal--;
    this.bitmap.clear(rec.fd);
    if (!rec.isReserved) this.unlink(rec);
  }

  private append(rec: FdRecord): void {
    rec.prev = this.lruTail;
    rec.next = null;
    if (this.lruTail) this.lruTail.next = rec;
    else this.lruHead = rec;
    this.lruTail = rec;
  }

  private unlink(rec: FdRecord): void {
    if (rec.prev) rec.prev.next = rec.next;
    else this.lruHead = rec.next;
    if (rec.next) rec.next.prev = rec.prev;
    else this.lruTail = rec.prev;
    rec.prev = null;
    rec.next = null;
  }
}

function snapshot(rec: FdRecord): OpenFd {
  return { fd: rec.fd, owner: rec.owner, openedAtMs: rec.openedAtMs, lastUsedAtMs: rec.lastUsedAtMs };
}
