/**
 * Goals in plain words: what a measured value is called, in which unit it is shown, and the one-line message
 * a goal gets on a seed ("seed 12: p95 wait 6:12, needs at most 5:00") and over all seeds.
 *
 * Units come from the metric's path: a segment ending in `Ms` is a duration (shown `m:ss`), a path ending in
 * `Ratio`/`ratio` or `Fragmentation` is a ratio (shown as a percentage), one ending in `Bytes` is bytes, one
 * ending in `Percent` a percentage already; anything else is a count. When rounding would make a failing
 * value look equal to its target ("5:00, needs less than 5:00"), the value is shown more precisely.
 */
import { compare, formatNumber } from '../lessons/lessonRuns.ts';
import type { Goal, GoalOp, GoalResult, GoalStatus, SeedResult, SettingSpec } from './types.ts';

export type ValueUnit = 'duration' | 'ratio' | 'percent' | 'bytes' | 'count';

/** How a measured quantity is named in a message. */
export interface Quantity {
  unit: ValueUnit;
  /** For a count: singular and plural nouns written after the number ("3 acquire timeouts"). */
  one?: string;
  many?: string;
  /** For other units (and counts without nouns): the name written before the value ("p95 wait 6:12"). */
  name: string;
  /** The name is a phrase, written with a colon before the value ("evictions that picked ...: 43.8%"). */
  isPhrase?: boolean;
}

const PERCENTILE_WORDS: Record<string, string> = { p50: 'median', p95: 'p95', p99: 'p99', max: 'longest', count: 'number of' };

/** Nouns for well-known count metrics (singular, plural). */
const COUNT_NOUNS: Record<string, [string, string]> = {
  'parties.arrived': ['party arrived', 'parties arrived'],
  'parties.seated': ['party seated', 'parties seated'],
  'parties.timedOut': ['party gave up waiting', 'parties gave up waiting'],
  'parties.turnedAway': ['party turned away', 'parties turned away'],
  'parties.finished': ['party finished', 'parties finished'],
  'parties.dishesServed': ['dish served', 'dishes served'],
  'parties.dishesFailed': ['dish failed', 'dishes failed'],
  'parties.dishesRefused': ['dish refused', 'dishes refused'],
  'parties.tablesForgotten': ['table forgotten', 'tables forgotten'],
  'parties.ingredientsForgotten': ['ingredient forgotten', 'ingredients forgotten'],
  'parties.stationsForgotten': ['station left uncleared', 'stations left uncleared'],
  'parties.servedFromShelf': ['dish served from the shelf', 'dishes served from the shelf'],
  'tables.acquired': ['table acquired', 'tables acquired'],
  'tables.timedOut': ['acquire timeout', 'acquire timeouts'],
  'tables.refused': ['party refused a table', 'parties refused a table'],
  'tables.created': ['table set up', 'tables set up'],
  'tables.unhealthy': ['unhealthy table', 'unhealthy tables'],
  'tables.leaksSuspected': ['suspected table leak', 'suspected table leaks'],
  'tables.peakWaiting': ['party waiting at the peak', 'parties waiting at the peak'],
  'tables.peakInUse': ['table in use at the peak', 'tables in use at the peak'],
  'staff.rejected': ['rejected ticket', 'rejected tickets'],
  'staff.discarded': ['discarded ticket', 'discarded tickets'],
  'staff.failed': ['failed ticket', 'failed tickets'],
  'staff.completed': ['ticket completed', 'tickets completed'],
  'staff.callerRan': ['ticket the host cooked', 'tickets the host cooked'],
  'staff.peakWorkers': ['cook on shift at the peak', 'cooks on shift at the peak'],
  'staff.peakQueued': ['ticket on the rail at the peak', 'tickets on the rail at the peak'],
  'ingredients.emfile': ['EMFILE refusal', 'EMFILE refusals'],
  'ingredients.ebadf': ['EBADF error', 'EBADF errors'],
  'ingredients.leaked': ['leaked ingredient', 'leaked ingredients'],
  'ingredients.peakOpen': ['ingredient out at the peak', 'ingredients out at the peak'],
  'ingredients.staleClosed': ['stale ingredient put away', 'stale ingredients put away'],
  'stations.oomCount': ['out-of-memory failure', 'out-of-memory failures'],
  'stations.leaked': ['leaked block', 'leaked blocks'],
  'stations.heapFallbacks': ['heap fallback', 'heap fallbacks'],
  'stations.gcRuns': ['collection run', 'collection runs'],
  'stations.failures.poolExhausted': ['exhausted-pool failure', 'exhausted-pool failures'],
  'stations.failures.limitExceeded': ['memory-limit failure', 'memory-limit failures'],
  'stations.failures.heapOom': ['heap out-of-memory failure', 'heap out-of-memory failures'],
  'shelf.hits': ['shelf hit', 'shelf hits'],
  'shelf.misses': ['shelf miss', 'shelf misses'],
  'shelf.evicted.evict': ['eviction', 'evictions'],
  'shelf.refused.tooBig': ['dish too big for the shelf', 'dishes too big for the shelf'],
  'shelf.refused.noMemory': ['dish refused for lack of memory', 'dishes refused for lack of memory'],
  'manager.batches.failed': ['failed batch', 'failed batches'],
  'manager.batches.completed': ['batch completed', 'batches completed'],
  'manager.batches.backoffs': ['back-off', 'back-offs'],
  'manager.leaks.length': ['leak at closing', 'leaks at closing'],
  'manager.limitExceeded.connection': ['table refused at the global limit', 'tables refused at the global limit'],
  'manager.limitExceeded.memory': ['memory request refused at the global limit', 'memory requests refused at the global limit'],
  'manager.limitExceeded.fd': ['ingredient refused at the global limit', 'ingredients refused at the global limit'],
  'manager.limitExceeded.thread': ['cook refused at the global limit', 'cooks refused at the global limit'],
  'manager.cleanups.immediate': ['emergency cleanup', 'emergency cleanups'],
  'manager.emfileRefusals': ['EMFILE refusal', 'EMFILE refusals'],
  'manager.refusedReleases': ['refused release', 'refused releases'],
  'manager.batches.itemsRefused': ['batch item refused', 'batch items refused'],
  'manager.batches.itemsFailed': ['batch item failed', 'batch items failed'],
  'manager.batches.itemsSucceeded': ['batch item done', 'batch items done'],
  'manager.batches.itemsSkipped': ['batch item skipped', 'batch items skipped'],
};

