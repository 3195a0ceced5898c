import { describe, expect, it } from 'vitest';
import { builtInScenarios, scenarioOrThrow } from '../../sim/index.ts';
import { limitGroups } from './limitFields.ts';
import { plainRefusal, readableValue } from './refusalText.ts';

const fields = limitGroups(scenarioOrThrow(builtInScenarios['dinner-service'])).flatMap((g) => [...g.live, ...g.setup]);
const say = (message: string, about?: string) => plainRefusal(message, fields, undefined, about);

describe('readableValue()', () => {
  it('groups digits and writes times and sizes in their unit', () => {
    expect(readableValue(10_000, 'count')).toBe('10,000');
    expect(readableValue(86_400_000, 'ms')).toBe('24 h');
    expect(readableValue(2 ** 40, 'bytes')).toBe('1,024 GiB');
    expect(readableValue(5_999_999_999_940_000, 'ms')).toBe('1,666,666,666.65 h');
  });
});

describe('plainRefusal()', () => {
  it('says a bound in words, with the limit’s word and real term, in the field’s unit', () => {
    expect(say('tables.small.max: expected <= 10000, got 20000')).toBe('Small tables at most (small · max): 10,000 is the largest allowed, not 20,000.');
    expect(say('tables.resetMs: expected <= 86400000, got 90000000')).toBe('Time to bus a table (reset on release): 24 h is the largest allowed, not 25 h.');
    expect(say('tables.housekeepingMs: expected >= 1000, got 0')).toBe('Busser walks the floor every (housekeeping period): 1 s is the smallest allowed, not 0 s.');
    expect(say('manager.limits.memory: expected <= 1099511627776, got 2000000000000')).toBe(
      'Counter space allowed (memory limit): 1,024 GiB is the largest allowed, not 1,862.65 GiB.',
    );
  });

  it('reads a message that already has readable values in brackets', () => {
    expect(say('tables.resetMs: expected <= 86400000 (24 h), got 90000000 (25 h)')).toBe(
      'Time to bus a table (reset on release): 24 h is the largest allowed, not 25 h.',
    );
  });

  it('names both limits of a rule between two', () => {
    expect(say('tables.small: expected min <= max')).toBe('Small tables kept set (small · min) cannot be more than Small tables at most (small · max).');
    expect(say('staff.maxPoolSize: expected maxPoolSize >= corePoolSize')).toBe('Cooks at most (max pool size) cannot be less than Cooks on shift (core pool size).');
    expect(say('shelf.maxEntryBytes: expected maxEntryBytes <= maxBytes')).toBe('Largest dish kept (max entry size) cannot be more than Shelf space (max size).');
    expect(say('stations.pools: expected pools.small.blockSize <= pools.medium.blockSize')).toBe(
      'Prep counter size (small block size) cannot be more than Cooking station size (medium block size).',
    );
  });

  it('says several problems once each', () => {
    expect(say('staff.maxPoolSize: expected >= 1, got 0; staff.maxPoolSize: expected maxPoolSize >= corePoolSize')).toBe(
      'Cooks at most (max pool size): 1 is the smallest allowed, not 0. Cooks at most (max pool size) cannot be less than Cooks on shift (core pool size).',
    );
    expect(say('shelf.maxEntryBytes: expected maxEntryBytes <= maxBytes; shelf.maxEntryBytes: expected maxEntryBytes <= maxBytes')).toBe(
      'Largest dish kept (max entry size) cannot be more than Shelf space (max size).',
    );
  });

  it('keeps the operating system’s error names for the pantry', () => {
    expect(say('ingredients: EPERM: raising the hard limit needs privilege (an unprivileged process may only lower it)')).toBe(
      'Pantry slots at most (hard limit) can only go down while the service runs: raising it needs privilege (EPERM).',
    );
    expect(say('ingredients: EINVAL: expected whole numbers >= 0 with softLimit <= hardLimit')).toBe(
      'Pantry slots usable (soft limit · RLIMIT_NOFILE) cannot be more than Pantry slots at most (hard limit) (EINVAL).',
    );
  });

  it('explains the two rules of staff and shelf in words', () => {
    expect(say('staff.keepAliveMs: expected keepAliveMs > 0 when allowCoreTimeout is true')).toBe(
      'Extra staff go home after (keep-alive time) must be above 0 while Cooks on shift go home too (allow core thread timeout) is on.',
    );
    expect(say('shelf.maxEntries: expected maxEntries > 0 (or, for LRU, maxBytes > 0)')).toBe(
      'Dishes at most (max entries) must be above 0 (with LRU, Shelf space (max size) above 0 will do instead).',
    );
  });

  it('reads a bare message as about the field it is given for', () => {
    expect(say('expected >= 1, got 0', 'stations.pools.small.blockSize')).toBe('Prep counter size (small block size): 1 B is the smallest allowed, not 0 B.');
  });

  it('reads a model’s own message under its kind', () => {
    expect(say('tables: small: min 5 is above max 3')).toBe('tables.small: min 5 is above max 3.');
    expect(say('staff: maxPoolSize: expected an integer >= 1, got 0')).toBe('Cooks at most (max pool size): expected an integer >= 1, got 0.');
  });

  it('keeps an unknown message’s words, after the limit’s name when it has one', () => {
    expect(say('stations.heapSize: fixed at the start (changeable: memoryLimitBytes)')).toBe('stations.heapSize: fixed at the start (changeable: memoryLimitBytes)');
    expect(say('tables.createMs: expected an integer, got "x"')).toBe('Time to set a new table (connection create time): expected an integer, got "x".');
    expect(say('something odd')).toBe('something odd.');
  });

  it('names limits in the words asked for', () => {
    const systems = (t: { label: string; real: string }) => `${t.real} (${t.label.toLowerCase()})`;
    expect(plainRefusal('tables.small.max: expected <= 10000, got 20000', fields, systems)).toBe('small · max (small tables at most): 10,000 is the largest allowed, not 20,000.');
  });
});
