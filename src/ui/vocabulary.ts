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

// ---- Restaurant views: the dining room (tables) and the staff room (cooks) ----

/** A table's lifecycle states as the dining room draws them. */
export const tableStateTerms = {
  creating: { label: 'being set', real: 'creating' },
  available: { label: 'free', real: 'idle' },
  occupied: { label: 'seated', real: 'in use' },
  cleaning: { label: 'being bussed', real: 'resetting' },
  unhealthy: { label: 'wobbly', real: 'failed validation' },
  retired: { label: 'taken away', real: 'retired' },
} as const satisfies Record<import('../sim/lifecycles.ts').TableState, Term>;

/** Everything else the dining room names. */
export const diningTerms = {
  table: { label: 'Table', real: 'connection' },
  smallTables: { label: 'Small tables', real: 'small pool' },
  mediumTables: { label: 'Medium tables', real: 'medium pool' },
  largeTables: { label: 'Large tables', real: 'large pool' },
  leak: { label: 'held too long', real: 'leak suspected' },
  willRetire: { label: 'goes once free', real: 'evicted, max lifetime' },
  spare: { label: 'room for another table', real: 'below the class max' },
  hostStand: { label: 'Host stand', real: 'pending acquires' },
  patience: { label: 'patience left', real: 'time to acquire timeout' },
  gaveUp: { label: 'gave up and left', real: 'acquire timeout' },
  tray: { label: 'Taken away', real: 'retired connections' },
  legend: { label: 'What the colours mean', real: 'legend' },
} as const satisfies Record<string, Term>;

/** A cook's lifecycle states as the staff room draws them. */
export const workerStateTerms = {
  starting: { label: 'arriving', real: 'starting' },
  idle: { label: 'free', real: 'idle' },
  busy: { label: 'cooking', real: 'busy' },
  retired: { label: 'gone home', real: 'retired' },
} as const satisfies Record<import('../sim/lifecycles.ts').WorkerState, Term>;

/** Everything else the staff room names. */
export const staffTerms = {
  cook: { label: 'Cook', real: 'worker thread' },
  core: { label: 'on shift', real: 'core thread' },
  extra: { label: 'extra staff', real: 'non-core thread' },
  coreShort: { label: 'on shift', real: 'core' },
  extraShort: { label: 'extra', real: 'non-core' },
  openPlace: { label: 'room for one more', real: 'below maxPoolSize' },
  calledIn: { label: 'just called in', real: 'thread started' },
  wentHome: { label: 'went home', real: 'thread retired' },
  rail: { label: 'Ticket rail', real: 'task queue' },
  noRail: { label: 'no rail: hand-over only', real: 'SynchronousQueue' },
  endlessRail: { label: 'endless rail', real: 'unbounded queue' },
  frontOfHouse: { label: 'Front of house', real: 'caller thread' },
  serverCooking: { label: 'the server is cooking', real: 'caller runs the task' },
  takingOrders: { label: 'taking orders', real: 'submitting tasks' },
  onHold: { label: 'orders on hold', real: 'deferred submissions' },
  refused: { label: 'order refused', real: 'task rejected' },
  thrownOut: { label: 'ticket thrown out', real: 'task discarded' },
  legend: { label: 'What the colours mean', real: 'legend' },
} as const satisfies Record<string, Term>;

// ---------------------------------------------------------------------------------------------------------
// Charts, the timeline scrubber and the timeline picker (src/ui/charts).
// ---------------------------------------------------------------------------------------------------------

/** The charts' titles. */
export const chartTerms = {
  panel: { label: 'Over the service', real: 'metrics over simulated time' },
  utilisation: { label: 'How busy', real: 'utilisation' },
  waiting: { label: 'Waiting', real: 'queue lengths' },
  waits: { label: 'Table wait, last 10 min', real: 'acquire wait p50 / p95' },
  memory: { label: 'Counter space', real: 'memory used vs limit' },
  hitRatio: { label: 'Served from the shelf', real: 'hit ratio' },
  errors: { label: 'Things that went wrong', real: 'errors per minute' },
} as const satisfies Record<string, Term>;

