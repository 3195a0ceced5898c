import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSlots } from './fixtures/fakeSlot.ts';
import { formatChallengeProblems, groupChallengeFiles, loadChallenge, loadChallenges, mergeDeep } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolder, readChallengeFolders } from './readChallengeFiles.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const files = (name: string) => readChallengeFolder(join(FIXTURES, name));
const options = { runner: nodeCodeRunner, slots: fakeSlots };

describe('loadChallenge', () => {
  it('a limits challenge: every field', () => {
    const r = loadChallenge('04-valid-limits', files('valid-limits'), options);
    if (!r.ok) throw new Error(formatChallengeProblems(r.problems));
    const c = r.challenge;
    expect({ id: c.id, folder: c.folder, number: c.number, title: c.title, summary: c.summary, kind: c.kind, seeds: c.seeds, code: c.code }).toEqual({
      id: 'valid-limits',
      folder: '04-valid-limits',
      number: 4,
      title: 'Size the room',
      summary: "Enough tables of each size for the rush, within the room's budget.",
      kind: 'tables',
      seeds: [1, 2],
      code: null,
    });
    expect(c.brief.map((b) => [b.kind, b.line])).toEqual([
      ['paragraph', 8],
      ['list', 10],
    ]);
    // `extends` merges deeply: the override changes tables.large.max only.
    expect(c.scenario?.tables?.large).toEqual({ min: 0, max: 1 });
    expect(c.scenario?.tables?.small).toEqual({ min: 2, max: 8 });
    expect(c.scenario?.name).toBe('tables');
    expect(c.startingSettings).toEqual({ 'tables.small.max': 8, 'tables.medium.max': 4, 'tables.large.max': 1 });
    expect(c.settings[0]).toEqual({ path: 'tables.small.max', label: 'Small tables, at most', term: 'pool max size (small)', unit: 'tables', min: 1, max: 30, step: 1 });
    expect(c.goals).toEqual([
      { id: 'p95-wait', text: 'Parties wait at most 2 minutes at p95', op: '<=', value: 120000, metric: 'tables.waitMs.p95' },
      { id: 'no-timeouts', text: 'No party gives up', op: '==', value: 0, event: 'acquire.timedOut' },
      { id: 'budget', text: 'At most 32 tables', op: '<=', value: 32, settings: ['tables.small.max', 'tables.medium.max', 'tables.large.max'] },
    ]);
    expect(c.reference).toEqual({
      format: 'back-of-house/solution',
      version: 1,
      challenge: 'valid-limits',
      engine: '1',
      settings: { 'tables.small.max': 20, 'tables.medium.max': 8, 'tables.large.max': 3 },
      code: null,
    });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c); // plain data (crosses a worker boundary)
  });

  it('a code-slot challenge: the slot gives the function name, signature and contract; params over its defaults', () => {
    const r = loadChallenge('02-valid-code', files('valid-code'), options);
    if (!r.ok) throw new Error(formatChallengeProblems(r.problems));
    expect(r.challenge.scenario).toBeNull();
    expect(r.challenge.code).toEqual({
      slot: 'evictionPolicy',
      params: { rounds: 4 },
      starter: 'function pick(i, seed) {\n  return 0;\n}\n',
      functionName: 'pick',
      signature: 'pick(i, seed) → number',
      contract: 'Return a number for each round.',
    });
    expect(r.challenge.startingSettings).toEqual({ 'params.rounds': 4 });
    expect(r.challenge.reference.code).toBe('function pick(i, seed) {\n  return 1;\n}\n');
  });

  it('checking a code slot needs a runner; the app loads without simulating', () => {
    const r = loadChallenge('02-valid-code', files('valid-code'), { slots: fakeSlots });
    expect(r.ok ? '' : formatChallengeProblems(r.problems)).toBe(
      'lessons/challenges/02-valid-code/challenge.json:7: code: cannot check a code-slot challenge without a code runner (pass options.runner)',
    );
    expect(loadChallenge('02-valid-code', files('valid-code'), { slots: fakeSlots, simulate: false }).ok).toBe(true);
    // Without simulating, a failing reference is not noticed (the build and the tests simulate).
    expect(loadChallenge('02-reference-fails', files('reference-fails'), { simulate: false }).ok).toBe(true);
  });
});

describe('loadChallenges', () => {
  it('skips drafts, orders by number, refuses bad folder names, duplicate numbers and ids', () => {
    const valid = files('valid-limits');
    const r = loadChallenges({ '02-b': valid, '01-a': valid, 'xx-draft': {}, 'friday': valid, '01-c': valid, '03-a': valid, '00-zero': valid }, { simulate: false });
    expect(r.ok).toBe(false);
    expect(r.challenges.map((c) => c.folder)).toEqual(['01-a', '02-b']);
    expect(formatChallengeProblems(r.problems).split('\n')).toEqual([
      'lessons/challenges/00-zero: a challenge folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft',
      'lessons/challenges/01-c: duplicate challenge number 01 (lessons/challenges/01-a has it too)',
      'lessons/challenges/03-a: duplicate challenge id "a" (lessons/challenges/01-a has it too)',
      'lessons/challenges/friday: a challenge folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft',
    ]);
  });

  it('no folders: nothing to load, no problem', () => {
    expect(loadChallenges({})).toEqual({ ok: true, challenges: [], problems: [] });
    expect(readChallengeFolders(join(FIXTURES, 'nowhere'))).toEqual({});
  });

  it('readChallengeFolder reads only the files a challenge has', () => {
    expect(Object.keys(files('valid-code'))).toEqual(['README.md', 'challenge.json', 'reference.js', 'reference.json', 'starter.js']);
  });
});

describe('helpers', () => {
  it('mergeDeep merges objects key by key; lists and values replace', () => {
    expect(mergeDeep({ a: { b: 1, c: 2 }, l: [1, 2], x: 1 }, { a: { c: 3 }, l: [9], y: 2 })).toEqual({ a: { b: 1, c: 3 }, l: [9], x: 1, y: 2 });
  });

  it('groupChallengeFiles groups glob paths by folder', () => {
    expect(groupChallengeFiles({ '/lessons/challenges/01-a/README.md': 'r', '/lessons/challenges/01-a/starter.js': 's', '/lessons/challenges/README.md': 'x', '/lessons/02-tables/README.md': 'l' })).toEqual({
      '01-a': { 'README.md': 'r', 'starter.js': 's' },
    });
  });
});
