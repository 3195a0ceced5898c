/**
 * The code worker: a module Web Worker that evaluates one solution and posts its verdict. The page starts a
 * fresh one per run (`runInWorker.ts`) and ends it when the run is over or too long. It keeps `postMessage`,
 * `Function`, the clock and JSON for itself, and just before the learner's code is first compiled it locks
 * the worker down to the globals the grader's Node runner gives too (`sandbox.ts`; after the engine's own
 * set-up, which uses web APIs such as structuredClone); a worker has no DOM to begin with.
 */
import { LearnerCodeError, type CodeRunner } from '../../challenge/codeRunner.ts';
import { challengeList, evaluateSolution } from './core.ts';
import { describeThrown, functionCodeRunner } from './functionRunner.ts';
import { lockDown } from './sandbox.ts';
import type { Verdict } from '../../challenge/types.ts';
import { readRunRequest, type RunReply } from './workerProtocol.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const { parse, stringify } = JSON;
const functions = functionCodeRunner({ makeFunction: Function });
const challenges = challengeList;

/** The names the lock-down could not remove, once it ran (null before). */
let unlocked: string[] | null = null;

/** The function runner, locking the worker down before the first compile. */
const runner: CodeRunner = {
  compile(code, functionName) {
    if (unlocked === null) unlocked = lockDown(self);
    if (unlocked.length > 0) throw new LearnerCodeError(`this browser would not let the code runner remove ${unlocked.slice(0, 3).join(', ')}, so your code is not run here`);
    return functions.compile(code, functionName);
  },
};

function reply(message: RunReply): void {
  try {
    post(message);
  } catch (error) {
    post({ kind: 'failed', message: `The verdict could not be sent back to the page: ${describeThrown(error)}` } satisfies RunReply);
  }
}

scope.onmessage = (event) => {
  scope.onmessage = null; // one run per worker
  const request = readRunRequest(event.data, challenges);
  if (!request.ok) {
    reply({ kind: 'failed', message: request.message });
    return;
  }
  const { challenge, solution } = request;
  try {
    const verdict = evaluateSolution(challenge, solution, challenge.code ? runner : null);
    reply({ kind: 'verdict', verdict: parse(stringify(verdict)) as Verdict });
  } catch (error) {
    reply({ kind: 'failed', message: `The run stopped with an error: ${describeThrown(error)}` });
  }
};
