/**
 * How learner code is run: a {@link CodeRunner} compiles the code of a solution and hands back the named
 * function, wrapped so that arguments go in and the result comes out as plain JSON data (copies), and a throw,
 * a compile error or a run past the time limit becomes a {@link LearnerCodeError} with a one-line message.
 *
 * Two implementations: `nodeCodeRunner.ts` (a `node:vm` context, for the grader and tests) and the browser's
 * Web Worker runner (`src/ui/challenge/codeWorker.ts`). The message helpers here keep their wording the same.
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
  const what = name === '' ? message : message === '' ? name : `${name}: ${message}`;
  return `${functionName} threw ${oneLine(what)}`;
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
