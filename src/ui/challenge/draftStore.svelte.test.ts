import { describe, expect, it } from 'vitest';
import { DraftStore, type StorageLike } from './draftStore.svelte.ts';
import { DRAFTS_KEY, markPassed } from './drafts.ts';

function memoryStorage(initial: Record<string, string> = {}, refuseWrites = false): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

describe('DraftStore', () => {
  it('saves every change', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage);
    store.update((d) => markPassed(d, 'friday-rush'));
    expect(JSON.parse(storage.data.get(DRAFTS_KEY)!)).toEqual({ version: 1, drafts: {}, passed: ['friday-rush'] });
    expect(store.notices).toEqual([]);
  });

  it('copies unreadable text aside before saving over it, and says where', () => {
    const storage = memoryStorage({ [DRAFTS_KEY]: '{broken', 'boh.challenges.corrupt-1': 'older' });
    const store = new DraftStore(storage);
    expect(storage.data.get('boh.challenges.corrupt-2')).toBe('{broken');
    expect(storage.data.get('boh.challenges.corrupt-1')).toBe('older');
    expect(JSON.parse(storage.data.get(DRAFTS_KEY)!)).toEqual({ version: 1, drafts: {}, passed: [] });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain('“boh.challenges.corrupt-2”');
  });

  it('never overwrites text it could not copy aside, and warns once when storage refuses', () => {
    const storage = memoryStorage({ [DRAFTS_KEY]: '{broken' }, true);
    const store = new DraftStore(storage);
    store.update((d) => markPassed(d, 'x'));
    expect(storage.data.get(DRAFTS_KEY)).toBe('{broken');
    expect(store.notices).toHaveLength(1);

    const full = new DraftStore(memoryStorage({}, true));
    full.update((d) => markPassed(d, 'x'));
    full.update((d) => markPassed(d, 'y'));
    expect(full.notices).toHaveLength(1);
    expect(full.drafts.passed).toEqual(['x', 'y']);
    expect(new DraftStore(null).notices[0]).toContain('does not let the page save');
  });
});