/**
 * Nouns for the event types a goal may count (singular, plural), from the simulation's log and the code slots'
 * harnesses. Other event types get a name made from the type (`cache.evicted` -> `cache evicted events`).
 */
const EVENT_NOUNS: Record<string, [string, string]> = {
  'acquire.timedOut': ['party gave up waiting', 'parties gave up waiting'],
  'acquire.refused': ['party turned away (no table fits)', 'parties turned away (no table fits)'],
  'acquire.overdue': ['party left waiting past the timeout', 'parties left waiting past the timeout'],
  'acquire.granted': ['party seated', 'parties seated'],
  'party.walkedOut': ['party walked out', 'parties walked out'],
  'party.arrived': ['party arrived', 'parties arrived'],
  'table.unhealthySeated': ['party seated at a wobbly table', 'parties seated at a wobbly table'],
  'table.unhealthy': ['table turned wobbly', 'tables turned wobbly'],
  'table.leakSuspected': ['suspected table leak', 'suspected table leaks'],
  'task.rejected': ['rejected ticket', 'rejected tickets'],
  'task.discarded': ['discarded ticket', 'discarded tickets'],
  'task.callerRan': ['ticket the host cooked', 'tickets the host cooked'],
  'task.failed': ['failed ticket', 'failed tickets'],
  'fd.emfile': ['ingredient refused, pantry full (EMFILE)', 'ingredients refused, pantry full (EMFILE)'],
  'fd.ebadf': ['ingredient used after it was put back (EBADF)', 'ingredients used after they were put back (EBADF)'],
  'fd.leaked': ['leaked ingredient', 'leaked ingredients'],
  'heap.oom': ['dish the banquet area found no span for (heap OOM)', 'dishes the banquet area found no span for (heap OOM)'],
  'pool.exhausted': ['time a station ran out of spaces (pool exhausted)', 'times a station ran out of spaces (pool exhausted)'],
  'memory.leaked': ['leaked block', 'leaked blocks'],
  'memory.limitExceeded': ['memory request over the limit', 'memory requests over the limit'],
  'limit.exceeded': ['request refused at a global limit', 'requests refused at a global limit'],
  'batch.failed': ['failed batch', 'failed batches'],
  'batch.itemFailed': ['batch item failed', 'batch items failed'],
  'service.starved': ['moment the dinner service was short of a resource', 'moments the dinner service was short of a resource'],
  'block.reclaimedInUse': ['block taken from a cook still using it', 'blocks taken from cooks still using them'],
  'block.reclaimed': ['forgotten block reclaimed', 'forgotten blocks reclaimed'],
  'block.leaked': ['leaked block', 'leaked blocks'],
  'alloc.failed': ['cook who found no free block', 'cooks who found no free block'],
  'cache.evicted': ['eviction', 'evictions'],
  'cache.hit': ['shelf hit', 'shelf hits'],
  'cache.miss': ['shelf miss', 'shelf misses'],
};

