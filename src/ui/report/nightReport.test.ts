import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { builtInScenarios, createSimulation, scenarioOrThrow, type Gauges, type Scenario } from '../../sim/index.ts';
import { failureTone, joinWords, nightReport, peakMemoryBytes, peakOpenIngredients, peakTone, type NightReport, type ReportSection } from './nightReport.ts';

/** `{ figureKey: 'value tone' }` of a section, for compact exact assertions. */
function figuresOf(section: ReportSection | undefined): Record<string, string> {
  if (!section) throw new Error('no such section');
  return Object.fromEntries(section.figures.map((f) => [f.key, `${f.value} ${f.tone}`]));
}

function sectionOf(report: NightReport, key: ReportSection['key']): ReportSection | undefined {
  return report.sections.find((s) => s.key === key);
}

describe('nightReport on the dinner service, seed 7, run to the end', () => {
  const scenario = scenarioOrThrow(builtInScenarios['dinner-service']);
  const sim = createSimulation(scenario, 7);
  sim.runToEnd();
  const metrics = sim.metrics();
  const report = nightReport(scenario, sim.log.events, sim.series);

  it('has one section per kind, in order, and a headline naming the night’s problems', () => {
    expect(sim.isFinished).toBe(true);
    expect(report.sections.map((s) => s.key)).toEqual(['connection', 'thread', 'memory', 'fd', 'cache', 'manager']);
    expect(report.sections.map((s) => s.heading.label)).toEqual(['Tables', 'Staff', 'Kitchen stations', 'Ingredients', 'Warming shelf', 'The manager']);
    expect(report.tone).toBe('warn');
    expect(report.headline).toBe('A fair night, with a few problems: 2 parties gave up waiting and 1 ingredient was left out.');
  });

  it('tables: 32 seated, 2 gave up, 1 held too long, waits p50 1 min and p95 7 min (the simulation’s own metrics agree)', () => {
    const tables = sectionOf(report, 'connection');
    expect(figuresOf(tables)).toEqual({ seated: '32 plain', gaveUp: '2 warn', heldTooLong: '1 warn', waitP50: '1 min plain', waitP95: '7 min warn' });
    expect(tables?.verdict).toBe(
      '2 parties gave up waiting: more tables or a longer wait would have kept them. 1 table was held so long that a leak was suspected.',
    );
    expect(tables?.tone).toBe('warn');
    expect(metrics.tables).toMatchObject({ acquired: 32, timedOut: 2, waitMs: { p50: 60_000, p95: 420_889 } });
  });

  it('staff: 29 cooked, none refused under caller runs, the rail at most 7 of 8', () => {
    const staff = sectionOf(report, 'thread');
    expect(figuresOf(staff)).toEqual({ cooked: '29 plain', refused: '0 good', callerRan: '0 good', longestRail: '7 of 8 warn' });
    expect(staff?.figures.find((f) => f.key === 'refused')?.label).toEqual({ label: 'Orders refused (the server cooks it)', real: 'rejected tasks (callerRuns)' });
    expect(staff?.verdict).toBe('Every order was cooked; the rail never held more than 7 of 8 tickets.');
    expect(metrics.staff).toMatchObject({ completed: 29, rejected: 0, peakQueued: 7 });
  });

  it('kitchen stations: no failed allocation, a peak of 16.4 KiB of 40 KiB (replayed exactly from the log)', () => {
    const memory = sectionOf(report, 'memory');
    expect(figuresOf(memory)).toEqual({ allocFailed: '0 good', peakMemory: '16.4 KiB of 40 KiB good', peakFragmentation: '16% plain', blocksLeaked: '0 good' });
    expect(memory?.verdict).toBe('Every request for counter space was served; at most 16.4 KiB of 40 KiB was in use.');
    expect(peakMemoryBytes(sim.log.events, scenario)).toBe(16_832);
    expect(metrics.stations?.peakUsedBytes).toBe(16_832);
  });

  it('ingredients: no EMFILE, 1 left out, at most 13 of 24 out', () => {
    const fd = sectionOf(report, 'fd');
    expect(figuresOf(fd)).toEqual({ emfile: '0 good', fdLeaked: '1 warn', peakOpen: '13 of 24 good' });
    expect(fd?.verdict).toBe('The pantry never ran out, but 1 ingredient was left out at closing (a leak).');
    expect(peakOpenIngredients(sim.log.events, 3)).toBe(13);
    expect(metrics.ingredients).toMatchObject({ peakOpen: 13, leaked: 1, emfile: 0 });
  });

  it('warming shelf: 36% served warm, 6 evictions; the manager: nothing refused, 5 of 5 batches', () => {
    expect(figuresOf(sectionOf(report, 'cache'))).toEqual({ hitRatio: '36% plain', evictions: '6 plain' });
    expect(sectionOf(report, 'cache')?.verdict).toBe('36% of orders were served warm from the shelf; 6 dishes were pushed off to make room (evictions).');
    expect(figuresOf(sectionOf(report, 'manager'))).toEqual({ limitRefused: '0 good', batches: '5 of 5 plain', cleanups: '0 plain' });
    expect(sectionOf(report, 'manager')?.verdict).toBe("Everything stayed within the manager's limits; 5 of 5 catering batches done.");
    expect(metrics.shelf).toMatchObject({ hits: 20, misses: 36, evicted: { evict: 6 } });
  });
});

