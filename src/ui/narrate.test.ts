import { describe, expect, it } from 'vitest';
import type { EventOf, SimEvent, SimEventType } from '../sim/events.ts';
import { narrate, ownerName, type NarrationContext } from './narrate.ts';

/** One sample of every event type. A new event type fails to compile here until it gets a sample. */
const samples: { [T in SimEventType]: EventOf<T> } = {
  'party.arrived': { atMs: 0, type: 'party.arrived', partyId: 12, size: 4 },
  'party.left': { atMs: 0, type: 'party.left', partyId: 12, reason: 'finished' },
  'table.creating': { atMs: 0, type: 'table.creating', tableId: 3, sizeClass: 'small', reason: 'minimum' },
  'table.created': { atMs: 0, type: 'table.created', tableId: 3, sizeClass: 'medium' },
  'acquire.queued': { atMs: 0, type: 'acquire.queued', partyId: 12, size: 4, position: 2 },
  'table.acquired': { atMs: 0, type: 'table.acquired', tableId: 3, partyId: 12, partySize: 4, sizeClass: 'small', waitedMs: 126_000, isFallback: false },
  'acquire.timedOut': { atMs: 0, type: 'acquire.timedOut', partyId: 12, waitedMs: 600_000, timeoutMs: 600_000 },
  'acquire.refused': { atMs: 0, type: 'acquire.refused', partyId: 12, size: 14, reason: 'noTableFits' },
  'table.released': { atMs: 0, type: 'table.released', tableId: 3, partyId: 12, heldMs: 2_070_000 },
  'table.reset': { atMs: 0, type: 'table.reset', tableId: 3, resetMs: 90_000 },
  'table.unhealthy': { atMs: 0, type: 'table.unhealthy', tableId: 3, idleMs: 720_000 },
  'table.evicted': { atMs: 0, type: 'table.evicted', tableId: 3, reason: 'maxLifetime', isInUse: true },
  'table.retired': { atMs: 0, type: 'table.retired', tableId: 3, sizeClass: 'large', reason: 'idleTimeout' },
  'table.leakSuspected': { atMs: 0, type: 'table.leakSuspected', tableId: 3, partyId: 12, heldMs: 7_200_000 },
  'table.leakCleared': { atMs: 0, type: 'table.leakCleared', tableId: 3, partyId: 12, heldMs: 7_500_000 },
  'task.submitted': { atMs: 0, type: 'task.submitted', taskId: 44, partyId: 12 },
  'worker.started': { atMs: 0, type: 'worker.started', workerId: 5, isCore: false, taskId: 44 },
  'task.queued': { atMs: 0, type: 'task.queued', taskId: 44, queueLength: 5 },
  'task.started': { atMs: 0, type: 'task.started', taskId: 44, workerId: 3, queuedMs: 72_000 },
  'task.completed': { atMs: 0, type: 'task.completed', taskId: 44, workerId: 3, durationMs: 246_000 },
  'task.failed': { atMs: 0, type: 'task.failed', taskId: 44, workerId: 3, reason: 'burnt' },
  'task.rejected': { atMs: 0, type: 'task.rejected', taskId: 44, policy: 'abort', reason: 'saturated' },
  'task.discarded': { atMs: 0, type: 'task.discarded', taskId: 40, policy: 'discardOldest', byTaskId: 44 },
  'task.callerRan': { atMs: 0, type: 'task.callerRan', taskId: 44, durationMs: 180_000 },
  'task.deferred': { atMs: 0, type: 'task.deferred', taskId: 44, untilMs: 750_000, reason: 'callerBusy' },
  'worker.idle': { atMs: 0, type: 'worker.idle', workerId: 3 },
  'worker.retired': { atMs: 0, type: 'worker.retired', workerId: 3, reason: 'keepAlive' },
  'fd.opened': { atMs: 0, type: 'fd.opened', fd: 7, owner: 'ticket 44' },
  'fd.closed': { atMs: 0, type: 'fd.closed', fd: 7, owner: 'ticket 44', heldMs: 180_000 },
  'fd.emfile': { atMs: 0, type: 'fd.emfile', owner: 'ticket 44', softLimit: 64, openCount: 64 },
  'fd.ebadf': { atMs: 0, type: 'fd.ebadf', fd: 7, owner: 'ticket 44' },
  'fd.staleClosed': { atMs: 0, type: 'fd.staleClosed', fd: 7, idleMs: 720_000, owner: 'ticket 44' },
  'fd.leaked': { atMs: 0, type: 'fd.leaked', fd: 7, owner: 'ticket 44', openedAtMs: 723_000 },
  'fd.limitChanged': { atMs: 0, type: 'fd.limitChanged', softLimit: 128, hardLimit: 4096 },
  'fd.limitRefused': { atMs: 0, type: 'fd.limitRefused', error: 'EINVAL', softLimit: 5000, hardLimit: 4096 },
  'resource.allocated': { atMs: 0, type: 'resource.allocated', kind: 'memory', handleId: 1, amount: 65_536, owner: 'batch 3' },
  'resource.released': { atMs: 0, type: 'resource.released', kind: 'connection', handleId: 1, amount: 1, owner: 'batch 3' },
  'limit.exceeded': { atMs: 0, type: 'limit.exceeded', kind: 'fd', requested: 3, used: 63, limit: 64, owner: 'batch 3' },
  'pressure.high': { atMs: 0, type: 'pressure.high', kind: 'connection', ratio: 0.853, threshold: 0.8 },
  'batch.started': { atMs: 0, type: 'batch.started', batchIndex: 3, itemCount: 10 },
  'batch.completed': { atMs: 0, type: 'batch.completed', batchIndex: 3 },
  'batch.failed': { atMs: 0, type: 'batch.failed', batchIndex: 3, reason: 'an item failed' },
  'batch.backedOff': { atMs: 0, type: 'batch.backedOff', batchIndex: 3, backoffMs: 100 },
  'cleanup.ran': { atMs: 0, type: 'cleanup.ran', mode: 'immediate', releasedCount: 12 },
  'limit.changed': { atMs: 0, type: 'limit.changed', kind: 'thread', field: 'maxPoolSize', from: 8, to: 4 },
  'pool.allocated': { atMs: 0, type: 'pool.allocated', poolClass: 'small', blockIndex: 2, blockId: 7, size: 64, owner: 'ticket 5' },
  'pool.exhausted': { atMs: 0, type: 'pool.exhausted', poolClass: 'medium', size: 900, owner: 'ticket 5', action: 'heapFallback' },
  'pool.freed': { atMs: 0, type: 'pool.freed', poolClass: 'small', blockIndex: 2, blockId: 7, owner: 'ticket 5' },
  'heap.searched': { atMs: 0, type: 'heap.searched', probes: [[1000, 10], [1020, 80]], need: 24, policy: 'BEST', owner: 'ticket 5' },
  'heap.split': { atMs: 0, type: 'heap.split', addr: 1020, need: 24, remainderAddr: 1044, remainderSize: 56 },
  'heap.allocated': { atMs: 0, type: 'heap.allocated', blockId: 8, addr: 1020, size: 24, requested: 20, searched: 2, owner: 'ticket 5' },
  'heap.oom': { atMs: 0, type: 'heap.oom', requested: 4096, need: 4100, searched: 3, largestFree: 2048, owner: 'ticket 5' },
  'heap.freed': { atMs: 0, type: 'heap.freed', blockId: 8, addr: 1020, size: 24, owner: 'ticket 5' },
  'heap.coalesced': { atMs: 0, type: 'heap.coalesced', addr: 1000, size: 104, mergedCount: 3 },
  'memory.freeRefused': { atMs: 0, type: 'memory.freeRefused', blockId: 8, reason: 'doubleFree', owner: 'ticket 5' },
  'memory.limitExceeded': { atMs: 0, type: 'memory.limitExceeded', requested: 2048, used: 1_048_000, limit: 1_048_576, owner: 'ticket 5' },
  'memory.reclaimed': { atMs: 0, type: 'memory.reclaimed', blockId: 8, size: 512, owner: 'ticket 5', reason: 'stale', idleMs: 300_000 },
  'gc.ran': { atMs: 0, type: 'gc.ran', usedBefore: 900_000, threshold: 800_000, collectedCount: 4, freedBytes: 2048 },
  'memory.leaked': { atMs: 0, type: 'memory.leaked', blockId: 8, size: 512, owner: 'ticket 5', allocatedAtMs: 125_000 },
  'cache.hit': { atMs: 0, type: 'cache.hit', key: 'soup', size: 300 },
  'cache.miss': { atMs: 0, type: 'cache.miss', key: 'soup' },
  'cache.stored': { atMs: 0, type: 'cache.stored', key: 'soup', size: 300, entryCount: 4, bytesUsed: 1200 },
  'cache.evicted': { atMs: 0, type: 'cache.evicted', key: 'stew', size: 300, reason: 'evict', policy: 'LRU' },
  'cache.refused': { atMs: 0, type: 'cache.refused', key: 'roast', size: 9000, reason: 'tooBig', limit: 4096 },
};

