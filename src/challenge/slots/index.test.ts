import { describe, expect, it } from 'vitest';
import { codeSlots } from './index.ts';
import { runSlot } from './testing/slotTesting.ts';

describe('codeSlots', () => {
  it('has the four slots, each under its own id', () => {
    expect(Object.keys(codeSlots).sort()).toEqual(['batchScheduler', 'evictionPolicy', 'memoryCleanup', 'tableAcquire']);
    for (const [id, slot] of Object.entries(codeSlots)) expect(slot.id).toBe(id);
  });

  it('names each function in its signature, and explains its contract', () => {
    expect(Object.values(codeSlots).map((s) => s.signature)).toEqual([
      'chooseVictim(dishes, nowMs) → key',
      'seatParty(party, tables, nowMs) → tableId | "wait" | "turnAway"',
      'sweep(blocks, nowMs) → blockId[]',
      'nextBatch(state) → count',
    ]);
    for (const slot of Object.values(codeSlots)) {
      expect(slot.signature.startsWith(`${slot.functionName}(`)).toBe(true);
      expect(slot.contract.length).toBeGreaterThan(200);
      expect(slot.contract).not.toMatch(/\s{2}/);
    }
  });

  it('runs every slot with its defaults, reporting every metric and event (0 when none happened)', () => {
    const answers: Record<string, (...args: never[]) => unknown> = {
      evictionPolicy: (dishes: { key: string }[]) => dishes[0].key,
      tableAcquire: () => 'turnAway',
      memoryCleanup: () => [],
      batchScheduler: () => 0,
    };
    const keys = Object.fromEntries(
      Object.values(codeSlots).map((slot) => {
        const run = runSlot(slot, answers[slot.id], 1, { ...slot.defaults });
        return [slot.id, { metrics: Object.keys(run.metrics), events: Object.keys(run.eventCounts) }];
      }),
    );
    expect(keys).toEqual({
      evictionPolicy: {
        metrics: ['hits', 'misses', 'evictions', 'hitRatio', 'lruAgreementRatio'],
        events: ['cache.hit', 'cache.miss', 'cache.evicted'],
      },
      tableAcquire: {
        metrics: ['seated', 'turnedAway', 'overdue', 'unhealthySeated', 'walkedOut', 'waitP95Ms', 'maxWaitMs'],
        events: ['party.arrived', 'acquire.granted', 'acquire.timedOut', 'acquire.overdue', 'table.unhealthySeated', 'party.walkedOut', 'table.released', 'table.unhealthy', 'table.repaired'],
      },
      memoryCleanup: {
        metrics: ['failedAllocations', 'reclaimed', 'reclaimedInUse', 'leakedAtClose', 'peakInUse'],
        events: ['alloc.granted', 'alloc.failed', 'block.freed', 'block.forgotten', 'block.reclaimed', 'block.reclaimedInUse', 'block.leaked', 'sweep.ran'],
      },
      batchScheduler: {
        metrics: ['done', 'failed', 'finishedAtMs', 'peakPressure'],
        events: ['batch.itemStarted', 'batch.itemDone', 'batch.itemFailed', 'batch.backedOff', 'service.starved'],
      },
    });
  });
});
