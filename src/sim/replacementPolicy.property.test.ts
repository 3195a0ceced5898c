/**
 * Property tests of the replacement policies (1000 random streams each): OPT is optimal, memory stays
 * within cacheSize without duplicates, a hit is exactly "resident before the access", LRU evicts the least
 * recently used page, and every OSTEP policy agrees with a direct list-based transcription of SEMANTICS.md
 * A.2 (the way paging-policy.py does it, O(n) per access).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, uniform, type Random } from './random.ts';
import { REPLACEMENT_POLICIES, simulateReplacement, type AccessResult, type ReplacementPolicyName } from './replacementPolicy.ts';

const NUM_RUNS = 1000;
/** Streams of up to 300 accesses make a run take a second or two; leave room on a slow machine. */
const TIMEOUT_MS = 60_000;

const scenario = fc.record({
  maxPage: fc.integer({ min: 1, max: 12 }),
  cacheSize: fc.integer({ min: 1, max: 8 }),
  clockBits: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  raw: fc.array(fc.nat(), { maxLength: 300, size: 'max' }),
});

function streamOf(s: { maxPage: number; raw: number[] }): number[] {
  return s.raw.map((x) => x % s.maxPage);
}

function run(policy: ReplacementPolicyName, stream: number[], s: { cacheSize: number; clockBits: number; seed: number }): AccessResult<number>[] {
  return simulateReplacement(policy, stream, s.cacheSize, { clockBits: s.clockBits, rng: createRandom(s.seed) });
}

/** SEMANTICS.md A.2 read literally: a plain array, indexOf, splice, a linear scan of the future. */
function reference(policy: ReplacementPolicyName, stream: number[], cacheSize: number, clockBits: number, rng: Random): AccessResult<number>[] {
  const memory: number[] = [];
  const ref = new Map<number, number>();
  const out: AccessResult<number>[] = [];
  const nextUse = (page: number, i: number) => {
    for (let j = i + 1; j < stream.length; j++) if (stream[j] === page) return j;
    return stream.length;
  };
  stream.forEach((page, i) => {
    const hit = memory.includes(page);
    let victim: number | null = null;
    if (hit && (policy === 'LRU' || policy === 'MRU')) {
      memory.splice(memory.indexOf(page), 1);
      memory.push(page);
    }
    if (!hit) {
      if (memory.length === cacheSize) {
        let at = 0;
        if (policy === 'FIFO' || policy === 'LRU') at = 0;
        else if (policy === 'MRU') at = cacheSize - 1;
        else if (policy === 'RAND') at = Math.floor(uniform(rng) * cacheSize);
        else if (policy === 'OPT') {
          let best = -1;
          memory.forEach((p, k) => {
            const when = nextUse(p, i);
            if (when >= best) [best, at] = [when, k];
          });
        } else if (policy === 'UNOPT') {
          let best = stream.length + 1;
          memory.forEach((p, k) => {
            const when = nextUse(p, i);
            if (when < best) [best, at] = [when, k];
          });
        } else if (policy === 'CLOCK') {
          for (;;) {
            at = Math.floor(uniform(rng) * cacheSize);
            const c = ref.get(memory[at])!;
            if (c >= 1) ref.set(memory[at], c - 1);
            else break;
          }
          ref.delete(memory[at]);
        }
        victim = memory.splice(at, 1)[0];
      }
      memory.push(page);
    }
    const c = ref.get(page);
    ref.set(page, c === undefined ? 1 : Math.min(c + 1, clockBits));
    out.push({ page, hit, victim, memory: memory.slice() });
  });
  return out;
}

