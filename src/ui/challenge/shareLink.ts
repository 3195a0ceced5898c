/**
 * Share links: a solution in the page's address, `#/challenges/<id>?solution=<base64url of its JSON>`, and
 * back. Reading one checks it as strictly as an opened file (`parseSolutionFile`), and also that it names
 * the challenge in the link; every problem is one sentence for the learner.
 *
 * @example
 * const hash = shareHash(solution);            // '#/challenges/friday-rush?solution=eyJmb3Jt...'
 * readSharedSolution(param, 'friday-rush', challengeList); // { ok: true, solution, challenge }
 */
import type { Challenge, SolutionFile } from '../../challenge/types.ts';
import { fromBase64Url, toBase64Url } from '../base64url.ts';
import { routeHash, MAX_SOLUTION_PARAM } from '../route.svelte.ts';

export type ReadShared = { ok: true; solution: SolutionFile; challenge: Challenge } | { ok: false; message: string };

export type ParseSolution = (text: string, challenges: readonly Challenge[]) => ReadShared;

/** The share link's hash for a solution (the JSON as `toJson` writes it). */
export function shareHash(solution: SolutionFile, toJson: (s: SolutionFile) => string): string {
  return routeHash({ kind: 'challenge', id: solution.challenge, solution: toBase64Url(toJson(solution)) });
}

/** The whole link: the page's address without its hash, then the share hash. */
export function shareUrl(pageHref: string, solution: SolutionFile, toJson: (s: SolutionFile) => string): string {
  const hashAt = pageHref.indexOf('#');
  return `${hashAt === -1 ? pageHref : pageHref.slice(0, hashAt)}${shareHash(solution, toJson)}`;
}

/** Reads a share link's `solution` value for the challenge `routeId`. */
export function readSharedSolution(param: string, routeId: string, challenges: readonly Challenge[], parse: ParseSolution): ReadShared {
  if (param === '') return { ok: false, message: 'The share link has an empty solution.' };
  if (param.length > MAX_SOLUTION_PARAM) return { ok: false, message: 'The share link’s solution is too long to be a solution.' };
  const text = fromBase64Url(param);
  if (text === null) return { ok: false, message: 'The share link is damaged: its solution is not readable text (it may have been cut short when copied).' };
  const read = parse(text, challenges);
  if (!read.ok) return { ok: false, message: `The share link’s solution is not valid: ${read.message}` };
  if (read.solution.challenge !== routeId) {
    return { ok: false, message: `The share link’s solution is for the challenge “${read.solution.challenge}”, not this one.` };
  }
  return read;
}
