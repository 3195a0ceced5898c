/**
 * Turns the simulation's instant readings into what the gauge panel draws: one card per kind present, each
 * with one or more stacked bars and a legend. Pure: no DOM, no runes.
 */
import type { Gauges, Scenario } from '../sim/index.ts';
import { barTerms, gaugeLimitTerms, gaugeTerms as t, kindTerms, labelWithReal, type Term } from './vocabulary.ts';
import { formatBytes, formatDuration, formatPercent } from './format.ts';

/** Colour role of a segment (the stylesheet maps each to a CSS variable). */
export type Tone = 'busy' | 'idle' | 'setup' | 'resetting' | 'waiting' | 'used';

export interface Segment {
  readonly key: string;
  readonly term: Term;
  readonly value: number;
  readonly tone: Tone;
}

/** A reading shown under a bar that is not a share of it: "3 free stretches · free-list chunks". */
export interface Fact {
  readonly key: string;
  readonly term: Term;
  /** The value as written, e.g. `3` or `12%`. */
  readonly text: string;
}

/** One horizontal bar: segments stacked from the left, drawn against `scale` (the full width). */
export interface Bar {
  readonly key: string;
  /** What the bar counts, e.g. "Host stand · pending acquires". */
  readonly caption: Term;
  readonly segments: readonly Segment[];
  readonly scale: number;
  /** The limit the bar is drawn against, in words with terms: `of 14 ` + tables at most · max (see {@link phraseText}). */
  readonly limit: Phrase;
  /** Where to draw a marker line (e.g. core pool size), as a value on the same scale. */
  readonly marker?: { value: number; term: Term };
  /** How values are written (bytes for memory, percent for ratios drawn on a scale of 1). */
  readonly unit: 'count' | 'bytes' | 'percent';
  /** Further readings written under the legend. */
  readonly facts?: readonly Fact[];
}

export interface GaugeCard {
  readonly key: 'connection' | 'thread' | 'fd' | 'memory' | 'cache' | 'manager';
  readonly heading: Term;
  readonly bars: readonly Bar[];
}

/**
 * Words with terms among them, e.g. `['of 20 ', tablesMax]`: a view writes each term in the words of its mode
 * ({@link phraseText}), so a limit reads "of 20 tables at most · max" or "of 20 max · tables at most".
 */
export type Phrase = readonly (string | Term)[];

/** How a view writes a term inside a sentence (default: restaurant word first, "tables at most · max"). */
export type TermText = (term: Term) => string;

/** A phrase as text, each term written with `termText`. */
export function phraseText(phrase: Phrase, termText: TermText = labelWithReal): string {
  return phrase.map((part) => (typeof part === 'string' ? part : termText(part))).join('');
}

/** The term for `count` things: `one` for exactly one, else `many` ("1 party waiting", "3 parties waiting"). */
function counted(count: number, one: Term, many: Term): Term {
  return count === 1 ? one : many;
}

