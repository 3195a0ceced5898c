/**
 * Node side: reads challenge folders from disk in the shape the loader takes (for the build plugin, the
 * grader and tests). Only the files a challenge has (`README.md`, `challenge.json`, `reference.json`,
 * `starter.js`, `reference.js`) are read, as `challenges.ts`'s `import.meta.glob` does in the app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHALLENGE_FILE_NAMES } from './challengeSchema.ts';
import { CHALLENGES_DIR, type ChallengeFilesByFolder } from './loadChallenge.ts';

/** The files of one challenge folder by name. */
export function readChallengeFolder(folderPath: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folderPath).sort()) {
    const path = join(folderPath, name);
    if ((CHALLENGE_FILE_NAMES as readonly string[]).includes(name) && statSync(path).isFile()) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/**
 * Every folder of `root` (default `lessons/challenges`, relative to the working directory) with its files;
 * top-level files (the format's README) are ignored. A missing root gives no folders.
 */
export function readChallengeFolders(root: string = CHALLENGES_DIR): ChallengeFilesByFolder {
  const out: ChallengeFilesByFolder = {};
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out[name] = readChallengeFolder(path);
  }
  return out;
}
