/**
 * The event log: typed, append-only facts about what happened and why.
 *
 * Every entry has `atMs` (virtual time) and a `type` named `domain.verb` in the past tense. Entries that
 * record a decision carry a `reason` or `policy` (the way lru-cache gives each removal a dispose reason), so
 * the UI can narrate the log, lessons can point at an entry, and the grader can check it.
 *
 * Ids are small integers from counters: `partyId`, `tableId`, `taskId`, `workerId`, and `fd` (a descriptor
 * number, reused after close, as in POSIX).
 */

/** Table size classes (connection pools by request class). */
export type SizeClass = 'small' | 'medium' | 'large';

/** Why a table (connection) was taken out of service. */
export type TableRetireReason = 'unhealthy' | 'idleTimeout' | 'maxLifetime' | 'limitLowered';

/** Why a table was created. */
export type TableCreateReason = 'minimum' | 'demand' | 'replacement';

export type PartyEvent =
  | { atMs: number; type: 'party.arrived'; partyId: number; size: number }
  | { atMs: number; type: 'party.left'; partyId: number; reason: 'finished' | 'timedOut' | 'noTableFits' };

export type TableEvent =
  | { atMs: number; type: 'table.creating'; tableId: number; sizeClass: SizeClass; reason: TableCreateReason }
  | { atMs: number; type: 'table.created'; tableId: number; sizeClass: SizeClass }
  | { atMs: number; type: 'acquire.queued'; partyId: number; size: number; position: number }
  | {
      atMs: number;
      type: 'table.acquired';
      tableId: number;
      partyId: number;
      /** Guests in the party. */
      partySize: number;
      sizeClass: SizeClass;
      waitedMs: number;
      /** True when the party was seated in a bigger class than its own. */
      isFallback: boolean;
    }
  | { atMs: number; type: 'acquire.timedOut'; partyId: number; waitedMs: number; timeoutMs: number }
  | { atMs: number; type: 'acquire.refused'; partyId: number; size: number; reason: 'noTableFits' }
  | { atMs: number; type: 'table.released'; tableId: number; partyId: number; heldMs: number }
  | { atMs: number; type: 'table.reset'; tableId: number; resetMs: number }
  | { atMs: number; type: 'table.unhealthy'; tableId: number; idleMs: number }
  | { atMs: number; type: 'table.evicted'; tableId: number; reason: 'maxLifetime'; isInUse: boolean }
  | { atMs: number; type: 'table.retired'; tableId: number; sizeClass: SizeClass; reason: TableRetireReason }
  | { atMs: number; type: 'table.leakSuspected'; tableId: number; partyId: number; heldMs: number }
  | { atMs: number; type: 'table.leakCleared'; tableId: number; partyId: number; heldMs: number };

/** ThreadPoolExecutor rejection policies. */
export type RejectionPolicy = 'abort' | 'callerRuns' | 'discard' | 'discardOldest';

export type StaffEvent =
  | { atMs: number; type: 'task.submitted'; taskId: number; partyId: number }
  | { atMs: number; type: 'worker.started'; workerId: number; isCore: boolean; taskId: number | null }
  | { atMs: number; type: 'task.queued'; taskId: number; queueLength: number }
  | { atMs: number; type: 'task.started'; taskId: number; workerId: number; queuedMs: number }
  | { atMs: number; type: 'task.completed'; taskId: number; workerId: number; durationMs: number }
  | { atMs: number; type: 'task.failed'; taskId: number; workerId: number; reason: string }
  | { atMs: number; type: 'task.rejected'; taskId: number; policy: RejectionPolicy; reason: 'saturated' }
  | { atMs: number; type: 'task.discarded'; taskId: number; policy: 'discardOldest'; byTaskId: number }
  | { atMs: number; type: 'task.callerRan'; taskId: number; durationMs: number }
  | { atMs: number; type: 'task.deferred'; taskId: number; untilMs: number; reason: 'callerBusy' }
  | { atMs: number; type: 'worker.idle'; workerId: number }
  | { atMs: number; type: 'worker.retired'; workerId: number; reason: 'keepAlive' | 'limitLowered' };

export type FdEvent =
  | { atMs: number; type: 'fd.opened'; fd: number; owner: string }
  | { atMs: number; type: 'fd.closed'; fd: number; owner: string; heldMs: number }
  | { atMs: number; type: 'fd.emfile'; owner: string; softLimit: number; openCount: number }
  | { atMs: number; type: 'fd.ebadf'; fd: number; owner: string }
  | { atMs: number; type: 'fd.staleClosed'; fd: number; owner: string; idleMs: number }
  | { atMs: number; type: 'fd.leaked'; fd: number; owner: string; openedAtMs: number }
  | { atMs: number; type: 'fd.limitChanged'; softLimit: number; hardLimit: number }
  | { atMs: number; type: 'fd.limitRefused'; error: 'EINVAL' | 'EPERM'; softLimit: number; hardLimit: number };

/** Resource kinds the manager knows. */
export type ResourceKind = 'connection' | 'memory' | 'fd' | 'thread';

