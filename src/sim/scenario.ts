/**
 * Scenario schema: the one description of a run (workload and every resource kind's limits), with defaults
 * and strict validation. Unknown keys, wrong types and out-of-range values are rejected with the path of the
 * field and what was expected. A kind that is left out of a scenario is not simulated.
 *
 * All times are virtual milliseconds (`...Ms`); sizes are counts unless named `...Bytes`.
 */
import { z } from 'zod';
import { FIT_POLICIES, LIST_ORDERS, type FitPolicy, type ListOrder } from './freeListAllocator.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const durationMs = (max = DAY_MS) => int(0, max);
const probability = z.number().min(0).max(1);

/** A log-normal time: its median and the spread of its logarithm. */
const timeDistribution = (medianMs: number, sigma: number) =>
  z
    .strictObject({
      medianMs: int(1, DAY_MS).default(medianMs),
      sigma: z.number().min(0).max(3).default(sigma),
    })
    .prefault({});

const phase = z.strictObject({
  name: z.string().min(1).max(40),
  durationMs: int(1, DAY_MS),
  arrivalsPerHour: z.number().min(0).max(100_000),
});

const partySize = z.strictObject({
  size: int(1, 40),
  weight: z.number().min(0).max(1_000_000),
});

const workload = z
  .strictObject({
    /** The evening in phases; arrivals are a Poisson process whose rate changes at each phase boundary. */
    phases: z
      .array(phase)
      .min(1)
      .max(50)
      .default([
        { name: 'quiet', durationMs: 20 * 60_000, arrivalsPerHour: 60 },
        { name: 'rush', durationMs: 25 * 60_000, arrivalsPerHour: 180 },
        { name: 'late', durationMs: 15 * 60_000, arrivalsPerHour: 60 },
      ]),
    /** How often each party size arrives (weights, not probabilities). */
    partySizes: z
      .array(partySize)
      .min(1)
      .max(40)
      .refine((sizes) => sizes.some((s) => s.weight > 0), { message: 'expected at least one weight above 0' })
      .default([
        { size: 2, weight: 5 },
        { size: 4, weight: 3 },
        { size: 6, weight: 1.5 },
        { size: 10, weight: 0.5 },
      ]),
    /** Time a seated party spends eating once its dishes are served. */
    diningMs: timeDistribution(30 * 60_000, 0.35),
    /** Order tickets per guest (each ticket is one task for the staff). */
    ticketsPerGuest: z.number().min(0).max(10).default(1),
    /** Time a cook spends on one ticket. */
    cookMs: timeDistribution(4 * 60_000, 0.4),
    /** Ingredients (descriptors) a cook takes out of the pantry for one ticket. */
    ingredientsPerTicket: int(0, 64).default(2),
    /** What the tickets order: which dish (the warming shelf's key) and how much counter space it needs. */
    menu: z
      .strictObject({
        /** Dishes on the menu. */
        dishCount: int(1, 10_000).default(24),
        /** How strongly orders favour the popular dishes: dish k is ordered with weight 1 / k^skew (Zipf). */
        popularitySkew: z.number().min(0).max(4).default(1),
        /** Counter space a dish takes while it is cooked and while it is kept warm, in bytes. */
        dishBytes: z
          .strictObject({ min: int(1, 1 << 30).default(48), max: int(1, 1 << 30).default(3_072) })
          .prefault({})
          .refine((b) => b.min <= b.max, { message: 'expected min <= max' }),
      })
      .prefault({}),
  })
  .prefault({});

const tableClass = (min: number, max: number) =>
  z
    .strictObject({ min: int(0, 10_000).default(min), max: int(0, 10_000).default(max) })
    .prefault({})
    .refine((c) => c.min <= c.max, { message: 'expected min <= max' });

