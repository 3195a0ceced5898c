import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { binCountFor, binMarkers, describeBin, kindsPresent, markerReader, type Marker } from './markers.ts';

const timeout = (atMs: number): SimEvent => ({ atMs, type: 'acquire.timedOut', partyId: 1, waitedMs: 1, timeoutMs: 1 });
const emfile = (atMs: number): SimEvent => ({ atMs, type: 'fd.emfile', owner: 'x', softLimit: 2, openCount: 2 });
const arrived = (atMs: number): SimEvent => ({ atMs, type: 'party.arrived', partyId: 1, size: 2 });

describe('markerReader()', () => {
  it('collects notable facts with the seek target just after each', () => {
    const log = [arrived(0), timeout(1_000), arrived(2_000), emfile(3_000)];
    const { state } = markerReader().read(log, log.length);
    expect(state.markers).toEqual([
      { kind: 'timeout', eventIndex: 2, atMs: 1_000 },
      { kind: 'emfile', eventIndex: 4, atMs: 3_000 },
    ]);
    expect(state.counts).toEqual({ timeout: 1, rejection: 0, emfile: 1, oom: 0, leak: 0 });
    expect(kindsPresent(state.counts)).toEqual(['timeout', 'emfile']);
  });

  it('scans only new facts on the same log', () => {
    const log = [timeout(1_000)];
    const reader = markerReader();
    reader.read(log, 1);
    log.push(timeout(2_000));
    expect(reader.read(log, 2).state.markers.map((m) => m.eventIndex)).toEqual([1, 2]);
  });
});

describe('binMarkers()', () => {
  const markers: Marker[] = [
    { kind: 'timeout', eventIndex: 3, atMs: 100 },
    { kind: 'emfile', eventIndex: 5, atMs: 200 },
    { kind: 'timeout', eventIndex: 9, atMs: 900 },
    { kind: 'timeout', eventIndex: 12, atMs: 2_600 },
    { kind: 'leak', eventIndex: 20, atMs: 4_000 },
  ];

  it('groups each kind per bin, keeping the first marker and the count, in time then kind order', () => {
    const bins = binMarkers(markers, 4_000, 4);
    expect(bins.map((b) => [b.key, b.left, b.first.eventIndex, b.count])).toEqual([
      ['timeout:0', 0, 3, 2],
      ['emfile:0', 0, 5, 1],
      ['timeout:2', 0.5, 12, 1],
      ['leak:3', 0.75, 20, 1],
    ]);
  });

  it('puts a fact at the very end in the last bin', () => {
    expect(binMarkers([{ kind: 'oom', eventIndex: 1, atMs: 4_000 }], 4_000, 4)[0].bin).toBe(3);
  });

  it('sizes bins to the track', () => {
    expect(binCountFor(800)).toBe(100);
    expect(binCountFor(3)).toBe(1);
  });

  it('describes a bin', () => {
    const [first] = binMarkers(markers, 4_000, 4);
    expect(describeBin(first, 'Party gave up waiting')).toBe('Party gave up waiting at 00:00, and 1 more nearby');
  });
});
