/**
 * Page-replacement throughput for `npm run bench`: 1 000 000 accesses per policy on a seeded Zipf-like
 * stream (10 000 pages, exponent 1, a 500-page cache), through each policy's `access()` (no memory
 * snapshots). OPT and UNOPT include their O(n) next-use precomputation. RAND and CLOCK draw from a fixed
 * seed, so every policy sees the same work on every run. Timed after one warm-up run; the median of three.
 */
import { createRandom, uniform } from '../../sim/random.ts';
import { createReplacementPolicy, REPLACEMENT_POLICIES, type ReplacementPolicyName } from '../../sim/replacementPolicy.ts';

const ACCESSES = 1_000_000;
const PAGES = 10_000;
const ZIPF_EXPONENT = 1;
const CACHE_SIZE = 500;
const SEED = 42;

/**
 * `length` pages drawn from a Zipf-like law over `0..pages-1`: page k has weight `1 / (k + 1)^exponent`
 * (page 0 is the most popular). Inverse-CDF with a binary search, one uniform draw per page.
 */
export function zipfStream(length: number, pages: number, exponent: number, seed: number): Int32Array {
  const cdf = new Float64Array(pages);
  let total = 0;
  for (let k = 0; k < pages; k++) cdf[k] = total += 1 / (k + 1) ** exponent;
  const rng = createRandom(seed);
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const u = uniform(rng) * total;
    let lo = 0;
    let hi = pages - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo;
  }
  return out;
}

function runOnce(policy: ReplacementPolicyName, stream: readonly number[]): number {
  const cache = createReplacementPolicy<number>(policy, CACHE_SIZE, { rng: createRandom(SEED), clockBits: 2, future: stream });
  let hits = 0;
  for (let i = 0; i < stream.length; i++) if (cache.access(stream[i]).hit) hits++;
  return hits;
}

/** Accesses per second of every policy over 1M accesses of the same seeded Zipf-like stream. */
export function benchPaging(): { policy: string; accessesPerSecond: number }[] {
  const stream = Array.from(zipfStream(ACCESSES, PAGES, ZIPF_EXPONENT, SEED));
  return REPLACEMENT_POLICIES.map((policy) => {
    runOnce(policy, stream);
    const samples: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      runOnce(policy, stream);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { policy, accessesPerSecond: Math.round(ACCESSES / (samples[1] / 1000)) };
  });
}
