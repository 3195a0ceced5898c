/**
 * Opening and saving solution files in the page: the file name a download gets, and what an opened file
 * gives (the solution, or one sentence saying why not, naming the file). The checks themselves are
 * `parseSolutionFile`'s; this adds the size limit (before reading) and "is it this challenge?".
 */
import type { Challenge, SolutionFile } from '../../challenge/types.ts';
import type { ParseSolution } from './shareLink.ts';

import { MAX_SOLUTION_BYTES } from '../../challenge/solutionFile.ts';

/** The largest solution file (bytes), as the format says (defined once, in `solutionFile.ts`). */
export { MAX_SOLUTION_BYTES };

/** `friday-rush.solution.json`. */
export function solutionFileName(challengeId: string): string {
  return `${challengeId}.solution.json`;
}

/** Why a file of this size is refused before it is read, or null. */
export function sizeProblem(fileName: string, byteSize: number): string | null {
  if (byteSize <= MAX_SOLUTION_BYTES) return null;
  return `“${fileName}” is too large to be a solution file (${Math.ceil(byteSize / 1024)} KiB; at most ${MAX_SOLUTION_BYTES / 1024} KiB). Nothing was changed.`;
}

export type OpenedSolution = { ok: true; solution: SolutionFile } | { ok: false; message: string; otherChallenge?: string };

/** Reads an opened file's text for the challenge on screen. */
export function openSolutionText(fileName: string, text: string, challenge: Challenge, challenges: readonly Challenge[], parse: ParseSolution): OpenedSolution {
  const read = parse(text, challenges);
  if (!read.ok) return { ok: false, message: `“${fileName}” is not a solution this app can open: ${read.message}. Nothing was changed.` };
  if (read.solution.challenge !== challenge.id) {
    return {
      ok: false,
      message: `“${fileName}” is a solution of another challenge (“${read.challenge.title}”). Nothing was changed here; open it on that challenge’s page.`,
      otherChallenge: read.solution.challenge,
    };
  }
  return { ok: true, solution: read.solution };
}
