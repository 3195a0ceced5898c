import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_TIME_LIMIT_MS, formatThrown, LEARNER_GLOBALS, PAGE_CODE_TIME_LIMIT_MS, threwMessage, TOTAL_TIME_LIMIT_MS } from './codeRunner.ts';
import { createNodeCodeRunner, nodeCodeRunner } from './nodeCodeRunner.ts';
import { IMPORT_CASE, PARITY_CASES, parityProbe, probeOutcomes } from './runnerParityCases.ts';
import { LearnerCodeError } from './slots/codeSlot.ts';

const compile = (code: string, name = 'pick') => nodeCodeRunner.compile(code, name);

/** The LearnerCodeError message `run` throws (fails the test when it throws something else or nothing). */
function learnerError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(LearnerCodeError);
    return (e as Error).message;
  }
  throw new Error('expected a LearnerCodeError');
}

describe('nodeCodeRunner: data in and out', () => {
  it('passes copies in and a plain host copy out', () => {
    const pick = compile('function pick(dishes, nowMs) {\n  dishes[0].key = "changed";\n  return { key: dishes[1].key, at: nowMs, list: [1, 2] };\n}');
    const dishes = [{ key: 'soup' }, { key: 'pho' }];
    const out = pick(dishes, 42) as { key: string; at: number; list: number[] };
    expect(out).toEqual({ key: 'pho', at: 42, list: [1, 2] });
    expect(dishes[0].key).toBe('soup');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Array.isArray(out.list)).toBe(true);
  });

  it('keeps state between calls of one compiled function, not between compiles', () => {
    const code = 'let n = 0;\nfunction pick() { n += 1; return n; }';
    const a = compile(code);
    expect([a(), a(), a()]).toEqual([1, 2, 3]);
    expect(compile(code)()).toBe(1);
  });

  it('returns undefined as undefined and NaN as null (JSON)', () => {
    expect(compile('function pick() {}')()).toBeUndefined();
    expect(compile('function pick() { return NaN; }')()).toBeNull();
  });

  it('runs the code in strict mode', () => {
    expect(learnerError(() => compile('function pick() { undeclared = 1; return 1; }')())).toBe('pick threw ReferenceError: undeclared is not defined');
  });
});

describe('nodeCodeRunner: the function is found however it is declared (as in the worker)', () => {
  const dishes = [{ key: 'soup', lastUsedAtMs: 5 }, { key: 'pho', lastUsedAtMs: 2 }];
  it.each([
    ['a const arrow function', 'const pick = (dishes) => dishes[1].key;'],
    ['a let arrow function', 'let pick = (dishes) => { return dishes[1].key; };'],
    ['a const function expression', 'const pick = function (dishes) { return dishes[1].key; };'],
    ['a var function expression', 'var pick = function named(dishes) { return dishes[1].key; };'],
    ['a function declaration', 'function pick(dishes) { return dishes[1].key; }'],
  ])('%s', (_, code) => {
    expect(compile(code)(dishes)).toBe('pho');
  });

  it('a const that is not a function, or a name that is not an identifier, is "no function named"', () => {
    expect(learnerError(() => compile('const pick = 3;'))).toBe('no function named pick (write "function pick(...) { ... }")');
    expect(learnerError(() => compile('const pick = 3;', 'pick; process'))).toMatch(/^no function named pick; process/);
    expect(learnerError(() => compile('function x() {}', 'if'))).toMatch(/^no function named if/);
  });
});

describe('nodeCodeRunner: the same globals as the worker', () => {
  it('the global object holds only LEARNER_GLOBALS (and the function and entry points)', () => {
    const names = compile('function pick() { return Object.getOwnPropertyNames(globalThis); }')() as string[];
    const extra = names.filter((n) => !LEARNER_GLOBALS.includes(n) && !n.startsWith('__boh') && n !== 'pick');
    expect(extra).toEqual([]);
    expect(names).toContain('console');
  });

  it.each(PARITY_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const pick = compile(`function pick() {\n${c.body}\nreturn 1;\n}`);
    if (c.outcome === 'works') expect(pick()).toBe(1);
    else expect(learnerError(() => pick())).toMatch(new RegExp(`^pick threw ${c.outcome}: `));
  });

  it('the one-program probe lists the same outcomes', () => {
    const message = learnerError(() => compile(parityProbe('pick')));
    expect(probeOutcomes(message)).toEqual(PARITY_CASES.map((c) => c.outcome));
  });

  it('import(...) is refused before the code runs, with the worker\'s message', () => {
    expect(learnerError(() => compile(IMPORT_CASE.code))).toBe(IMPORT_CASE.message);
  });

  it('console is silent: a leftover console.log prints nothing in the host', () => {
    const pick = compile('function pick() { console.log("debug"); console.error("oops"); return 7; }');
    const log = process.stdout.write;
    let printed = '';
    process.stdout.write = ((chunk: string) => {
      printed += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(pick()).toBe(7);
    } finally {
      process.stdout.write = log;
    }
    expect(printed).toBe('');
  });
});

