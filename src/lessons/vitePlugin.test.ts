import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLessonsFolder, lessonCheck, lessonProblemsReport } from './vitePlugin.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const roots: string[] = [];

/** A tiny Vite project whose `lessons/` holds the given fixtures under the given folder names. */
function project(lessons: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boh-lessons-'));
  roots.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script>');
  writeFileSync(join(root, 'main.js'), 'console.log(1);');
  mkdirSync(join(root, 'lessons'));
  writeFileSync(join(root, 'lessons', 'README.md'), '# Lessons\n');
  for (const [folder, fixture] of Object.entries(lessons)) cpSync(join(FIXTURES, fixture), join(root, 'lessons', folder), { recursive: true });
  return root;
}

const buildIn = (root: string) => build({ root, configFile: false, logLevel: 'silent', plugins: [lessonCheck()], build: { outDir: join(root, 'dist'), write: false } });

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('lessonCheck()', () => {
  it('checkLessonsFolder() loads every folder and returns its problems', () => {
    const root = project({ '01-good': 'valid', '02-bad': 'no-correct-option', 'xx-draft': 'raw-html' });
    expect(checkLessonsFolder(join(root, 'lessons'))).toEqual([
      { file: 'lessons/02-bad/README.md', line: 15, field: 'step 1 question.options', message: 'expected exactly one option with "correct": true, found 0' },
    ]);
    expect(checkLessonsFolder(join(root, 'nowhere'))).toEqual([]);
  });

  it('lessonProblemsReport() counts the problems, then lists one per line', () => {
    expect(lessonProblemsReport([{ file: 'lessons/02-bad', message: 'm' }])).toBe('1 lesson problem:\nlessons/02-bad: m');
  });

  it('vite build fails on a lesson problem with the problem line', async () => {
    const root = project({ '01-good': 'valid', '02-bad': 'no-correct-option' });
    await expect(buildIn(root)).rejects.toThrow(
      '1 lesson problem:\nlessons/02-bad/README.md:15: step 1 question.options: expected exactly one option with "correct": true, found 0',
    );
  });

  it('vite build passes when every lesson loads', async () => {
    const root = project({ '01-good': 'valid' });
    await expect(buildIn(root)).resolves.toBeDefined();
  });
});
