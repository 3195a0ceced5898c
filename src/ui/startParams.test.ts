import { describe, expect, it } from 'vitest';
import { parseSeed, parseStartParams, startSearch } from './startParams.ts';

const choices = [
  { id: 'tables', name: 'Tables only' },
  { id: 'dinner-service', name: 'Dinner service' },
];

describe('parseStartParams()', () => {
  it('reads scenario, seed and paused', () => {
    expect(parseStartParams('?scenario=tables&seed=7&paused=1', choices, 'dinner-service')).toEqual({
      scenarioId: 'tables',
      seed: 7,
      isPaused: true,
      notices: [],
    });
  });

  it('uses the default scenario and the scenario seed when nothing is asked for', () => {
    expect(parseStartParams('', choices, 'dinner-service')).toEqual({
      scenarioId: 'dinner-service',
      seed: undefined,
      isPaused: false,
      notices: [],
    });
    expect(parseStartParams('?paused=0', choices).scenarioId).toBe('tables');
  });

  it('falls back to defaults with a notice for each bad value', () => {
    const params = parseStartParams('?seed=banana&scenario=nope', choices, 'dinner-service');
    expect(params.scenarioId).toBe('dinner-service');
    expect(params.seed).toBeUndefined();
    expect(params.notices).toEqual([
      'There is no scenario called “nope”, so this is Dinner service instead.',
      'The seed “banana” is not a whole number from 0 to 4294967295, so the scenario’s own seed is used.',
    ]);
  });

  it('shortens long bad values in notices', () => {
    const params = parseStartParams(`?scenario=${'x'.repeat(200)}`, choices);
    expect(params.notices[0]).toContain(`“${'x'.repeat(37)}...”`);
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

describe('startSearch()', () => {
  it('builds the query string of a view', () => {
    expect(startSearch('tables', 7)).toBe('?scenario=tables&seed=7');
    expect(startSearch('tables', undefined, true)).toBe('?scenario=tables&paused=1');
  });
});