describe('shared limits and wording', () => {
  it('the page waits longer than the engine allows for all calls together', () => {
    expect(PAGE_CODE_TIME_LIMIT_MS).toBeGreaterThan(TOTAL_TIME_LIMIT_MS);
  });

  it('formatThrown: "Name: message", either part alone when the other is empty, on one line', () => {
    expect(formatThrown('TypeError', 'x is undefined')).toBe('TypeError: x is undefined');
    expect(formatThrown('', 'boom')).toBe('boom');
    expect(formatThrown('Oops', '')).toBe('Oops');
    expect(formatThrown('Error', 'two\n  lines')).toBe('Error: two lines');
    expect(threwMessage('pick', 'RangeError', 'far')).toBe('pick threw RangeError: far');
  });
});

describe('nodeCodeRunner: failures are one clear line', () => {
  it('a syntax error names its line', () => {
    expect(learnerError(() => compile('function pick(a) {\n  return a +;\n}'))).toBe("syntax error on line 2: Unexpected token ';'");
  });

  it('no function of that name', () => {
    expect(learnerError(() => compile('function chooseVictim() { return 1; }'))).toBe('no function named pick (write "function pick(...) { ... }")');
    expect(learnerError(() => compile('const pick = 3;'))).toBe('no function named pick (write "function pick(...) { ... }")');
  });

  it('a throw gives the error name and message', () => {
    const pick = compile('function pick(dishes) {\n  return dishes.x.y;\n}');
    expect(learnerError(() => pick({}))).toBe("pick threw TypeError: Cannot read properties of undefined (reading 'y')");
    expect(learnerError(() => compile('function pick() { throw new RangeError("too far"); }')())).toBe('pick threw RangeError: too far');
    expect(learnerError(() => compile('function pick() { throw "boom"; }')())).toBe('pick threw boom');
    expect(learnerError(() => compile('function pick() { throw { name: "Oops", message: "a plain object" }; }')())).toBe('pick threw Oops: a plain object');
  });

  it('a throw at the top level, outside the function', () => {
    expect(learnerError(() => compile('throw new Error("early");\nfunction pick() {}'))).toBe('the code failed while loading: threw Error: early');
  });

  it('a result that is not plain data', () => {
    expect(learnerError(() => compile('function pick() { return 10n; }')())).toBe('pick returned something that is not plain data (TypeError: Do not know how to serialize a BigInt)');
    expect(learnerError(() => compile('function pick() { const a = []; a.push(a); return a; }')())).toMatch(/^pick returned something that is not plain data \(TypeError: Converting circular structure to JSON/);
  });

  it(`an endless loop in the function ends after ${CALL_TIME_LIMIT_MS} ms with a clear message`, () => {
    const pick = compile('function pick() { for (;;) {} }');
    const started = performance.now();
    expect(learnerError(() => pick())).toBe(`pick ran longer than ${CALL_TIME_LIMIT_MS} ms (an endless loop?)`);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(CALL_TIME_LIMIT_MS - 50);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('an endless loop at the top level, and an endless chain of promise jobs, end too', () => {
    expect(learnerError(() => compile('while (true) {}\nfunction pick() {}'))).toBe(`the code failed while loading: it ran longer than ${CALL_TIME_LIMIT_MS} ms (an endless loop?)`);
    const pick = compile('function pick() { const f = () => Promise.resolve().then(f); f(); return 1; }');
    expect(learnerError(() => pick())).toBe(`pick ran longer than ${CALL_TIME_LIMIT_MS} ms (an endless loop?)`);
  });

  it('a rejected promise inside stays inside: the host process goes on (checked in a child process)', () => {
    // Under Vitest its own unhandledRejection listener would report it, so the check runs in a plain Node.
    const dir = mkdtempSync(join(tmpdir(), 'boh-runner-'));
    const script = join(dir, 'reject.ts');
    writeFileSync(
      script,
      `import { nodeCodeRunner } from ${JSON.stringify(join(import.meta.dirname, 'nodeCodeRunner.ts'))};
const pick = nodeCodeRunner.compile('function pick() { Promise.reject(new Error("nobody listens")); (async () => { throw new Error("async"); })(); return 2; }', 'pick');
console.log('result', pick());
setTimeout(() => console.log('still running'), 20);
`,
    );
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..'), timeout: 30_000 });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('result 2\nstill running\n');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('all calls together have a time budget', () => {
    const runner = createNodeCodeRunner({ callTimeLimitMs: 200, totalTimeLimitMs: 100 });
    const pick = runner.compile('function pick() { let x = 0; for (let i = 0; i < 2e5; i++) x += i; return x; }', 'pick');
    let message = '';
    for (let i = 0; i < 100_000 && message === ''; i++) {
      try {
        pick();
      } catch (e) {
        message = (e as Error).message;
      }
    }
    expect(message).toBe('pick used more than 100 ms in total over all its calls');
  });
});

describe('nodeCodeRunner: learner code cannot reach the host', () => {
  it('no process, require, fetch, module or timers; a console that is not the host\'s', () => {
    const probe = compile(
      'function pick() { return [typeof process, typeof require, typeof fetch, typeof module, typeof setTimeout, typeof queueMicrotask, typeof globalThis.process, typeof Buffer, typeof WebAssembly, typeof SharedArrayBuffer]; }',
    );
    expect(probe()).toEqual(Array(10).fill('undefined'));
    expect(compile('function pick() { return [typeof console.log, console.log("x"), Object.getPrototypeOf(console) === Object.prototype]; }')()).toEqual(['function', null, true]);
  });

  it('no code from strings (eval, Function), so no way to the host through a constructor', () => {
    expect(learnerError(() => compile('function pick() { return this.constructor.constructor("return process")(); }')())).toMatch(/^pick threw (TypeError|EvalError)/);
    expect(learnerError(() => compile('function pick() { return globalThis.constructor.constructor("return process")(); }')())).toBe(
      'pick threw EvalError: Code generation from strings disallowed for this context',
    );
    expect(learnerError(() => compile('function pick() { return eval("1 + 1"); }')())).toBe('pick threw EvalError: Code generation from strings disallowed for this context');
    expect(learnerError(() => compile('function pick() { return (() => {}).constructor("return 1")(); }')())).toBe(
      'pick threw EvalError: Code generation from strings disallowed for this context',
    );
  });

  it('arguments and the global object carry nothing of the host', () => {
    const pick = compile(
      'function pick(a) { return [Object.getPrototypeOf(a) === Object.prototype, Object.getOwnPropertyNames(globalThis).filter((n) => !/^[A-Z]/.test(n) && !["globalThis", "undefined", "NaN", "Infinity", "pick", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape", "console"].includes(n) && !n.startsWith("__boh"))]; }',
    );
    expect(pick({ a: 1 })).toEqual([true, []]);
  });

  it('stack-trace frames give no host object (Error.prepareStackTrace)', () => {
    const pick = compile(`function pick() {
  const found = [];
  Error.prepareStackTrace = (e, frames) => frames;
  const frames = new Error('probe').stack;
  for (const f of frames) {
    const self = f.getThis();
    const fn = f.getFunction();
    if (self && typeof self === 'object' && 'process' in self) found.push('this.process');
    if (fn) {
      try { found.push(typeof fn.constructor('return process')()); } catch (e) { found.push('refused'); }
    }
  }
  return found.filter((x) => x !== 'refused');
}`);
    expect(pick()).toEqual([]);
  });

  it('the entry points cannot be replaced by the learner', () => {
    expect(learnerError(() => compile('globalThis.__bohCall = () => "{}";\nfunction pick() { return 1; }'))).toMatch(/^the code failed while loading: threw TypeError: Cannot assign to read only property '__bohCall'/);
  });
});

describe('nodeCodeRunner: overhead', () => {
  it('one call costs well under a millisecond', () => {
    const pick = compile('function pick(dishes) { return dishes[0].key; }');
    const dishes = Array.from({ length: 8 }, (_, i) => ({ key: `dish-${i}`, bytes: 100 * i, addedAtMs: i, lastUsedAtMs: i, uses: i }));
    pick(dishes);
    const n = 1_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) pick(dishes);
    const perCallMs = (performance.now() - started) / n;
    console.log(`nodeCodeRunner: ${(perCallMs * 1000).toFixed(0)} µs per call (8 dishes in, a key out, under a time limit)`);
    expect(perCallMs).toBeLessThan(2);
  });
});
