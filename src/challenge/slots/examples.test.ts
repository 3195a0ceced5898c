/**
 * The suggested starter and reference code of each slot (`examples/<slot>.starter.js`, `.reference.js`), run
 * through the harness on seeds 1-4 with the default params: the numbers a challenge's goals are set from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeSlotId } from '../types.ts';
import { codeSlots } from './index.ts';
import { compileDeclaration, runSlot } from './testing/slotTesting.ts';

function metricsOf(slot: CodeSlotId, which: 'starter' | 'reference'): Record<string, number>[] {
  const source = readFileSync(join(import.meta.dirname, 'examples', `${slot}.${which}.js`), 'utf8');
  const fn = compileDeclaration(source, codeSlots[slot].functionName);
  return [1, 2, 3, 4].map((seed) => runSlot(codeSlots[slot], fn, seed).metrics);
}

const round = (rows: Record<string, number>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 1000) / 1000])));

describe('examples/evictionPolicy (FIFO starter, LRU reference)', () => {
  it('starter: hit ratio about 0.52-0.54, lruAgreementRatio about 0.65-0.68', () => {
    expect(round(metricsOf('evictionPolicy', 'starter'))).toEqual([
      { hits: 1613, misses: 1387, evictions: 1379, hitRatio: 0.538, lruAgreementRatio: 0.654 },
      { hits: 1564, misses: 1436, evictions: 1428, hitRatio: 0.521, lruAgreementRatio: 0.683 },
      { hits: 1583, misses: 1417, evictions: 1409, hitRatio: 0.528, lruAgreementRatio: 0.671 },
      { hits: 1555, misses: 1445, evictions: 1437, hitRatio: 0.518, lruAgreementRatio: 0.669 },
    ]);
  });

  it('reference: hit ratio 0.586-0.602, always the least recently used', () => {
    expect(round(metricsOf('evictionPolicy', 'reference'))).toEqual([
      { hits: 1806, misses: 1194, evictions: 1186, hitRatio: 0.602, lruAgreementRatio: 1 },
      { hits: 1759, misses: 1241, evictions: 1233, hitRatio: 0.586, lruAgreementRatio: 1 },
      { hits: 1765, misses: 1235, evictions: 1227, hitRatio: 0.588, lruAgreementRatio: 1 },
      { hits: 1776, misses: 1224, evictions: 1216, hitRatio: 0.592, lruAgreementRatio: 1 },
    ]);
  });
});

describe('examples/tableAcquire (first fit, wait forever / timeout + health check + best fit)', () => {
  it('starter: overdue parties and parties at wobbly tables', () => {
    expect(metricsOf('tableAcquire', 'starter')).toEqual([
      { seated: 34, turnedAway: 0, overdue: 4, unhealthySeated: 24, walkedOut: 4, waitP95Ms: 450_000, maxWaitMs: 450_000 },
      { seated: 33, turnedAway: 0, overdue: 22, unhealthySeated: 21, walkedOut: 12, waitP95Ms: 450_000, maxWaitMs: 450_000 },
      { seated: 42, turnedAway: 0, overdue: 15, unhealthySeated: 11, walkedOut: 8, waitP95Ms: 450_000, maxWaitMs: 450_000 },
      { seated: 40, turnedAway: 0, overdue: 8, unhealthySeated: 17, walkedOut: 5, waitP95Ms: 450_000, maxWaitMs: 450_000 },
    ]);
  });

  it('reference: nobody overdue, nobody at a wobbly table, waits within 5 min', () => {
    expect(metricsOf('tableAcquire', 'reference')).toEqual([
      { seated: 41, turnedAway: 21, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 300_000, maxWaitMs: 300_000 },
      { seated: 37, turnedAway: 29, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 300_000, maxWaitMs: 300_000 },
      { seated: 47, turnedAway: 13, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 300_000, maxWaitMs: 300_000 },
      { seated: 45, turnedAway: 15, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 300_000, maxWaitMs: 300_000 },
    ]);
  });
});

describe('examples/memoryCleanup (by age / by last touch)', () => {
  it('starter: reclaims blocks still in use and misses recent leaks', () => {
    expect(metricsOf('memoryCleanup', 'starter')).toEqual([
      { failedAllocations: 0, reclaimed: 49, reclaimedInUse: 9, leakedAtClose: 3, peakInUse: 22 },
      { failedAllocations: 0, reclaimed: 45, reclaimedInUse: 10, leakedAtClose: 4, peakInUse: 18 },
      { failedAllocations: 0, reclaimed: 51, reclaimedInUse: 8, leakedAtClose: 0, peakInUse: 21 },
      { failedAllocations: 0, reclaimed: 56, reclaimedInUse: 11, leakedAtClose: 0, peakInUse: 20 },
    ]);
  });

  it('reference: every leak reclaimed, nothing in use', () => {
    expect(metricsOf('memoryCleanup', 'reference')).toEqual([
      { failedAllocations: 0, reclaimed: 52, reclaimedInUse: 0, leakedAtClose: 0, peakInUse: 18 },
      { failedAllocations: 0, reclaimed: 49, reclaimedInUse: 0, leakedAtClose: 0, peakInUse: 16 },
      { failedAllocations: 0, reclaimed: 51, reclaimedInUse: 0, leakedAtClose: 0, peakInUse: 19 },
      { failedAllocations: 0, reclaimed: 56, reclaimedInUse: 0, leakedAtClose: 0, peakInUse: 18 },
    ]);
  });
});

describe('examples/batchScheduler (five at a time / up to 85% of every limit)', () => {
  it('starter: hundreds of items fail, the rush is starved', () => {
    expect(metricsOf('batchScheduler', 'starter')).toEqual([
      { done: 236, failed: 364, finishedAtMs: 710_800, peakPressure: 1.05 },
      { done: 274, failed: 326, finishedAtMs: 743_809, peakPressure: 1.025 },
      { done: 253, failed: 347, finishedAtMs: 817_869, peakPressure: 1.05 },
      { done: 251, failed: 349, finishedAtMs: 742_060, peakPressure: 1.025 },
    ]);
  });

  it('reference: nothing fails, pressure stays under 0.96, done in under 49 min', () => {
    expect(metricsOf('batchScheduler', 'reference')).toEqual([
      { done: 600, failed: 0, finishedAtMs: 2_847_033, peakPressure: 0.925 },
      { done: 600, failed: 0, finishedAtMs: 2_655_340, peakPressure: 0.925 },
      { done: 600, failed: 0, finishedAtMs: 2_913_997, peakPressure: 0.925 },
      { done: 600, failed: 0, finishedAtMs: 2_756_861, peakPressure: 0.95 },
    ]);
  });
});
