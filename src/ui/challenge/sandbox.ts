/**
 * Locks the code worker's doors before any learner code runs: no network (fetch, XMLHttpRequest, WebSocket,
 * EventSource, importScripts), no storage (indexedDB, caches), no other contexts (BroadcastChannel, Worker,
 * SharedWorker), no code from strings (eval, Function and its async/generator siblings). Each name is
 * removed from the global scope and every prototype on its chain, then defined as `undefined`, read-only.
 * The worker captures `postMessage` before calling this; the learner's code cannot post then.
 */

/** Names removed from the worker's global scope. */
export const LOCKED_NAMES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'importScripts',
  'EventSource',
  'indexedDB',
  'caches',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
  'postMessage',
  'close',
  'eval',
  'Function',
] as const;

/** Removes `names` from `scope` and its prototypes; returns the names that could not be locked (should be none). */
export function lockDown(scope: object, names: readonly string[] = LOCKED_NAMES): string[] {
  const failed: string[] = [];
  for (const name of names) {
    for (let target: object | null = Object.getPrototypeOf(scope) as object | null; target !== null && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
      if (Object.prototype.hasOwnProperty.call(target, name)) {
        try {
          delete (target as Record<string, unknown>)[name];
        } catch {
          // A non-configurable prototype property: the own property defined below hides it.
        }
      }
    }
    try {
      delete (scope as Record<string, unknown>)[name];
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false, enumerable: false });
    } catch {
      failed.push(name);
    }
  }
  // `(function () {}).constructor` is Function: make every function kind's constructor refuse.
  const refuse = function refused(): never {
    throw new Error('making code from text is not allowed here');
  };
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const kind of kinds) {
    const proto = Object.getPrototypeOf(kind) as object;
    try {
      Object.defineProperty(proto, 'constructor', { value: refuse, writable: false, configurable: false });
    } catch {
      failed.push(`${kind.constructor.name}.prototype.constructor`);
    }
  }
  return failed;
}
