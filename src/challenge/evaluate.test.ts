import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSolution } from './evaluate.ts';
import { fakeSlots } from './fixtures/fakeSlot.ts';
import { loadChallenge } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolder } from './readChallengeFiles.ts';
import { makeSolutionFile, starterSolution } from './solutionFile.ts';
import type { Challenge } from './types.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function fixture(name: string, files: Record<string, string> = readChallengeFolder(join(FIXTURES, name))): Challenge {
  const r = loadChallenge(`01-${name}`, files, { runner: nodeCodeRunner, slots: fakeSlots });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.challenge;
}

const limits = fixture('valid-limits');
const code = fixture('valid-code');
const opts = { slots: fakeSlots };

describe('evaluateSolution: a limits challenge', () => {
  it('the reference passes every goal on every seed, with a one-line summary per goal', () => {
    const v = evaluateSolution(limits, limits.reference, null);
    expect(v).toMatchObject({ challenge: 'valid-limits', engine: '1', status: 'pass', seeds: [1, 2], codeError: null });
    expect(v.goals.map((g) => [g.id, g.status, g.message])).toEqual([
      ['p95-wait', 'pass', 'both seeds pass; each: p95 wait 1:00, needs at most 2:00'],
      ['no-timeouts', 'pass', 'both seeds pass; each: 0 parties gave up waiting, needs none'],
      ['budget', 'pass', 'total 31 tables, needs at most 32'],
    ]);
    expect(v.goals[0].perSeed).toEqual([
      { seed: 1, actual: 60000, status: 'pass', message: 'seed 1: p95 wait 1:00, needs at most 2:00' },
      { seed: 2, actual: 60000, status: 'pass', message: 'seed 2: p95 wait 1:00, needs at most 2:00' },
    ]);
  });

  it('the starter fails, each goal with its first failing seed, in plain words and units', () => {
    const v = evaluateSolution(limits, starterSolution(limits), null);
    expect(v.status).toBe('fail');
    expect(v.goals.map((g) => [g.id, g.status, g.message])).toEqual([
      ['p95-wait', 'fail', 'seed 1: p95 wait 4:46, needs at most 2:00'],
      ['no-timeouts', 'fail', 'seed 1: 11 parties gave up waiting, needs none'],
      ['budget', 'pass', 'total 13 tables, needs at most 32'],
    ]);
    expect(v.goals[1].perSeed.map((s) => s.actual)).toEqual([11, 16]);
  });

  it('a solution changes only what it names; the rest keeps its starting value', () => {
    const v = evaluateSolution(limits, makeSolutionFile(limits, { 'tables.small.max': 30 }, null), null);
    expect(v.goals[2].message).toBe('total 35 tables, needs at most 32');
  });

  it('settings the scenario refuses fail every goal with the reason (nothing throws)', () => {
    const v = evaluateSolution(limits, { ...limits.reference, settings: { 'tables.small.max': 99 } }, null);
    expect(v.status).toBe('fail');
    expect(v.goals.map((g) => g.message)).toEqual(Array(3).fill('setting "tables.small.max": 99 is above the maximum 30'));
    expect(v.goals[0].perSeed.map((s) => s.actual)).toEqual([null, null]);
  });

  it('a limits-only challenge on the dinner service with 4 seeds takes well under a second', () => {
    const dinner = fixture('dinner', {
      'README.md': '---\ntitle: Dinner\nsummary: One evening.\nkind: manager\n---\n\nThe brief.\n',
      'challenge.json': JSON.stringify({
        scenario: 'dinner-service',
        seeds: [1, 2, 3, 4],
        settings: [{ path: 'tables.small.max', label: 'Small tables', term: 'pool max', min: 1, max: 40, step: 1 }],
        goals: [
          { id: 'wait', text: 'Short waits', metric: 'tables.waitMs.p95', op: '<=', value: 200000 },
          { id: 'fds', text: 'Few leaks', event: 'fd.leaked', op: '<=', value: 10 },
          { id: 'hits', text: 'Hits', metric: 'shelf.hitRatio', op: '>=', value: 0.2 },
        ],
      }),
      'reference.json': '{ "settings": { "tables.small.max": 40 } }',
    });
    evaluateSolution(dinner, dinner.reference, null); // warm up
    const started = performance.now();
    const v = evaluateSolution(dinner, dinner.reference, null);
    const ms = performance.now() - started;
    console.log(`evaluateSolution: dinner service, limits only, 4 seeds: ${ms.toFixed(0)} ms`);
    expect(v.goals[2].perSeed[0].message).toMatch(/^seed 1: hit ratio \d+(\.\d)?%, needs at least 20%$/);
    expect(ms).toBeLessThan(1000);
  });
});

