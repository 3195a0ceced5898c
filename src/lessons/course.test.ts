import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { course, courseProblems, lessonFiles } from './course.ts';
import { loadCourse } from './loadLesson.ts';
import { readLessonFolders } from './readLessonFiles.ts';

describe('course.ts', () => {
  const onDisk = readLessonFolders(join(import.meta.dirname, '..', '..', 'lessons'));

  it('course.ts bundles the README.md and JSON files of every lesson folder (import.meta.glob)', () => {
    expect(lessonFiles).toEqual(onDisk);
  });

  it('course.ts loads the bundled files as loadCourse() does (without simulating)', () => {
    // Whether the shipped lessons are right is shippedLessons.test.ts's question; this one is about the wiring.
    const expected = loadCourse(onDisk, { simulate: false });
    expect(course.lessons.map((l) => l.id)).toEqual(expected.lessons.map((l) => l.id));
    expect(courseProblems).toEqual(expected.ok ? [] : expected.problems);
  });
});
