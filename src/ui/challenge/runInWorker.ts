/**
 * The page side of a run: a fresh code worker per run, a time limit, and a clear message for every way a
 * run can fail (time-out, cancel, the worker not starting or crashing, a reply that is not a verdict). The
 * promise never rejects.
 *
 * @example
 * const run = runInWorker({ challengeId: 'lru-shelf', solution }, { timeLimitMs: 5000 });
 * cancelButton.onclick = run.cancel;
 * const outcome = await run.done; // { ok: true, verdict } or { ok: false, reason: 'timeout', message }
 */
import type { Verdict } from '../../challenge/types.ts';
import { isRunReply, type RunRequest } from './workerProtocol.ts';

export type RunOutcome =
  | { ok: true; verdict: Verdict }
  | { ok: false; reason: 'timeout' | 'cancelled' | 'crashed' | 'failed'; message: string };

/** The part of a Worker a run uses (a test passes its own). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
}

export interface RunOptions {
  /** Ends the run after this long (ms). */
  timeLimitMs: number;
  /** Makes the worker (default: the real code worker). */
  makeWorker?: () => WorkerLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Run {
  done: Promise<RunOutcome>;
  /** Stops the run now (the outcome is `cancelled`); nothing when it is over. */
  cancel(): void;
}

/** "5 s", "1.5 s", "90 s". */
export function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The message of a run stopped by its time limit. */
export function timeoutMessage(timeLimitMs: number, hasCode: boolean): string {
  return hasCode
    ? `Your code ran for more than ${secondsText(timeLimitMs)}, so the run was stopped: is there a loop that never ends?`
    : `The run took more than ${secondsText(timeLimitMs)}, so it was stopped. Try again; if it keeps happening, this machine may be too busy.`;
}

function realWorker(): WorkerLike {
  return new Worker(new URL('./codeWorker.ts', import.meta.url), { type: 'module', name: 'learner-code' });
}

export function runInWorker(request: RunRequest, hasCode: boolean, options: RunOptions): Run {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let finish: (outcome: RunOutcome) => void = () => undefined;
  const done = new Promise<RunOutcome>((resolve) => {
    finish = resolve;
  });
  let worker: WorkerLike | null = null;
  let timer: unknown = null;
  let isOver = false;

  function end(outcome: RunOutcome): void {
    if (isOver) return;
    isOver = true;
    if (timer !== null) clearTimer(timer);
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      try {
        worker.terminate();
      } catch {
        // Already gone.
      }
    }
    finish(outcome);
  }

  try {
    worker = (options.makeWorker ?? realWorker)();
  } catch (error) {
    end({ ok: false, reason: 'crashed', message: `The code runner could not start in this browser (${error instanceof Error ? error.message : String(error)}).` });
    return { done, cancel: () => undefined };
  }
  worker.onmessage = (event) => {
    const data = event.data;
    if (!isRunReply(data)) end({ ok: false, reason: 'failed', message: 'The code runner sent back something that is not a verdict.' });
    else if (data.kind === 'failed') end({ ok: false, reason: 'failed', message: data.message });
    else end({ ok: true, verdict: data.verdict });
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    const detail = event.message ? `: ${event.message}` : '';
    end({ ok: false, reason: 'crashed', message: `The code runner stopped unexpectedly${detail}.` });
  };
  worker.onmessageerror = () => end({ ok: false, reason: 'failed', message: 'The verdict could not be read back from the code runner.' });
  timer = setTimer(() => end({ ok: false, reason: 'timeout', message: timeoutMessage(options.timeLimitMs, hasCode) }), options.timeLimitMs);
  try {
    worker.postMessage(request);
  } catch (error) {
    end({ ok: false, reason: 'failed', message: `The solution could not be sent to the code runner (${error instanceof Error ? error.message : String(error)}).` });
  }
  return { done, cancel: () => end({ ok: false, reason: 'cancelled', message: 'The run was cancelled.' }) };
}