const tables = z.strictObject({
  small: tableClass(4, 12),
  medium: tableClass(2, 6),
  large: tableClass(0, 2),
  /** Longest a party waits at the host stand before it leaves (connectionTimeout); 0 = wait forever. */
  acquireTimeoutMs: durationMs().default(10 * 60_000),
  /** Time to set up a new table (creating a connection is expensive). */
  createMs: durationMs().default(60_000),
  /** Time to bus and reset a table after a party leaves (reset on release). */
  resetMs: durationMs().default(90_000),
  /** Idle tables beyond `min` are cleared away after this long unused; 0 = never (idleTimeout). */
  idleTimeoutMs: durationMs().default(10 * 60_000),
  /** A table is retired after this long in service, when next free; 0 = never (maxLifetime). */
  maxLifetimeMs: durationMs().default(0),
  /** A table held longer than this is flagged as a suspected leak; 0 = off (leakDetectionThreshold). */
  leakDetectionMs: durationMs().default(0),
  /** How often the busser walks the floor: idle reaping and topping up to `min` (housekeeping period). */
  housekeepingMs: int(1_000, DAY_MS).default(30_000),
  /** A table idle longer than this is checked before seating (aliveBypassWindowMs). */
  validateAfterIdleMs: durationMs().default(500),
});

const staff = z
  .strictObject({
    /** Cooks kept on shift even when idle (corePoolSize). */
    corePoolSize: int(0, 1_000).default(4),
    /** Most cooks at once, extra staff included (maximumPoolSize). */
    maxPoolSize: int(1, 1_000).default(8),
    /** Tickets the rail holds: 0 = hand each ticket straight to a free cook (SynchronousQueue). */
    queueCapacity: z.union([int(0, 1_000_000), z.literal('unbounded')]).default(16),
    /** Extra staff go home after this long idle (keepAliveTime). */
    keepAliveMs: durationMs().default(5 * 60_000),
    /** What happens to a ticket when the rail is full and no more staff can be called in. */
    rejectionPolicy: z.enum(['abort', 'callerRuns', 'discard', 'discardOldest']).default('abort'),
    /** Core cooks also go home when idle past keep-alive (allowCoreThreadTimeOut). */
    allowCoreTimeout: z.boolean().default(false),
  })
  .refine((s) => s.maxPoolSize >= s.corePoolSize, {
    message: 'expected maxPoolSize >= corePoolSize',
    path: ['maxPoolSize'],
  })
  .refine((s) => !s.allowCoreTimeout || s.keepAliveMs > 0, {
    message: 'expected keepAliveMs > 0 when allowCoreTimeout is true',
    path: ['keepAliveMs'],
  });

const ingredients = z
  .strictObject({
    /** Pantry slots usable now: descriptor numbers must be below it (RLIMIT_NOFILE soft limit). */
    softLimit: int(0, 1_048_576).default(64),
    /** Ceiling for the soft limit (RLIMIT_NOFILE hard limit). */
    hardLimit: int(0, 1_048_576).default(4_096),
    /** Slots taken by the house at opening (0, 1 and 2 are stdin, stdout and stderr). */
    reservedCount: int(0, 1_024).default(3),
    /** On EMFILE, ingredients untouched this long are put away and the open is retried once; 0 = off. */
    staleAfterMs: durationMs().default(0),
  })
  .refine((f) => f.softLimit <= f.hardLimit, { message: 'expected softLimit <= hardLimit', path: ['softLimit'] });

const stationPool = (blockSize: number, blockCount: number) =>
  z.strictObject({ blockSize: int(1, 1 << 30).default(blockSize), blockCount: int(0, 1_000_000).default(blockCount) }).prefault({});

