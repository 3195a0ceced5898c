/**
 * How learner code is run: a {@link CodeRunner} compiles the code of a solution and hands back the named
 * function, wrapped so that arguments go in and the result comes out as plain JSON data (copies), and a throw,
 * a compile error or a run past the time limit becomes a {@link LearnerCodeError} with a one-line message.
 *
 * Two implementations: `nodeCodeRunner.ts` (a `node:vm` context, for the grader and tests) and the browser's
 * Web Worker runner (`src/ui/challenge/codeWorker.ts`). The message helpers here keep their wording the same,
 * and {@link LEARNER_GLOBALS} is what the learner's code finds in both: a solution that runs in one runs in the
 * other, and one that reaches for something else fails the same way in both.
 */
import { LearnerCodeError } from './slots/codeSlot.ts';

export interface CodeRunner {
  /**
   * Compiles `code` and returns its function `functionName`, wrapped. Throws LearnerCodeError when the code
   * does not compile, its top level throws or loops, or it defines no function of that name. The returned
   * function throws LearnerCodeError when the learner's function throws, runs past the time limit, or returns
   * something that is not plain data.
   */
  compile(code: string, functionName: string): (...args: unknown[]) => unknown;
}

/** The longest one call of the learner's function may run (ms). */
export const CALL_TIME_LIMIT_MS = 1_000;
/** The longest all calls of one compiled function may run together (ms), so a slow function still ends. */
export const TOTAL_TIME_LIMIT_MS = 20_000;

/**
 * How much longer than {@link TOTAL_TIME_LIMIT_MS} the page lets a run with code go before it stops the worker:
 * the harness and the simulation need time of their own on top of the learner's calls, and a slow machine more.
 */
export const PAGE_TIME_MARGIN_MS = 10_000;
/**
 * The page's limit for one run with code (the worker cannot interrupt a call, so the page ends the worker).
 * Above the engine's total, so a slow but correct solution the grader's Node check accepts is never stopped by
 * the page first.
 */
export const PAGE_CODE_TIME_LIMIT_MS = TOTAL_TIME_LIMIT_MS + PAGE_TIME_MARGIN_MS;

/**
 * The global names the learner's code may use, in both runners: the ECMAScript built-ins (the ones every
 * supported engine has; not the shared-memory and WebAssembly ones) and `console`, whose methods do nothing.
 * Anything else (fetch, timers, structuredClone, self, importScripts, FontFace, ...) is not defined: using it
 * is a ReferenceError in the worker as in Node. `eval` and `Function` exist but refuse to make code from text
 * (an EvalError, {@link CODE_FROM_TEXT_MESSAGE}).
 */
export const LEARNER_GLOBALS: readonly string[] = [
  'globalThis', 'Infinity', 'NaN', 'undefined',
  'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'Object', 'Function', 'Boolean', 'Symbol', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'Number', 'BigInt', 'Math', 'Date', 'String', 'RegExp',
  'Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'ArrayBuffer', 'DataView', 'JSON',
  'Promise', 'Reflect', 'Proxy', 'Intl',
  'console',
];

/** The methods of the learner's `console`: each does nothing (a leftover `console.log` is harmless). */
export const SILENT_CONSOLE_METHODS: readonly string[] = [
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'groupEnd',
  'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'assert', 'clear',
];

/** The message of the EvalError `eval(...)`, `Function(...)` and their kin throw (V8's own wording in Node). */
export const CODE_FROM_TEXT_MESSAGE = 'Code generation from strings disallowed for this context';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** True when `name` can be the learner's function name (an identifier; the runners splice it into code). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `TypeError: x is undefined` from the name and message of anything thrown (either may be empty), on one line. */
export function formatThrown(name: string, message: string): string {
  return oneLine(name === '' ? message : message === '' ? name : `${name}: ${message}`);
}

/** `syntax error on line 3: Unexpected token '}'`. */
export function syntaxErrorMessage(line: number | null, message: string): string {
  return `syntax error${line === null ? '' : ` on line ${line}`}: ${message}`;
}

/** `no function named chooseVictim (write "function chooseVictim(...) { ... }")`. */
export function missingFunctionMessage(functionName: string): string {
  return `no function named ${functionName} (write "function ${functionName}(...) { ... }")`;
}

/** `chooseVictim threw TypeError: x is undefined` (`name` may be empty for a thrown non-Error). */
export function threwMessage(functionName: string, name: string, message: string): string {
  return `${functionName} threw ${formatThrown(name, message)}`;
}

/** `chooseVictim ran longer than 1000 ms (an endless loop?)`. */
export function timeLimitMessage(functionName: string, limitMs: number): string {
  return `${functionName} ran longer than ${limitMs} ms (an endless loop?)`;
}

/** `chooseVictim used more than 8000 ms in total`. */
export function totalTimeLimitMessage(functionName: string, limitMs: number): string {
  return `${functionName} used more than ${limitMs} ms in total over all its calls`;
}

/** `chooseVictim returned something that is not plain data (TypeError: ...)`. */
export function notPlainDataMessage(functionName: string, detail: string): string {
  return `${functionName} returned something that is not plain data (${oneLine(detail)})`;
}

/** The top level of the code (outside the function) failed. */
export function topLevelMessage(detail: string): string {
  return `the code failed while loading: ${oneLine(detail)}`;
}

/** At most 200 characters on one line. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

export { LearnerCodeError };
