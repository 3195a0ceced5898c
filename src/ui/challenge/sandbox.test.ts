import { describe, expect, it } from 'vitest';
import { LOCKED_NAMES, lockDown } from './sandbox.ts';

describe('lockDown()', () => {
  it('removes each name from the scope and its prototypes, read-only afterwards', () => {
    const proto = { fetch: () => 'network', importScripts: () => 'code' };
    const scope = Object.create(proto) as Record<string, unknown>;
    scope.XMLHttpRequest = class {};
    scope.indexedDB = {};
    scope.keep = 1;
    expect(lockDown(scope, ['fetch', 'importScripts', 'XMLHttpRequest', 'indexedDB'])).toEqual([]);
    expect(scope.fetch).toBeUndefined();
    expect(scope.importScripts).toBeUndefined();
    expect(scope.XMLHttpRequest).toBeUndefined();
    expect(scope.indexedDB).toBeUndefined();
    expect((proto as Record<string, unknown>).fetch).toBeUndefined();
    expect(scope.keep).toBe(1);
    expect(() => {
      'use strict';
      scope.fetch = () => 'again';
    }).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(scope, 'fetch')).toMatchObject({ writable: false, configurable: false });
  });

  it('lists the doors the brief names', () => {
    for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'EventSource', 'indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'postMessage']) {
      expect(LOCKED_NAMES).toContain(name);
    }
  });
});