const expected: Record<SimEventType, string> = {
  'party.arrived': 'Party 12 (4 guests) arrived at the host stand.',
  'party.left': 'Party 12 (4 guests) paid and left.',
  'table.creating': 'Setting small table 3 to keep the minimum ready.',
  'table.created': 'Medium table 3 is set and ready.',
  'acquire.queued': 'Party 12 (4 guests) waits at the host stand, 2nd in line.',
  'table.acquired': 'Party 12 (4 guests) seated at table 3 after 2.1 min.',
  'acquire.timedOut': 'Party 12 (4 guests) gave up after waiting 10 min (the limit is 10 min).',
  'acquire.refused': 'Party 12 (14 guests) turned away: no table is big enough.',
  'table.released': 'Party 12 (4 guests) left table 3 after 34.5 min.',
  'table.reset': 'Table 3 bussed and reset in 1.5 min.',
  'table.unhealthy': 'Table 3 wobbled when checked after 12 min unused.',
  'table.evicted': 'Table 3 is past its service life; it goes once its party leaves.',
  'table.retired': 'Large table 3 cleared away after standing empty too long.',
  'table.leakSuspected': 'Table 3 held by party 12 (4 guests) for 2 h: a suspected leak.',
  'table.leakCleared': 'Table 3 freed at last after 2 h 5 min; the leak warning is cleared.',
  'task.submitted': 'Party 12 (4 guests) ordered: ticket 44.',
  'worker.started': 'Extra cook 5 called in to take ticket 44.',
  'task.queued': 'Ticket 44 waits on the rail (5 tickets waiting).',
  'task.started': 'Cook 3 took ticket 44 after 1.2 min on the rail.',
  'task.completed': 'Cook 3 finished ticket 44 in 4.1 min.',
  'task.failed': 'Cook 3 could not finish ticket 44: burnt.',
  'task.rejected': 'Ticket 44 refused: the rail is full and no more staff can come in (policy: refuse the order).',
  'task.discarded': 'Ticket 40, the oldest on the rail, thrown out to make room for ticket 44.',
  'task.callerRan': 'The server cooked ticket 44 themselves in 3 min (policy: the server cooks it).',
  'task.deferred': 'Ticket 44 on hold until 12:30: the server is busy cooking.',
  'worker.idle': 'Cook 3 is free.',
  'worker.retired': 'Cook 3 went home after standing idle.',
  'fd.opened': 'Ingredient taken from pantry slot 7 for ticket 44.',
  'fd.closed': 'Ingredient put back in pantry slot 7 by ticket 44 after 3 min.',
  'fd.emfile': 'No free pantry slot for ticket 44: 64 of 64 in use (EMFILE).',
  'fd.ebadf': 'Ticket 44 tried to put back pantry slot 7, which was already empty (EBADF).',
  'fd.staleClosed': 'Pantry slot 7 tidied away after 12 min untouched.',
  'fd.leaked': 'Pantry slot 7, taken at 12:03 for ticket 44, was never put back: a leak.',
  'fd.limitChanged': 'The pantry now has 128 usable slots (at most 4096).',
  'fd.limitRefused': 'Change to 5000 pantry slots (at most 4096) refused (EINVAL).',
  'resource.allocated': 'The manager booked 64 KiB of counter space for batch 3.',
  'resource.released': 'Batch 3 gave back 1 table.',
  'limit.exceeded': 'The manager said no to batch 3: another 3 ingredients would pass the limit (63 of 64 booked).',
  'pressure.high': 'Tables at 85% of the limit (pressure above 80%).',
  'batch.started': 'Batch 3 started: 10 items.',
  'batch.completed': 'Batch 3 done.',
  'batch.failed': 'Batch 3 failed: an item failed.',
  'batch.backedOff': 'Batch 3 waits 100 ms: the kitchen is under pressure.',
  'cleanup.ran': 'Emergency clean-up put away 12 things.',
  'limit.changed': 'House rules: Cooks at most (max pool size) changed from 8 to 4.',
  'pool.allocated': 'Ticket 5 took prep counter 2 (64 B).',
  'pool.exhausted': 'Every cooking station is busy: ticket 5 moves to the banquet area (heap fallback).',
  'pool.freed': 'Ticket 5 cleared prep counter 2.',
  'heap.searched': 'Looked through 2 free stretches of the banquet area for 24 B (best fit).',
  'heap.split': 'Cut 24 B from the free stretch at address 1020; 56 B stay free at 1044.',
  'heap.allocated': 'Ticket 5 got 24 B of the banquet area at address 1020 (searched 2 stretches).',
  'heap.oom': 'No free stretch of the banquet area fits 4 KiB for ticket 5: the largest is 2 KiB (out of memory).',
  'heap.freed': 'Ticket 5 cleared 24 B of the banquet area at address 1020.',
  'heap.coalesced': 'Neighbouring free stretches joined: 3 became one of 104 B at address 1000 (coalesced).',
  'memory.freeRefused': 'Ticket 5 tried to clear space already cleared (double free).',
  'memory.limitExceeded': 'No more counter space for ticket 5: 2 KiB more would pass the limit (1023.4 KiB of 1 MiB used).',
  'memory.reclaimed': 'Space of ticket 5 (512 B) cleaned after 5 min untouched (stale cleanup).',
  'gc.ran': 'Deep clean: 878.9 KiB in use passed 781.3 KiB; 4 stations freed, 2 KiB back.',
  'memory.leaked': 'Counter space of 512 B, taken at 02:05 by ticket 5, was never cleared: a leak.',
  'cache.hit': 'Soup was already on the warming shelf (hit).',
  'cache.miss': 'No soup on the warming shelf: cook it to order (miss).',
  'cache.stored': 'Soup put on the warming shelf (4 dishes, 1.2 KiB).',
  'cache.evicted': 'Stew taken off the warming shelf to make room (LRU eviction).',
  'cache.refused': 'Roast (8.8 KiB) is too big for the warming shelf (limit 4 KiB).',
};

