import { describe, expect, it } from 'vitest';
import { readRunRequest } from './workerProtocol.ts';

const challenges = [{ id: 'write-lru' }, { id: 'friday-rush' }];
const solution = { format: 'back-of-house/solution', version: 1, challenge: 'write-lru', engine: '1', settings: {}, code: 'x' };

describe('readRunRequest()', () => {
  it('finds the challenge and the solution', () => {
    expect(readRunRequest({ challengeId: 'write-lru', solution }, challenges)).toEqual({ ok: true, challenge: challenges[0], solution });
  });

  it('an unknown challenge says so', () => {
    expect(readRunRequest({ challengeId: 'nope', solution }, challenges)).toEqual({ ok: false, message: 'There is no challenge called “nope” in this version of the app.' });
  });

  it('a missing or invalid solution has its own message, not "no challenge called"', () => {
    expect(readRunRequest({ challengeId: 'write-lru' }, challenges)).toEqual({ ok: false, message: 'The run request has no solution to check (it sent none). Reload the page and try again.' });
    expect(readRunRequest({ challengeId: 'write-lru', solution: null }, challenges)).toMatchObject({ ok: false, message: expect.stringContaining('(it sent null)') });
    expect(readRunRequest({ challengeId: 'write-lru', solution: 'text' }, challenges)).toMatchObject({ ok: false, message: expect.stringContaining('(it sent string)') });
    expect(readRunRequest({ challengeId: 'write-lru', solution: [] }, challenges)).toMatchObject({ ok: false, message: expect.stringContaining('(it sent a list)') });
  });

  it('no request at all', () => {
    expect(readRunRequest(null, challenges)).toMatchObject({ ok: false, message: expect.stringContaining('no run request') });
  });
});
