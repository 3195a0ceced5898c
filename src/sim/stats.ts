/**
 * Small statistics helpers for metrics: percentiles and summaries of recorded samples.
 */

/** Wait/queue-time percentiles in ms (nearest-rank method); all 0 when there are no samples. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile of an ascending-sorted array: the smallest value such that at least `p` percent of
 * the samples are less than or equal to it. Returns 0 for an empty array.
 * @example percentileOfSorted([1, 2, 3, 4], 50) // 2
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50/p95/p99/max of unsorted samples (the input is not modified). */
export function summarize(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  return {
    count: arr.length,
    p50: percentileOfSorted(arr, 50),
    p95: percentileOfSorted(arr, 95),
    p99: percentileOfSorted(arr, 99),
    max: arr.length > 0 ? arr[arr.length - 1] : 0,
  };
}
