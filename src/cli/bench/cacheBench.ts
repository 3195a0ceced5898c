/**
 * Benchmark of the warming shelf's LRU ({@link LruCache}) against the `lru-cache` npm package it follows,
 * on the same seeded stream of 1 000 000 operations, timed in the same run (a benchmark, not a test).
 *
 * The stream (seed 42): 70% `get`, 30% `set`; keys drawn from 20 000 keys with a Zipf-like popularity
 * (weight 1/rank, so a few dishes are ordered all the time and most rarely); each `set` writes one of two
 * values for its key (so sets both replace values and re-set identical ones) with an explicit size of 1-16
 * units. Both caches get `max: 1 500` entries and `maxSize: 12 000` units, so evictions happen by count and
 * by size. No dispose callback is passed to either, so only the cache work is timed.
 *
 * Each cache runs the whole stream on a fresh instance; after warm-up runs, the runs alternate between the
 * two and the median is reported. Both must give the same number of hits, or the bench throws.
 */
import { LRUCache } from 'lru-cache';
import { LruCache } from '../../sim/lruCache.ts';
import { createRandom, uniform, uniformInt } from '../../sim/random.ts';

/** Operations per second of one implementation (median run over the whole stream). */
export interface CacheBenchFigure {
  opsPerSecond: number;
}

/** Figures of {@link benchCache}. */
export interface CacheBenchResult {
  /** Our {@link LruCache}. */
  ours: CacheBenchFigure;
  /** The `lru-cache` npm package (v11). */
  lruCachePackage: CacheBenchFigure;
  /** `ours.opsPerSecond / lruCachePackage.opsPerSecond` (above 1: ours is faster). */
  ratio: number;
  /** Operations in the stream (each run). */
  ops: number;
}

const OP_COUNT = 1_000_000;
const KEY_COUNT = 20_000;
const SEED = 42;
const GET_SHARE = 0.7;
const LIMITS = { max: 1_500, maxSize: 12_000 } as const;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 7;

interface Stream {
  /** 1 = get, 0 = set. */
  isGet: Uint8Array;
  keyIndex: Uint32Array;
  /** Which of the key's two values a set writes (0 or 1). */
  variant: Uint8Array;
  size: Uint8Array;
  keys: string[];
  values: string[];
}

/** Builds the seeded op stream (Zipf-like keys by inverse CDF over weights 1/rank). */
function makeStream(): Stream {
  const rng = createRandom(SEED);
  const cdf = new Float64Array(KEY_COUNT);
  let total = 0;
  for (let rank = 0; rank < KEY_COUNT; rank++) cdf[rank] = total += 1 / (rank + 1);
  const stream: Stream = {
    isGet: new Uint8Array(OP_COUNT),
    keyIndex: new Uint32Array(OP_COUNT),
    variant: new Uint8Array(OP_COUNT),
    size: new Uint8Array(OP_COUNT),
    keys: Array.from({ length: KEY_COUNT }, (_, i) => `dish-${i}`),
    values: Array.from({ length: KEY_COUNT * 2 }, (_, i) => `plate ${i >> 1}${i & 1 ? ' (reheated)' : ''}`),
  };
  for (let i = 0; i < OP_COUNT; i++) {
    const target = uniform(rng) * total;
    let lo = 0;
    let hi = KEY_COUNT - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    stream.keyIndex[i] = lo;
    stream.isGet[i] = uniform(rng) < GET_SHARE ? 1 : 0;
    stream.variant[i] = uniformInt(rng, 0, 1);
    stream.size[i] = uniformInt(rng, 1, 16);
  }
  return stream;
}

/** The calls both caches share. */
interface BenchCache {
  get(key: string): string | undefined;
  set(key: string, value: string, options: { size: number }): unknown;
}

/** Runs the whole stream on `cache`; returns the number of get hits. */
function runStream(cache: BenchCache, s: Stream): number {
  let hits = 0;
  const sizeOption = { size: 1 };
  for (let i = 0; i < OP_COUNT; i++) {
    const k = s.keyIndex[i];
    if (s.isGet[i] === 1) {
      if (cache.get(s.keys[k]) !== undefined) hits++;
    } else {
      sizeOption.size = s.size[i];
      cache.set(s.keys[k], s.values[k * 2 + s.variant[i]], sizeOption);
    }
  }
  return hits;
}

function timeOnce(make: () => BenchCache, s: Stream): { ms: number; hits: number } {
  const cache = make();
  const t0 = performance.now();
  const hits = runStream(cache, s);
  return { ms: performance.now() - t0, hits };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times our LRU and the `lru-cache` package on the same seeded stream of 1 000 000 get/set ops (see the
 * module doc). Takes a few seconds.
 *
 * @throws Error if the two caches disagree on the number of hits (they must behave identically).
 */
export function benchCache(): CacheBenchResult {
  const stream = makeStream();
  const makeOurs = (): BenchCache => new LruCache<string, string>(LIMITS);
  const makeTheirs = (): BenchCache => new LRUCache<string, string>(LIMITS);
  for (let i = 0; i < WARMUP_RUNS; i++) {
    timeOnce(makeOurs, stream);
    timeOnce(makeTheirs, stream);
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const ours = timeOnce(makeOurs, stream);
    const theirs = timeOnce(makeTheirs, stream);
    if (ours.hits !== theirs.hits) throw new Error(`cache bench: hits differ (ours ${ours.hits}, lru-cache ${theirs.hits})`);
    oursMs.push(ours.ms);
    theirsMs.push(theirs.ms);
  }
  const oursRate = Math.round(OP_COUNT / (median(oursMs) / 1000));
  const theirsRate = Math.round(OP_COUNT / (median(theirsMs) / 1000));
  return {
    ours: { opsPerSecond: oursRate },
    lruCachePackage: { opsPerSecond: theirsRate },
    ratio: Math.round((oursRate / theirsRate) * 100) / 100,
    ops: OP_COUNT,
  };
}
