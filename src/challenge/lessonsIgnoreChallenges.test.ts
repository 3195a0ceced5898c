/** The lesson loader leaves `lessons/challenges/` alone: its README is the challenge format, not a lesson. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonBody } from '../lessons/markdown.ts';
import { groupLessonFiles, loadCourse } from '../lessons/loadLesson.ts';
import { readLessonFolders } from '../lessons/readLessonFiles.ts';

describe('lessons ignore lessons/challenges', () => {
  it('readLessonFolders skips the challenges folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'boh-lessons-'));
    try {
      mkdirSync(join(root, '01-a'));
      writeFileSync(join(root, '01-a', 'README.md'), 'a');
      mkdirSync(join(root, 'challenges', '01-rush'), { recursive: true });
      writeFileSync(join(root, 'challenges', 'README.md'), '# Challenges');
      writeFileSync(join(root, 'challenges', '01-rush', 'challenge.json'), '{}');
      expect(readLessonFolders(root)).toEqual({ '01-a': { 'README.md': 'a' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('groupLessonFiles and loadCourse skip it too', () => {
    expect(groupLessonFiles({ '/lessons/challenges/README.md': '# Challenges', '/lessons/challenges/01-rush/challenge.json': '{}' })).toEqual({});
    expect(loadCourse({ challenges: { 'README.md': '# Challenges' } })).toEqual({ ok: true, lessons: [] });
  });

  it('a list at the end of a section is kept (it was dropped before a blank last line)', () => {
    expect(parseLessonBody('Text.\n\n- a\n- b\n\n', 1).intro.map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });
});
