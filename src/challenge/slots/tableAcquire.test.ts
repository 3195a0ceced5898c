import { describe, expect, it } from 'vitest';
import { ContractError } from './codeSlot.ts';
import { runSlot } from './testing/slotTesting.ts';
import { guestList, tableAcquire, tableAcquireDefaults, type TableView, type WaitingParty } from './tableAcquire.ts';

const firstFit = (party: WaitingParty, tables: TableView[]) =>
  tables.find((t) => t.state === 'free' && t.seats >= party.size)?.id ?? 'wait';
const healthyFirstFit = (party: WaitingParty, tables: TableView[]) =>
  tables.find((t) => t.state === 'free' && t.healthy && t.seats >= party.size)?.id ?? 'wait';
const good = (party: WaitingParty, tables: TableView[]) =>
  party.waitedMs >= 300_000 ? 'turnAway' : healthyFirstFit(party, tables);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('tableAcquire.run()', () => {
  it('a timeout and a health check keep every wait within the timeout (seed 1)', () => {
    expect(runSlot(tableAcquire, good, 1)).toEqual({
      metrics: { seated: 41, turnedAway: 21, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 300_000, maxWaitMs: 300_000 },
      eventCounts: {
        'party.arrived': 62,
        'acquire.granted': 41,
        'acquire.timedOut': 21,
        'acquire.overdue': 0,
        'table.unhealthySeated': 0,
        'party.walkedOut': 0,
        'table.released': 34,
        'table.unhealthy': 9,
        'table.repaired': 8,
      },
      calls: 1540,
    });
  });

  it('waiting forever makes parties overdue; ignoring health seats them at wobbly tables (seed 1)', () => {
    expect(runSlot(tableAcquire, firstFit, 1).metrics).toEqual({
      seated: 34, turnedAway: 0, overdue: 4, unhealthySeated: 24, walkedOut: 4, waitP95Ms: 450_000, maxWaitMs: 450_000,
    });
    expect(runSlot(tableAcquire, healthyFirstFit, 1).metrics).toEqual({
      seated: 42, turnedAway: 0, overdue: 37, unhealthySeated: 0, walkedOut: 20, waitP95Ms: 450_000, maxWaitMs: 450_000,
    });
  });

  it('turning everyone away seats nobody (seed 2)', () => {
    const run = runSlot(tableAcquire, () => 'turnAway', 2);
    expect(run.metrics).toEqual({ seated: 0, turnedAway: 66, overdue: 0, unhealthySeated: 0, walkedOut: 0, waitP95Ms: 0, maxWaitMs: 0 });
    expect(run.calls).toBe(66);
  });

  it('asks about waiting parties in line order, with their wait so far', () => {
    const asked: { party: WaitingParty; nowMs: number }[] = [];
    const seenTables: TableView[][] = [];
    runSlot(tableAcquire, (party: WaitingParty, tables: TableView[], nowMs: number) => {
      asked.push({ party, nowMs });
      seenTables.push(tables);
      return 'wait';
    }, 1, { serviceMs: 600_000 });
    expect(asked[0]).toEqual({ party: { id: 1, size: 1, arrivedAtMs: 693, waitedMs: 0 }, nowMs: 693 });
    expect(seenTables[0].map((t) => t.seats)).toEqual([2, 2, 2, 2, 4, 4, 4, 6, 6]);
    expect(seenTables[0][0]).toEqual({ id: 1, seats: 2, state: 'free', healthy: true, lastUsedAtMs: 0 });
    for (let i = 1; i < asked.length; i++) {
      const [prev, cur] = [asked[i - 1], asked[i]];
      expect(cur.party.waitedMs).toBe(cur.nowMs - cur.party.arrivedAtMs);
      // Within one round (one instant) the line is asked front first; a new round starts again at the front.
      if (cur.nowMs === prev.nowMs) expect(cur.party.id).toBeGreaterThan(prev.party.id);
      else expect(cur.nowMs).toBeGreaterThan(prev.nowMs);
    }
  });

  it('counts a party overdue once, however often it is kept waiting past the timeout', () => {
    const run = runSlot(tableAcquire, () => 'wait', 1, { serviceMs: 3_600_000 });
    expect(run.metrics.overdue).toBe(run.eventCounts['party.arrived'] - countArrivedInLastTimeout(1, 3_600_000));
    expect(run.metrics.seated).toBe(0);
  });

  it('is deterministic: the same seed gives the same SlotRun, another seed another', () => {
    expect(runSlot(tableAcquire, good, 3)).toEqual(runSlot(tableAcquire, good, 3));
    expect(runSlot(tableAcquire, good, 4)).not.toEqual(runSlot(tableAcquire, good, 3));
  });

  it('draws the guests before the run: the same for every policy', () => {
    expect(guestList(7, tableAcquireDefaults)).toEqual(guestList(7, tableAcquireDefaults));
    expect(runSlot(tableAcquire, firstFit, 7).eventCounts['party.arrived']).toBe(guestList(7, tableAcquireDefaults).length);
  });
});

/** Parties that arrive too late to reach the timeout before the service ends (they cannot be overdue). */
function countArrivedInLastTimeout(seed: number, serviceMs: number): number {
  const p = { ...tableAcquireDefaults, serviceMs };
  return guestList(seed, p).filter((g) => g.arrivedAtMs + p.timeoutMs >= serviceMs).length;
}

describe('tableAcquire contract errors', () => {
  const ids = '1, 2, 3, 4, 5, 6, 7, 8, 9';

  it('rejects answers that are neither a table id, "wait" nor "turnAway"', () => {
    const e = errorOf(() => runSlot(tableAcquire, () => 'seat', 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(`seatParty returned "seat" for party 1, expected a table id (a number: ${ids}), "wait" or "turnAway"`);
    expect(errorOf(() => runSlot(tableAcquire, () => undefined, 1)).message).toBe(
      `seatParty returned undefined for party 1, expected a table id (a number: ${ids}), "wait" or "turnAway"`,
    );
    expect(errorOf(() => runSlot(tableAcquire, () => '1', 1)).message).toBe(
      `seatParty returned "1" for party 1, expected a table id (a number: ${ids}), "wait" or "turnAway"`,
    );
  });

  it('rejects a table id that does not exist', () => {
    expect(errorOf(() => runSlot(tableAcquire, () => 99, 1)).message).toBe(
      `seatParty returned 99 for party 1, which is not a table id (tables: ${ids}); expected a table id, "wait" or "turnAway"`,
    );
  });

  it('rejects an occupied table', () => {
    const e = errorOf(() => runSlot(tableAcquire, () => 8, 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe('seatParty returned table 8 for party 2, but table 8 is occupied; expected a free table, "wait" or "turnAway"');
  });

  it('rejects a table too small for the party', () => {
    const e = errorOf(() => runSlot(tableAcquire, (party: WaitingParty) => (party.size > 2 ? 1 : 'wait'), 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(
      'seatParty returned table 1 (2 seats) for party 2 of 3, which does not fit; expected a table with at least 3 seats, "wait" or "turnAway"',
    );
  });

  it('allows an unhealthy table, but the party leaves at once and it is counted', () => {
    const run = runSlot(tableAcquire, firstFit, 1);
    expect(run.eventCounts['table.unhealthySeated']).toBe(24);
    expect(run.metrics.seated + run.metrics.unhealthySeated + run.metrics.walkedOut).toBeLessThanOrEqual(run.eventCounts['party.arrived']);
  });
});
