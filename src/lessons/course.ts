/**
 * The course as the app ships it: every lesson folder under `/lessons/` bundled as text at build time
 * (`import.meta.glob`), then loaded. The build's lesson check (`vitePlugin.ts`) has already run the full
 * loader with the simulations over the same files, so here the simulation checks are skipped to start fast;
 * the lessons themselves are the same either way.
 *
 * @example
 * import { course, courseProblems } from './lessons/course.ts';
 * course.lessons[0].steps[0].title;
 */
import { groupLessonFiles, loadCourse, type CourseResult, type LessonFilesByFolder } from './loadLesson.ts';
import type { Lesson, LessonProblem } from './lessonSchema.ts';

// `lessons/challenges/` is not a lesson (see src/challenge/challenges.ts).
const rawFiles = import.meta.glob<string>(['/lessons/*/README.md', '/lessons/*/*.json', '!/lessons/challenges/**'], { query: '?raw', import: 'default', eager: true });

/** The lesson files by folder, as bundled. */
export const lessonFiles: LessonFilesByFolder = groupLessonFiles(rawFiles);

const result: CourseResult = loadCourse(lessonFiles, { simulate: false });

/** The lessons that loaded, in number order (all of them when `courseProblems` is empty). */
export const course: { lessons: Lesson[] } = { lessons: result.lessons };

/** What is wrong with the bundled lessons (empty in a build that passed the lesson check). */
export const courseProblems: LessonProblem[] = result.ok ? [] : result.problems;
