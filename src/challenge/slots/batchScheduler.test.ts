import { describe, expect, it } from 'vitest';
import { batchScheduler, batchSchedulerDefaults, evening, type BatchResource, type BatchState } from './batchScheduler.ts';
import { ContractError } from './codeSlot.ts';
import { runSlot } from './testing/slotTesting.ts';

const RESOURCES: BatchResource[] = ['connection', 'memory', 'fd'];
const upTo = (target: number) => (s: BatchState) =>
  Math.max(0, Math.min(s.pending, ...RESOURCES.map((r) => Math.floor((s.limits[r] * target - s.usage[r]) / s.perItem[r]))));

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('batchScheduler.run()', () => {
  it('starting everything at once fails all but what fits (seed 1)', () => {
    expect(runSlot(batchScheduler, (s: BatchState) => s.pending, 1)).toEqual({
      metrics: { done: 30, failed: 570, finishedAtMs: 262_560, peakPressure: 1 },
      eventCounts: { 'batch.itemStarted': 30, 'batch.itemDone': 30, 'batch.itemFailed': 570, 'batch.backedOff': 0, 'service.starved': 0 },
      calls: 1,
    });
  });

  it('filling every limit to the brim fails nothing but starves the dinner rush (seed 1)', () => {
    const run = runSlot(batchScheduler, upTo(1), 1);
    expect(run.metrics).toEqual({ done: 600, failed: 0, finishedAtMs: 2_262_033, peakPressure: 1.05 });
    expect(run.eventCounts['service.starved']).toBe(59);
    expect(run.eventCounts['batch.backedOff']).toBe(152);
  });

  it('leaving 15% headroom finishes later without starving anything (seed 2)', () => {
    const run = runSlot(batchScheduler, upTo(0.85), 2);
    expect(run.metrics).toEqual({ done: 600, failed: 0, finishedAtMs: 2_655_340, peakPressure: 0.925 });
    expect(run.eventCounts['service.starved']).toBe(0);
  });

  it('hands nextBatch the whole state', () => {
    const states: BatchState[] = [];
    runSlot(batchScheduler, (s: BatchState) => (states.push(s), 0), 1, { serviceMs: 10_000 });
    expect(states).toHaveLength(3);
    const bg = evening(1, { ...batchSchedulerDefaults, serviceMs: 10_000 }).background[0];
    expect(states[0]).toEqual({
      pending: 600,
      inFlight: 0,
      done: 0,
      failed: 0,
      usage: bg,
      limits: { connection: 40, memory: 512, fd: 200 },
      perItem: { connection: 1, memory: 12, fd: 3 },
      pressure: Math.max(bg.connection / 40, bg.memory / 512, bg.fd / 200),
      nowMs: 0,
    });
    expect(states.map((s) => s.nowMs)).toEqual([0, 5000, 10_000]);
  });

  it('reports the service end as finishedAtMs when items are left', () => {
    const run = runSlot(batchScheduler, () => 0, 1, { serviceMs: 60_000 });
    expect(run.metrics).toMatchObject({ done: 0, failed: 0, finishedAtMs: 60_000 });
    expect(run.eventCounts['batch.backedOff']).toBe(13);
  });

  it('is deterministic: the same seed gives the same SlotRun, another seed another', () => {
    expect(runSlot(batchScheduler, upTo(0.85), 3)).toEqual(runSlot(batchScheduler, upTo(0.85), 3));
    expect(runSlot(batchScheduler, upTo(0.85), 4)).not.toEqual(runSlot(batchScheduler, upTo(0.85), 3));
  });
});

describe('batchScheduler contract errors', () => {
  const expected = (what: string) => `nextBatch returned ${what}, expected a whole number from 0 to 600 (the items pending)`;

  it('rejects more than pending, negatives and fractions', () => {
    const e = errorOf(() => runSlot(batchScheduler, (s: BatchState) => s.pending + 1, 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(expected('601'));
    expect(errorOf(() => runSlot(batchScheduler, () => -1, 1)).message).toBe(expected('-1'));
    expect(errorOf(() => runSlot(batchScheduler, () => 2.5, 1)).message).toBe(expected('2.5'));
  });

  it('rejects non-numbers (NaN arrives as null through the JSON copy)', () => {
    expect(errorOf(() => runSlot(batchScheduler, () => '3', 1)).message).toBe(expected('"3"'));
    expect(errorOf(() => runSlot(batchScheduler, () => NaN, 1)).message).toBe(expected('null'));
    const direct = errorOf(() => batchScheduler.run({ seed: 1, params: {}, call: () => NaN }));
    expect(direct.message).toBe(expected('NaN'));
  });
});