/** The lines the charts draw. */
export const chartLineTerms = {
  tablesInUse: { label: 'Tables seated', real: 'connections in use / total' },
  cooksBusy: { label: 'Cooks cooking', real: 'busy / workers' },
  pantryTaken: { label: 'Pantry slots taken', real: 'open fds / soft limit' },
  partiesWaiting: { label: 'Parties at the host stand', real: 'pending acquires' },
  ticketsQueued: { label: 'Tickets on the rail', real: 'queued tasks' },
  waitP50: { label: 'Typical wait', real: 'p50' },
  waitP95: { label: 'Long wait', real: 'p95' },
  memoryUsed: { label: 'Counter space used', real: 'used / limit' },
  memoryLimit: { label: 'Allowed', real: 'memory limit' },
  fragmentation: { label: 'Scattered free space', real: 'external fragmentation' },
  hitRatio: { label: 'Served warm', real: 'hit ratio so far' },
  errorsTotal: { label: 'Everything that went wrong', real: 'errors' },
} as const satisfies Record<string, Term>;

/** Notable events: the timeline's markers and the error chart's kinds. */
export const notableTerms = {
  timeout: { label: 'Party gave up waiting', real: 'acquire timeout' },
  rejection: { label: 'Order refused', real: 'task rejected' },
  emfile: { label: 'Pantry full', real: 'EMFILE' },
  oom: { label: 'Out of room', real: 'OOM / limit exceeded' },
  leak: { label: 'Never put away', real: 'leak' },
} as const satisfies Record<string, Term>;

/** The timeline scrubber, its markers, and the kept timelines. */
export const timelineTerms = {
  scrubber: { label: 'Timeline', real: 'virtual time' },
  markers: { label: 'Notable moments', real: 'marked events' },
  timelines: { label: 'Timelines', real: 'forks' },
  original: { label: 'The service as planned', real: 'original run' },
  thisTimeline: { label: 'This timeline', real: 'active run' },
  compare: { label: 'Compare', real: 'overlay' },
} as const satisfies Record<string, Term>;

// ---- Limits panel: every limit a learner can change, and the setup choices ----

/** The limits panel's own words. */
export const limitsPanelTerms = {
  heading: { label: 'House rules', real: 'limits' },
  reset: { label: 'Reset the house rules', real: 'reset limits' },
  setup: { label: 'Set before opening', real: 'setup settings' },
  restarts: { label: 'restarts the service', real: 'restarts the run' },
  apply: { label: 'Apply and restart', real: 'reload scenario' },
  undo: { label: 'Undo changes', real: 'discard drafts' },
} as const satisfies Record<string, Term>;

