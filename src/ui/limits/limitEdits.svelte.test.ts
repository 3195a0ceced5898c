import { describe, expect, it } from 'vitest';
import { builtInScenarios, scenarioOrThrow } from '../../sim/index.ts';
import { idsKeptByRestart, LimitEdits } from './limitEdits.svelte.ts';
import { limitGroups } from './limitFields.ts';

describe('idsKeptByRestart()', () => {
  it('keeps the setup fields of the other groups of the dinner service', () => {
    const groups = limitGroups(scenarioOrThrow(builtInScenarios['dinner-service']));
    expect(idsKeptByRestart(groups, 'stations')).toEqual([
      'limit-ingredients-reservedCount',
      'limit-ingredients-staleAfterMs',
      'limit-shelf-policy',
      'limit-shelf-maxEntryBytes',
    ]);
    expect(idsKeptByRestart(groups, 'ingredients')).toEqual([
      'limit-stations-pools-small-blockSize',
      'limit-stations-pools-small-blockCount',
      'limit-stations-pools-medium-blockSize',
      'limit-stations-pools-medium-blockCount',
      'limit-stations-heap-heapSize',
      'limit-stations-heap-policy',
      'limit-stations-heap-listOrder',
      'limit-stations-heap-coalesce',
      'limit-shelf-policy',
      'limit-shelf-maxEntryBytes',
    ]);
  });
});

describe('LimitEdits', () => {
  it('gives a copy of the drafts and messages of some fields', () => {
    const edits = new LimitEdits();
    edits.type('limit-ingredients-reservedCount', '5');
    edits.type('limit-stations-heap-heapSize', '0');
    edits.judge('limit-stations-heap-heapSize', 'Banquet area size (heap size): 1 B is the smallest allowed.');
    edits.choices['limit-stations-heap-policy'] = 'WORST';
    edits.type('limit-tables-small-max', 'abc');
    const kept = edits.draftsOf(['limit-stations-heap-heapSize', 'limit-stations-heap-policy', 'limit-ingredients-staleAfterMs']);
    expect(kept).toEqual({
      texts: { 'limit-stations-heap-heapSize': '0' },
      choices: { 'limit-stations-heap-policy': 'WORST' },
      errors: { 'limit-stations-heap-heapSize': 'Banquet area size (heap size): 1 B is the smallest allowed.' },
    });
    edits.settle('limit-stations-heap-heapSize');
    expect(kept.texts).toEqual({ 'limit-stations-heap-heapSize': '0' });
  });

  it('starts with drafts kept from before a restart, and only those', () => {
    const kept = { texts: { 'limit-ingredients-reservedCount': '5' }, choices: { 'limit-shelf-policy': 'FIFO' }, errors: {} };
    const edits = new LimitEdits(kept);
    expect([edits.texts, edits.choices, edits.errors, edits.setupErrors, edits.resetMessage]).toEqual([
      { 'limit-ingredients-reservedCount': '5' },
      { 'limit-shelf-policy': 'FIFO' },
      {},
      {},
      null,
    ]);
    expect(edits.hasDrafts(['limit-ingredients-reservedCount'])).toBe(true);
    expect(edits.hasDrafts(['limit-stations-heap-heapSize'])).toBe(false);
    // Its own records: the kept object is not changed by edits.
    edits.settle('limit-ingredients-reservedCount');
    expect(kept.texts).toEqual({ 'limit-ingredients-reservedCount': '5' });
    expect(new LimitEdits().texts).toEqual({});
  });
});