/** Names for well-known non-count metrics. */
const NAMES: Record<string, string> = {
  'tables.waitMs': 'wait',
  'staff.queueWaitMs': 'ticket wait',
  'shelf.hitRatio': 'hit ratio',
  'stations.externalFragmentation': 'external fragmentation',
  'stations.heap.externalFragmentation': 'external fragmentation',
  'stations.peakUsedBytes': 'peak memory',
  'stations.reclaimedBytes': 'memory reclaimed',
  'stations.usedBytes': 'memory in use',
  'shelf.peakBytes': 'peak shelf size',
  'shelf.bytesUsed': 'shelf size',
};

/** Names written as a phrase, with a colon before the value. */
const PHRASES: Record<string, string> = {
  lruAgreementRatio: 'evictions that picked the least recently used dish',
};

/** The unit of a metric path (see the module comment). */
export function unitOfPath(path: string): ValueUnit {
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  if (/(Ratio|^ratio|Fragmentation|^fragmentation)$/.test(last)) return 'ratio';
  if (/Percent$|^percent$/.test(last)) return 'percent';
  if (/Bytes$|^bytes$/.test(last)) return 'bytes';
  if (segments.some((s) => /Ms$|^ms$/.test(s)) && !/^count$/.test(last)) return 'duration';
  return 'count';
}