/** Each limit field: the restaurant words and the real setting. Keys are the fields' paths in the scenario. */
export const limitTerms = {
  // Tables (connection pool)
  'tables.small.min': { label: 'Small tables kept set', real: 'small · min' },
  'tables.small.max': { label: 'Small tables at most', real: 'small · max' },
  'tables.medium.min': { label: 'Medium tables kept set', real: 'medium · min' },
  'tables.medium.max': { label: 'Medium tables at most', real: 'medium · max' },
  'tables.large.min': { label: 'Large tables kept set', real: 'large · min' },
  'tables.large.max': { label: 'Large tables at most', real: 'large · max' },
  'tables.acquireTimeoutMs': { label: 'Longest wait at the host stand', real: 'acquire timeout' },
  'tables.createMs': { label: 'Time to set a new table', real: 'connection create time' },
  'tables.resetMs': { label: 'Time to bus a table', real: 'reset on release' },
  'tables.idleTimeoutMs': { label: 'Clear empty tables after', real: 'idle timeout' },
  'tables.maxLifetimeMs': { label: 'Retire a table after', real: 'max lifetime' },
  'tables.leakDetectionMs': { label: 'Flag a table held longer than', real: 'leak detection threshold' },
  'tables.housekeepingMs': { label: 'Busser walks the floor every', real: 'housekeeping period' },
  'tables.validateAfterIdleMs': { label: 'Check a table idle longer than', real: 'validate after idle' },
  // Staff (thread pool)
  'staff.corePoolSize': { label: 'Cooks on shift', real: 'core pool size' },
  'staff.maxPoolSize': { label: 'Cooks at most', real: 'max pool size' },
  'staff.queueCapacity': { label: 'Tickets the rail holds', real: 'queue capacity' },
  'staff.keepAliveMs': { label: 'Extra staff go home after', real: 'keep-alive time' },
  'staff.rejectionPolicy': { label: 'When the rail is full', real: 'rejection policy' },
  'staff.allowCoreTimeout': { label: 'Cooks on shift go home too', real: 'allow core thread timeout' },
  // Ingredients (file descriptors)
  'ingredients.softLimit': { label: 'Pantry slots usable', real: 'soft limit · RLIMIT_NOFILE' },
  'ingredients.hardLimit': { label: 'Pantry slots at most', real: 'hard limit' },
  'ingredients.reservedCount': { label: 'Slots the house takes', real: 'reserved descriptors' },
  'ingredients.staleAfterMs': { label: 'Put away untouched after', real: 'stale descriptor cleanup' },
  // Kitchen stations (memory)
  'stations.memoryLimitBytes': { label: 'Counter space allowed', real: 'memory limit' },
  'stations.gcThresholdBytes': { label: 'Deep clean above', real: 'GC threshold' },
  'stations.staleAfterMs': { label: 'Clear stations untouched for', real: 'stale after' },
  'stations.staleSweepEveryMs': { label: 'Look for untouched stations every', real: 'stale sweep period' },
  'stations.pools.small.blockSize': { label: 'Prep counter size', real: 'small block size' },
  'stations.pools.small.blockCount': { label: 'Prep counters', real: 'small block count' },
  'stations.pools.medium.blockSize': { label: 'Cooking station size', real: 'medium block size' },
  'stations.pools.medium.blockCount': { label: 'Cooking stations', real: 'medium block count' },
  'stations.heap.heapSize': { label: 'Banquet area size', real: 'heap size' },
  'stations.heap.policy': { label: 'Which free stretch a dish takes', real: 'fit policy' },
  'stations.heap.listOrder': { label: 'Order of the free stretches', real: 'free-list order' },
  'stations.heap.coalesce': { label: 'Join neighbouring free stretches', real: 'coalesce' },
  // Warming shelf (cache)
  'shelf.maxEntries': { label: 'Dishes at most', real: 'max entries' },
  'shelf.maxBytes': { label: 'Shelf space', real: 'max size' },
  'shelf.policy': { label: 'Which dish leaves when full', real: 'eviction policy' },
  'shelf.maxEntryBytes': { label: 'Largest dish kept', real: 'max entry size' },
  // The manager (global limits)
  'manager.limits.connection': { label: 'Tables allowed', real: 'connection limit' },
  'manager.limits.memory': { label: 'Counter space allowed', real: 'memory limit' },
  'manager.limits.fd': { label: 'Ingredients allowed', real: 'descriptor limit' },
  'manager.limits.thread': { label: 'Cooks allowed', real: 'thread limit' },
} as const satisfies Record<string, Term>;

/** The banquet area's fit policies (free-list search). */
export const fitPolicyTerms = {
  BEST: { label: 'the tightest fit', real: 'best fit' },
  WORST: { label: 'the largest stretch', real: 'worst fit' },
  FIRST: { label: 'the first that fits', real: 'first fit' },
  NEXT: { label: 'the next that fits, going round', real: 'next fit' },
} as const satisfies Record<import('../sim/freeListAllocator.ts').FitPolicy, Term>;

