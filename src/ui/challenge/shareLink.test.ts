import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../base64url.ts';
import { challengeList, makeSolutionFile, parseSolutionFile, solutionToJson } from './core.ts';
import { readSharedSolution, shareHash, shareUrl } from './shareLink.ts';

const friday = challengeList.find((c) => c.id === 'friday-rush')!;
const solution = makeSolutionFile(friday, { 'tables.small.max': 17 }, null);

describe('share links', () => {
  it('writes the solution JSON as base64url in the hash, and reads it back', () => {
    const hash = shareHash(solution, solutionToJson);
    expect(hash).toBe(`#/challenges/friday-rush?solution=${toBase64Url(solutionToJson(solution))}`);
    const param = hash.split('?solution=')[1];
    const read = readSharedSolution(param, 'friday-rush', challengeList, parseSolutionFile);
    expect(read.ok && read.solution).toEqual(solution);
  });

  it('builds the whole link from the page address, replacing its hash', () => {
    expect(shareUrl('https://x.test/app/?terms=systems#/challenges', solution, solutionToJson)).toBe(`https://x.test/app/?terms=systems${shareHash(solution, solutionToJson)}`);
    expect(shareUrl('https://x.test/', solution, solutionToJson)).toBe(`https://x.test/${shareHash(solution, solutionToJson)}`);
  });

  it('says what is wrong with a damaged, foreign or hostile link', () => {
    const read = (param: string, id = 'friday-rush') => readSharedSolution(param, id, challengeList, parseSolutionFile);
    expect(read('')).toEqual({ ok: false, message: 'The share link has an empty solution.' });
    expect(read('%%%')).toMatchObject({ ok: false, message: expect.stringContaining('is damaged') });
    expect(read('x'.repeat(400_000))).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
    expect(read(toBase64Url('{"format":'))).toMatchObject({ ok: false, message: expect.stringMatching(/^The share link’s solution is not valid: /) });
    expect(read(toBase64Url(solutionToJson({ ...solution, engine: '0' })))).toMatchObject({ ok: false, message: expect.stringContaining('engine') });
    const lru = challengeList.find((c) => c.id === 'write-lru')!;
    expect(read(toBase64Url(solutionToJson(makeSolutionFile(lru, {}, lru.code!.starter))))).toEqual({
      ok: false,
      message: 'The share link’s solution is for the challenge “write-lru”, not this one.',
    });
  });
});
