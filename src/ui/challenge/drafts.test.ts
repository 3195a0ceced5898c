import { describe, expect, it } from 'vitest';
import { emptyDrafts, markPassed, nextCorruptKey, readStoredDrafts, replaceDraft, restorePrevious, serializeDrafts, setCode, setSetting } from './drafts.ts';

const base = { settings: { a: 1 }, code: 'function f() {}' };

describe('readStoredDrafts()', () => {
  it('reads nothing as empty, and a valid document as it is', () => {
    expect(readStoredDrafts(null)).toEqual({ drafts: emptyDrafts(), shouldSetAside: false, notice: null });
    const d = markPassed(setSetting(emptyDrafts(), 'friday-rush', 'a', 5, base), 'friday-rush');
    expect(readStoredDrafts(serializeDrafts(d))).toEqual({ drafts: d, shouldSetAside: false, notice: null });
  });

  it('sets aside text that is not JSON, not an object, or another version', () => {
    for (const [text, why] of [
      ['{oops', 'not JSON'],
      ['[1]', 'not an object'],
      ['{"version":2,"drafts":{},"passed":[]}', 'version 2, expected 1'],
    ]) {
      const read = readStoredDrafts(text);
      expect(read.drafts).toEqual(emptyDrafts());
      expect(read.shouldSetAside).toBe(true);
      expect(read.notice).toContain(`(${why})`);
      expect(read.notice).toContain('{key}');
    }
  });

  it('keeps the good drafts of a partly bad document and says which were lost', () => {
    const text = JSON.stringify({
      version: 1,
      drafts: { good: { settings: { a: 2 }, code: null }, bad: { settings: { a: {} }, code: null }, 'Not An Id': { settings: {}, code: null } },
      passed: ['good', 'Bad!'],
    });
    const read = readStoredDrafts(text);
    expect(read.drafts).toEqual({ version: 1, drafts: { good: { settings: { a: 2 }, code: null } }, passed: ['good'] });
    expect(read.shouldSetAside).toBe(true);
    expect(read.notice).toContain('(bad, Not An Id)');
  });
});

describe('changes', () => {
  it('sets a setting and the code over the base, and returns the same object when nothing changes', () => {
    let d = setSetting(emptyDrafts(), 'x', 'a', 3, base);
    expect(d.drafts.x).toEqual({ settings: { a: 3 }, code: 'function f() {}' });
    expect(setSetting(d, 'x', 'a', 3, base)).toBe(d);
    d = setCode(d, 'x', 'function g() {}', base);
    expect(d.drafts.x.code).toBe('function g() {}');
    expect(setCode(d, 'x', 'function g() {}', base)).toBe(d);
  });

  it('replaces a draft keeping the previous one, and swaps them back and forth', () => {
    const start = setSetting(emptyDrafts(), 'x', 'a', 3, base);
    const current = { settings: { a: 3 }, code: base.code };
    const replaced = replaceDraft(start, 'x', base, current);
    expect(replaced.drafts.x).toEqual({ settings: { a: 1 }, code: base.code, previous: current });
    expect(replaceDraft(start, 'x', current, current)).toBe(start);
    const back = restorePrevious(replaced, 'x');
    expect(back.drafts.x).toEqual({ settings: { a: 3 }, code: base.code, previous: { settings: { a: 1 }, code: base.code } });
    expect(restorePrevious(start, 'x')).toBe(start);
  });

  it('records a pass once, in order', () => {
    const d = markPassed(markPassed(emptyDrafts(), 'zeta'), 'alpha');
    expect(d.passed).toEqual(['alpha', 'zeta']);
    expect(markPassed(d, 'alpha')).toBe(d);
  });

  it('names the first free corrupt key', () => {
    expect(nextCorruptKey([])).toBe('boh.challenges.corrupt-1');
    expect(nextCorruptKey(['boh.challenges.corrupt-1', 'boh.challenges.corrupt-2'])).toBe('boh.challenges.corrupt-3');
  });
});
