/**
 * Node side: reads lesson folders from disk in the shape the loader takes (for the build plugin and tests).
 * Only `README.md` and `*.json` files are read, as `course.ts`'s `import.meta.glob` does in the app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHALLENGES_FOLDER, type LessonFilesByFolder } from './loadLesson.ts';

/** True for the files of a lesson folder the loader reads. */
export function isLessonFileName(name: string): boolean {
  return name === 'README.md' || name.endsWith('.json');
}

/** The files of one lesson folder by name. */
export function readLessonFolder(folderPath: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folderPath).sort()) {
    const path = join(folderPath, name);
    if (isLessonFileName(name) && statSync(path).isFile()) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Every folder of `lessonsDir` (e.g. `<root>/lessons`) with its files; top-level files and `challenges/` are ignored. */
export function readLessonFolders(lessonsDir: string): LessonFilesByFolder {
  const out: LessonFilesByFolder = {};
  let names: string[];
  try {
    names = readdirSync(lessonsDir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(lessonsDir, name);
    if (name !== CHALLENGES_FOLDER && statSync(path).isDirectory()) out[name] = readLessonFolder(path);
  }
  return out;
}
