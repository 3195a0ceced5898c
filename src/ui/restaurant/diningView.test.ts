import { describe, expect, it } from 'vitest';
import type { ConnectionPoolGauges, TableRecord } from '../../sim/connectionPool.ts';
import type { SimEvent } from '../../sim/events.ts';
import { PartySizes } from '../feed.ts';
import {
  bandHeading,
  estimateTextPx,
  fitBandHeading,
  classesShown,
  heldText,
  partiesGone,
  partySizeLookup,
  partySizesIn,
  retiredCounts,
  tableViews,
  tablesGone,
  waitingParties,
} from './diningView.ts';

function table(tableId: number, over: Partial<TableRecord> = {}): TableRecord {
  return {
    tableId,
    sizeClass: 'small',
    state: 'available',
    createdAtMs: 0,
    idleSinceMs: 0,
    partyId: null,
    acquiredAtMs: 0,
    releasedAtMs: 0,
    isEvicted: false,
    isLeakSuspected: false,
    ...over,
  };
}

const sizes = (map: Record<number, number>) => (id: number) => map[id];

describe('diningView.heldText()', () => {
  it('writes whole minutes, and under one minute as <1 min', () => {
    expect(heldText(59_999)).toBe('<1 min');
    expect(heldText(60_000)).toBe('1 min');
    expect(heldText(3_179_000)).toBe('52 min');
  });
});

describe('diningView.tableViews()', () => {
  it('leaves retired tables out and sorts by id', () => {
    const views = tableViews([table(4), table(2, { state: 'retired' }), table(1, { state: 'creating' })], 0, 'restaurant', sizes({}));
    expect(views.map((v) => [v.tableId, v.state, v.tone])).toEqual([
      [1, 'creating', 'setup'],
      [4, 'available', 'idle'],
    ]);
  });

  it('names a seated table with its party, and flags a suspected leak with the time held', () => {
    const t = table(3, { sizeClass: 'medium', state: 'occupied', partyId: 12, acquiredAtMs: 60_000, isLeakSuspected: true, isEvicted: true });
    const [view] = tableViews([t], 60_000 + 52 * 60_000 + 30_000, 'restaurant', sizes({ 12: 4 }));
    expect(view).toEqual({
      tableId: 3,
      sizeClass: 'medium',
      state: 'occupied',
      tone: 'busy',
      partyId: 12,
      partySize: 4,
      partyLabel: 'party 12',
      takenChairs: 4,
      leakText: '52 min',
      willRetire: true,
      name: 'Table 3',
      ariaLabel: 'Table 3, medium (8 seats), seated: party 12 (4 guests), held too long for 52 min, goes once free',
    });
  });

  it('speaks systems words in systems mode', () => {
    const t = table(3, { state: 'occupied', partyId: 12 });
    const [view] = tableViews([t], 0, 'systems', sizes({ 12: 2 }));
    expect([view.ariaLabel, view.partyLabel]).toEqual(['Connection 3, small pool (4 seats), in use: request 12 (size 2)', 'request 12']);
  });

  it('fills at most the chairs drawn, and one chair when the size is unknown', () => {
    const views = tableViews(
      [table(1, { sizeClass: 'large', state: 'occupied', partyId: 5 }), table(2, { state: 'occupied', partyId: 6 })],
      0,
      'restaurant',
      sizes({ 5: 20 }),
    );
    expect(views.map((v) => [v.takenChairs, v.partySize])).toEqual([
      [12, 20],
      [1, undefined],
    ]);
    expect(views[1].ariaLabel).toBe('Table 2, small (4 seats), seated: party 6');
  });

  it('does not flag a table that is no longer seated', () => {
    const [view] = tableViews([table(1, { state: 'cleaning', isLeakSuspected: true, partyId: null })], 0, 'restaurant', sizes({}));
    expect([view.leakText, view.partyId, view.partyLabel, view.takenChairs, view.ariaLabel]).toEqual([null, null, null, 0, 'Table 1, small (4 seats), being bussed']);
  });
});