/** The banquet area's free-list orders. */
export const listOrderTerms = {
  ADDRSORT: { label: 'by place', real: 'address order' },
  'SIZESORT+': { label: 'smallest first', real: 'size ascending' },
  'SIZESORT-': { label: 'largest first', real: 'size descending' },
  'INSERT-FRONT': { label: 'last freed first', real: 'insert at front' },
  'INSERT-BACK': { label: 'last freed last', real: 'insert at back' },
} as const satisfies Record<import('../sim/freeListAllocator.ts').ListOrder, Term>;

/** The warming shelf's eviction policies. */
export const shelfPolicyTerms = {
  LRU: { label: 'the one ordered longest ago', real: 'LRU' },
  FIFO: { label: 'the one on the shelf longest', real: 'FIFO' },
  CLOCK: { label: 'oldest, with a second chance', real: 'CLOCK' },
  MRU: { label: 'the one ordered last', real: 'MRU' },
  UNBOUNDED: { label: 'none: the shelf never ends', real: 'unbounded' },
} as const satisfies Record<import('../sim/scenario.ts').ShelfConfig['policy'], Term>;

// ---- Restaurant views: the kitchen stations (memory), the pantry (descriptors), the warming shelf (cache) ----

/** Everything the kitchen stations view names. */
export const stationViewTerms = {
  prepCounters: { label: 'Prep counters', real: 'small pool' },
  cookingStations: { label: 'Cooking stations', real: 'medium pool' },
  banquet: { label: 'Banquet area', real: 'heap' },
  counterSpace: { label: 'Counter space', real: 'memory used' },
  forTicket: { label: 'a cook’s dish', real: 'allocated block' },
  filled: { label: 'filled part: what the dish needs', real: 'requested bytes; the rest is internal fragmentation' },
  forShelf: { label: 'a dish kept warm', real: 'block held by the cache' },
  dropped: { label: 'abandoned, awaiting the deep clean', real: 'unreachable, awaiting GC' },
  fallback: { label: 'moved over from the cooking stations', real: 'heap fallback' },
  freeSlot: { label: 'free', real: 'free block' },
  freeStretch: { label: 'free stretch', real: 'free-list chunk' },
  probed: { label: 'looked at', real: 'search probe' },
  chosen: { label: 'cut from here', real: 'chosen chunk, split' },
  joined: { label: 'neighbours joined', real: 'coalesced' },
  scattered: { label: 'of the free space is scattered', real: 'external fragmentation' },
  outOfMemory: { label: 'No counter space', real: 'allocation failed' },
  deepClean: { label: 'Deep clean', real: 'garbage collection' },
  staleCleanup: { label: 'Tidy-up of untouched space', real: 'stale reclaim' },
  legend: { label: 'What the colours mean', real: 'legend' },
} as const satisfies Record<string, Term>;

/** Everything the pantry view names. */
export const pantryViewTerms = {
  slot: { label: 'Pantry slot', real: 'file descriptor' },
  ofSlots: { label: 'pantry slots taken', real: 'open fds / soft limit' },
  hardLimit: { label: 'can be raised to', real: 'hard limit' },
  free: { label: 'free', real: 'closed' },
  open: { label: 'taken', real: 'open' },
  reserved: { label: 'the house’s', real: 'reserved: stdin, stdout, stderr' },
  leaked: { label: 'left out', real: 'leaked' },
  next: { label: 'taken next', real: 'lowest free fd' },
  justTaken: { label: 'just taken', real: 'fd opened' },
  swept: { label: 'just tidied away', real: 'stale-closed' },
  full: { label: 'Pantry full', real: 'EMFILE' },
  beyond: { label: 'above the new limit', real: 'fd >= soft limit' },
  legend: { label: 'What the colours mean', real: 'legend' },
} as const satisfies Record<string, Term>;

