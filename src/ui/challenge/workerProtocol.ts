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
