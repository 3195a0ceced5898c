import { describe, expect, it } from 'vitest';
import { MAX_SEED_TEXT, readSeed, seedCommit } from './seedText.ts';

describe('readSeed()', () => {
  it('reads whole numbers from 0 to 2^32 - 1, with spaces around and digit groups', () => {
    expect(readSeed('42')).toEqual({ ok: true, seed: 42 });
    expect(readSeed(' 0 ')).toEqual({ ok: true, seed: 0 });
    expect(readSeed('4294967295')).toEqual({ ok: true, seed: 4_294_967_295 });
    expect(readSeed('1,000')).toEqual({ ok: true, seed: 1_000 });
    expect(readSeed('1_000_000')).toEqual({ ok: true, seed: 1_000_000 });
    expect(readSeed('007')).toEqual({ ok: true, seed: 7 });
  });

  it('says what is wrong: empty, negative, not whole, not a number, too large', () => {
    expect(MAX_SEED_TEXT).toBe('4,294,967,295');
    expect(readSeed('')).toEqual({ ok: false, message: 'Type a seed: a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('   ')).toEqual({ ok: false, message: 'Type a seed: a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('-3')).toEqual({ ok: false, message: 'A seed cannot be negative: use a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('-2.5')).toEqual({ ok: false, message: 'A seed cannot be negative: use a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('3.5')).toEqual({ ok: false, message: 'A seed is a whole number, not “3.5”.' });
    expect(readSeed('abc')).toEqual({ ok: false, message: '“abc” is not a whole number: use a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('1e3')).toEqual({ ok: false, message: '“1e3” is not a whole number: use a whole number from 0 to 4,294,967,295.' });
    expect(readSeed('4294967296')).toEqual({ ok: false, message: '4,294,967,295 is the largest seed.' });
    expect(readSeed('9'.repeat(400))).toEqual({ ok: false, message: '4,294,967,295 is the largest seed.' });
    expect(readSeed('x'.repeat(40))).toEqual({ ok: false, message: `“${'x'.repeat(23)}…” is not a whole number: use a whole number from 0 to 4,294,967,295.` });
  });
});

describe('seedCommit()', () => {
  it('restarts only on another valid seed', () => {
    expect(seedCommit('8', 7)).toEqual({ action: 'restart', seed: 8 });
    expect(seedCommit(' 7', 7)).toEqual({ action: 'keep' });
    expect(seedCommit('-1', 7)).toEqual({ action: 'refuse', message: 'A seed cannot be negative: use a whole number from 0 to 4,294,967,295.' });
  });
});
