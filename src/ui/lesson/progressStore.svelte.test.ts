import { describe, expect, it } from 'vitest';
import { openStep, PROGRESS_KEY } from './progress.ts';
import { ProgressStore, type StorageLike } from './progressStore.svelte.ts';

/** A Map-backed storage; `isFull` makes every write throw, as a full or blocked localStorage does. */
function memoryStorage(initial: Record<string, string> = {}): StorageLike & { map: Map<string, string>; isFull: boolean } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    isFull: false,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (this.isFull) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const valid = { version: 1, lastLesson: 'tables', lessons: { tables: { stepsSeen: [1], answers: {}, tasksDone: [], lastStep: 1 } } };

describe('ProgressStore', () => {
  it('reads stored progress and saves each change', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(valid) });
    const store = new ProgressStore(storage);
    expect(store.progress).toEqual(valid);
    expect(store.notices).toEqual([]);
    store.update((p) => openStep(p, 'tables', 2));
    expect(JSON.parse(storage.map.get(PROGRESS_KEY) ?? '')).toEqual({
      version: 1,
      lastLesson: 'tables',
      lessons: { tables: { stepsSeen: [1, 2], answers: {}, tasksDone: [], lastStep: 2 } },
    });
  });

  it('copies corrupt stored text aside, says where, and saves clean progress', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{oops', 'boh.progress.corrupt-1': 'older' });
    const store = new ProgressStore(storage);
    expect(storage.map.get('boh.progress.corrupt-2')).toBe('{oops');
    expect(storage.map.get('boh.progress.corrupt-1')).toBe('older');
    expect(storage.map.get(PROGRESS_KEY)).toBe('{"version":1,"lastLesson":null,"lessons":{}}');
    expect(store.notices).toEqual([
      'Your saved lesson progress could not be read (it is not valid JSON). It was set aside as “boh.progress.corrupt-2” and progress starts afresh.',
    ]);
  });

  it('keeps the lessons that read well when one does not', () => {
    const text = JSON.stringify({ ...valid, lessons: { ...valid.lessons, staff: { stepsSeen: [-1] } } });
    const storage = memoryStorage({ [PROGRESS_KEY]: text });
    const store = new ProgressStore(storage);
    expect(store.progress).toEqual(valid);
    expect(storage.map.get('boh.progress.corrupt-1')).toBe(text);
    expect(store.notices[0]).toBe(
      'Part of your saved lesson progress could not be read: “staff”. That part was set aside as “boh.progress.corrupt-1”; the rest of your progress is kept.',
    );
  });

  it('never overwrites unreadable text it could not copy aside', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'garbage' });
    storage.isFull = true;
    const store = new ProgressStore(storage);
    store.update((p) => openStep(p, 'tables', 1));
    storage.isFull = false;
    store.update((p) => openStep(p, 'tables', 2));
    expect(storage.map.get(PROGRESS_KEY)).toBe('garbage');
    expect(store.progress.lessons.tables.stepsSeen).toEqual([1, 2]);
    expect(store.notices).toHaveLength(1);
  });

  it('says once when saving fails, and keeps the progress for the page', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    storage.isFull = true;
    store.update((p) => openStep(p, 'tables', 1));
    store.update((p) => openStep(p, 'tables', 2));
    expect(store.progress.lessons.tables.lastStep).toBe(2);
    expect(store.notices).toEqual(['Your lesson progress could not be saved in this browser (its storage is full or blocked); it lasts until you close the page.']);
  });

  it('works without storage at all', () => {
    const store = new ProgressStore(null);
    store.update((p) => openStep(p, 'tables', 1));
    expect(store.progress.lastLesson).toBe('tables');
    expect(store.notices).toHaveLength(1);
  });

  it('importText() replaces progress only with a valid file, and resetAll() empties it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(valid) });
    const store = new ProgressStore(storage);
    expect(store.importText('{"version":1,"lessons":{"shelf":{}}}', 40)).toEqual({
      ok: false,
      message: 'This progress file has a problem at “lessons.shelf.stepsSeen”: missing (and 3 more problems). Nothing was changed.',
    });
    expect(store.progress).toEqual(valid);
    const other = { version: 1, lastLesson: null, lessons: { shelf: { stepsSeen: [2], answers: {}, tasksDone: [], lastStep: 2 } } };
    expect(store.importText(JSON.stringify(other), 100)).toEqual({ ok: true, message: 'Progress imported: 1 lesson with progress.' });
    expect(JSON.parse(storage.map.get(PROGRESS_KEY) ?? '')).toEqual(other);
    store.resetAll();
    expect(storage.map.get(PROGRESS_KEY)).toBe('{"version":1,"lastLesson":null,"lessons":{}}');
  });
});
