/**
 * A {@link CodeRunner} on `node:vm`, for the grader and the tests: each `compile` makes a new context (its
 * own built-ins, cut down to {@link LEARNER_GLOBALS} with a silent `console`, as in the browser's worker; no
 * `process`, `require`, `fetch` or timers; `eval`/`new Function` and WebAssembly refused) and runs the
 * learner's code in strict mode inside it. Data crosses only as JSON text, parsed on the
 * other side, so no object of the host is ever reachable from the learner's code and no object of the context
 * reaches the host. Every entry into the context (loading the code, each call) runs under a time limit, and
 * promise jobs run inside it too (`microtaskMode: 'afterEvaluate'`), so an endless loop ends with
 * "chooseVictim ran longer than 1000 ms (an endless loop?)".
 *
 * This is isolation for grading learner exercises, not a security boundary against a determined attacker
 * (node:vm is not one); the grader also runs each solution through the browser worker.
 *
 * @example
 * const chooseVictim = nodeCodeRunner.compile(code, 'chooseVictim');
 * chooseVictim([{ key: 'soup' }], 0); // 'soup' (a copy)
 */
import { types } from 'node:util';
import vm from 'node:vm';
import { importLine, importMessage } from './importCheck.ts';
import {
  CALL_TIME_LIMIT_MS,
  formatThrown,
  isIdentifier,
  LEARNER_GLOBALS,
  missingFunctionMessage,
  notPlainDataMessage,
  oneLine,
  SILENT_CONSOLE_METHODS,
  syntaxErrorMessage,
  threwMessage,
  timeLimitMessage,
  topLevelMessage,
  TOTAL_TIME_LIMIT_MS,
  totalTimeLimitMessage,
  type CodeRunner,
} from './codeRunner.ts';
import { LearnerCodeError } from './slots/codeSlot.ts';

export interface NodeCodeRunnerOptions {
  /** The longest one call (or loading the code) may run, ms (default {@link CALL_TIME_LIMIT_MS}). */
  callTimeLimitMs?: number;
  /** The longest all calls of one compiled function may run together, ms (default {@link TOTAL_TIME_LIMIT_MS}). */
  totalTimeLimitMs?: number;
}

const FILE_NAME = 'solution.js';

/**
 * Runs first in every context: takes the built-ins it needs before the learner's code can change them,
 * removes every global not in {@link LEARNER_GLOBALS}, puts in the silent `console`, and defines the three
 * entry points the host calls (fixed: neither writable nor configurable).
 */
const PRELUDE = `"use strict";
(() => {
  const g = globalThis;
  const parse = JSON.parse, stringify = JSON.stringify, apply = Reflect.apply, defineProperty = Object.defineProperty, toText = String;
  const allowed = new Set(${JSON.stringify(LEARNER_GLOBALS)});
  for (const name of Object.getOwnPropertyNames(g)) { if (!allowed.has(name)) { try { delete g[name]; } catch {} } }
  const quiet = {};
  for (const method of ${JSON.stringify(SILENT_CONSOLE_METHODS)}) defineProperty(quiet, method, { value: function () {}, writable: true, enumerable: true, configurable: true });
  defineProperty(g, 'console', { value: quiet, writable: true, enumerable: false, configurable: true });
  const describe = (e) => {
    try {
      if ((typeof e === 'object' && e !== null) || typeof e === 'function') {
        const name = e.name, message = e.message;
        return stringify({ name: typeof name === 'string' ? name : '', message: message === undefined ? '' : toText(message) });
      }
      return stringify({ name: '', message: toText(e) });
    } catch {
      return stringify({ name: '', message: 'something that cannot be described' });
    }
  };
  let fn = null;
  const fixed = (name, value) => defineProperty(g, name, { value, writable: false, enumerable: false, configurable: false });
  defineProperty(g, '__bohArgs', { value: '', writable: true, enumerable: false, configurable: false });
  defineProperty(g, '__bohError', { value: undefined, writable: true, enumerable: false, configurable: false });
  fixed('__bohDescribe', () => describe(g.__bohError));
  fixed('__bohBind', (f) => {
    if (typeof f !== 'function') return false;
    fn = f;
    return true;
  });
  fixed('__bohCall', () => {
    let result;
    try {
      result = apply(fn, undefined, parse(g.__bohArgs));
    } catch (e) {
      return '{"ok":false,"kind":"threw","error":' + describe(e) + '}';
    }
    let out;
    try {
      out = stringify(result);
    } catch (e) {
      return '{"ok":false,"kind":"data","error":' + describe(e) + '}';
    }
    return out === undefined ? '{"ok":true}' : '{"ok":true,"value":' + out + '}';
  });
})();`;

const preludeScript = new vm.Script(PRELUDE, { filename: 'prelude.js' });
const callScript = new vm.Script('__bohCall()', { filename: 'call.js' });
const describeScript = new vm.Script('__bohDescribe()', { filename: 'describe.js' });

interface Described {
  name: string;
  message: string;
}