describe('nightReport on the food hall, seed 7: a hard night, counts with digit groups', () => {
  it('names every problem and groups the digits of big counts', () => {
    const scenario = scenarioOrThrow(builtInScenarios['food-hall']);
    const sim = createSimulation(scenario, 7);
    sim.runToEnd();
    const report = nightReport(scenario, sim.log.events, sim.series);
    expect(report.tone).toBe('bad');
    expect(report.headline).toBe('A hard night: 311 parties gave up waiting, 55 orders were dropped, 1 station was left uncleared and 5 ingredients were left out.');
    expect(figuresOf(sectionOf(report, 'connection'))).toEqual({ seated: '1,055 plain', gaveUp: '311 bad', heldTooLong: '29 warn', waitP50: '4.7 min plain', waitP95: '10 min warn' });
    expect(figuresOf(sectionOf(report, 'thread'))).toEqual({ cooked: '961 plain', refused: '55 warn', longestRail: '100 of 100 bad' });
    expect(figuresOf(sectionOf(report, 'fd'))).toMatchObject({ peakOpen: '247 of 1,024 good' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hand-made nights

const tablesAndStaff: Scenario = scenarioOrThrow({
  name: 'small',
  durationMs: 600_000,
  tables: { acquireTimeoutMs: 120_000 },
  staff: { queueCapacity: 4, rejectionPolicy: 'abort' },
});

const kitchen: Scenario = scenarioOrThrow({
  name: 'kitchen',
  durationMs: 600_000,
  ingredients: { softLimit: 8, reservedCount: 3 },
  stations: { memoryLimitBytes: 4_096 },
  shelf: {},
});

const seat = (atMs: number, partyId: number, waitedMs: number): SimEvent => ({
  atMs,
  type: 'table.acquired',
  tableId: partyId,
  partyId,
  partySize: 2,
  sizeClass: 'small',
  waitedMs,
  isFallback: false,
});
const arrive = (atMs: number, partyId: number): SimEvent => ({ atMs, type: 'party.arrived', partyId, size: 2 });

describe('nightReport: verdicts of a good night and a bad night', () => {
  it('a good night: everyone seated, every order cooked', () => {
    const log: SimEvent[] = [
      arrive(1_000, 1),
      seat(1_000, 1, 0),
      arrive(2_000, 2),
      seat(82_000, 2, 80_000),
      { atMs: 3_000, type: 'task.submitted', taskId: 1, partyId: 1 },
      { atMs: 3_000, type: 'task.queued', taskId: 1, queueLength: 1 },
      { atMs: 9_000, type: 'task.completed', taskId: 1, workerId: 1, durationMs: 6_000 },
    ];
    log.sort((a, b) => a.atMs - b.atMs);
    const report = nightReport(tablesAndStaff, log, []);
    expect(report.tone).toBe('good');
    expect(report.headline).toBe('A smooth night: nothing was refused, nothing ran out and nothing was left behind.');
    expect(sectionOf(report, 'connection')?.verdict).toBe('Every party was seated; the longest wait was 1.3 min.');
    expect(figuresOf(sectionOf(report, 'connection'))).toEqual({ seated: '2 plain', gaveUp: '0 good', waitP50: '0 ms plain', waitP95: '1.3 min plain' });
    expect(sectionOf(report, 'thread')?.verdict).toBe('Every order was cooked; the rail never held more than 1 of 4 tickets.');
    expect(figuresOf(sectionOf(report, 'thread'))).toEqual({ cooked: '1 plain', refused: '0 good', longestRail: '1 of 4 good' });
  });

  it('a bad night: parties gave up, orders refused, and the headline says so', () => {
    const log: SimEvent[] = [arrive(1_000, 1), seat(1_000, 1, 0)];
    for (let id = 2; id <= 4; id++) {
      log.push(arrive(2_000, id), { atMs: 122_000, type: 'acquire.timedOut', partyId: id, waitedMs: 120_000, timeoutMs: 120_000 });
    }
    for (let task = 1; task <= 3; task++) log.push({ atMs: 5_000, type: 'task.submitted', taskId: task, partyId: 1 });
    log.push({ atMs: 5_000, type: 'task.queued', taskId: 1, queueLength: 4 });
    log.push({ atMs: 5_000, type: 'task.rejected', taskId: 2, policy: 'abort', reason: 'saturated' });
    log.push({ atMs: 5_000, type: 'task.rejected', taskId: 3, policy: 'abort', reason: 'saturated' });
    log.sort((a, b) => a.atMs - b.atMs);
    const report = nightReport(tablesAndStaff, log, []);
    expect(report.tone).toBe('bad');
    expect(report.headline).toBe('A hard night: 3 parties gave up waiting and 2 orders were refused.');
    expect(sectionOf(report, 'connection')?.verdict).toBe('3 parties gave up waiting: more tables or a longer wait would have kept them.');
    expect(figuresOf(sectionOf(report, 'connection'))).toMatchObject({ seated: '1 plain', gaveUp: '3 bad' });
    expect(sectionOf(report, 'thread')?.verdict).toBe('2 orders were refused when the rail was full (abort): more cooks or a longer rail would have taken them.');
    expect(figuresOf(sectionOf(report, 'thread'))).toEqual({ cooked: '0 plain', refused: '2 bad', longestRail: '4 of 4 bad' });
  });

  it('a changed rejection policy and rail are read from the log: dropped tickets under discard oldest', () => {
    const log: SimEvent[] = [
      { atMs: 0, type: 'limit.changed', kind: 'staff', field: 'rejectionPolicy', from: 'abort', to: 'discardOldest' },
      { atMs: 0, type: 'limit.changed', kind: 'staff', field: 'queueCapacity', from: 4, to: 2 },
      { atMs: 1_000, type: 'task.submitted', taskId: 1, partyId: 1 },
      { atMs: 1_000, type: 'task.discarded', taskId: 1, policy: 'discardOldest', byTaskId: 2 },
    ];
    const report = nightReport(tablesAndStaff, log, []);
    const staff = sectionOf(report, 'thread');
    expect(staff?.figures.find((f) => f.key === 'refused')?.label.real).toBe('rejected tasks (discardOldest)');
    expect(figuresOf(staff)).toMatchObject({ longestRail: '0 of 2 good', refused: '1 bad' });
    expect(staff?.verdict).toBe('1 order was dropped when the rail was full (discard oldest): more cooks or a longer rail would have taken them.');
    expect(report.headline).toBe('A hard night: 1 order was dropped.');
    expect(sectionOf(report, 'connection')?.verdict).toBe('No party came tonight.');
  });

  it('a good kitchen: memory, pantry and shelf all within their limits', () => {
    const log: SimEvent[] = [
      { atMs: 1_000, type: 'pool.allocated', poolClass: 'medium', blockIndex: 0, blockId: 1, size: 900, owner: 'ticket 1' },
      { atMs: 1_000, type: 'heap.allocated', blockId: 2, addr: 0, size: 520, requested: 500, searched: 1, owner: 'ticket 1' },
      { atMs: 1_000, type: 'fd.opened', fd: 3, owner: 'ticket 1' },
      { atMs: 2_000, type: 'pool.freed', poolClass: 'medium', blockIndex: 0, blockId: 1, owner: 'ticket 1' },
      { atMs: 2_000, type: 'fd.closed', fd: 3, owner: 'ticket 1', heldMs: 1_000 },
      { atMs: 3_000, type: 'cache.miss', key: 'dish 1' },
      { atMs: 4_000, type: 'cache.hit', key: 'dish 1', size: 100 },
      { atMs: 5_000, type: 'cache.hit', key: 'dish 1', size: 100 },
    ];
    const series = [{ atMs: 0, stations: { heap: { externalFragmentation: 0.25 } } }] as unknown as Gauges[];
    const report = nightReport(kitchen, log, series);
    expect(report.headline).toBe('A smooth night: nothing was refused, nothing ran out and nothing was left behind.');
    expect(figuresOf(sectionOf(report, 'memory'))).toEqual({ allocFailed: '0 good', peakMemory: '1.5 KiB of 4 KiB good', peakFragmentation: '25% plain', blocksLeaked: '0 good' });
    expect(sectionOf(report, 'memory')?.verdict).toBe('Every request for counter space was served; at most 1.5 KiB of 4 KiB was in use.');
    expect(sectionOf(report, 'fd')?.verdict).toBe('The pantry never ran out; at most 4 of 8 slots were in use.');
    expect(sectionOf(report, 'cache')?.verdict).toBe('67% of orders were served warm from the shelf; no dish had to make room.');
  });

  it('a bad kitchen: out of memory, a full pantry, leaks', () => {
    const log: SimEvent[] = [
      { atMs: 1_000, type: 'pool.allocated', poolClass: 'medium', blockIndex: 0, blockId: 1, size: 900, owner: 'ticket 1' },
      { atMs: 1_000, type: 'memory.limitExceeded', requested: 4_000, used: 1_024, limit: 4_096, owner: 'ticket 2' },
      { atMs: 1_000, type: 'heap.oom', requested: 3_000, need: 3_008, searched: 2, largestFree: 1_000, owner: 'ticket 3' },
      { atMs: 2_000, type: 'fd.emfile', owner: 'ticket 2', softLimit: 8, openCount: 8 },
      { atMs: 600_000, type: 'fd.leaked', fd: 5, owner: 'ticket 1', openedAtMs: 1_000 },
      { atMs: 600_000, type: 'memory.leaked', blockId: 1, size: 1_024, owner: 'ticket 1', allocatedAtMs: 1_000 },
      { atMs: 3_000, type: 'cache.evicted', key: 'dish 1', size: 100, reason: 'evict', policy: 'LRU' },
      { atMs: 3_000, type: 'cache.evicted', key: 'dish 2', size: 100, reason: 'stale', policy: 'LRU' },
    ];
    const report = nightReport(kitchen, log, []);
    expect(report.tone).toBe('bad');
    expect(report.headline).toBe(
      'A hard night: 2 requests for counter space failed, 1 station was left uncleared, the pantry was full once and 1 ingredient was left out.',
    );
    expect(figuresOf(sectionOf(report, 'memory'))).toEqual({ allocFailed: '2 bad', peakMemory: '1 KiB of 4 KiB good', peakFragmentation: '0% plain', blocksLeaked: '1 warn' });
    expect(sectionOf(report, 'memory')?.verdict).toBe(
      '2 requests for counter space failed (out of memory): a higher memory limit or less scattered free space would have served them.',
    );
    expect(figuresOf(sectionOf(report, 'fd'))).toEqual({ emfile: '1 bad', fdLeaked: '1 warn', peakOpen: '3 of 8 good' });
    expect(sectionOf(report, 'fd')?.verdict).toBe(
      'The pantry was full once (EMFILE): more slots or putting ingredients back sooner would have avoided it, and 1 ingredient was left out at closing (a leak).',
    );
    expect(figuresOf(sectionOf(report, 'cache'))).toEqual({ hitRatio: '– plain', evictions: '1 plain' });
    expect(sectionOf(report, 'cache')?.verdict).toBe('No order asked the shelf for a dish.');
  });

  it('a night with nothing refused but a limit reached is a close night', () => {
    const log: SimEvent[] = [
      { atMs: 1_000, type: 'task.submitted', taskId: 1, partyId: 1 },
      { atMs: 1_000, type: 'task.queued', taskId: 1, queueLength: 4 },
      { atMs: 9_000, type: 'task.completed', taskId: 1, workerId: 1, durationMs: 8_000 },
    ];
    const report = nightReport(tablesAndStaff, log, []);
    expect(report.tone).toBe('bad');
    expect(report.headline).toBe('A close night: nothing was refused or left behind, but staff came near its limit.');
  });
});

describe('tones and words', () => {
  it('failureTone: none is fine, up to 10% is worth watching, more is a problem', () => {
    expect([failureTone(0, 0), failureTone(1, 10), failureTone(2, 10), failureTone(1, 0)]).toEqual(['good', 'warn', 'bad', 'bad']);
  });
  it('peakTone: below 80% fine, below 95% watch, then a problem; no limit is plain', () => {
    expect([peakTone(7, 10), peakTone(8, 10), peakTone(19, 20), peakTone(5, null), peakTone(5, 0)]).toEqual(['good', 'warn', 'bad', 'plain', 'plain']);
  });
  it('joinWords lists with commas and "and"', () => {
    expect([joinWords([]), joinWords(['a']), joinWords(['a', 'b']), joinWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