describe('diningView.waitingParties()', () => {
  const line = [
    { partyId: 8, size: 2, queuedAtMs: 0, isWaiting: true },
    { partyId: 9, size: 6, queuedAtMs: 30_000, isWaiting: false },
    { partyId: 10, size: 4, queuedAtMs: 90_000, isWaiting: true },
  ];

  it('lists the parties still waiting, in order, with their patience left', () => {
    expect(waitingParties(line, 150_000, 300_000, 'restaurant')).toEqual([
      { partyId: 8, size: 2, waitedMs: 150_000, waitedText: '2.5 min', patienceLeft: 0.5, ariaLabel: '1. Party 8 (2 guests), waiting 2.5 min, gives up in 2.5 min' },
      { partyId: 10, size: 4, waitedMs: 60_000, waitedText: '1 min', patienceLeft: 0.8, ariaLabel: '2. Party 10 (4 guests), waiting 1 min, gives up in 4 min' },
    ]);
  });

  it('has no patience bar when parties wait forever', () => {
    const [first] = waitingParties(line, 150_000, 0, 'systems');
    expect([first.patienceLeft, first.ariaLabel]).toEqual([null, '1. Request 8 (size 2), waiting 2.5 min']);
  });
});

describe('diningView.partiesGone()', () => {
  const events: SimEvent[] = [
    { atMs: 0, type: 'acquire.queued', partyId: 3, size: 6, position: 1 },
    { atMs: 10_000, type: 'acquire.timedOut', partyId: 2, waitedMs: 480_000, timeoutMs: 480_000 },
    { atMs: 100_000, type: 'acquire.timedOut', partyId: 3, waitedMs: 100_000, timeoutMs: 100_000 },
    { atMs: 120_000, type: 'acquire.timedOut', partyId: 4, waitedMs: 30_000, timeoutMs: 30_000 },
  ];

  it('lists the timeouts of the last minute, newest first, with the size when known', () => {
    expect(partiesGone(events, 150_000, 'restaurant', sizes({ 4: 2 }))).toEqual([
      { partyId: 4, size: 2, atMs: 120_000, waitedMs: 30_000, text: 'Party 4 (2 guests) gave up and left after <1 min' },
      { partyId: 3, size: 6, atMs: 100_000, waitedMs: 100_000, text: 'Party 3 (6 guests) gave up and left after 1 min' },
    ]);
  });

  it('forgets them once the window has passed', () => {
    expect(partiesGone(events, 180_001, 'restaurant', sizes({}))).toEqual([]);
    expect(partiesGone(events, 180_000, 'restaurant', sizes({})).map((g) => g.partyId)).toEqual([4]);
  });
});

describe('diningView.partySizesIn()', () => {
  it('learns sizes from arrivals, the line and seatings', () => {
    const events: SimEvent[] = [
      { atMs: 0, type: 'party.arrived', partyId: 1, size: 2 },
      { atMs: 0, type: 'acquire.queued', partyId: 2, size: 4, position: 1 },
      { atMs: 0, type: 'table.acquired', tableId: 1, partyId: 3, partySize: 10, sizeClass: 'large', waitedMs: 0, isFallback: false },
    ];
    expect([...partySizesIn(events)]).toEqual([[1, 2], [2, 4], [3, 10]]);
  });
});

describe('diningView.tablesGone() and retiredCounts()', () => {
  it('lists recent retirements newest first and counts every retired table', () => {
    const events: SimEvent[] = [
      { atMs: 0, type: 'table.retired', tableId: 1, sizeClass: 'small', reason: 'idleTimeout' },
      { atMs: 70_000, type: 'table.retired', tableId: 2, sizeClass: 'medium', reason: 'maxLifetime' },
      { atMs: 80_000, type: 'table.retired', tableId: 5, sizeClass: 'small', reason: 'unhealthy' },
    ];
    expect(tablesGone(events, 100_000)).toEqual([
      { tableId: 5, sizeClass: 'small', reason: 'unhealthy', atMs: 80_000 },
      { tableId: 2, sizeClass: 'medium', reason: 'maxLifetime', atMs: 70_000 },
    ]);
    const all = [table(1, { state: 'retired' }), table(2, { sizeClass: 'medium', state: 'retired' }), table(3), table(5, { state: 'retired' })];
    expect(retiredCounts(all)).toEqual({ total: 3, byClass: { small: 2, medium: 1, large: 0 } });
  });
});

