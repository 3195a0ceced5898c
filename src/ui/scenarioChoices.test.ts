import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { humanize, scenarioOptions } from './scenarioChoices.ts';

describe('scenarioOptions()', () => {
  it('names every built-in scenario from the vocabulary, restaurant word first', () => {
    const options = scenarioOptions(builtInScenarios);
    expect(options.map((o) => o.id)).toEqual(Object.keys(builtInScenarios));
    const byId = Object.fromEntries(options.map((o) => [o.id, o.label]));
    expect(byId).toMatchObject({
      'dinner-service': 'Dinner service · everything',
      stations: 'Kitchen stations · memory',
      shelf: 'Warming shelf · LRU cache',
      'unbounded-shelf': 'Endless shelf · unbounded',
    });
    for (const option of options) {
      expect(option.label).not.toMatch(/-/);
      expect(option.description).not.toBe('');
    }
  });

  it('keeps the bare name for notices and humanizes ids it has no words for', () => {
    const [known, unknown] = scenarioOptions({ stations: { name: 'stations' }, 'late-night': { name: 'late-night' } });
    expect(known).toMatchObject({ name: 'Kitchen stations', label: 'Kitchen stations · memory' });
    expect(unknown).toEqual({ id: 'late-night', name: 'Late night', label: 'Late night', description: '' });
  });

  it('humanize() turns an id into words', () => {
    expect(humanize('unbounded-shelf')).toBe('Unbounded shelf');
  });
});
