import { LIMIT_COMMAND_KINDS } from '../sim/commands.ts';
import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../sim/timeline.ts';
import { commandsWithin, decodeCommands, encodeCommands, formatTime, parseSeed, parseStartParams, parseTime, shareSearch, startSearch } from './startParams.ts';

const choices = [
  { id: 'tables', name: 'Tables only' },
  { id: 'dinner-service', name: 'Dinner service' },
];

const commands: TimedCommand[] = [
  { atMs: 600_000, command: { kind: 'tables', changes: { small: { min: 4, max: 20 }, acquireTimeoutMs: 120_000 } } },
  { atMs: 900_000, command: { kind: 'staff', changes: { maxPoolSize: 12, queueCapacity: 'unbounded', rejectionPolicy: 'callerRuns' } } },
  { atMs: 900_000, command: { kind: 'ingredients', softLimit: 32, hardLimit: 4096 } },
  { atMs: 1_200_000, command: { kind: 'stations', changes: { memoryLimitBytes: 131_072 } } },
  { atMs: 1_500_000, command: { kind: 'manager', resource: 'thread', limit: 10 } },
];

/** base64url of any text, the way a hostile link would carry it. */
function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('parseStartParams()', () => {
  it('reads scenario, seed and paused', () => {
    expect(parseStartParams('?scenario=tables&seed=7&paused=1', choices, 'dinner-service')).toEqual({
      scenarioId: 'tables',
      seed: 7,
      isPaused: true,
      atMs: undefined,
      commands: [],
      termsMode: undefined,
      notices: [],
    });
  });

  it('uses the default scenario and the scenario seed when nothing is asked for', () => {
    expect(parseStartParams('', choices, 'dinner-service')).toEqual({
      scenarioId: 'dinner-service',
      seed: undefined,
      isPaused: false,
      atMs: undefined,
      commands: [],
      termsMode: undefined,
      notices: [],
    });
    expect(parseStartParams('?paused=0', choices).scenarioId).toBe('tables');
  });

  it('reads the time, the words and the limit changes', () => {
    const params = parseStartParams(`?scenario=tables&t=12:34&terms=systems&cmds=${encodeCommands(commands)}`, choices);
    expect(params.atMs).toBe(754_000);
    expect(params.termsMode).toBe('systems');
    expect(params.commands).toEqual(commands);
    expect(params.notices).toEqual([]);
    expect(parseStartParams('?t=754321', choices).atMs).toBe(754_321);
  });

  it('falls back to defaults with a notice for each bad value', () => {
    const params = parseStartParams('?seed=banana&scenario=nope&t=soon&terms=klingon&cmds=%%%', choices, 'dinner-service');
    expect(params).toMatchObject({ scenarioId: 'dinner-service', seed: undefined, atMs: undefined, termsMode: undefined, commands: [] });
    expect(params.notices).toEqual([
      'There is no scenario called “nope”, so this is Dinner service instead.',
      'The seed “banana” is not a whole number from 0 to 4294967295, so the scenario’s own seed is used.',
      'The time “soon” is not milliseconds or minutes:seconds (such as 12:30), so the service starts at the beginning.',
      'The words “klingon” are neither restaurant nor systems, so your own choice of words is kept.',
      'The limit changes in this link could not be read (not base64url text), so the scenario’s own limits are used.',
    ]);
  });

  it('shortens long bad values in notices', () => {
    const params = parseStartParams(`?scenario=${'x'.repeat(200)}`, choices);
    expect(params.notices[0]).toContain(`“${'x'.repeat(37)}...”`);
  });

  it('round-trips what shareSearch() writes', () => {
    const search = shareSearch({ scenarioId: 'dinner-service', seed: 42, atMs: 1_234_567, commands, termsMode: 'systems', isPaused: true });
    expect(parseStartParams(search, choices)).toEqual({
      scenarioId: 'dinner-service',
      seed: 42,
      isPaused: true,
      atMs: 1_234_567,
      commands,
      termsMode: 'systems',
      notices: [],
    });
  });
});

describe('parseSeed()', () => {
  it('accepts whole numbers 0..2^32-1 only', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseSeed('4294967296')).toBeUndefined();
    expect(parseSeed('-1')).toBeUndefined();
    expect(parseSeed('1.5')).toBeUndefined();
    expect(parseSeed('1e3')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
  });
});

describe('parseTime() and formatTime()', () => {
  it('read milliseconds or minutes:seconds, minutes past 59 included', () => {
    expect(parseTime('0')).toBe(0);
    expect(parseTime('754000')).toBe(754_000);
    expect(parseTime('12:34')).toBe(754_000);
    expect(parseTime('0:05')).toBe(5_000);
    expect(parseTime('75:00')).toBe(4_500_000);
    expect(parseTime(' 1:00 ')).toBe(60_000);
  });

  it('refuse anything else, and times past a day', () => {
    for (const bad of ['', '-1', '1.5', '1e6', '12:3', '12:60', '1:2:3', 'Infinity', 'NaN', '0x10', '86400001', '1441:00', '١٢']) {
      expect(parseTime(bad), bad).toBeUndefined();
    }
    expect(parseTime('86400000')).toBe(86_400_000);
    expect(parseTime('1440:00')).toBe(86_400_000);
  });

  it('formatTime() writes whole seconds as m:ss and anything finer as milliseconds', () => {
    expect(formatTime(754_000)).toBe('12:34');
    expect(formatTime(5_000)).toBe('0:05');
    expect(formatTime(4_500_000)).toBe('75:00');
    expect(formatTime(754_321)).toBe('754321');
    for (const ms of [0, 1, 999, 60_000, 3_599_999, 3_600_000]) expect(parseTime(formatTime(ms))).toBe(ms);
  });
});

