import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/index.ts';
import { firstArrival, stillAwaited } from './firstGuests.ts';

const firstGuestsAwaited = (events: readonly SimEvent[], eventCount: number) => stillAwaited(firstArrival(events), eventCount);

const log: SimEvent[] = [
  { atMs: 0, type: 'table.created', tableId: 1, sizeClass: 'small' },
  { atMs: 239_000, type: 'party.arrived', partyId: 1, size: 2 },
  { atMs: 250_000, type: 'party.arrived', partyId: 2, size: 4 },
];

describe('stillAwaited(firstArrival())', () => {
  it('gives the first arrival while the playhead has not reached it', () => {
    expect(firstGuestsAwaited(log, 0)).toEqual({ index: 1, atMs: 239_000 });
    expect(firstGuestsAwaited(log, 1)).toEqual({ index: 1, atMs: 239_000 });
  });

  it('gives null once the first guests have come, when nobody comes, or when they come within half a minute', () => {
    expect(firstGuestsAwaited(log, 2)).toBeNull();
    expect(firstGuestsAwaited([log[0]], 0)).toBeNull();
    expect(firstGuestsAwaited([{ atMs: 30_000, type: 'party.arrived', partyId: 1, size: 2 }], 0)).toBeNull();
  });
});