describe('evaluateSolution: a code slot', () => {
  it('runs the harness on every seed with the code; goals read its metrics and event counts', () => {
    const v = evaluateSolution(code, code.reference, nodeCodeRunner, opts);
    expect(v.status).toBe('pass');
    expect(v.goals.map((g) => g.message)).toEqual([
      'all 3 seeds pass; each: score 4, needs at least 4',
      'all 3 seeds pass; each: 4 pick called events, needs at most 10',
    ]);
    const starter = evaluateSolution(code, starterSolution(code), nodeCodeRunner, opts);
    expect(starter.goals[0].message).toBe('seed 3: score 0, needs at least 4');
  });

  it('params settings reach the harness', () => {
    const v = evaluateSolution(code, makeSolutionFile(code, { 'params.rounds': 7 }, code.reference.code), nodeCodeRunner, opts);
    expect(v.goals[0].perSeed.map((s) => s.actual)).toEqual([7, 7, 7]);
  });

  it('a throw on one seed fails every goal on that seed with the message; the other seeds are graded', () => {
    const v = evaluateSolution(code, makeSolutionFile(code, {}, 'function pick(i, seed) {\n  if (seed === 4) throw new TypeError("x is undefined");\n  return 1;\n}'), nodeCodeRunner, opts);
    expect(v.codeError).toBe('seed 4: pick threw TypeError: x is undefined');
    expect(v.status).toBe('fail');
    for (const g of v.goals) {
      expect(g.perSeed.map((s) => s.status)).toEqual(['pass', 'fail', 'pass']);
      expect(g.perSeed[1]).toEqual({ seed: 4, actual: null, status: 'fail', message: 'seed 4: pick threw TypeError: x is undefined' });
      expect(g.message).toBe('seed 4: pick threw TypeError: x is undefined');
    }
  });

  it('a return the contract forbids is a code error too', () => {
    const v = evaluateSolution(code, makeSolutionFile(code, {}, 'function pick() { return "one"; }'), nodeCodeRunner, opts);
    expect(v.codeError).toBe('seed 3: pick returned "one"; expected a number');
  });

  it('code that does not compile fails every goal on every seed', () => {
    const v = evaluateSolution(code, makeSolutionFile(code, {}, 'function pick() {\n  return (;\n}'), nodeCodeRunner, opts);
    expect(v.codeError).toBe("syntax error on line 2: Unexpected token ';'");
    expect(v.goals.flatMap((g) => g.perSeed.map((s) => s.message))).toEqual(Array(6).fill("syntax error on line 2: Unexpected token ';'"));
  });

  it('an endless loop ends as a code error, once: the later seeds do not wait for it again', () => {
    const started = performance.now();
    const v = evaluateSolution(code, makeSolutionFile(code, {}, 'function pick() { while (true) {} }'), nodeCodeRunner, opts);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(v.codeError).toBe('seed 3: pick ran longer than 1000 ms (an endless loop?)');
    expect(v.goals[0].perSeed.map((s) => s.message)).toEqual([
      'seed 3: pick ran longer than 1000 ms (an endless loop?)',
      'seed 4: pick ran longer than 1000 ms (an endless loop?); it is not called again',
      'seed 5: pick ran longer than 1000 ms (an endless loop?); it is not called again',
    ]);
  });

  it('no code at all', () => {
    const v = evaluateSolution(code, makeSolutionFile(code, {}, null), nodeCodeRunner, opts);
    expect(v.codeError).toBe('no code: this challenge needs a function named pick');
  });
});