function isTimeout(e: unknown): boolean {
  // Read without running any code of the context: a proxy is refused before a trap can run, and the own
  // property is read through its descriptor, so a getter is never called.
  if (typeof e !== 'object' || e === null || types.isProxy(e)) return false;
  const code = Object.getOwnPropertyDescriptor(e, 'code');
  return code !== undefined && 'value' in code && code.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/**
 * A promise rejected inside a context with no handler would reach the host's `unhandledRejection` (and, with
 * no listener, end the process). Once a context exists, a listener drops rejections of promises from another
 * realm (a learner's: they are not instances of this realm's Promise) and rethrows any other, as Node would.
 */
let isGuardingRejections = false;
function guardRejections(): void {
  if (isGuardingRejections) return;
  isGuardingRejections = true;
  process.on('unhandledRejection', (reason, promise) => {
    if (!types.isProxy(promise) && !(promise instanceof Promise)) return;
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}

/** Creates a runner (see the module comment). */
export function createNodeCodeRunner(options: NodeCodeRunnerOptions = {}): CodeRunner {
  const callLimitMs = options.callTimeLimitMs ?? CALL_TIME_LIMIT_MS;
  const totalLimitMs = options.totalTimeLimitMs ?? TOTAL_TIME_LIMIT_MS;
  return {
    compile(code: string, functionName: string): (...args: unknown[]) => unknown {
      const context = vm.createContext(Object.create(null) as object, {
        name: 'learner code',
        codeGeneration: { strings: false, wasm: false },
        microtaskMode: 'afterEvaluate',
      });
      if (!isIdentifier(functionName)) throw new LearnerCodeError(missingFunctionMessage(functionName));
      const imported = importLine(code);
      if (imported !== null) throw new LearnerCodeError(importMessage(imported));
      guardRejections();
      preludeScript.runInContext(context, { timeout: callLimitMs });
      const sandbox = context as Record<string, unknown>;

      /** What a value thrown inside the context was, read inside it (under the time limit). */
      const describeThrown = (e: unknown): Described => {
        if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { name: '', message: String(e) };
        try {
          sandbox.__bohError = e;
          const text = describeScript.runInContext(context, { timeout: callLimitMs }) as unknown;
          sandbox.__bohError = undefined;
          return typeof text === 'string' ? (JSON.parse(text) as Described) : { name: '', message: 'an error' };
        } catch {
          return { name: '', message: 'an error that cannot be described' };
        }
      };

      let script: vm.Script;
      try {
        // On line 1, so the learner's line numbers stay as written.
        script = new vm.Script(`"use strict"; ${code}`, { filename: FILE_NAME });
      } catch (e) {
        const stack = e instanceof Error ? (e.stack ?? '') : '';
        const m = new RegExp(`^${FILE_NAME.replace('.', '\\.')}:(\\d+)`).exec(stack);
        throw new LearnerCodeError(syntaxErrorMessage(m === null ? null : Number(m[1]), oneLine(e instanceof Error ? e.message : String(e))));
      }
      try {
        script.runInContext(context, { timeout: callLimitMs });
      } catch (e) {
        if (isTimeout(e)) throw new LearnerCodeError(topLevelMessage(`it ran longer than ${callLimitMs} ms (an endless loop?)`));
        const d = describeThrown(e);
        throw new LearnerCodeError(topLevelMessage(`threw ${formatThrown(d.name, d.message)}`));
      }
      // Looked up by name in the context's scope, not as a property of its global object: a top-level
      // `const chooseVictim = (...) => ...` (or let, or a class) is no property of it, yet the worker finds it.
      let bound: unknown = false;
      try {
        const bind = new vm.Script(`__bohBind(typeof ${functionName} === 'function' ? ${functionName} : undefined)`, { filename: 'bind.js' });
        bound = bind.runInContext(context, { timeout: callLimitMs });
      } catch {
        bound = false; // a reserved word as the name, or a binding the learner left uninitialised
      }
      if (bound !== true) throw new LearnerCodeError(missingFunctionMessage(functionName));

      let usedMs = 0;
      /** Set once a call ran past a limit: the context was stopped mid-run, so it is not called again. */
      let stopped: string | null = null;
      return (...args: unknown[]): unknown => {
        if (stopped !== null) throw new LearnerCodeError(stopped);
        const remaining = totalLimitMs - usedMs;
        if (remaining <= 0) throw new LearnerCodeError(totalTimeLimitMessage(functionName, totalLimitMs));
        const limit = Math.max(1, Math.min(callLimitMs, Math.ceil(remaining)));
        sandbox.__bohArgs = JSON.stringify(args) ?? '[]';
        const started = performance.now();
        let out: unknown;
        try {
          out = callScript.runInContext(context, { timeout: limit });
        } catch (e) {
          usedMs += performance.now() - started;
          if (isTimeout(e)) {
            const message = limit < callLimitMs ? totalTimeLimitMessage(functionName, totalLimitMs) : timeLimitMessage(functionName, callLimitMs);
            stopped = `${message}; it is not called again`;
            throw new LearnerCodeError(message);
          }
          const d = describeThrown(e);
          throw new LearnerCodeError(threwMessage(functionName, d.name, d.message));
        }
        usedMs += performance.now() - started;
        if (typeof out !== 'string') throw new LearnerCodeError(`${functionName}: the call did not complete`);
        const r = JSON.parse(out) as { ok: true; value?: unknown } | { ok: false; kind: 'threw' | 'data'; error: Described };
        if (r.ok) return r.value;
        if (r.kind === 'data') throw new LearnerCodeError(notPlainDataMessage(functionName, formatThrown(r.error.name, r.error.message)));
        throw new LearnerCodeError(threwMessage(functionName, r.error.name, r.error.message));
      };
    },
  };
}

/** The runner with the default time limits. */
export const nodeCodeRunner: CodeRunner = createNodeCodeRunner();
