import { describe, expect, it } from 'vitest';
import type { SolutionFile, Verdict } from '../../challenge/types.ts';
import { runInWorker, secondsText, timeoutMessage, type WorkerLike } from './runInWorker.ts';
import { isRunReply } from './workerProtocol.ts';

const solution: SolutionFile = { format: 'back-of-house/solution', version: 1, challenge: 'x', engine: '1', settings: {}, code: null };
const verdict: Verdict = { challenge: 'x', engine: '1', status: 'pass', seeds: [1, 2], goals: [], codeError: null };

/** A worker a test drives, and a timer it fires by hand. */
function harness(options: { failToStart?: boolean } = {}) {
  const sent: unknown[] = [];
  let terminated = 0;
  const worker: WorkerLike = {
    postMessage: (m) => void sent.push(m),
    terminate: () => void terminated++,
    onmessage: null,
    onerror: null,
    onmessageerror: null,
  };
  let fire: (() => void) | null = null;
  let cleared = 0;
  const run = runInWorker({ challengeId: 'x', solution }, true, {
    timeLimitMs: 5000,
    makeWorker: () => {
      if (options.failToStart) throw new Error('workers are off');
      return worker;
    },
    setTimer: (callback) => {
      fire = callback;
      return 1;
    },
    clearTimer: () => void cleared++,
  });
  return { run, worker, sent, fireTimer: () => fire?.(), terminated: () => terminated, cleared: () => cleared };
}

describe('runInWorker()', () => {
  it('posts the request and resolves with the verdict, ending the worker and the timer', async () => {
    const h = harness();
    expect(h.sent).toEqual([{ challengeId: 'x', solution }]);
    h.worker.onmessage?.({ data: { kind: 'verdict', verdict } } as MessageEvent);
    expect(await h.run.done).toEqual({ ok: true, verdict });
    expect(h.terminated()).toBe(1);
    expect(h.cleared()).toBe(1);
    h.run.cancel(); // over: nothing happens
    expect(h.terminated()).toBe(1);
  });

  it('ends a run past its time limit with the message, and a cancelled one', async () => {
    const h = harness();
    h.fireTimer();
    expect(await h.run.done).toEqual({ ok: false, reason: 'timeout', message: 'Your code ran for more than 5 s, so the run was stopped: is there a loop that never ends?' });
    expect(h.terminated()).toBe(1);
    h.worker.onmessage?.({ data: { kind: 'verdict', verdict } } as MessageEvent); // too late: ignored (handler removed)
    const c = harness();
    c.run.cancel();
    expect(await c.run.done).toEqual({ ok: false, reason: 'cancelled', message: 'The run was cancelled.' });
  });

  it('turns every other failure into a message', async () => {
    const failed = harness();
    failed.worker.onmessage?.({ data: { kind: 'failed', message: 'no such challenge' } } as MessageEvent);
    expect(await failed.run.done).toEqual({ ok: false, reason: 'failed', message: 'no such challenge' });
    const junk = harness();
    junk.worker.onmessage?.({ data: { kind: 'verdict', verdict: { status: 'maybe' } } } as MessageEvent);
    expect(await junk.run.done).toMatchObject({ ok: false, reason: 'failed', message: 'The code runner sent back something that is not a verdict.' });
    const crashed = harness();
    crashed.worker.onerror?.({ message: 'SyntaxError in module', preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(await crashed.run.done).toEqual({ ok: false, reason: 'crashed', message: 'The code runner stopped unexpectedly: SyntaxError in module.' });
    const unborn = harness({ failToStart: true });
    expect(await unborn.run.done).toEqual({ ok: false, reason: 'crashed', message: 'The code runner could not start in this browser (workers are off).' });
  });
});

describe('messages and replies', () => {
  it('writes seconds and the two time-out messages', () => {
    expect(secondsText(10_000)).toBe('10 s');
    expect(secondsText(1500)).toBe('1.5 s');
    expect(timeoutMessage(30_000, false)).toBe('The run took more than 30 s, so it was stopped. Try again; if it keeps happening, this machine may be too busy.');
  });

  it('accepts only replies of the right shape', () => {
    expect(isRunReply({ kind: 'verdict', verdict })).toBe(true);
    expect(isRunReply({ kind: 'failed', message: 'm' })).toBe(true);
    expect(isRunReply({ kind: 'failed' })).toBe(false);
    expect(isRunReply({ kind: 'verdict', verdict: { ...verdict, codeError: 3 } })).toBe(false);
    expect(isRunReply(null)).toBe(false);
  });
});