describe('replacement policy properties', () => {
  it('OPT never misses more than any other policy on the same stream and cache size', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        const missesOf = (p: ReplacementPolicyName) => run(p, stream, s).filter((r) => !r.hit).length;
        const opt = missesOf('OPT');
        for (const p of REPLACEMENT_POLICIES) expect(opt).toBeLessThanOrEqual(missesOf(p));
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it('memory never exceeds cacheSize, holds no duplicates and always holds the page just accessed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        const problems: string[] = [];
        for (const p of REPLACEMENT_POLICIES) {
          run(p, stream, s).forEach((r, i) => {
            if (r.memory.length > s.cacheSize) problems.push(`${p} #${i}: ${r.memory.length} pages`);
            if (new Set(r.memory).size !== r.memory.length) problems.push(`${p} #${i}: duplicates in [${r.memory}]`);
            if (!r.memory.includes(r.page)) problems.push(`${p} #${i}: ${r.page} not resident after its access`);
          });
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it('a hit iff the page was resident before the access; a victim iff a miss with memory full, taken from memory', () => {
    const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        const problems: string[] = [];
        for (const p of REPLACEMENT_POLICIES) {
          let before: number[] = [];
          run(p, stream, s).forEach((r, i) => {
            if (r.hit !== before.includes(r.page)) problems.push(`${p} #${i}: hit=${r.hit} with [${before}] before`);
            if (r.hit || before.length < s.cacheSize) {
              if (r.victim !== null) problems.push(`${p} #${i}: victim ${r.victim} without need`);
              if (!sameSet(r.memory, r.hit ? before : [...before, r.page])) problems.push(`${p} #${i}: [${before}] -> [${r.memory}]`);
            } else {
              if (r.victim === null || !before.includes(r.victim)) problems.push(`${p} #${i}: victim ${r.victim} not from [${before}]`);
              if (!sameSet(r.memory, [...before.filter((x) => x !== r.victim), r.page])) problems.push(`${p} #${i}: [${before}] -> [${r.memory}]`);
            }
            before = r.memory;
          });
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it("LRU's victim is always the least recently used resident page", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        const lastUse = new Map<number, number>();
        let resident: number[] = [];
        const problems: string[] = [];
        run('LRU', stream, s).forEach((r, i) => {
          if (r.victim !== null) {
            const lru = resident.reduce((a, b) => (lastUse.get(a)! < lastUse.get(b)! ? a : b));
            if (r.victim !== lru) problems.push(`#${i}: evicted ${r.victim}, least recently used was ${lru}`);
          }
          lastUse.set(r.page, i);
          resident = r.memory;
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it('every OSTEP policy matches a literal list-based transcription of SEMANTICS.md A.2, access by access', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        for (const p of ['FIFO', 'LRU', 'MRU', 'OPT', 'UNOPT', 'RAND', 'CLOCK'] as const) {
          const ours = run(p, stream, s);
          const literal = reference(p, stream, s.cacheSize, s.clockBits, createRandom(s.seed));
          // Compare as text first (fast); on a difference, let toEqual show where.
          if (JSON.stringify(ours) !== JSON.stringify(literal)) expect(ours).toEqual(literal);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it('LRU and OPT are stack algorithms: never more misses with a bigger cache (no Belady anomaly)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const stream = streamOf(s);
        for (const p of ['LRU', 'OPT'] as const) {
          const small = run(p, stream, s).filter((r) => !r.hit).length;
          const big = run(p, stream, { ...s, cacheSize: s.cacheSize + 1 }).filter((r) => !r.hit).length;
          expect(big).toBeLessThanOrEqual(small);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);

  it('SECOND_CHANCE keeps pages in their frames: only the victim frame changes on a miss', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let before: number[] = [];
        let ok = true;
        for (const r of run('SECOND_CHANCE', streamOf(s), s)) {
          const frame = r.victim === null ? -1 : before.indexOf(r.victim);
          const expected = r.hit ? before : r.victim === null ? [...before, r.page] : before.map((x, k) => (k === frame ? r.page : x));
          ok &&= expected.length === r.memory.length && expected.every((x, k) => r.memory[k] === x);
          before = r.memory;
        }
        expect(ok).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT_MS);
});
