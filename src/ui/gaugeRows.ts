/**
 * Turns the simulation's instant readings into what the gauge panel draws: one card per kind present, each
 * with one or more stacked bars and a legend. Pure: no DOM, no runes.
 */
import type { Gauges, Scenario } from '../sim/index.ts';
import { barTerms, gaugeTerms as t, kindTerms, labelWithReal, type Term } from './vocabulary.ts';
import { formatBytes, formatDuration } from './format.ts';

/** Colour role of a segment (the stylesheet maps each to a CSS variable). */
export type Tone = 'busy' | 'idle' | 'setup' | 'resetting' | 'waiting' | 'used';

export interface Segment {
  readonly key: string;
  readonly term: Term;
  readonly value: number;
  readonly tone: Tone;
}

/** One horizontal bar: segments stacked from the left, drawn against `scale` (the full width). */
export interface Bar {
  readonly key: string;
  /** What the bar counts, e.g. "Host stand · pending acquires". */
  readonly caption: Term;
  readonly segments: readonly Segment[];
  readonly scale: number;
  /** The limit the bar is drawn against, in words: "of 14 tables at most · max". */
  readonly limitText: string;
  /** Where to draw a marker line (e.g. core pool size), as a value on the same scale. */
  readonly marker?: { value: number; term: Term };
  /** How values are written (bytes for memory). */
  readonly unit: 'count' | 'bytes';
}

export interface GaugeCard {
  readonly key: 'connection' | 'thread' | 'fd' | 'manager';
  readonly heading: Term;
  readonly bars: readonly Bar[];
}

const termText = labelWithReal;

/** The cards for every kind present in `gauges`, in a fixed order. */
export function gaugeCards(gauges: Gauges, scenario: Scenario): GaugeCard[] {
  const cards: GaugeCard[] = [];
  const { tables, staff, ingredients, manager } = gauges;

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
          limitText: `of ${tables.max} ${termText(t.tablesMax)}`,
          unit: 'count',
        },
        {
          key: 'waiting',
          caption: barTerms.hostStand,
          segments: [{ key: 'waiting', term: t.tablesWaiting, value: tables.waiting, tone: 'waiting' }],
          // The waiting line has no limit: draw it on the same scale as the tables, growing if it must.
          scale: Math.max(tables.max, tables.waiting, 1),
          limitText: giveUpMs > 0 ? `no limit · parties give up after ${formatDuration(giveUpMs)}` : 'no limit',
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
          limitText: `of ${staff.maxPoolSize} ${termText(t.staffMax)}`,
          marker: { value: staff.corePoolSize, term: t.staffCore },
          unit: 'count',
        },
        {
          key: 'queued',
          caption: barTerms.rail,
          segments: [{ key: 'queued', term: t.staffQueued, value: staff.queued, tone: 'waiting' }],
          scale: Math.max(railSize ?? staff.maxPoolSize, staff.queued, 1),
          limitText:
            railSize === undefined
              ? 'the rail has no limit'
              : railSize === 0
                ? 'no rail: tickets go straight to a free cook'
                : `the rail holds ${railSize}`,
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
          limitText: `of ${ingredients.softLimit} ${termText(t.fdSoftLimit)} (${t.fdHardLimit.real} ${ingredients.hardLimit})`,
          unit: 'count',
        },
      ],
    });
  }

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
        limitText: `of ${kind === 'memory' ? formatBytes(limits[kind]) : limits[kind]} ${termText(t.managerLimit)}`,
        unit: kind === 'memory' ? ('bytes' as const) : ('count' as const),
      })),
    });
  }
  return cards;
}

/** A value as the bar writes it. */
export function formatValue(value: number, unit: Bar['unit']): string {
  return unit === 'bytes' ? formatBytes(value) : String(value);
}

/** One sentence for screen readers: "On the floor · connections: 3 seated · in use, 2 free · idle; of 14 ...". */
export function describeBar(bar: Bar): string {
  const parts = bar.segments.map((s) => `${formatValue(s.value, bar.unit)} ${termText(s.term)}`);
  return `${termText(bar.caption)}: ${parts.join(', ')}; ${bar.limitText}`;
}
