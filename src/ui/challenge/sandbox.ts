/**
 * Locks the code worker down to what the learner's code may use, {@link LEARNER_GLOBALS} (the ECMAScript
 * built-ins and a silent `console`), the same list the grader's Node runner gives: every other name is deleted
 * from the worker's global scope and from every prototype on its chain, so fetch, XMLHttpRequest, WebSocket,
 * importScripts, indexedDB, caches, timers (and their code-from-a-string form), FontFace and `self.fonts`,
 * structuredClone, Worker, postMessage and the rest are "not defined", as in Node. `eval`, `Function` and
 * every function kind's constructor throw the EvalError Node throws. The worker captures what it needs itself
 * (`postMessage`, `Function`, the clock) before calling this.
 */
import { CODE_FROM_TEXT_MESSAGE, LEARNER_GLOBALS, SILENT_CONSOLE_METHODS } from '../../challenge/codeRunner.ts';

export interface LockDownOptions {
  /** The names kept (default {@link LEARNER_GLOBALS}). */
  allowed?: readonly string[];
  /**
   * Also make this realm's `Function` and function-kind constructors refuse (default true; a unit test on a
   * stand-in scope turns it off so the test runner's own realm is left alone).
   */
  realm?: boolean;
}

/** A function named `name` that throws the EvalError of making code from text. */
function refuser(name: string): (...args: unknown[]) => never {
  const holder = {
    [name]: function () {
      throw new EvalError(CODE_FROM_TEXT_MESSAGE);
    },
  };
  return holder[name] as (...args: unknown[]) => never;
}

/** A `console` whose methods do nothing. */
export function silentConsole(): Record<string, () => void> {
  const quiet: Record<string, () => void> = {};
  for (const method of SILENT_CONSOLE_METHODS) quiet[method] = function () {};
  return quiet;
}

/**
 * Deletes every name not allowed from `scope` and its prototypes (not Object.prototype); puts in the silent
 * console and the refusing `eval`/`Function`. Returns what could not be removed (should be none); a name
 * that a prototype would not give up is hidden by an own `undefined` on the scope instead.
 */
export function lockDown(scope: object, options: LockDownOptions = {}): string[] {
  const keep = new Set(options.allowed ?? LEARNER_GLOBALS);
  const failed: string[] = [];
  const target = scope as Record<string, unknown>;
  const chain: object[] = [];
  for (let p = Object.getPrototypeOf(scope) as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) chain.push(p);
  const removed = new Set<string>();
  for (const holder of [scope, ...chain]) {
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (keep.has(name)) continue;
      removed.add(name);
      try {
        Reflect.deleteProperty(holder, name);
      } catch {
        // Checked below.
      }
    }
  }
  for (const name of removed) {
    if (!(name in scope)) continue;
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, enumerable: false, configurable: false });
    } catch {
      failed.push(name);
    }
  }
  const define = (name: string, value: unknown) => {
    try {
      Object.defineProperty(scope, name, { value, writable: true, enumerable: false, configurable: true });
    } catch {
      failed.push(name);
    }
  };
  if (keep.has('console')) define('console', silentConsole());
  if (options.realm ?? true) {
    const realFunction = target.Function as FunctionConstructor;
    const fakeFunction = refuser('Function');
    Object.defineProperty(fakeFunction, 'prototype', { value: realFunction.prototype });
    if (keep.has('Function')) define('Function', fakeFunction);
    if (keep.has('eval')) define('eval', refuser('eval'));
    // `(function () {}).constructor` is Function: make every function kind's constructor refuse.
    const kinds: [object, (...args: unknown[]) => never][] = [
      [Object.getPrototypeOf(function () {}) as object, fakeFunction],
      [Object.getPrototypeOf(async function () {}) as object, refuser('AsyncFunction')],
      [Object.getPrototypeOf(function* () {}) as object, refuser('GeneratorFunction')],
      [Object.getPrototypeOf(async function* () {}) as object, refuser('AsyncGeneratorFunction')],
    ];
    for (const [proto, refuse] of kinds) {
      try {
        Object.defineProperty(proto, 'constructor', { value: refuse, writable: false, configurable: false });
      } catch {
        failed.push(`${refuse.name}.prototype.constructor`);
      }
    }
  }
  return failed;
}