describe('shareSearch() and startSearch()', () => {
  it('write each part only when it is not the default', () => {
    expect(shareSearch({ scenarioId: 'tables' })).toBe('?scenario=tables');
    expect(shareSearch({ scenarioId: 'tables', seed: 7, atMs: 0, commands: [] })).toBe('?scenario=tables&seed=7');
    expect(shareSearch({ scenarioId: 'tables', seed: 7, atMs: 90_000, isPaused: true, termsMode: 'restaurant' })).toBe(
      '?scenario=tables&seed=7&t=1%3A30&paused=1&terms=restaurant',
    );
    expect(shareSearch({ scenarioId: 'tables', commands: commands.slice(4) })).toBe(`?scenario=tables&cmds=${encodeCommands(commands.slice(4))}`);
  });

  it('startSearch() builds the query string of a view', () => {
    expect(startSearch('tables', 7)).toBe('?scenario=tables&seed=7');
    expect(startSearch('tables', undefined, true)).toBe('?scenario=tables&paused=1');
  });
});

describe('encodeCommands() and decodeCommands()', () => {
  it('write compact JSON as base64url without padding, and read it back', () => {
    const text = encodeCommands(commands.slice(4));
    expect(text).toBe(b64url('[{"atMs":1500000,"command":{"kind":"manager","resource":"thread","limit":10}}]'));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCommands(text)).toEqual({ ok: true, commands: commands.slice(4) });
    expect(decodeCommands(encodeCommands([]))).toEqual({ ok: true, commands: [] });
  });

  const hostile: [string, string][] = [
    ['not base64', '***'],
    ['one character too many', 'AAAAA'],
    ['not JSON', b64url('[{"atMs":')],
    ['not a list', b64url('{"atMs":0}')],
    ['an unknown kind', b64url('[{"atMs":0,"command":{"kind":"nukes","count":1}}]')],
    ['an unknown field', b64url('[{"atMs":0,"command":{"kind":"tables","changes":{"tablecloths":3}}}]')],
    ['a prototype key', b64url('[{"atMs":0,"command":{"kind":"tables","changes":{"__proto__":{"polluted":true}}}}]')],
    ['an extra key on the entry', b64url('[{"atMs":0,"command":{"kind":"manager","resource":"fd","limit":1},"then":"alert(1)"}]')],
    ['a string number', b64url('[{"atMs":"0","command":{"kind":"manager","resource":"fd","limit":1}}]')],
    ['a negative time', b64url('[{"atMs":-5,"command":{"kind":"manager","resource":"fd","limit":1}}]')],
    ['a fraction', b64url('[{"atMs":0,"command":{"kind":"ingredients","softLimit":1.5,"hardLimit":8}}]')],
    ['a huge number', b64url('[{"atMs":1e400,"command":{"kind":"manager","resource":"fd","limit":1}}]')],
    ['an unknown resource', b64url('[{"atMs":0,"command":{"kind":"manager","resource":"gold","limit":1}}]')],
    ['an unknown policy', b64url('[{"atMs":0,"command":{"kind":"staff","changes":{"rejectionPolicy":"shout"}}}]')],
    ['a half table class', b64url('[{"atMs":0,"command":{"kind":"tables","changes":{"small":{"min":1}}}}]')],
    ['a fixed station field', b64url('[{"atMs":0,"command":{"kind":"stations","changes":{"heap":{"heapSize":1}}}}]')],
    ['too many commands', encodeCommands(Array.from({ length: 201 }, () => commands[4]))],
    ['invalid UTF-8', Buffer.from([0x5b, 0xff, 0x5d]).toString('base64url')],
    ['a deep nest', b64url('['.repeat(5_000) + ']'.repeat(5_000))],
  ];
  for (const [what, text] of hostile) {
    it(`drops ${what}, with a reason`, () => {
      const result = decodeCommands(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.length).toBeGreaterThan(0);
    });
  }

  it('drops text longer than the limit before reading it', () => {
    expect(decodeCommands('A'.repeat(20_004))).toEqual({ ok: false, problem: 'longer than 20000 characters' });
  });

  it('never lets a prototype key through to an object', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('commandsWithin()', () => {
  it('keeps the commands inside the service and says how many were left out', () => {
    expect(commandsWithin(commands, 1_200_000)).toEqual({
      commands: commands.slice(0, 4),
      notice: '1 limit change comes after the end of this service, so it is left out.',
    });
    expect(commandsWithin(commands, 600_000).notice).toBe('4 limit changes come after the end of this service, so they are left out.');
    expect(commandsWithin(commands, 3_600_000)).toEqual({ commands, notice: null });
  });
});

describe('every kind of limit change survives a link', () => {
  it('encodes and decodes one change of each command kind', () => {
    const everyKind: TimedCommand[] = [
      { atMs: 1_000, command: { kind: 'tables', changes: { small: { min: 1, max: 2 }, acquireTimeoutMs: 60_000 } } },
      { atMs: 2_000, command: { kind: 'staff', changes: { maxPoolSize: 4, rejectionPolicy: 'discard' } } },
      { atMs: 3_000, command: { kind: 'ingredients', softLimit: 16, hardLimit: 64 } },
      { atMs: 4_000, command: { kind: 'stations', changes: { memoryLimitBytes: 32_768 } } },
      { atMs: 5_000, command: { kind: 'shelf', changes: { maxEntries: 5 } } },
      { atMs: 6_000, command: { kind: 'manager', resource: 'fd', limit: 30 } },
    ];
    expect(new Set(everyKind.map((c) => c.command.kind))).toEqual(new Set(LIMIT_COMMAND_KINDS));
    expect(decodeCommands(encodeCommands(everyKind))).toEqual({ ok: true, commands: everyKind });
  });
});
