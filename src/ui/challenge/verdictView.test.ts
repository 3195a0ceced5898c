import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../challenge/types.ts';
import { goalRows, verdictHeadline, verdictStatus } from './verdictView.ts';

const verdict: Verdict = {
  challenge: 'friday-rush',
  engine: '1',
  status: 'fail',
  seeds: [11, 12],
  codeError: null,
  goals: [
    {
      id: 'p95',
      text: 'p95 wait at most 3:00',
      status: 'fail',
      message: 'seed 12: p95 wait 4:33, needs at most 3:00',
      perSeed: [
        { seed: 11, actual: 100, status: 'pass', message: 'p95 wait 1:40' },
        { seed: 12, actual: 273, status: 'fail', message: 'p95 wait 4:33, needs at most 3:00' },
      ],
    },
    { id: 'budget', text: 'At most 33 tables', status: 'pass', message: 'all 2 seeds pass', perSeed: [] },
  ],
};

describe('verdict view', () => {
  it('gives the data-status of every state', () => {
    expect(verdictStatus({ kind: 'idle' })).toBe('idle');
    expect(verdictStatus({ kind: 'running' })).toBe('running');
    expect(verdictStatus({ kind: 'done', verdict })).toBe('fail');
    expect(verdictStatus({ kind: 'done', verdict: { ...verdict, status: 'pass' } })).toBe('pass');
    expect(verdictStatus({ kind: 'error', message: 'x', isCancelled: false })).toBe('error');
  });

  it('lists the goals as not run before a verdict, then with per-seed marks', () => {
    expect(goalRows([{ id: 'p95', text: 'T' }], null)).toEqual([{ id: 'p95', text: 'T', status: null, message: 'Not run yet.', seeds: [] }]);
    expect(goalRows([], verdict)[0]).toEqual({
      id: 'p95',
      text: 'p95 wait at most 3:00',
      status: 'fail',
      message: 'seed 12: p95 wait 4:33, needs at most 3:00',
      seeds: [
        { seed: 11, status: 'pass', label: 'seed 11: passed', message: 'p95 wait 1:40' },
        { seed: 12, status: 'fail', label: 'seed 12: failed', message: 'p95 wait 4:33, needs at most 3:00' },
      ],
    });
  });

  it('writes the headline', () => {
    expect(verdictHeadline({ kind: 'done', verdict })).toBe('Not yet: 1 of 2 goals met on every seed.');
    expect(verdictHeadline({ kind: 'done', verdict: { ...verdict, status: 'pass' } })).toBe('Passed: all 2 goals met on all 2 seeds.');
    expect(verdictHeadline({ kind: 'error', message: 'x', isCancelled: true })).toBe('The run was cancelled.');
    expect(verdictHeadline({ kind: 'error', message: 'x', isCancelled: false })).toBe('The run did not finish.');
  });
});