const sizes = new Map([[12, 4]]);
const context: NarrationContext = { partySize: (partyId) => sizes.get(partyId) };

describe('narrate()', () => {
  for (const type of Object.keys(samples) as SimEventType[]) {
    it(`narrates ${type}`, () => {
      expect(narrate(samples[type], context)).toBe(expected[type]);
    });
  }

  it('gives every event type a sentence without holes, even with nothing to look up', () => {
    for (const event of Object.values(samples) as SimEvent[]) {
      const sentence = narrate(event);
      expect(sentence).toMatch(/^[A-Z].*[.]$/);
      expect(sentence).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  it('narrates the other branches of each event with reasons', () => {
    expect(narrate({ atMs: 0, type: 'party.left', partyId: 2, reason: 'timedOut' })).toBe('Party 2 gave up waiting and left.');
    expect(narrate({ atMs: 0, type: 'party.left', partyId: 2, reason: 'noTableFits' })).toBe('Party 2 left: no table here fits them.');
    expect(narrate({ atMs: 0, type: 'table.creating', tableId: 9, sizeClass: 'large', reason: 'demand' })).toBe(
      'Setting large table 9 for the parties waiting.',
    );
    expect(narrate({ atMs: 0, type: 'table.creating', tableId: 9, sizeClass: 'small', reason: 'replacement' })).toBe(
      'Setting small table 9 to replace one taken away.',
    );
    expect(
      narrate({ atMs: 0, type: 'table.acquired', tableId: 9, partyId: 2, partySize: 3, sizeClass: 'medium', waitedMs: 0, isFallback: true }),
    ).toBe('Party 2 (3 guests) seated at table 9 right away, a bigger medium table than they need.');
    expect(narrate({ atMs: 0, type: 'task.failed', taskId: 8, workerId: 0, reason: 'OOM' })).toBe(
      'The kitchen could not finish ticket 8: no counter space for the dish (out of memory).',
    );
    expect(narrate({ atMs: 0, type: 'task.failed', taskId: 8, workerId: -1, reason: 'EMFILE' })).toBe(
      'The front of house could not finish ticket 8: no free pantry slot for an ingredient (EMFILE).',
    );
    expect(narrate({ atMs: 0, type: 'table.evicted', tableId: 9, reason: 'maxLifetime', isInUse: false })).toBe(
      'Table 9 is past its service life and goes now.',
    );
    expect(narrate({ atMs: 0, type: 'table.retired', tableId: 9, sizeClass: 'small', reason: 'unhealthy' })).toBe(
      'Small table 9 taken away: it failed its check.',
    );
    expect(narrate({ atMs: 0, type: 'table.retired', tableId: 9, sizeClass: 'small', reason: 'maxLifetime' })).toBe(
      'Small table 9 retired at the end of its service life.',
    );
    expect(narrate({ atMs: 0, type: 'table.retired', tableId: 9, sizeClass: 'small', reason: 'limitLowered' })).toBe(
      'Small table 9 taken away: fewer tables are allowed now.',
    );
    expect(narrate({ atMs: 0, type: 'worker.started', workerId: 1, isCore: true, taskId: null })).toBe('Cook 1 started a shift.');
    expect(narrate({ atMs: 0, type: 'task.started', taskId: 4, workerId: 1, queuedMs: 0 })).toBe('Cook 1 took ticket 4 straight away.');
    expect(narrate({ atMs: 0, type: 'worker.retired', workerId: 1, reason: 'limitLowered' })).toBe(
      'Cook 1 sent home: fewer staff are allowed now.',
    );
    expect(narrate({ atMs: 0, type: 'cleanup.ran', mode: 'routine', releasedCount: 1 })).toBe('Routine clean-up put away 1 thing.');
    expect(narrate({ atMs: 0, type: 'limit.changed', kind: 'tables', field: 'small.max', from: 12, to: 8 })).toBe(
      'House rules: Small tables at most (small · max) changed from 12 to 8.',
    );
    expect(narrate({ atMs: 0, type: 'limit.changed', kind: 'tables', field: 'acquireTimeoutMs', from: 300_000, to: 60_000 })).toBe(
      'House rules: Longest wait at the host stand (acquire timeout) changed from 5 min to 1 min.',
    );
    expect(narrate({ atMs: 0, type: 'limit.changed', kind: 'memory', field: 'limit', from: 65_536, to: 32_768 })).toBe(
      'House rules: Counter space allowed (memory limit) changed from 64 KiB to 32 KiB.',
    );
    // A field the house rules do not name keeps its own words.
    expect(narrate({ atMs: 0, type: 'limit.changed', kind: 'tables', field: 'somethingNew', from: 1, to: 2 })).toBe(
      'House rules: tables somethingNew changed from 1 to 2.',
    );
  });

  it('ownerName() turns log owner ids into words', () => {
    expect(ownerName('batch.item#3')).toBe('batch item 3');
    expect(ownerName('ticket 44')).toBe('ticket 44');
    expect(ownerName('#')).toBe('someone');
    expect(narrate({ atMs: 0, type: 'resource.released', kind: 'fd', handleId: 1, amount: 1, owner: 'batch.item#0' })).toBe(
      'Batch item 0 gave back 1 ingredient.',
    );
  });

  it('falls back to a safe sentence for an event type it does not know', () => {
    expect(narrate({ atMs: 0, type: 'mystery.happened' } as unknown as SimEvent)).toBe('Something happened (mystery.happened).');
  });
});
