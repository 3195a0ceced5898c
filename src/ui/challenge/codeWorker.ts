/**
 * The code worker: a module Web Worker that evaluates one solution and posts its verdict. The page starts a
 * fresh one per run (`runInWorker.ts`) and ends it when the run is over or too long. Before any learner code
 * can run, the worker keeps `postMessage` and `Function` for itself and locks its other doors
 * (`sandbox.ts`); a worker has no DOM to begin with.
 */
import { challengeList, evaluateSolution } from './core.ts';
import { describeThrown, functionCodeRunner } from './functionRunner.ts';
import { lockDown } from './sandbox.ts';
import type { Verdict } from '../../challenge/types.ts';
import type { RunReply, RunRequest } from './workerProtocol.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const runner = functionCodeRunner({ makeFunction: Function });
const challenges = challengeList;

function reply(message: RunReply): void {
  try {
    post(message);
  } catch (error) {
    post({ kind: 'failed', message: `The verdict could not be sent back to the page: ${describeThrown(error)}` } satisfies RunReply);
  }
}

scope.onmessage = (event) => {
  scope.onmessage = null; // one run per worker
  const request = event.data as Partial<RunRequest> | null;
  const challenge = challenges.find((c) => c.id === request?.challengeId);
  if (!request || !challenge || typeof request.solution !== 'object' || request.solution === null) {
    reply({ kind: 'failed', message: `There is no challenge called “${String(request?.challengeId)}” in this version of the app.` });
    return;
  }
  try {
    const verdict = evaluateSolution(challenge, request.solution, challenge.code ? runner : null);
    reply({ kind: 'verdict', verdict: JSON.parse(JSON.stringify(verdict)) as Verdict });
  } catch (error) {
    reply({ kind: 'failed', message: `The run stopped with an error: ${describeThrown(error)}` });
  }
};

lockDown(self);
