/**
 * The lexicon: real term ↔ restaurant word. This is the only place the metaphor lives; the simulation and
 * its event log speak the real terms, the UI shows the restaurant word with the real term beside it
 * ("Tables · connection pool").
 */
import type { RejectionPolicy, ResourceKind, SizeClass, StationClass } from '../sim/events.ts';

/** A restaurant word and the real term it stands for. */
export interface Term {
  /** What the UI shows first: the restaurant word. */
  readonly label: string;
  /** The systems term shown beside it. */
  readonly real: string;
}

/** `"Tables · connection pool"`. */
export function labelWithReal(term: Term): string {
  return `${term.label} · ${term.real}`;
}

/** The resource kinds and their headings. */
export const kindTerms = {
  connection: { label: 'Tables', real: 'connection pool' },
  memory: { label: 'Kitchen stations', real: 'memory' },
  thread: { label: 'Staff', real: 'thread pool' },
  fd: { label: 'Ingredients', real: 'file descriptors' },
  cache: { label: 'Warming shelf', real: 'cache' },
  manager: { label: 'The manager', real: 'resource manager' },
} as const satisfies Record<ResourceKind | 'cache' | 'manager', Term>;

/** The bars of each gauge card. */
export const barTerms = {
  tables: { label: 'On the floor', real: 'connections' },
  hostStand: { label: 'Host stand', real: 'pending acquires' },
  cooks: { label: 'Cooks', real: 'worker threads' },
  rail: { label: 'Ticket rail', real: 'task queue' },
  pantry: { label: 'Pantry slots', real: 'descriptor table' },
  counterSpace: { label: 'Counter space', real: 'memory' },
  prepCounters: { label: 'Prep counters', real: 'small pool' },
  cookingStations: { label: 'Cooking stations', real: 'medium pool' },
  banquet: { label: 'Banquet area', real: 'heap' },
  shelfDishes: { label: 'Dishes on the shelf', real: 'entries' },
  shelfSpace: { label: 'Shelf space', real: 'bytes' },
  shelfHits: { label: 'Served from the shelf', real: 'hit ratio' },
} as const satisfies Record<string, Term>;

/** The parts of each gauge. */
export const gaugeTerms = {
  tablesInUse: { label: 'seated', real: 'in use' },
  tablesIdle: { label: 'free', real: 'idle' },
  tablesCleaning: { label: 'bussing', real: 'resetting' },
  tablesCreating: { label: 'being set', real: 'creating' },
  tablesWaiting: { label: 'parties waiting', real: 'pending acquires' },
  tablesWaitingOne: { label: 'party waiting', real: 'pending acquire' },
  tablesMax: { label: 'tables at most', real: 'max' },
  staffBusy: { label: 'cooking', real: 'busy workers' },
  staffIdle: { label: 'free', real: 'idle workers' },
  staffQueued: { label: 'tickets on the rail', real: 'queued tasks' },
  staffQueuedOne: { label: 'ticket on the rail', real: 'queued task' },
  staffMax: { label: 'staff at most', real: 'maxPoolSize' },
  staffCore: { label: 'on shift', real: 'corePoolSize' },
  fdOpen: { label: 'out of the pantry', real: 'open fds' },
  fdSoftLimit: { label: 'pantry slots', real: 'soft limit' },
  fdHardLimit: { label: 'slots at most', real: 'hard limit' },
  memoryAtStations: { label: 'at counters and stations', real: 'pool blocks' },
  memoryInBanquet: { label: 'in the banquet area', real: 'heap blocks' },
  memoryLimit: { label: 'allowed', real: 'memory limit' },
  memoryGcThreshold: { label: 'deep-clean line', real: 'GC threshold' },
  stationTaken: { label: 'taken', real: 'allocated blocks' },
  stationFree: { label: 'free', real: 'free blocks' },
  stationBlockSize: { label: 'each', real: 'block size' },
  banquetTaken: { label: 'taken', real: 'allocated' },
  banquetLargestFree: { label: 'largest free stretch', real: 'largest free chunk' },
  banquetScatteredFree: { label: 'other free stretches', real: 'fragments' },
  banquetSize: { label: 'in all', real: 'heap size' },
  banquetStretches: { label: 'free stretches', real: 'free-list chunks' },
  banquetStretch: { label: 'free stretch', real: 'free-list chunk' },
  banquetScattered: { label: 'of the free space is scattered', real: 'external fragmentation' },
  shelfDishes: { label: 'dishes', real: 'entries' },
  shelfDish: { label: 'dish', real: 'entry' },
  shelfMaxDishes: { label: 'dishes at most', real: 'max entries' },
  shelfBytes: { label: 'kept warm', real: 'bytes used' },
  shelfMaxBytes: { label: 'at most', real: 'max size' },
  shelfHits: { label: 'served warm', real: 'hits' },
  managerUsed: { label: 'booked', real: 'used' },
  managerLimit: { label: 'allowed', real: 'limit' },
} as const satisfies Record<string, Term>;