describe('diningView.classesShown() and bandHeading()', () => {
  const gauges: ConnectionPoolGauges = {
    inUse: 1,
    idle: 2,
    cleaning: 0,
    creating: 0,
    waiting: 0,
    total: 3,
    max: 14,
    byClass: {
      small: { inUse: 1, idle: 1, total: 2, min: 2, max: 8 },
      medium: { inUse: 0, idle: 1, total: 1, min: 1, max: 6 },
      large: { inUse: 0, idle: 0, total: 0, min: 0, max: 0 },
    },
  };

  it('shows classes that may have tables or still have some', () => {
    expect(classesShown(gauges, [])).toEqual(['small', 'medium']);
    expect(classesShown(gauges, [{ sizeClass: 'large' }])).toEqual(['small', 'medium', 'large']);
    expect(classesShown(undefined, [])).toEqual([]);
  });

  it('heads a band with the class, its limits and who sits there', () => {
    expect(bandHeading('small', gauges, 2, 'restaurant')).toEqual({ title: 'Small tables (1–4 guests)', subtitle: 'small pool', detail: '2 · keep 2, at most 8' });
    expect(bandHeading('medium', gauges, 1, 'systems')).toEqual({ title: 'Medium pool (size ≤ 8)', subtitle: 'medium tables', detail: '1 · min 1, max 6' });
    expect(bandHeading('large', undefined, 0, 'restaurant')).toEqual({ title: 'Large tables (any size)', subtitle: 'large pool', detail: '0' });
  });
});

describe('diningView.fitBandHeading()', () => {
  const heading = { title: 'Small tables (1–4 guests)', subtitle: 'small pool', detail: '320 · keep 80, at most 320' };

  it('estimates text widths from the character count', () => {
    expect([estimateTextPx('Small tables (1–4 guests)', 12, true), estimateTextPx('· small pool', 12), estimateTextPx('', 12)]).toEqual([165, 72, 0]);
  });

  it('keeps the whole heading when it fits, then drops the real term, then the limits', () => {
    // 165 title + 76 subtitle + 16 gap + 156 detail = 413
    expect(fitBandHeading(heading, 320, 413)).toEqual(heading);
    expect(fitBandHeading(heading, 320, 412)).toEqual({ ...heading, subtitle: null });
    expect(fitBandHeading(heading, 320, 336)).toEqual({ title: heading.title, subtitle: null, detail: '320' });
  });
});

describe('diningView.partySizeLookup()', () => {
  it('takes a size from the recent facts first, else from the whole log read so far', () => {
    const log: SimEvent[] = [
      { atMs: 0, type: 'party.arrived', partyId: 1, size: 2 },
      { atMs: 10, type: 'party.arrived', partyId: 2, size: 6 },
    ];
    const known = new PartySizes();
    const sizeOf = partySizeLookup(known, log, [{ atMs: 20, type: 'acquire.queued', partyId: 2, size: 5, position: 1 }]);
    expect([sizeOf(1), sizeOf(2), sizeOf(3)]).toEqual([2, 5, undefined]);
    // Without the log, only what was read before is known.
    expect(partySizeLookup(new PartySizes(), undefined, [])(1)).toBeUndefined();
    expect(partySizeLookup(known, undefined, [])(2)).toBe(6);
  });
});

describe('diningView.fitBandHeading() with a measurer', () => {
  it('fits by the widths it is given (wider text drops the real term sooner)', () => {
    const heading = { title: 'Medium tables (up to 8)', subtitle: 'medium pool', detail: '130 · keep 30, at most 130' };
    const wide = (text: string) => text.length * 7;
    // 161 title + 95 subtitle + 16 gap + 182 detail = 454
    expect(fitBandHeading(heading, 130, 454, wide)).toEqual(heading);
    expect(fitBandHeading(heading, 130, 453, wide)).toEqual({ ...heading, subtitle: null });
  });
});
