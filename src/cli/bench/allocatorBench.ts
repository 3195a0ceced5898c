/**
 * Benchmark of the banquet area's free-list allocator ({@link FreeListAllocator}): 1 000 000 mixed malloc/free
 * operations from a seeded stream, timed (a benchmark, not a test).
 *
 * The stream (seed 7): each op is an alloc with probability 1/2 (always when nothing is allocated) of 1-256
 * payload bytes, otherwise a free of a uniformly drawn live block, so the number of live blocks wanders like a
 * random walk (typically a few hundred to a couple of thousand). The allocator uses FIRST fit, an
 * address-ordered list with coalescing, an 8-byte header and 8-byte alignment (the usual textbook setup) on
 * a 1 GiB heap, big enough that no alloc fails. First fit piles small remnants at the low end, so a search
 * examines about 190 chunks on average (a list of 400-700 chunks). The allocator is built with
 * `recordProbes: false`, as the headless `malloc` command builds it: recording probes would time the creation
 * of one object per chunk examined rather than the algorithm. The random draws are made before the clock
 * starts; the timed loop does only allocator calls and the live-block bookkeeping.
 *
 * One warm-up run, then {@link TIMED_RUNS} runs on fresh allocators; the median is reported.
 */
import { FreeListAllocator, type AllocatorConfig } from '../../sim/freeListAllocator.ts';
import { createRandom, uniform } from '../../sim/random.ts';

/** Figures of {@link benchAllocator}. */
export interface AllocatorBenchResult {
  /** Operations per second over the median run. */
  opsPerSecond: number;
  /** Operations in one run (mallocs plus frees). */
  ops: number;
  /** Wall time of the median run, in milliseconds. */
  ms: number;
}

const OP_COUNT = 1_000_000;
const SEED = 7;
const MAX_PAYLOAD_BYTES = 256;
const TIMED_RUNS = 5;
const CONFIG: AllocatorConfig = {
  baseAddr: 0,
  heapSize: 2 ** 30,
  headerSize: 8,
  alignment: 8,
  policy: 'FIRST',
  listOrder: 'ADDRSORT',
  coalesce: true,
};

/** Two uniform draws per op: whether it allocates, and the size or which live block to free. */
function drawStream(): Float64Array {
  const rng = createRandom(SEED);
  const draws = new Float64Array(OP_COUNT * 2);
  for (let i = 0; i < draws.length; i++) draws[i] = uniform(rng);
  return draws;
}

/** Runs the whole stream on a fresh allocator; returns a checksum so the work cannot be optimised away. */
function runOnce(draws: Float64Array): number {
  const heap = new FreeListAllocator(CONFIG, { recordProbes: false });
  const live: number[] = [];
  let checksum = 0;
  for (let i = 0; i < OP_COUNT; i++) {
    const choice = draws[2 * i];
    const detail = draws[2 * i + 1];
    if (live.length === 0 || choice < 0.5) {
      const r = heap.malloc(1 + Math.floor(detail * MAX_PAYLOAD_BYTES));
      if (r.addr === -1) throw new Error('allocator bench: an alloc failed (the heap is too small)');
      live.push(r.addr);
      checksum += r.searched;
    } else {
      const k = Math.floor(detail * live.length);
      const addr = live[k];
      live[k] = live[live.length - 1];
      live.pop();
      checksum += heap.free(addr).rc;
    }
  }
  return checksum + heap.stats().fragmentCount;
}

/**
 * Times 1 000 000 seeded mixed malloc/free operations on the free-list allocator (median of 5 runs after a
 * warm-up).
 * @example
 * const { opsPerSecond, ms } = benchAllocator(); // about 2 400 000 ops/s (410 ms) on a busy 2-core box
 */
export function benchAllocator(): AllocatorBenchResult {
  const draws = drawStream();
  const expected = runOnce(draws);
  const samples: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const t0 = performance.now();
    const checksum = runOnce(draws);
    samples.push(performance.now() - t0);
    if (checksum !== expected) throw new Error('allocator bench: runs disagree (the allocator is not deterministic)');
  }
  samples.sort((x, y) => x - y);
  const ms = samples[Math.floor(samples.length / 2)];
  return { opsPerSecond: Math.round(OP_COUNT / (ms / 1000)), ops: OP_COUNT, ms: Math.round(ms * 10) / 10 };
}
