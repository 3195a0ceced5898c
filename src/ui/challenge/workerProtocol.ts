/** The messages between the page and the code worker (`codeWorker.ts`): plain data both ways. */
import type { SolutionFile, Verdict } from '../../challenge/types.ts';

/** Page -> worker: evaluate this solution of this challenge. */
export interface RunRequest {
  challengeId: string;
  solution: SolutionFile;
}

/** Worker -> page: the verdict, or why there is none. */
export type RunReply = { kind: 'verdict'; verdict: Verdict } | { kind: 'failed'; message: string };

/** True when `data` has the shape of a {@link RunReply} (the page checks what crosses the boundary). */
export function isRunReply(data: unknown): data is RunReply {
  if (typeof data !== 'object' || data === null) return false;
  const reply = data as Record<string, unknown>;
  if (reply.kind === 'failed') return typeof reply.message === 'string';
  if (reply.kind !== 'verdict' || typeof reply.verdict !== 'object' || reply.verdict === null) return false;
  const verdict = reply.verdict as Record<string, unknown>;
  return (
    (verdict.status === 'pass' || verdict.status === 'fail') &&
    typeof verdict.challenge === 'string' &&
    typeof verdict.engine === 'string' &&
    Array.isArray(verdict.goals) &&
    Array.isArray(verdict.seeds) &&
    (verdict.codeError === null || typeof verdict.codeError === 'string')
  );
}

/** What the worker makes of a request: the challenge and solution to evaluate, or why it cannot. */
export type ReadRequest<C extends { id: string }> = { ok: true; challenge: C; solution: SolutionFile } | { ok: false; message: string };

/** Checks a {@link RunRequest} that crossed into the worker against the challenges it knows. */
export function readRunRequest<C extends { id: string }>(data: unknown, challenges: readonly C[]): ReadRequest<C> {
  const request = typeof data === 'object' && data !== null ? (data as Partial<Record<keyof RunRequest, unknown>>) : null;
  if (request === null) return { ok: false, message: 'The code runner got no run request from the page. Reload the page and try again.' };
  const challenge = challenges.find((c) => c.id === request.challengeId);
  if (challenge === undefined) return { ok: false, message: `There is no challenge called “${String(request.challengeId)}” in this version of the app.` };
  if (typeof request.solution !== 'object' || request.solution === null || Array.isArray(request.solution)) {
    const what = request.solution === undefined ? 'none' : Array.isArray(request.solution) ? 'a list' : request.solution === null ? 'null' : typeof request.solution;
    return { ok: false, message: `The run request has no solution to check (it sent ${what}). Reload the page and try again.` };
  }
  return { ok: true, challenge, solution: request.solution as SolutionFile };
}