/** Everything the warming shelf view names. */
export const shelfViewTerms = {
  dish: { label: 'Dish', real: 'entry' },
  front: { label: 'freshest', real: 'most recently used' },
  arrivalFront: { label: 'newest', real: 'most recently inserted' },
  nextOut: { label: 'goes next', real: 'next victim' },
  justServed: { label: 'just served warm', real: 'hit' },
  justCooked: { label: 'just cooked', real: 'miss, then stored' },
  evicted: { label: 'Taken off', real: 'evicted' },
  hitRatio: { label: 'Served from the shelf', real: 'hit ratio' },
  unbounded: { label: 'No limit: the shelf grows until the kitchen runs out of counter space', real: 'unbounded cache' },
  unboundedGrowth: { label: 'On the shelf, growing', real: 'unbounded entries' },
  entries: { label: 'Dishes', real: 'entries / max entries' },
  bytes: { label: 'Shelf space', real: 'bytes / max size' },
  refused: { label: 'Not kept warm', real: 'cache.refused' },
  room: { label: 'room for another dish', real: 'below max entries' },
  legend: { label: 'What the colours mean', real: 'legend' },
} as const satisfies Record<string, Term>;

// ---------------------------------------------------------------- page chrome: words that follow the terms toggle

/** Headings of the page's panels. */
export const chromeTerms = {
  gauges: { label: 'The restaurant now', real: 'resource gauges' },
} as const satisfies Record<string, Term>;

/** Limits of gauge bars written as terms, so they follow the page's words. */
export const gaugeLimitTerms = {
  lookups: { label: 'orders so far', real: 'lookups' },
} as const satisfies Record<string, Term>;

/** The lifecycle dialog: what a unit is called, and its states in both words. */
export const lifecycleTerms = {
  table: { label: 'Table', real: 'connection' },
  worker: { label: 'Cook', real: 'worker thread' },
  block: { label: 'Counter space', real: 'memory block' },
  fd: { label: 'Pantry slot', real: 'file descriptor' },
  chart: { label: 'Its life', real: 'lifecycle statechart' },
  now: { label: 'Now', real: 'current state' },
  states: { label: 'What each state means', real: 'states' },
  transitions: { label: 'What moves it on', real: 'transitions' },
  history: { label: 'Its latest events', real: 'event log' },
  coreCook: { label: 'on shift', real: 'core thread' },
  extraCook: { label: 'extra staff', real: 'non-core thread' },
} as const satisfies Record<string, Term>;

/** A kitchen station block's (memory block's) lifecycle states. */
export const blockStateTerms = {
  free: { label: 'free', real: 'free' },
  allocated: { label: 'in use', real: 'allocated' },
  unreachable: { label: 'abandoned', real: 'unreachable' },
  freed: { label: 'given back', real: 'freed' },
  reclaimed: { label: 'tidied away', real: 'reclaimed (stale)' },
  collected: { label: 'deep-cleaned', real: 'collected (GC)' },
  leaked: { label: 'never cleared', real: 'leaked' },
} as const satisfies Record<import('../sim/lifecycles.ts').BlockState, Term>;

/** An ingredient's (file descriptor's) lifecycle states. */
export const fdStateTerms = {
  open: { label: 'taken out', real: 'open' },
  closed: { label: 'put back', real: 'closed' },
  staleClosed: { label: 'tidied away', real: 'stale-closed' },
  leaked: { label: 'left out', real: 'leaked' },
} as const satisfies Record<import('../sim/lifecycles.ts').FdState, Term>;

// ---------------------------------------------------------------------------------------------------------
// Charts: the forecast drawn after now (src/ui/charts).
// ---------------------------------------------------------------------------------------------------------

/** The forecast each chart draws after now, and its toggle. */
export const forecastTerms = {
  forecast: { label: 'What comes next if nothing else changes', real: 'forecast under the current limits' },
  show: { label: 'Show what comes next', real: 'show forecast' },
  reading: { label: 'what comes next', real: 'forecast' },
} as const satisfies Record<string, Term>;

// ---------------------------------------------------------------------------------------------------------
// The play bar's latest-event line (src/ui/latest) and the lifecycle charts' arrow labels (src/ui/chrome).
// ---------------------------------------------------------------------------------------------------------

/** The one line under the play bar that shows the newest event. */
export const latestEventTerms = {
  latest: { label: 'Just now', real: 'latest event' },
} as const satisfies Record<string, Term>;

