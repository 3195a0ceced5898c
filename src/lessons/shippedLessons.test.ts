/**
 * Every lesson shipped in `lessons/` loads with the strict loader, simulations included: the same check
 * the build runs (`vitePlugin.ts`), so `npm test` fails on a lesson problem too.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLessonProblems, loadCourse, loadLesson } from './loadLesson.ts';
import { readLessonFolders } from './readLessonFiles.ts';

const folders = readLessonFolders(join(import.meta.dirname, '..', '..', 'lessons'));
const shipped = Object.keys(folders).filter((f) => !f.startsWith('xx-'));

describe('shipped lessons', () => {
  for (const folder of shipped) {
    it(`lessons/${folder} loads without problems`, () => {
      const r = loadLesson(folder, folders[folder]);
      expect(r.ok ? '' : formatLessonProblems(r.problems)).toBe('');
    });
  }

  it('the course loads: folder names, numbers without duplicates, every lesson', () => {
    const r = loadCourse(folders);
    expect(r.ok ? '' : formatLessonProblems(r.problems)).toBe('');
    expect(r.lessons.map((l) => l.id)).toEqual([...shipped].sort());
  });
});
