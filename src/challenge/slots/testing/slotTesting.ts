/**
 * Test support for the code-slot harnesses: run a plain function (or JavaScript source, as a learner writes
 * it) through a harness the way the real runners do, copying arguments in and the result out as JSON data.
 * Used by the slot tests only; the app and the grader use a real `CodeRunner`.
 */
import type { CodeSlot, SlotRun } from '../codeSlot.ts';

/** A copy as plain JSON data (undefined stays undefined, as a runner reports a function that returns nothing). */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Compiles a function declaration named `functionName` from source text (tests only; no sandbox). */
export function compileDeclaration(source: string, functionName: string): (...args: unknown[]) => unknown {
  return new Function(`"use strict";\n${source}\nreturn ${functionName};`)() as (...args: unknown[]) => unknown;
}

/** Runs `slot` on one seed with `fn` as the learner's function; also counts the calls. */
export function runSlot(
  slot: CodeSlot,
  fn: (...args: never[]) => unknown,
  seed: number,
  params: Record<string, number> = {},
): SlotRun & { calls: number } {
  let calls = 0;
  const run = slot.run({
    seed,
    params,
    call: (...args: unknown[]) => {
      calls++;
      return jsonCopy((fn as (...a: unknown[]) => unknown)(...jsonCopy(args)));
    },
  });
  return { ...run, calls };
}
