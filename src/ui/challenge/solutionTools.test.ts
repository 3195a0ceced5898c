import { describe, expect, it } from 'vitest';
import { challengeList, makeSolutionFile, parseSolutionFile, solutionToJson } from './core.ts';
import { kindTerm } from './kinds.ts';
import { MAX_SOLUTION_BYTES as ENGINE_MAX } from '../../challenge/solutionFile.ts';
import { MAX_SOLUTION_BYTES, openSolutionText, sizeProblem, solutionFileName } from './solutionTools.ts';

const friday = challengeList.find((c) => c.id === 'friday-rush')!;
const lru = challengeList.find((c) => c.id === 'write-lru')!;

describe('solution files in the page', () => {
  it('uses the engine\'s size limit, defined once', () => {
    expect(MAX_SOLUTION_BYTES).toBe(ENGINE_MAX);
  });

  it('names the download and refuses a file too large before reading it', () => {
    expect(solutionFileName('friday-rush')).toBe('friday-rush.solution.json');
    expect(sizeProblem('a.json', 256 * 1024)).toBeNull();
    expect(sizeProblem('a.json', MAX_SOLUTION_BYTES)).toBeNull();
    expect(sizeProblem('a.json', MAX_SOLUTION_BYTES + 1)).not.toBeNull();
    expect(sizeProblem('a.json', 300 * 1024)).toBe('“a.json” is too large to be a solution file (300 KiB; at most 256 KiB). Nothing was changed.');
  });

  it('opens a solution of this challenge, and refuses a bad one or another challenge’s', () => {
    const good = makeSolutionFile(friday, { 'tables.small.max': 12 }, null);
    expect(openSolutionText('s.json', solutionToJson(good), friday, challengeList, parseSolutionFile)).toEqual({ ok: true, solution: good });
    const bad = openSolutionText('s.json', 'nope', friday, challengeList, parseSolutionFile);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^“s\.json” is not a solution this app can open: .+\. Nothing was changed\.$/);
    const other = openSolutionText('l.json', solutionToJson(makeSolutionFile(lru, {}, lru.code!.starter)), friday, challengeList, parseSolutionFile);
    expect(other).toEqual({
      ok: false,
      otherChallenge: 'write-lru',
      message: `“l.json” is a solution of another challenge (“${lru.title}”). Nothing was changed here; open it on that challenge’s page.`,
    });
  });

  it('names each kind in restaurant words with the real term', () => {
    expect(kindTerm('tables')).toEqual({ label: 'Tables', real: 'connection pool' });
    expect(kindTerm('shelf')).toEqual({ label: 'Warming shelf', real: 'cache' });
    expect(kindTerm('other')).toEqual({ label: 'other', real: 'other' });
  });
});
