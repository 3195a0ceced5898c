import { describe, expect, it } from 'vitest';
import { LearnerCodeError } from './core.ts';
import { describeThrown, functionCodeRunner, importLine, learnerLineOf, syntaxErrorLine } from './functionRunner.ts';

const runner = functionCodeRunner();

function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(LearnerCodeError);
    return (error as Error).message;
  }
  throw new Error('expected a LearnerCodeError');
}

describe('functionCodeRunner()', () => {
  it('compiles the named function and copies data in and out', () => {
    const f = runner.compile('function pick(list) {\n  list.push(99);\n  return { first: list[0], list };\n}', 'pick');
    const input = [3, 4];
    const out = f(input) as { first: number; list: number[] };
    expect(out).toEqual({ first: 3, list: [3, 4, 99] });
    expect(input).toEqual([3, 4]); // the learner changed a copy
    expect(f([7])).toEqual({ first: 7, list: [7, 99] });
  });

  it('runs in strict mode', () => {
    const f = runner.compile('function f() { undeclared = 1; return 1; }', 'f');
    expect(failure(() => f())).toBe('f threw ReferenceError: undeclared is not defined (line 1)');
  });

  it('names the line of a syntax error, and a missing function', () => {
    expect(failure(() => runner.compile('function f(a) {\n  return a +;\n}', 'f'))).toBe("syntax error on line 2: Unexpected token ';'");
    expect(failure(() => runner.compile('function g() { return 1; }', 'f'))).toBe('no function named f (write "function f(...) { ... }")');
    expect(failure(() => runner.compile('const f = 3;', 'f'))).toBe('no function named f (write "function f(...) { ... }")');
  });

  it('reports a throw with its line, a thrown non-error, and a top level that throws', () => {
    const f = runner.compile('function f(x) {\n  // look up\n  return x.y.z;\n}', 'f');
    expect(failure(() => f({}))).toBe("f threw TypeError: Cannot read properties of undefined (reading 'z') (line 3)");
    const g = runner.compile('function g() { throw "no dish"; }', 'g');
    expect(failure(() => g())).toBe('g threw no dish');
    expect(failure(() => runner.compile('throw new RangeError("early");\nfunction f() {}', 'f'))).toBe('the code failed while loading: threw RangeError: early (line 1)');
  });

  it('refuses a result that is not plain data, and import', () => {
    const f = runner.compile('function f() { const a = {}; a.self = a; return a; }', 'f');
    expect(failure(() => f())).toMatch(/^f returned something that is not plain data \(TypeError: Converting circular structure to JSON/);
    const big = runner.compile('function f() { return 10n; }', 'f');
    expect(failure(() => big())).toMatch(/^f returned something that is not plain data \(TypeError: .*BigInt/);
    expect(runner.compile('function f() { return undefined; }', 'f')()).toBeUndefined();
    expect(failure(() => runner.compile("function f() {\n  return import('https://example.com/x.js');\n}", 'f'))).toBe(
      'line 2: import is not allowed (your code cannot load other code)',
    );
  });

  it('fails a call slower than the per-call limit, and calls over the total, as the Node runner would', () => {
    /** A clock that reads each of `ticks` in turn (compile start, compile end, then start and end of each call). */
    const clock = (ticks: number[]) => {
      let i = 0;
      return () => ticks[Math.min(i++, ticks.length - 1)];
    };
    const slow = functionCodeRunner({ now: clock([0, 0, 0, 150]), callTimeLimitMs: 100, totalTimeLimitMs: 1000 });
    const g = slow.compile('function g() { return 1; }', 'g');
    expect(failure(() => g())).toBe('g ran longer than 100 ms (an endless loop?)');

    const busy = functionCodeRunner({ now: clock([0, 0, 0, 90, 90, 180, 180, 270]), callTimeLimitMs: 100, totalTimeLimitMs: 250 });
    const h = busy.compile('function h() { return 2; }', 'h');
    expect(h()).toBe(2);
    expect(h()).toBe(2);
    expect(failure(() => h())).toBe('h used more than 250 ms in total over all its calls');
    expect(failure(() => h())).toBe('h used more than 250 ms in total over all its calls');
  });
});

describe('helpers', () => {
  it('finds the line of a syntax error and of an import', () => {
    expect(syntaxErrorLine('function f() {\n  return 1;\n}')).toBeNull();
    expect(syntaxErrorLine('function f() {\n\n  return 1 +;\n}')).toBe(3);
    expect(importLine('function f() {\n  return import.meta;\n}')).toBe(2);
    expect(importLine('function f() { return "import"; }')).toBeNull();
  });

  it('reads the learner line from a stack, only within the code', () => {
    expect(learnerLineOf({ stack: 'TypeError: x\n    at f (eval at compile (a.js:1:1), <anonymous>:7:3)' }, 10)).toBe(4);
    expect(learnerLineOf({ stack: 'TypeError: x\n    at f (eval at compile (a.js:1:1), <anonymous>:70:3)' }, 10)).toBeNull();
    expect(learnerLineOf({ stack: 'no frames' }, 10)).toBeNull();
  });

  it('describes anything thrown, even a value whose getters throw', () => {
    expect(describeThrown(new TypeError('bad'))).toBe('TypeError: bad');
    expect(describeThrown(42)).toBe('42');
    const hostile = {
      get name(): string {
        throw new Error('no');
      },
    };
    expect(describeThrown(hostile)).toBe('something that cannot be described');
  });
});
