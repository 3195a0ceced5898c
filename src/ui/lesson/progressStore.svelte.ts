/**
 * The learner's progress as runes state, kept in the browser's storage (`boh.progress`). Reading it never
 * crashes the page: unreadable stored text is copied aside first (`boh.progress.corrupt-<n>`) and a notice
 * says so; a storage that refuses to write (private mode, full) turns into a notice too, and progress then
 * lasts as long as the page. The rules themselves are the pure functions of `progress.ts`.
 *
 * @example
 * const store = new ProgressStore(browserStorage());
 * store.update((p) => openStep(p, 'hoarding', 1));
 */
import { nextCorruptKey, parseImportedProgress, PROGRESS_KEY, readStoredProgress, serializeProgress, emptyProgress, type Progress } from './progress.ts';

/** The part of `Storage` the store uses (a test passes a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;

/** The page's localStorage, or null when the browser refuses it. */
export function browserStorage(): StorageLike | null {
  try {
    const storage = window.localStorage;
    void storage.length;
    return storage;
  } catch {
    return null;
  }
}

export class ProgressStore {
  /** The progress now. */
  progress: Progress = $state(emptyProgress());
  /** Things the learner should know about their saved progress (set aside, not saved). */
  notices: string[] = $state([]);
  readonly #storage: StorageLike | null;
  #hasWarnedAboutSaving = false;
  /** True when stored text could not be set aside: it is never overwritten then. */
  #isReadOnly = false;

  constructor(storage: StorageLike | null) {
    this.#storage = storage;
    if (storage === null) {
      this.notices = ['This browser does not let the page save your lesson progress; it lasts until you close the page.'];
      return;
    }
    let text: string | null;
    try {
      text = storage.getItem(PROGRESS_KEY);
    } catch {
      text = null;
    }
    const read = readStoredProgress(text);
    this.progress = read.progress;
    if (read.shouldSetAside && text !== null) {
      const key = nextCorruptKey(this.#keys());
      try {
        storage.setItem(key, text);
        this.#save();
        if (read.notice !== null) this.notices = [read.notice.replace('{key}', key)];
      } catch {
        // Could not copy it aside: leave the stored text as it is, and do not overwrite it.
        this.notices = [
          'Your saved lesson progress could not be read, and this browser would not keep a copy of it aside: it was left as it is, and this page will not save progress over it.',
        ];
        this.#isReadOnly = true;
      }
    }
  }

  #keys(): string[] {
    const storage = this.#storage;
    if (storage === null) return [];
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null) keys.push(k);
    }
    return keys;
  }

  #save(): void {
    if (this.#storage === null || this.#isReadOnly) return;
    try {
      this.#storage.setItem(PROGRESS_KEY, serializeProgress(this.progress));
    } catch {
      if (this.#hasWarnedAboutSaving) return;
      this.#hasWarnedAboutSaving = true;
      this.notices = [...this.notices, 'Your lesson progress could not be saved in this browser (its storage is full or blocked); it lasts until you close the page.'];
    }
  }

  /** Applies a change (a pure function of `progress.ts`) and saves the result. */
  update(change: (progress: Progress) => Progress): void {
    const next = change(this.progress);
    if (next === this.progress) return;
    this.progress = next;
    this.#save();
  }

  /** Forgets every lesson's progress. */
  resetAll(): void {
    this.progress = emptyProgress();
    this.#save();
  }

  /**
   * Replaces the progress with an imported file's, all or nothing. Returns what to tell the learner and
   * whether it worked.
   */
  importText(text: string, byteLength: number): { ok: boolean; message: string } {
    const result = parseImportedProgress(text, byteLength);
    if (!result.ok) return { ok: false, message: result.message };
    this.progress = result.progress;
    this.#save();
    return { ok: true, message: `Progress imported: ${result.lessonCount} lesson${result.lessonCount === 1 ? '' : 's'} with progress.` };
  }

  /** Hides a notice. */
  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}
