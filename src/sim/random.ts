/**
 * The simulation's only source of randomness.
 *
 * Algorithm: **sfc32** (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit variant, from PractRand).
 * Its whole state is four unsigned 32-bit integers, so a snapshot of the simulation can copy it and a replay
 * continues the same stream. Seeding: the 32-bit seed is spread over the four words and the generator is
 * warmed up for 12 rounds, as PractRand recommends.
 *
 * Nothing else in `src/sim` may draw random numbers: every model takes a {@link Random} and calls the
 * distributions below, so the same seed and scenario always give the same event log.
 */
export interface Random {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Creates a generator from a seed (any integer; it is reduced to 32 bits). */
export function createRandom(seed: number): Random {
  const s = seed >>> 0;
  const rng: Random = { a: 0x9e3779b9, b: 0x243f6a88, c: 0xb7e15162, d: s };
  for (let i = 0; i < 12; i++) nextUint32(rng);
  return rng;
}

/** Copies a generator's state, e.g. for a snapshot. */
export function cloneRandom(rng: Random): Random {
  return { a: rng.a, b: rng.b, c: rng.c, d: rng.d };
}

/** Next unsigned 32-bit integer of the sfc32 stream. */
export function nextUint32(rng: Random): number {
  const t = (((rng.a + rng.b) | 0) + rng.d) | 0;
  rng.d = (rng.d + 1) | 0;
  rng.a = rng.b ^ (rng.b >>> 9);
  rng.b = (rng.c + (rng.c << 3)) | 0;
  rng.c = (rng.c << 21) | (rng.c >>> 11);
  rng.c = (rng.c + t) | 0;
  return t >>> 0;
}

/** Uniform float in [0, 1). */
export function uniform(rng: Random): number {
  return nextUint32(rng) / 4294967296;
}

/** Uniform integer in [min, max] (both inclusive). */
export function uniformInt(rng: Random, min: number, max: number): number {
  return min + Math.floor(uniform(rng) * (max - min + 1));
}

/** True with probability `p` (one draw, even when p is 0 or 1, so the stream does not depend on p). */
export function bernoulli(rng: Random, p: number): boolean {
  return uniform(rng) < p;
}

/**
 * Exponential gap with the given mean, by inversion: `-mean * ln(1 - U)`.
 * Gaps between Poisson arrivals: with 20 arrivals per hour the mean gap is 180 000 ms.
 */
export function exponential(rng: Random, meanMs: number): number {
  return -meanMs * Math.log(1 - uniform(rng));
}

/** Standard normal variate (Box-Muller, two uniform draws, the cosine branch only). */
export function standardNormal(rng: Random): number {
  const u1 = 1 - uniform(rng);
  const u2 = uniform(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Log-normal variate with the given **median** and shape `sigma` (the standard deviation of its logarithm).
 * Service and dining times are skewed like this: most parties take about the median, a few take much longer.
 */
export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/**
 * Running totals of a weight table, for {@link pickWeighted}: build once, draw many times.
 * @example cumulativeWeights([5, 3, 2]) // Float64Array [5, 8, 10]
 */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) totals[i] = sum += weights[i];
  return totals;
}

/**
 * Picks an index with probability proportional to its weight, given the running totals from
 * {@link cumulativeWeights}: one uniform draw and a binary search, so long tables (a menu of hundreds of
 * dishes) cost O(log n).
 */
export function pickWeighted(rng: Random, totals: Float64Array): number {
  const r = uniform(rng) * totals[totals.length - 1];
  let lo = 0;
  let hi = totals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totals[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
