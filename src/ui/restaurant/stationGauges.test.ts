import { describe, expect, test } from 'vitest';
import type { KitchenMemoryGauges } from '../../sim/kitchenMemory.ts';
import type { Gauges } from '../../sim/simulation.ts';
import { fragmentationPath, memoryBar } from './stationGauges.ts';

function gauges(usedBytes: number, heapUsed: number, externalFragmentation = 0, limitBytes = 40_960): KitchenMemoryGauges {
  return {
    usedBytes,
    limitBytes,
    pools: { small: { used: 0, total: 4, blockSize: 64 }, medium: { used: 0, total: 4, blockSize: 1024 } },
    heap: { usedBytes: heapUsed, freeBytes: 0, largestFree: 0, fragmentCount: 0, externalFragmentation },
    blockCount: 0,
  };
}

describe('stationGauges', () => {
  test('memoryBar() splits the bytes used into pools and heap against the limit', () => {
    expect(memoryBar(gauges(10_240, 4096), 30_720)).toEqual({
      poolBytes: 6144,
      heapBytes: 4096,
      limitBytes: 40_960,
      scaleBytes: 40_960,
      poolShare: 0.15,
      heapShare: 0.1,
      thresholdShare: 0.75,
      usedRatio: 0.25,
    });
  });

  test('memoryBar() widens the scale when more is used than a lowered limit allows, and has no GC marker without a collector', () => {
    const bar = memoryBar(gauges(2048, 0, 0, 1024), 0);
    expect(bar.scaleBytes).toBe(2048);
    expect(bar.poolShare).toBe(1);
    expect(bar.thresholdShare).toBeNull();
    expect(bar.usedRatio).toBe(2);
  });

  test('fragmentationPath() draws the samples over the whole service', () => {
    const series: Gauges[] = [
      { atMs: 0, stations: gauges(0, 0, 0) },
      { atMs: 500, stations: gauges(0, 0, 0.5) },
      { atMs: 1000, stations: gauges(0, 0, 0.25) },
    ];
    expect(fragmentationPath(series, 1000, 100, 20)).toBe('M0,19L50,10L100,14.5');
    expect(fragmentationPath(series.slice(0, 1), 1000, 100, 20)).toBeNull();
    expect(fragmentationPath([{ atMs: 0 }, { atMs: 1 }], 1000, 100, 20)).toBeNull();
  });
});