const stations = z
  .strictObject({
    /** Fixed-size-block pools: prep counters (small) and cooking stations (medium). */
    pools: z.strictObject({ small: stationPool(64, 32), medium: stationPool(1_024, 16) }).prefault({}),
    /** The banquet area: a free-list heap (OSTEP malloc semantics) for large requests and medium fallbacks. */
    heap: z
      .strictObject({
        heapSize: int(1, 1 << 30).default(65_536),
        headerSize: int(0, 1 << 20).default(8),
        /** Payloads round up to a multiple of this; -1 = no rounding. */
        alignment: z.union([z.literal(-1), int(1, 1 << 20)]).default(8),
        policy: z.enum(FIT_POLICIES as [FitPolicy, ...FitPolicy[]]).default('FIRST'),
        listOrder: z.enum(LIST_ORDERS as [ListOrder, ...ListOrder[]]).default('ADDRSORT'),
        coalesce: z.boolean().default(true),
      })
      .prefault({}),
    /** Most bytes in use at once over pools and heap. */
    memoryLimitBytes: int(0, 2 ** 40).default(65_536),
    /** A collection of unreachable blocks runs when an allocation takes usage above this; 0 = off. */
    gcThresholdBytes: int(0, 2 ** 40).default(49_152),
    /** Blocks untouched this long are reclaimed by the stale sweep; 0 = off. */
    staleAfterMs: durationMs().default(300_000),
    /** How often the stale sweep runs. */
    staleSweepEveryMs: durationMs().default(60_000),
  })
  .refine((m) => m.pools.small.blockSize <= m.pools.medium.blockSize, {
    message: 'expected pools.small.blockSize <= pools.medium.blockSize',
    path: ['pools'],
  });

const shelf = z
  .strictObject({
    /**
     * Which dish leaves when the shelf is full: LRU (size-aware, as the lru-cache package), FIFO, CLOCK
     * (second chance), MRU, or UNBOUNDED (never evicts: the anti-pattern). OPT needs the future and is only
     * offered when comparing policies on a recorded stream.
     */
    policy: z.enum(['LRU', 'FIFO', 'CLOCK', 'MRU', 'UNBOUNDED']).default('LRU'),
    /** Most dishes on the shelf; 0 = no count limit (LRU only). */
    maxEntries: int(0, 1_000_000).default(8),
    /** Most bytes of dishes on the shelf (LRU only); 0 = no size limit. */
    maxBytes: int(0, 2 ** 40).default(16_384),
    /** Largest dish the shelf takes, in bytes (LRU only); 0 = the same as maxBytes. */
    maxEntryBytes: int(0, 2 ** 40).default(0),
  })
  .refine((c) => c.policy === 'UNBOUNDED' || c.maxEntries > 0 || (c.policy === 'LRU' && c.maxBytes > 0), {
    message: 'expected maxEntries > 0 (or, for LRU, maxBytes > 0)',
    path: ['maxEntries'],
  })
  .refine((c) => c.policy !== 'LRU' || c.maxBytes === 0 || c.maxEntryBytes <= c.maxBytes, {
    message: 'expected maxEntryBytes <= maxBytes',
    path: ['maxEntryBytes'],
  });

const batchJob = z.strictObject({
  /** When the job starts. */
  startAtMs: durationMs().default(0),
  /** Items to process. */
  itemCount: int(1, 1_000_000),
  /** Items per batch. */
  batchSize: int(1, 1_000_000).default(10),
  /** Work time per item. */
  itemMs: durationMs().default(1_000),
  /** 'scoped' always releases what an item took; 'hoarding' keeps everything until the end. */
  style: z.enum(['scoped', 'hoarding']).default('scoped'),
  /** What each item takes. */
  perItem: z
    .strictObject({
      connection: int(0, 1_000).default(1),
      memory: int(0, 1 << 30).default(64 * 1024),
      fd: int(0, 1_000).default(1),
    })
    .prefault({}),
  /** Wait before retrying when pressure is high. */
  backoffMs: durationMs().default(100),
  /** Routine cleanup after every this many batches; 0 = only when pressure demands it. */
  routineCleanupEveryBatches: int(0, 1_000_000).default(5),
  /** Chance that an item's work fails (scoped acquisition must still release). */
  failureProbability: probability.default(0),
});

const manager = z.strictObject({
  /** Global limits per kind, checked before every allocation through the manager. */
  limits: z
    .strictObject({
      connection: int(0, 1_000_000).default(20),
      memory: int(0, 2 ** 40).default(16 * 1024 * 1024),
      fd: int(0, 1_048_576).default(64),
      thread: int(0, 100_000).default(16),
    })
    .prefault({}),
  /** Usage above this fraction of a limit counts as pressure. */
  pressureThreshold: z.number().min(0.01).max(1).default(0.8),
  batchJob: batchJob.optional(),
});