/** The cards for every kind present in `gauges`, in a fixed order. */
export function gaugeCards(gauges: Gauges, scenario: Scenario): GaugeCard[] {
  const cards: GaugeCard[] = [];
  const { tables, staff, ingredients, stations, shelf, manager } = gauges;

  if (tables) {
    const giveUpMs = scenario.tables?.acquireTimeoutMs ?? 0;
    cards.push({
      key: 'connection',
      heading: kindTerms.connection,
      bars: [
        {
          key: 'tables',
          caption: barTerms.tables,
          segments: [
            { key: 'inUse', term: t.tablesInUse, value: tables.inUse, tone: 'busy' },
            { key: 'idle', term: t.tablesIdle, value: tables.idle, tone: 'idle' },
            { key: 'cleaning', term: t.tablesCleaning, value: tables.cleaning, tone: 'resetting' },
            { key: 'creating', term: t.tablesCreating, value: tables.creating, tone: 'setup' },
          ],
          scale: Math.max(tables.max, tables.total, 1),
          limit: [`of ${tables.max} `, t.tablesMax],
          unit: 'count',
        },
        {
          key: 'waiting',
          caption: barTerms.hostStand,
          segments: [{ key: 'waiting', term: counted(tables.waiting, t.tablesWaitingOne, t.tablesWaiting), value: tables.waiting, tone: 'waiting' }],
          // The waiting line has no limit: draw it on the same scale as the tables, growing if it must.
          scale: Math.max(tables.max, tables.waiting, 1),
          limit: [giveUpMs > 0 ? `no limit · parties give up after ${formatDuration(giveUpMs)}` : 'no limit'],
          unit: 'count',
        },
      ],
    });
  }

  if (staff) {
    const capacity = scenario.staff?.queueCapacity;
    const railSize = typeof capacity === 'number' ? capacity : undefined;
    cards.push({
      key: 'thread',
      heading: kindTerms.thread,
      bars: [
        {
          key: 'workers',
          caption: barTerms.cooks,
          segments: [
            { key: 'busy', term: t.staffBusy, value: staff.busy, tone: 'busy' },
            { key: 'idle', term: t.staffIdle, value: staff.idle, tone: 'idle' },
          ],
          scale: Math.max(staff.maxPoolSize, staff.workers, 1),
          limit: [`of ${staff.maxPoolSize} `, t.staffMax],
          marker: { value: staff.corePoolSize, term: t.staffCore },
          unit: 'count',
        },
        {
          key: 'queued',
          caption: barTerms.rail,
          segments: [{ key: 'queued', term: counted(staff.queued, t.staffQueuedOne, t.staffQueued), value: staff.queued, tone: 'waiting' }],
          scale: Math.max(railSize ?? staff.maxPoolSize, staff.queued, 1),
          limit: [
            railSize === undefined
              ? 'the rail has no limit'
              : railSize === 0
                ? 'no rail: tickets go straight to a free cook'
                : `the rail holds ${railSize}`,
          ],
          unit: 'count',
        },
      ],
    });
  }

  if (ingredients) {
    cards.push({
      key: 'fd',
      heading: kindTerms.fd,
      bars: [
        {
          key: 'open',
          caption: barTerms.pantry,
          segments: [{ key: 'open', term: t.fdOpen, value: ingredients.open, tone: 'used' }],
          scale: Math.max(ingredients.softLimit, ingredients.open, 1),
          limit: [`of ${ingredients.softLimit} `, t.fdSoftLimit, ` (${t.fdHardLimit.real} ${ingredients.hardLimit})`],
          unit: 'count',
        },
      ],
    });
  }

  if (stations) cards.push(stationsCard(stations, scenario));
  if (shelf) cards.push(shelfCard(shelf, scenario));

  if (manager && scenario.manager) {
    const limits = scenario.manager.limits;
    const kinds = ['connection', 'thread', 'fd', 'memory'] as const;
    cards.push({
      key: 'manager',
      heading: kindTerms.manager,
      bars: kinds.map((kind) => ({
        key: kind,
        caption: kindTerms[kind],
        segments: [{ key: kind, term: t.managerUsed, value: manager[kind], tone: 'used' as const }],
        scale: Math.max(limits[kind], manager[kind], 1),
        limit: [`of ${kind === 'memory' ? formatBytes(limits[kind]) : limits[kind]} `, t.managerLimit],
        unit: kind === 'memory' ? ('bytes' as const) : ('count' as const),
      })),
    });
  }
  return cards;
}

type StationsGauges = NonNullable<Gauges['stations']>;
type ShelfGauges = NonNullable<Gauges['shelf']>;

/** One size-class pool (prep counters or cooking stations): blocks taken and free of the pool's blocks. */
function poolBar(key: string, caption: Term, pool: StationsGauges['pools']['small']): Bar {
  return {
    key,
    caption,
    segments: [
      { key: 'taken', term: t.stationTaken, value: pool.used, tone: 'busy' },
      { key: 'free', term: t.stationFree, value: Math.max(pool.total - pool.used, 0), tone: 'idle' },
    ],
    scale: Math.max(pool.total, pool.used, 1),
    limit: [`of ${pool.total}, ${formatBytes(pool.blockSize)} `, t.stationBlockSize],
    unit: 'count',
  };
}

/**
 * Kitchen stations (memory): counter space used against the memory limit, the two pools, and the banquet area
 * (heap) split into taken, its largest free stretch and the scattered rest, so fragmentation shows as colour.
 */
function stationsCard(stations: StationsGauges, scenario: Scenario): GaugeCard {
  const { heap, pools } = stations;
  const poolBytes = Math.max(stations.usedBytes - heap.usedBytes, 0);
  const gcThresholdBytes = scenario.stations?.gcThresholdBytes ?? 0;
  const heapBytes = Math.max(scenario.stations?.heap.heapSize ?? 0, heap.usedBytes + heap.freeBytes, 1);
  return {
    key: 'memory',
    heading: kindTerms.memory,
    bars: [
      {
        key: 'memory',
        caption: barTerms.counterSpace,
        segments: [
          { key: 'pools', term: t.memoryAtStations, value: poolBytes, tone: 'busy' },
          { key: 'heap', term: t.memoryInBanquet, value: heap.usedBytes, tone: 'used' },
        ],
        scale: Math.max(stations.limitBytes, stations.usedBytes, 1),
        limit: [`${formatBytes(stations.usedBytes)} of ${formatBytes(stations.limitBytes)} `, t.memoryLimit],
        ...(gcThresholdBytes > 0 ? { marker: { value: gcThresholdBytes, term: t.memoryGcThreshold } } : {}),
        unit: 'bytes',
      },
      poolBar('small', barTerms.prepCounters, pools.small),
      poolBar('medium', barTerms.cookingStations, pools.medium),
      {
        key: 'heap',
        caption: barTerms.banquet,
        segments: [
          { key: 'taken', term: t.banquetTaken, value: heap.usedBytes, tone: 'busy' },
          { key: 'largestFree', term: t.banquetLargestFree, value: heap.largestFree, tone: 'idle' },
          { key: 'scatteredFree', term: t.banquetScatteredFree, value: Math.max(heap.freeBytes - heap.largestFree, 0), tone: 'waiting' },
        ],
        scale: heapBytes,
        limit: [`of ${formatBytes(heapBytes)} `, t.banquetSize],
        unit: 'bytes',
        facts: [
          { key: 'fragments', term: counted(heap.fragmentCount, t.banquetStretch, t.banquetStretches), text: String(heap.fragmentCount) },
          { key: 'external', term: t.banquetScattered, text: formatPercent(heap.externalFragmentation) },
        ],
      },
    ],
  };
}