/** The controls of the player. */
export const controlTerms = {
  scenario: { label: 'Service', real: 'scenario' },
  clock: { label: 'Clock', real: 'virtual time' },
  speed: { label: 'Speed', real: 'virtual time per real second' },
  seed: { label: 'Seed', real: 'PRNG seed' },
  events: { label: 'What just happened', real: 'event log' },
} as const satisfies Record<string, Term>;

/** Nouns the narrator uses for the things in the event log. */
export const nouns = {
  party: 'Party',
  guest: 'guest',
  guests: 'guests',
  table: 'table',
  hostStand: 'host stand',
  ticket: 'ticket',
  rail: 'rail',
  cook: 'cook',
  extraCook: 'extra cook',
  slot: 'pantry slot',
  pantry: 'pantry',
  ingredient: 'ingredient',
  manager: 'manager',
  batch: 'Batch',
  banquet: 'banquet area',
  frontOfHouse: 'front of house',
  kitchen: 'kitchen',
  shelf: 'warming shelf',
  dish: 'dish',
} as const;

/** Kitchen station size classes (memory pools) in restaurant words. */
export const stationClassWords: Record<StationClass, string> = {
  small: 'prep counter',
  medium: 'cooking station',
  large: 'banquet area',
};

/** Table size classes in restaurant words. */
export const sizeClassWords: Record<SizeClass, string> = {
  small: 'small',
  medium: 'medium',
  large: 'large',
};

/** Rejection policies: what the kitchen does with a ticket when the rail is full. */
export const rejectionPolicyTerms: Record<RejectionPolicy, Term> = {
  abort: { label: 'refuse the order', real: 'abort' },
  callerRuns: { label: 'the server cooks it', real: 'caller runs' },
  discard: { label: 'drop the ticket', real: 'discard' },
  discardOldest: { label: 'drop the oldest ticket', real: 'discard oldest' },
};

/** How the manager counts each kind: singular and plural unit words (memory is counted in bytes). */
export const kindUnits: Record<ResourceKind, { one: string; many: string }> = {
  connection: { one: 'table', many: 'tables' },
  memory: { one: 'byte of counter space', many: 'bytes of counter space' },
  fd: { one: 'ingredient', many: 'ingredients' },
  thread: { one: 'cook', many: 'cooks' },
};

/**
 * The built-in scenarios as the scenario picker names them: the restaurant name first, then what it teaches.
 * Keyed by scenario id (see src/sim/builtInScenarios.ts); an id missing here is shown by its humanized name.
 */
export const scenarioTerms: Readonly<Record<string, Term>> = {
  'dinner-service': { label: 'Dinner service', real: 'everything' },
  tables: { label: 'Tables', real: 'connection pool' },
  staff: { label: 'Staff', real: 'thread pool' },
  ingredients: { label: 'Ingredients', real: 'open files' },
  stations: { label: 'Kitchen stations', real: 'memory' },
  shelf: { label: 'Warming shelf', real: 'LRU cache' },
  'unbounded-shelf': { label: 'Endless shelf', real: 'unbounded' },
  manager: { label: 'The manager', real: 'global limits' },
  'food-hall': { label: 'Food hall', real: 'load test' },
};