const faults = z
  .strictObject({
    /** Chance that a table fails its check when validated before seating. */
    unhealthyTableProbability: probability.default(0),
    /** Chance that a leaving party's table is never released (a leak). */
    forgottenTableProbability: probability.default(0),
    /** Chance that a cook never puts one of a ticket's ingredients back (a descriptor leak). */
    forgottenIngredientProbability: probability.default(0),
    /** Chance that a cook walks away from a station without clearing it (a memory leak; the GC can collect it). */
    forgottenStationProbability: probability.default(0),
  })
  .prefault({});

/** The scenario schema (input shape: optional fields; output: defaults filled in). */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(80),
  description: z.string().max(2_000).default(''),
  seed: int(0, 2 ** 32 - 1).default(1),
  /** How long the simulated service lasts. */
  durationMs: int(1, DAY_MS).default(HOUR_MS),
  /** How often the metric series is sampled. */
  sampleEveryMs: int(1_000, DAY_MS).default(60_000),
  workload,
  tables: tables.optional(),
  staff: staff.optional(),
  ingredients: ingredients.optional(),
  stations: stations.optional(),
  shelf: shelf.optional(),
  manager: manager.optional(),
  faults,
});

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a scenario file may contain (most fields optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type WorkloadConfig = Scenario['workload'];
export type TablesConfig = NonNullable<Scenario['tables']>;
export type StaffConfig = NonNullable<Scenario['staff']>;
export type IngredientsConfig = NonNullable<Scenario['ingredients']>;
export type StationsScenarioConfig = NonNullable<Scenario['stations']>;
export type ShelfConfig = NonNullable<Scenario['shelf']>;
export type ManagerConfig = NonNullable<Scenario['manager']>;
export type BatchJobConfig = NonNullable<ManagerConfig['batchJob']>;
export type FaultsConfig = Scenario['faults'];

/** One problem found in a scenario: where (a dotted path such as `tables.small.max`) and what was expected. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Validates untrusted input (parsed JSON) and fills in defaults. Never throws. */
export function parseScenario(input: unknown): ScenarioResult {
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, scenario: result.data };
  const issues = result.error.issues;
  // A cross-field check (min <= max) on an object whose own fields are already wrong adds only noise.
  const isNoise = (issue: z.core.$ZodIssue) =>
    issue.code === 'custom' && issues.some((other) => other !== issue && other.path.length > issue.path.length && issue.path.every((p, i) => other.path[i] === p));
  return { ok: false, problems: issues.filter((i) => !isNoise(i)).map(describeIssue) };
}

/**
 * Checks a table configuration as the scenario schema would (used when limits change while running).
 * Returns null, or the problems as one line.
 */
export function tablesConfigProblem(config: unknown): string | null {
  const result = tables.safeParse(config, { reportInput: true });
  return result.success ? null : formatProblems(result.error.issues.map(describeIssue));
}

/** Validates and throws an Error listing the problems (for code that ships known-good scenarios). */
export function scenarioOrThrow(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`invalid scenario: ${formatProblems(r.problems)}`);
  return r.scenario;
}

/** `path: message; path: message`. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.path || '(top level)'}: ${p.message}`).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): ScenarioProblem {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        path: issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', '),
        message: `unknown field (not part of the scenario format)`,
      };
    case 'invalid_type':
      return { path, message: `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}, got ${describeValue(issue.input)}` };
    case 'too_small':
      return { path, message: `expected ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}${lengthNote(issue.origin)}, got ${describeValue(issue.input)}` };
    case 'too_big':
      return { path, message: `expected ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}${lengthNote(issue.origin)}, got ${describeValue(issue.input)}` };
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}` };
    case 'invalid_union':
      return { path, message: `expected an integer 0-1000000 or "unbounded", got ${describeValue(issue.input)}` };
    default:
      return { path, message: issue.message };
  }
}

function lengthNote(origin: string): string {
  return origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '';
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  // JSON reads a number too big for a double (1e999, a seed a million digits long) as Infinity, which
  // JSON.stringify would show as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'not a number (NaN)' : 'a number too large to use';
  const s = JSON.stringify(typeof value === 'string' && value.length > 40 ? value.slice(0, 40) : value) ?? String(value);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