/**
 * Warming shelf (cache): dishes against the count limit, bytes against the size limit, and the hit ratio.
 * A shelf with no limit is drawn on a scale that grows in round steps, or, for bytes, against the kitchen's
 * memory limit when there is one: that is what stops an unbounded shelf in the end.
 */
function shelfCard(shelf: ShelfGauges, scenario: Scenario): GaugeCard {
  const memoryLimitBytes = scenario.stations?.memoryLimitBytes;
  const hasCountLimit = shelf.maxEntries > 0;
  const hasSizeLimit = shelf.maxBytes > 0;
  const noSizeLimitText =
    memoryLimitBytes === undefined
      ? 'no size limit'
      : `no limit of its own; the kitchen's ${formatBytes(memoryLimitBytes)} ${t.memoryLimit.real} stops it`;
  return {
    key: 'cache',
    heading: kindTerms.cache,
    bars: [
      {
        key: 'entries',
        caption: barTerms.shelfDishes,
        segments: [{ key: 'entries', term: counted(shelf.entryCount, t.shelfDish, t.shelfDishes), value: shelf.entryCount, tone: 'used' }],
        scale: hasCountLimit ? Math.max(shelf.maxEntries, shelf.entryCount, 1) : niceCeiling(shelf.entryCount),
        limit: hasCountLimit ? [`of ${shelf.maxEntries} `, t.shelfMaxDishes] : ['no limit: every dish stays'],
        unit: 'count',
      },
      {
        key: 'bytes',
        caption: barTerms.shelfSpace,
        segments: [{ key: 'bytes', term: t.shelfBytes, value: shelf.bytesUsed, tone: 'used' }],
        scale: Math.max(hasSizeLimit ? shelf.maxBytes : (memoryLimitBytes ?? powerOfTwoCeiling(shelf.bytesUsed)), shelf.bytesUsed, 1),
        limit: hasSizeLimit ? [`of ${formatBytes(shelf.maxBytes)} `, t.shelfMaxBytes] : [noSizeLimitText],
        unit: 'bytes',
      },
      {
        key: 'hits',
        caption: barTerms.shelfHits,
        segments: [{ key: 'hits', term: t.shelfHits, value: shelf.hitRatio, tone: 'idle' }],
        scale: 1,
        limit: ['of ', gaugeLimitTerms.lookups],
        unit: 'percent',
      },
    ],
  };
}

/**
 * The smallest 1, 2 or 5 × 10^k at or above `value`, and at least 1: the scale of a count with no limit.
 * @example niceCeiling(14) === 20; niceCeiling(53) === 100
 */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The smallest power of two at or above `bytes`, and at least 1 KiB: the scale of a byte count with no limit.
 * @example powerOfTwoCeiling(40_859) === 65_536
 */
export function powerOfTwoCeiling(bytes: number): number {
  let scale = 1024;
  while (scale < bytes) scale *= 2;
  return scale;
}

/** A value as the bar writes it. */
export function formatValue(value: number, unit: Bar['unit']): string {
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'percent') return formatPercent(value);
  return String(value);
}

/**
 * One sentence for screen readers: "On the floor · connections: 3 seated · in use, 2 free · idle; of 14 ...",
 * then the marker and any facts: "; 4 on shift · corePoolSize", "; 3 free stretches · free-list chunks".
 * Terms are written with `termText` (default: restaurant word first), so the sentence can follow the page's words.
 */
export function describeBar(bar: Bar, termText: TermText = labelWithReal): string {
  const parts = bar.segments.map((s) => `${formatValue(s.value, bar.unit)} ${termText(s.term)}`);
  const marker = bar.marker ? `; ${formatValue(bar.marker.value, bar.unit)} ${termText(bar.marker.term)}` : '';
  const facts = (bar.facts ?? []).map((f) => `; ${f.text} ${termText(f.term)}`).join('');
  return `${termText(bar.caption)}: ${parts.join(', ')}; ${phraseText(bar.limit, termText)}${marker}${facts}`;
}
