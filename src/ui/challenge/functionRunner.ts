/**
 * The browser's {@link CodeRunner}: compiles the learner's function with `new Function` (strict mode) inside
 * the code worker, after the worker's network and storage doors are locked ({@link lockDown} in
 * `sandbox.ts`). Data crosses as JSON copies both ways, so the learner's function never holds the harness's
 * objects and returns only plain data. Every failure is a {@link LearnerCodeError} naming the line when
 * there is one: "syntax error on line 3: Unexpected token ';'", "chooseVictim threw TypeError: ... (line 2)",
 * "no function named chooseVictim".
 *
 * @example
 * const choose = functionCodeRunner().compile('function f(a) { return a + 1; }', 'f');
 * choose(1); // 2
 */
import { parser } from '@lezer/javascript';
import { importLine, importMessage } from '../../challenge/importCheck.ts';
import {
  CALL_TIME_LIMIT_MS,
  formatThrown,
  isIdentifier,
  LearnerCodeError,
  missingFunctionMessage,
  notPlainDataMessage,
  oneLine,
  syntaxErrorMessage,
  threwMessage,
  timeLimitMessage,
  topLevelMessage,
  TOTAL_TIME_LIMIT_MS,
  totalTimeLimitMessage,
  type CodeRunner,
} from '../../challenge/codeRunner.ts';

export { importLine };

/** Lines `new Function` puts before the learner's first line: `function anonymous(`, `) {`, `'use strict';`. */
const LINES_BEFORE_CODE = 3;

/** The 1-based line of the first syntax error Lezer's JavaScript parser finds in `code`, or null. */
export function syntaxErrorLine(code: string): number | null {
  let at: number | null = null;
  parser.parse(code).iterate({
    enter(node) {
      if (at !== null) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at === null ? null : lineAt(code, at);
}

function lineAt(code: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/** The learner's line an error's stack points at (the first frame in the compiled code), or null. */
export function learnerLineOf(error: unknown, lineCount: number): number | null {
  const stack = safely(() => String((error as { stack?: unknown }).stack ?? ''), '');
  const match = /<anonymous>:(\d+):\d+/.exec(stack);
  if (!match) return null;
  const line = Number(match[1]) - LINES_BEFORE_CODE;
  return line >= 1 && line <= lineCount ? line : null;
}

/** The name and message of anything thrown (as the Node runner reads them; a hostile value cannot break this). */
export function thrownParts(value: unknown): { name: string; message: string } {
  return safely(
    () => {
      if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
        const e = value as { name?: unknown; message?: unknown };
        return { name: typeof e.name === 'string' ? e.name : '', message: e.message === undefined ? '' : String(e.message) };
      }
      return { name: '', message: String(value) };
    },
    { name: '', message: 'something that cannot be described' },
  );
}

/** `TypeError: x is undefined`, for anything thrown. */
export function describeThrown(value: unknown): string {
  const { name, message } = thrownParts(value);
  return formatThrown(name, message);
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** A plain-data copy through JSON; `undefined` stays `undefined`. Throws on what JSON cannot hold (a cycle, a BigInt). */
function jsonCopy(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

export interface FunctionRunnerOptions {
  /** The Function constructor, captured before the sandbox takes it away from the learner's code. */
  makeFunction?: FunctionConstructor;
  /** A clock in ms (default `performance.now`, read when the runner is made: the sandbox removes `performance`). */
  now?: () => number;
  callTimeLimitMs?: number;
  totalTimeLimitMs?: number;
}

/**
 * A CodeRunner on `new Function`, with the Node runner's wording and time limits. A call cannot be
 * interrupted here (the page ends the whole worker for that), but one that took longer than the per-call
 * limit, or calls that took longer than the total, fail as they would in the grader's Node check.
 */
export function functionCodeRunner(options: FunctionRunnerOptions = {}): CodeRunner {
  const makeFunction = options.makeFunction ?? Function;
  const clock = options.now === undefined ? performance : null;
  const now = options.now ?? (() => (clock as Performance).now());
  const callLimitMs = options.callTimeLimitMs ?? CALL_TIME_LIMIT_MS;
  const totalLimitMs = options.totalTimeLimitMs ?? TOTAL_TIME_LIMIT_MS;
  return {
    compile(code: string, functionName: string) {
      if (!isIdentifier(functionName)) throw new LearnerCodeError(missingFunctionMessage(functionName));
      const imported = importLine(code);
      if (imported !== null) throw new LearnerCodeError(importMessage(imported));
      let factory: () => unknown;
      try {
        factory = makeFunction(`'use strict';\n${code}\n;return typeof ${functionName} === 'function' ? ${functionName} : undefined;`) as () => unknown;
      } catch (error) {
        throw new LearnerCodeError(syntaxErrorMessage(syntaxErrorLine(code), oneLine(thrownParts(error).message)));
      }
      const lineCount = code.split('\n').length;
      const at = (error: unknown) => {
        const line = learnerLineOf(error, lineCount);
        return line === null ? '' : ` (line ${line})`;
      };
      let fn: unknown;
      const loadStarted = now();
      try {
        fn = factory();
      } catch (error) {
        throw new LearnerCodeError(topLevelMessage(`threw ${describeThrown(error)}${at(error)}`));
      }
      if (now() - loadStarted > callLimitMs) throw new LearnerCodeError(topLevelMessage(`it ran longer than ${callLimitMs} ms (an endless loop?)`));
      if (typeof fn !== 'function') throw new LearnerCodeError(missingFunctionMessage(functionName));
      const learnerFunction = fn as (...args: unknown[]) => unknown;
      let usedMs = 0;
      return (...args: unknown[]) => {
        if (usedMs >= totalLimitMs) throw new LearnerCodeError(totalTimeLimitMessage(functionName, totalLimitMs));
        const copies = jsonCopy(args) as unknown[];
        let result: unknown;
        const started = now();
        try {
          result = learnerFunction(...copies);
        } catch (error) {
          usedMs += now() - started;
          const { name, message } = thrownParts(error);
          throw new LearnerCodeError(`${threwMessage(functionName, name, message)}${at(error)}`);
        }
        const tookMs = now() - started;
        usedMs += tookMs;
        if (tookMs > callLimitMs) throw new LearnerCodeError(timeLimitMessage(functionName, callLimitMs));
        if (usedMs > totalLimitMs) throw new LearnerCodeError(totalTimeLimitMessage(functionName, totalLimitMs));
        try {
          return jsonCopy(result);
        } catch (error) {
          throw new LearnerCodeError(notPlainDataMessage(functionName, describeThrown(error)));
        }
      };
    },
  };
}
