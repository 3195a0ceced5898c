import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { errorKindsFor, notableKindOf } from './notable.ts';

describe('notableKindOf()', () => {
  it('sorts the notable facts into kinds', () => {
    const cases: [SimEvent, string | null][] = [
      [{ atMs: 1, type: 'acquire.timedOut', partyId: 1, waitedMs: 5, timeoutMs: 5 }, 'timeout'],
      [{ atMs: 1, type: 'task.rejected', taskId: 1, policy: 'abort', reason: 'saturated' }, 'rejection'],
      [{ atMs: 1, type: 'task.discarded', taskId: 1, policy: 'discardOldest', byTaskId: 2 }, 'rejection'],
      [{ atMs: 1, type: 'fd.emfile', owner: 'x', softLimit: 3, openCount: 3 }, 'emfile'],
      [{ atMs: 1, type: 'heap.oom', requested: 1, need: 8, searched: 2, largestFree: 4, owner: 'x' }, 'oom'],
      [{ atMs: 1, type: 'memory.limitExceeded', requested: 1, used: 2, limit: 2, owner: 'x' }, 'oom'],
      [{ atMs: 1, type: 'limit.exceeded', kind: 'fd', requested: 1, used: 2, limit: 2, owner: 'x' }, 'oom'],
      [{ atMs: 1, type: 'pool.exhausted', poolClass: 'small', size: 8, owner: 'x', action: 'failed' }, 'oom'],
      [{ atMs: 1, type: 'pool.exhausted', poolClass: 'small', size: 8, owner: 'x', action: 'heapFallback' }, null],
      [{ atMs: 1, type: 'table.leakSuspected', tableId: 1, partyId: 2, heldMs: 9 }, 'leak'],
      [{ atMs: 1, type: 'fd.leaked', fd: 4, owner: 'x', openedAtMs: 0 }, 'leak'],
      [{ atMs: 1, type: 'memory.leaked', blockId: 1, size: 8, owner: 'x', allocatedAtMs: 0 }, 'leak'],
      [{ atMs: 1, type: 'party.arrived', partyId: 1, size: 2 }, null],
    ];
    for (const [event, kind] of cases) expect(notableKindOf(event), event.type).toBe(kind);
  });
});

describe('errorKindsFor()', () => {
  it('lists only the kinds the scenario can produce', () => {
    expect(errorKindsFor({ tables: {} as never })).toEqual(['timeout']);
    expect(errorKindsFor({ staff: {} as never, manager: {} as never })).toEqual(['rejection', 'oom']);
    expect(errorKindsFor({ tables: {} as never, staff: {} as never, ingredients: {} as never, stations: {} as never })).toEqual(['timeout', 'rejection', 'emfile', 'oom']);
    expect(errorKindsFor({})).toEqual([]);
  });
});
