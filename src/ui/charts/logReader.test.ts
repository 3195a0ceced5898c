import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { countAtOrBefore, LogReader } from './logReader.ts';

const arrived = (atMs: number, partyId: number): SimEvent => ({ atMs, type: 'party.arrived', partyId, size: 2 });

function idsReader(): { reader: LogReader<number[]>; calls: number[] } {
  const calls: number[] = [];
  const reader = new LogReader<number[]>(
    () => [],
    (state, event, index) => {
      calls.push(index);
      if (event.type === 'party.arrived') state.push(event.partyId);
    },
  );
  return { reader, calls };
}

describe('LogReader.read()', () => {
  it('folds only the facts added since the last read', () => {
    const { reader, calls } = idsReader();
    const log: SimEvent[] = [arrived(0, 1), arrived(5, 2)];
    expect(reader.read(log, 2).state).toEqual([1, 2]);
    log.push(arrived(9, 3));
    const reading = reader.read(log, 3);
    expect(reading.state).toEqual([1, 2, 3]);
    expect(reading.readCount).toBe(3);
    expect(calls).toEqual([0, 1, 2]);
  });

  it('reads no further than count, and clamps count to the log', () => {
    const { reader } = idsReader();
    const log = [arrived(0, 1), arrived(5, 2), arrived(6, 3)];
    expect(reader.read(log, 1).state).toEqual([1]);
    expect(reader.read(log, 10)).toEqual({ state: [1, 2, 3], readCount: 3 });
  });

  it('starts over for another log, and when count goes back', () => {
    const { reader, calls } = idsReader();
    const a = [arrived(0, 1), arrived(5, 2)];
    const b = [arrived(0, 7)];
    expect(reader.read(a, 2).state).toEqual([1, 2]);
    expect(reader.read(b, 1).state).toEqual([7]);
    expect(reader.read(a, 1).state).toEqual([1]);
    expect(calls).toEqual([0, 1, 0, 0]);
  });

  it('returns a fresh reading object each call around the same state', () => {
    const { reader } = idsReader();
    const log = [arrived(0, 1)];
    const r1 = reader.read(log, 1);
    const r2 = reader.read(log, 1);
    expect(r1).not.toBe(r2);
    expect(r1.state).toBe(r2.state);
  });
});

describe('countAtOrBefore()', () => {
  it('counts the facts at or before a time', () => {
    const log = [arrived(0, 1), arrived(5, 2), arrived(5, 3), arrived(9, 4)];
    expect(countAtOrBefore(log, 5)).toBe(3);
    expect(countAtOrBefore(log, 4)).toBe(1);
    expect(countAtOrBefore(log, -1)).toBe(0);
    expect(countAtOrBefore(log, 99)).toBe(4);
  });
});
