import { describe, expect, it } from 'vitest';
import { LEARNER_GLOBALS } from '../../challenge/codeRunner.ts';
import { lockDown, silentConsole } from './sandbox.ts';

/** A stand-in for the worker's global: web APIs own and on a prototype chain, ECMAScript built-ins own. */
function fakeWorkerScope() {
  const eventTarget = { addEventListener: () => 'listen' };
  const workerProto = Object.create(eventTarget) as Record<string, unknown>;
  Object.assign(workerProto, { fetch: () => 'network', importScripts: () => 'code', setTimeout: () => 1, structuredClone: (x: unknown) => x, fonts: {} });
  Object.defineProperty(workerProto, 'self', { get: () => scope, configurable: true });
  const scope = Object.create(workerProto) as Record<string, unknown>;
  Object.assign(scope, { XMLHttpRequest: class {}, FontFace: class {}, indexedDB: {}, Math, JSON, Array, console: { log: () => 'the real console' } });
  return { scope, workerProto, eventTarget };
}

describe('lockDown()', () => {
  it('deletes every name not on the allowlist from the scope and its prototypes: "not defined", as in Node', () => {
    const { scope, workerProto, eventTarget } = fakeWorkerScope();
    expect(lockDown(scope, { realm: false })).toEqual([]);
    for (const name of ['fetch', 'importScripts', 'setTimeout', 'structuredClone', 'fonts', 'self', 'XMLHttpRequest', 'FontFace', 'indexedDB', 'addEventListener']) {
      expect(name in scope, name).toBe(false);
    }
    expect(Object.keys(workerProto)).toEqual([]);
    expect(Object.keys(eventTarget)).toEqual([]);
    expect(scope.Math).toBe(Math);
    expect(scope.JSON).toBe(JSON);
    expect(scope.Array).toBe(Array);
  });

  it('replaces console by a silent one', () => {
    const { scope } = fakeWorkerScope();
    lockDown(scope, { realm: false });
    const quiet = scope.console as Record<string, () => unknown>;
    expect(quiet.log()).toBeUndefined();
    expect(typeof quiet.error).toBe('function');
    expect(Object.keys(silentConsole())).toContain('table');
  });

  it('hides a name a prototype will not give up behind an own undefined', () => {
    const proto = {};
    Object.defineProperty(proto, 'fetch', { value: () => 'network', configurable: false });
    const scope = Object.create(proto) as Record<string, unknown>;
    expect(lockDown(scope, { realm: false })).toEqual([]);
    expect(scope.fetch).toBeUndefined();
  });

  it('keeps every ECMAScript name the Node runner keeps', () => {
    for (const name of ['Object', 'Function', 'eval', 'Promise', 'JSON', 'Math', 'Intl', 'console', 'globalThis']) expect(LEARNER_GLOBALS).toContain(name);
    for (const name of ['fetch', 'setTimeout', 'structuredClone', 'self', 'WebAssembly', 'SharedArrayBuffer']) expect(LEARNER_GLOBALS).not.toContain(name);
  });
});