/**
 * What each lifecycle transition means, in words short enough for an arrow of the statechart; the event's
 * own name (`table.seat`) is shown beside it in the details and the arrow's tooltip.
 */
export const lifecycleEventTerms = {
  'table.ready': { label: 'set and ready', real: 'created' },
  'table.lowerLimit': { label: 'fewer tables allowed', real: 'max lowered' },
  'table.seat': { label: 'a party sits', real: 'acquired' },
  'table.failCheck': { label: 'fails its check', real: 'validation failed' },
  'table.expireIdle': { label: 'empty too long', real: 'idle timeout' },
  'table.expireLifetime': { label: 'too old', real: 'max lifetime' },
  'table.discard': { label: 'taken away', real: 'removed (unhealthy)' },
  'table.release': { label: 'the party leaves', real: 'released' },
  'table.flagExpired': { label: 'too old: flagged', real: 'lifetime over, in use' },
  'table.reset': { label: 'bussed', real: 'reset done' },
  'staff.startTask': { label: 'takes a ticket', real: 'task started' },
  'staff.wait': { label: 'rail empty: waits', real: 'queue empty' },
  'staff.expireKeepAlive': { label: 'idle too long', real: 'keep-alive over' },
  'staff.lowerLimit': { label: 'fewer cooks allowed', real: 'max lowered' },
  'block.allocate': { label: 'handed out', real: 'allocated' },
  'block.drop': { label: 'forgotten', real: 'reference dropped' },
  'block.free': { label: 'given back', real: 'freed' },
  'block.reclaimStale': { label: 'tidied away', real: 'stale sweep' },
  'block.collect': { label: 'deep clean', real: 'garbage collected' },
  'block.reportLeak': { label: 'closing: never cleared', real: 'leak reported' },
  'fd.close': { label: 'put back', real: 'closed' },
  'fd.closeStale': { label: 'tidied away', real: 'stale cleanup' },
  'fd.reportLeak': { label: 'closing: left out', real: 'leak reported' },
} as const satisfies Record<string, Term>;

// ---------------------------------------------------------------------------------------------------------
// The end-of-night report (src/ui/report).
// ---------------------------------------------------------------------------------------------------------

/** The end-of-night report: its title and the figures of each section. */
export const reportTerms = {
  title: { label: 'End of the night', real: 'service report' },
  seated: { label: 'Parties seated', real: 'connections acquired' },
  gaveUp: { label: 'Gave up waiting', real: 'acquire timeouts' },
  turnedAway: { label: 'Turned away', real: 'no table fits' },
  heldTooLong: { label: 'Held too long', real: 'suspected leaks' },
  waitP50: { label: 'Typical wait, whole night', real: 'p50 acquire wait' },
  waitP95: { label: 'Long wait (1 in 20), whole night', real: 'p95 acquire wait' },
  cooked: { label: 'Orders cooked', real: 'tasks completed' },
  callerRan: { label: 'Cooked by the servers', real: 'caller ran' },
  longestRail: { label: 'Longest ticket rail', real: 'peak queue length' },
  allocFailed: { label: 'Counter space refused', real: 'failed allocations (OOM)' },
  peakMemory: { label: 'Most counter space used', real: 'peak memory used' },
  peakFragmentation: { label: 'Most scattered free space', real: 'peak external fragmentation' },
  blocksLeaked: { label: 'Never cleared', real: 'leaked blocks' },
  emfile: { label: 'Pantry full', real: 'EMFILE failures' },
  fdLeaked: { label: 'Left out at closing', real: 'leaked fds' },
  peakOpen: { label: 'Most ingredients out', real: 'peak open fds' },
  hitRatio: { label: 'Served warm', real: 'hit ratio' },
  evictions: { label: 'Pushed off the shelf', real: 'evictions' },
  limitRefused: { label: 'Refused at the limits', real: 'limit exceeded' },
  batches: { label: 'Catering batches done', real: 'batches completed' },
  cleanups: { label: 'Emergency clean-ups', real: 'immediate cleanups' },
} as const satisfies Record<string, Term>;