export type ManagerEvent =
  | { atMs: number; type: 'resource.allocated'; kind: ResourceKind; handleId: number; amount: number; owner: string }
  | { atMs: number; type: 'resource.released'; kind: ResourceKind; handleId: number; amount: number; owner: string }
  | {
      atMs: number;
      type: 'limit.exceeded';
      kind: ResourceKind;
      requested: number;
      used: number;
      limit: number;
      owner: string;
    }
  | { atMs: number; type: 'pressure.high'; kind: ResourceKind; ratio: number; threshold: number }
  | { atMs: number; type: 'batch.started'; batchIndex: number; itemCount: number }
  | { atMs: number; type: 'batch.completed'; batchIndex: number }
  | { atMs: number; type: 'batch.failed'; batchIndex: number; reason: string }
  | { atMs: number; type: 'batch.backedOff'; batchIndex: number; backoffMs: number }
  | {
      atMs: number;
      type: 'cleanup.ran';
      mode: 'routine' | 'immediate';
      releasedCount: number;
    }
  | { atMs: number; type: 'limit.changed'; kind: string; field: string; from: number | string; to: number | string };

/** Kitchen station size classes (memory pools); 'heap' is the free-list allocator behind them. */
export type StationClass = 'small' | 'medium' | 'large';

/** Why a block was reclaimed without its owner freeing it. */
export type ReclaimReason = 'stale' | 'gc';

export type MemoryEvent =
  | { atMs: number; type: 'pool.allocated'; poolClass: StationClass; blockIndex: number; blockId: number; size: number; owner: string }
  | { atMs: number; type: 'pool.exhausted'; poolClass: StationClass; size: number; owner: string; action: 'failed' | 'heapFallback' }
  | { atMs: number; type: 'pool.freed'; poolClass: StationClass; blockIndex: number; blockId: number; owner: string }
  | {
      atMs: number;
      type: 'heap.searched';
      /** The free chunks examined, in list order, as [addr, size]. */
      probes: [number, number][];
      need: number;
      policy: string;
      owner: string;
    }
  | { atMs: number; type: 'heap.split'; addr: number; need: number; remainderAddr: number; remainderSize: number }
  | { atMs: number; type: 'heap.allocated'; blockId: number; addr: number; size: number; requested: number; searched: number; owner: string }
  | { atMs: number; type: 'heap.oom'; requested: number; need: number; searched: number; largestFree: number; owner: string }
  | { atMs: number; type: 'heap.freed'; blockId: number; addr: number; size: number; owner: string }
  | { atMs: number; type: 'heap.coalesced'; addr: number; size: number; mergedCount: number }
  | { atMs: number; type: 'memory.freeRefused'; blockId: number; reason: 'doubleFree' | 'unknownPointer'; owner: string }
  | { atMs: number; type: 'memory.limitExceeded'; requested: number; used: number; limit: number; owner: string }
  | { atMs: number; type: 'memory.reclaimed'; blockId: number; size: number; owner: string; reason: ReclaimReason; idleMs: number }
  | { atMs: number; type: 'gc.ran'; usedBefore: number; threshold: number; collectedCount: number; freedBytes: number }
  | { atMs: number; type: 'memory.leaked'; blockId: number; size: number; owner: string; allocatedAtMs: number };

/** Cache replacement policies the warming shelf can use. */
export type CachePolicy = 'LRU' | 'FIFO' | 'CLOCK' | 'MRU' | 'OPT' | 'UNBOUNDED';

/**
 * Why an entry left the cache: lru-cache's dispose reasons (`evict` for capacity, `set` for an overwrite,
 * `delete`), plus `stale` when the kitchen's stale sweep reclaimed the dish's counter space.
 */
export type EvictReason = 'evict' | 'set' | 'delete' | 'stale';

export type CacheEvent =
  | { atMs: number; type: 'cache.hit'; key: string; size: number }
  | { atMs: number; type: 'cache.miss'; key: string }
  | { atMs: number; type: 'cache.stored'; key: string; size: number; entryCount: number; bytesUsed: number }
  | { atMs: number; type: 'cache.evicted'; key: string; size: number; reason: EvictReason; policy: CachePolicy }
  | { atMs: number; type: 'cache.refused'; key: string; size: number; reason: 'tooBig' | 'noMemory'; limit: number };

/** Every fact the simulation can record. */
export type SimEvent = PartyEvent | TableEvent | StaffEvent | FdEvent | ManagerEvent | MemoryEvent | CacheEvent;

/** The `type` strings of all events. */
export type SimEventType = SimEvent['type'];

/** The event with a given `type`. */
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** Append-only log of {@link SimEvent}s in the order they happened (non-decreasing `atMs`). */
export class EventLog {
  private readonly entries: SimEvent[] = [];

  /** Appends one fact. */
  append(event: SimEvent): void {
    this.entries.push(event);
  }

  /** All facts so far (read-only view, do not mutate). */
  get events(): readonly SimEvent[] {
    return this.entries;
  }

  get length(): number {
    return this.entries.length;
  }

  /** Counts the facts of one type. */
  count(type: SimEventType): number {
    let n = 0;
    for (const e of this.entries) if (e.type === type) n++;
    return n;
  }

  /** The facts of one type, typed. */
  ofType<T extends SimEventType>(type: T): EventOf<T>[] {
    return this.entries.filter((e): e is EventOf<T> => e.type === type);
  }
}
