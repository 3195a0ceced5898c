/**
 * The kitchen stations' readings shaped for drawing: counter space used against the limit, and the
 * fragmentation of the banquet area over the service as a small line. Pure (d3 computes, Svelte draws).
 */
import { line, scaleLinear } from 'd3';
import type { KitchenMemoryGauges } from '../../sim/kitchenMemory.ts';
import type { Gauges } from '../../sim/simulation.ts';

/** Counter space used, split by where it is, as shares of the bar's full width. */
export interface MemoryBar {
  /** Bytes in pool blocks (whole blocks: a 10-byte dish still takes a 64-byte counter). */
  poolBytes: number;
  /** Bytes in heap blocks, headers and padding included. */
  heapBytes: number;
  limitBytes: number;
  /** Bytes the full width stands for: the limit, or more when more is in use. */
  scaleBytes: number;
  poolShare: number;
  heapShare: number;
  /** Where the deep clean (GC) starts, as a share, or null without a collector. */
  thresholdShare: number | null;
  /** Used over the limit, 0..1 and more. */
  usedRatio: number;
}

export function memoryBar(g: KitchenMemoryGauges, gcThresholdBytes: number): MemoryBar {
  const heapBytes = g.heap.usedBytes;
  const poolBytes = Math.max(0, g.usedBytes - heapBytes);
  const scaleBytes = Math.max(g.limitBytes, g.usedBytes, 1);
  return {
    poolBytes,
    heapBytes,
    limitBytes: g.limitBytes,
    scaleBytes,
    poolShare: poolBytes / scaleBytes,
    heapShare: heapBytes / scaleBytes,
    thresholdShare: gcThresholdBytes > 0 ? Math.min(1, gcThresholdBytes / scaleBytes) : null,
    usedRatio: g.limitBytes > 0 ? g.usedBytes / g.limitBytes : 0,
  };
}

/**
 * The heap's external fragmentation (0..1) over the samples so far as an SVG path `width` x `height`,
 * time on x from 0 to `durationMs`; null when fewer than two samples carry a heap reading.
 */
export function fragmentationPath(series: readonly Gauges[], durationMs: number, width: number, height: number): string | null {
  const points = series.filter((g) => g.stations !== undefined);
  if (points.length < 2) return null;
  const x = scaleLinear().domain([0, Math.max(1, durationMs)]).range([0, width]);
  const y = scaleLinear().domain([0, 1]).range([height - 1, 1]);
  return line<Gauges>()
    .x((g) => Math.round(x(g.atMs) * 10) / 10)
    .y((g) => Math.round(y((g.stations as KitchenMemoryGauges).heap.externalFragmentation) * 10) / 10)(points);
}
