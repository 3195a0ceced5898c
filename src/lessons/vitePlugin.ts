/**
 * A Vite plugin that checks every lesson under `lessons/` with the strict loader (simulations included).
 *
 * - `vite build`: at build start; any problem fails the build with one line per problem
 *   (`lessons/04-kitchen-stations/README.md:23: step 2 question: ...`).
 * - `vite` (dev): at server start and whenever a file under `lessons/` changes; problems are logged and
 *   shown in the browser's error overlay, and the server keeps running.
 * - Not under Vitest: `shippedLessons.test.ts` checks the same lessons there.
 *
 * Node side only (it reads the folder with `fs`): import it from `vite.config.ts`, never from the app.
 */
import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatLessonProblems, loadCourse } from './loadLesson.ts';
import type { LessonProblem } from './lessonSchema.ts';
import { readLessonFolders } from './readLessonFiles.ts';

export interface LessonCheckOptions {
  /** The lessons folder, relative to the Vite root (default `lessons`). */
  dir?: string;
}

/** Every problem of the lesson folders under `lessonsDir` (an absolute path). */
export function checkLessonsFolder(lessonsDir: string): LessonProblem[] {
  const result = loadCourse(readLessonFolders(lessonsDir));
  return result.ok ? [] : result.problems;
}

/** The report of `problems`: a count, then one line per problem. */
export function lessonProblemsReport(problems: readonly LessonProblem[]): string {
  return `${problems.length} lesson problem${problems.length === 1 ? '' : 's'}:\n${formatLessonProblems(problems)}`;
}

const PLUGIN_NAME = 'back-of-house:lesson-check';

export function lessonCheck(options: LessonCheckOptions = {}): Plugin {
  let lessonsDir = '';
  let isBuild = false;
  return {
    name: PLUGIN_NAME,
    configResolved(config) {
      lessonsDir = resolve(config.root, options.dir ?? 'lessons');
      isBuild = config.command === 'build';
    },
    buildStart() {
      if (!isBuild) return;
      const problems = checkLessonsFolder(lessonsDir);
      if (problems.length > 0) this.error(lessonProblemsReport(problems));
    },
    configureServer(server) {
      if (process.env.VITEST) return;
      watchLessons(server, lessonsDir);
    },
  };
}

function watchLessons(server: ViteDevServer, lessonsDir: string): void {
  let report: string | null = null;
  const showOverlay = () => {
    if (report !== null) server.ws.send({ type: 'error', err: { message: report, stack: '', plugin: PLUGIN_NAME } });
  };
  const check = () => {
    let problems: LessonProblem[];
    try {
      problems = checkLessonsFolder(lessonsDir);
    } catch (e) {
      problems = [{ file: 'lessons', message: `the lesson check failed: ${e instanceof Error ? e.message : String(e)}` }];
    }
    const next = problems.length > 0 ? lessonProblemsReport(problems) : null;
    if (next !== null && next !== report) server.config.logger.error(next, { timestamp: true });
    const isFixed = next === null && report !== null;
    report = next;
    if (isFixed) {
      server.config.logger.info('lessons: every problem fixed', { timestamp: true });
      server.ws.send({ type: 'full-reload' }); // clears the error overlay
    }
    showOverlay();
  };
  check();
  let timer: ReturnType<typeof setTimeout> | undefined;
  server.watcher.add(lessonsDir);
  server.watcher.on('all', (_event, path) => {
    if (path !== lessonsDir && !path.startsWith(lessonsDir + sep)) return;
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  });
  server.ws.on('connection', showOverlay);
}
