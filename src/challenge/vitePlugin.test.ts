import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { challengeCheck, challengeProblemsReport, checkChallengesFolder } from './vitePlugin.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const roots: string[] = [];

/** A tiny Vite project whose `lessons/challenges/` holds the given fixtures under the given folder names. */
function project(challenges: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boh-challenges-'));
  roots.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script>');
  writeFileSync(join(root, 'main.js'), 'console.log(1);');
  mkdirSync(join(root, 'lessons', 'challenges'), { recursive: true });
  writeFileSync(join(root, 'lessons', 'challenges', 'README.md'), '# Challenges\n');
  for (const [folder, fixture] of Object.entries(challenges)) cpSync(join(FIXTURES, fixture), join(root, 'lessons', 'challenges', folder), { recursive: true });
  return root;
}

const buildIn = (root: string) => build({ root, configFile: false, logLevel: 'silent', plugins: [challengeCheck()], build: { outDir: join(root, 'dist'), write: false } });

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('challengeCheck()', () => {
  it('checkChallengesFolder() loads every folder and returns its problems', () => {
    const root = project({ '01-good': 'valid-limits', '02-bad': 'unknown-metric', 'xx-draft': 'bad-json' });
    expect(checkChallengesFolder(join(root, 'lessons', 'challenges'))).toEqual([
      { file: 'lessons/challenges/02-bad/challenge.json', line: 13, field: 'goals[0].metric', message: '"tables.waitMs.p96" is not a metric of this challenge\'s scenario (SimMetrics or Gauges)' },
      {
        file: 'lessons/challenges/02-bad/challenge.json',
        line: 14,
        field: 'goals[1].metric',
        message: '"tables.waitMs" is a group, not a number (tables.waitMs.count, tables.waitMs.p50, tables.waitMs.p95, tables.waitMs.p99, tables.waitMs.max)',
      },
    ]);
    expect(checkChallengesFolder(join(root, 'nowhere'))).toEqual([]);
  });

  it('challengeProblemsReport() counts the problems, then lists one per line', () => {
    expect(challengeProblemsReport([{ file: 'lessons/challenges/02-bad', message: 'm' }])).toBe('1 challenge problem:\nlessons/challenges/02-bad: m');
  });

  it('vite build fails on a challenge problem with the problem line', async () => {
    const root = project({ '01-good': 'valid-limits', '02-bad': 'bad-json' });
    await expect(buildIn(root)).rejects.toThrow('1 challenge problem:\nlessons/challenges/02-bad/challenge.json:6: bad JSON: trailing comma is not allowed in JSON');
  });

  it('vite build passes when every challenge loads', async () => {
    const root = project({ '01-good': 'valid-limits' });
    await expect(buildIn(root)).resolves.toBeDefined();
  });
});