/** `heapOom` -> `heap oom`, `p95WaitMs` -> `p95 wait`. */
function words(segment: string): string {
  return segment
    .replace(/(Ms|Bytes|Percent)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

/** What a metric path is called (harness metrics and unknown paths get a name made from the path). */
export function quantityOfMetric(path: string): Quantity {
  const unit = unitOfPath(path);
  const nouns = COUNT_NOUNS[path];
  if (unit === 'count' && nouns !== undefined) return { unit, one: nouns[0], many: nouns[1], name: nouns[1] };
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  const parent = segments.slice(0, -1).join('.');
  if (PERCENTILE_WORDS[last] !== undefined && NAMES[parent] !== undefined) {
    return { unit, name: `${PERCENTILE_WORDS[last]} ${NAMES[parent]}` };
  }
  if (NAMES[path] !== undefined) return { unit, name: NAMES[path] };
  if (PHRASES[path] !== undefined) return { unit, name: PHRASES[path], isPhrase: true };
  return { unit, name: segments.map(words).filter((w) => w !== '').join(' ') };
}

/** Facts of an event type: `3 parties gave up waiting`; an unknown `cache.evicted` is `3 cache evicted events`. */
export function quantityOfEvent(type: string): Quantity {
  const nouns = EVENT_NOUNS[type];
  if (nouns !== undefined) return { unit: 'count', one: nouns[0], many: nouns[1], name: nouns[1] };
  const name = type.split('.').map(words).filter((w) => w !== '').join(' ');
  return { unit: 'count', one: `${name} event`, many: `${name} events`, name: `${name} events` };
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** `12,288`. */
export function groupDigits(n: number): string {
  const [int, frac] = formatNumber(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Virtual ms as `m:ss`, or `m:ss.sss` (trailing zeros dropped) with `precise`. */
export function formatDuration(ms: number, precise = false): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1000);
  const base = `${sign}${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
  const rest = Math.round(abs - totalSeconds * 1000);
  if (!precise || rest === 0) return base;
  return `${base}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

/** A ratio as a percentage: `43.8%` (or more decimals with `precise`). */
export function formatRatio(ratio: number, precise = false): string {
  return formatPercent(ratio * 100, precise);
}

function formatPercent(percent: number, precise: boolean): string {
  const digits = precise ? 4 : 1;
  const f = 10 ** digits;
  return `${formatNumber(Math.round(percent * f) / f)}%`;
}

/** A value in its unit (`6:12`, `43.8%`, `12,288 bytes`, `3`). */
export function formatValue(value: number, unit: ValueUnit, precise = false): string {
  switch (unit) {
    case 'duration':
      return formatDuration(value, precise);
    case 'ratio':
      return formatRatio(value, precise);
    case 'percent':
      return formatPercent(value, precise);
    case 'bytes':
      return `${groupDigits(value)} bytes`;
    case 'count':
      return precise ? String(value) : groupDigits(value);
  }
}

/** The actual and the target as shown, precise when the plain forms would look alike but differ. */
function formatPair(actual: number, target: number, unit: ValueUnit): [string, string] {
  const a = formatValue(actual, unit);
  const t = formatValue(target, unit);
  if (a !== t || actual === target) return [a, t];
  return [formatValue(actual, unit, true), formatValue(target, unit, true)];
}

const OP_WORDS: Record<GoalOp, string> = { '<=': 'at most', '<': 'less than', '>=': 'at least', '>': 'more than', '==': 'exactly' };

/** `needs at most 5:00`, `needs none`, `needs 100%` (exactly all or nothing of a ratio). */
function needs(op: GoalOp, target: string, unit: ValueUnit, value: number): string {
  if (unit === 'count' && value === 0 && (op === '<=' || op === '==')) return 'needs none';
  if (op === '==' && ((unit === 'ratio' && (value === 0 || value === 1)) || (unit === 'percent' && (value === 0 || value === 100)))) return `needs ${target}`;
  return `needs ${OP_WORDS[op]} ${target}`;
}

/** `p95 wait 6:12, needs at most 5:00` / `3 acquire timeouts, needs none` (no seed). */
export function describeMeasure(quantity: Quantity, actual: number, op: GoalOp, value: number): string {
  const [a, t] = formatPair(actual, value, quantity.unit);
  const need = needs(op, t, quantity.unit, value);
  if (quantity.unit === 'count' && quantity.many !== undefined) {
    return `${a} ${actual === 1 ? (quantity.one ?? quantity.many) : quantity.many}, ${need}`;
  }
  return `${quantity.name}${quantity.isPhrase === true ? ':' : ''} ${a}, ${need}`;
}

/** The quantity a goal measures. */
export function quantityOfGoal(goal: Goal, specs: readonly SettingSpec[]): Quantity {
  if ('metric' in goal) return quantityOfMetric(goal.metric);
  if ('event' in goal) return quantityOfEvent(goal.event);
  const units = new Set(goal.settings.map((p) => specs.find((s) => s.path === p)?.unit ?? ''));
  const unit = units.size === 1 ? [...units][0] : '';
  return unit === '' ? { unit: 'count', name: 'total' } : { unit: 'count', one: unit, many: unit, name: 'total' };
}

// ---------------------------------------------------------------------------------------------------------
// Results

/** The result of a goal on one seed whose value was measured (`actual` null: not measured, with `missing` as why). */
export function seedResult(goal: Goal, specs: readonly SettingSpec[], seed: number, actual: number | null, missing: string): SeedResult {
  if (actual === null) return { seed, actual: null, status: 'fail', message: `seed ${seed}: ${missing}` };
  const status: GoalStatus = compare(actual, goal.op, goal.value) ? 'pass' : 'fail';
  return { seed, actual, status, message: `${seedPrefix(goal, seed)}${describeGoalValue(goal, specs, actual)}` };
}

/** `p95 wait 6:12, needs at most 5:00`; for a settings budget `total 16 tables (10 + 4 + 2), needs at most 14`. */
export function describeGoalValue(goal: Goal, specs: readonly SettingSpec[], actual: number): string {
  const quantity = quantityOfGoal(goal, specs);
  if ('settings' in goal) {
    const [a, t] = formatPair(actual, goal.value, 'count');
    const noun = quantity.many === undefined ? '' : ` ${quantity.many}`;
    return `total ${a}${noun}, ${needs(goal.op, t, 'count', goal.value)}`;
  }
  return describeMeasure(quantity, actual, goal.op, goal.value);
}

/** `seed 12: ` for goals measured per seed; nothing for a settings budget (the same on every seed). */
function seedPrefix(goal: Goal, seed: number): string {
  return 'settings' in goal ? '' : `seed ${seed}: `;
}

/**
 * A goal over all seeds: fails with the first failing seed's message; passes with the closest seed's message
 * (`all 4 seeds pass; closest: seed 13: p95 wait 4:48, needs at most 5:00`), or, when every seed measured the
 * same value, with that value (`all 4 seeds pass; each: 0 parties gave up waiting, needs none`).
 */
export function goalResult(goal: Goal, perSeed: SeedResult[]): GoalResult {
  const failed = perSeed.find((r) => r.status === 'fail');
  const base = { id: goal.id, text: goal.text, perSeed };
  if (failed !== undefined) return { ...base, status: 'fail', message: failed.message };
  if ('settings' in goal) return { ...base, status: 'pass', message: perSeed[0]?.message ?? '' };
  let closest = perSeed[0];
  for (const r of perSeed) {
    if (r.actual === null || closest.actual === null) continue;
    if (Math.abs(r.actual - goal.value) < Math.abs(closest.actual - goal.value)) closest = r;
  }
  const n = perSeed.length;
  const passed = n === 1 ? 'the seed passes' : n === 2 ? 'both seeds pass' : `all ${n} seeds pass`;
  const same = n > 1 && closest.actual !== null && perSeed.every((r) => r.actual === closest.actual);
  if (same && closest.actual !== null) return { ...base, status: 'pass', message: `${passed}; each: ${describeGoalValue(goal, [], closest.actual)}` };
  return { ...base, status: 'pass', message: n === 1 ? `${passed}; ${closest.message}` : `${passed}; closest: ${closest.message}` };
}
