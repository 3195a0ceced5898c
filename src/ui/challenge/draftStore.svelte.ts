/**
 * The challenge drafts as runes state, kept in the browser's storage (`boh.challenges`). Like the lesson
 * progress store: unreadable stored text is copied aside first (`boh.challenges.corrupt-<n>`) and a notice
 * says so; a storage that refuses to write becomes a notice, and drafts then last as long as the page.
 */
import { DRAFTS_KEY, emptyDrafts, nextCorruptKey, readStoredDrafts, serializeDrafts, type Drafts } from './drafts.ts';

/** The part of `Storage` the store uses (a test passes a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;

export class DraftStore {
  drafts: Drafts = $state(emptyDrafts());
  notices: string[] = $state([]);
  readonly #storage: StorageLike | null;
  #hasWarnedAboutSaving = false;
  #isReadOnly = false;

  constructor(storage: StorageLike | null) {
    this.#storage = storage;
    if (storage === null) {
      this.notices = ['This browser does not let the page save your challenge drafts; they last until you close the page.'];
      return;
    }
    let text: string | null;
    try {
      text = storage.getItem(DRAFTS_KEY);
    } catch {
      text = null;
    }
    const read = readStoredDrafts(text);
    this.drafts = read.drafts;
    if (read.shouldSetAside && text !== null) {
      const key = nextCorruptKey(this.#keys());
      try {
        storage.setItem(key, text);
        this.#save();
        if (read.notice !== null) this.notices = [read.notice.replace('{key}', key)];
      } catch {
        this.notices = ['Your saved challenge drafts could not be read, and this browser would not keep a copy aside: they were left as they are, and this page will not save over them.'];
        this.#isReadOnly = true;
      }
    }
  }

  #keys(): string[] {
    const keys: string[] = [];
    const storage = this.#storage;
    if (storage === null) return keys;
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null) keys.push(k);
    }
    return keys;
  }

  #save(): void {
    if (this.#storage === null || this.#isReadOnly) return;
    try {
      this.#storage.setItem(DRAFTS_KEY, serializeDrafts(this.drafts));
    } catch {
      if (this.#hasWarnedAboutSaving) return;
      this.#hasWarnedAboutSaving = true;
      this.notices = [...this.notices, 'Your challenge drafts could not be saved in this browser (its storage is full or blocked); they last until you close the page.'];
    }
  }

  /** Applies a change (a pure function of `drafts.ts`) and saves the result. */
  update(change: (drafts: Drafts) => Drafts): void {
    const next = change(this.drafts);
    if (next === this.drafts) return;
    this.drafts = next;
    this.#save();
  }
}
