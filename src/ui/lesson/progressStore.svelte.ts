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
import { browserStorage, StoredState, type StorageLike, type StoredFormat } from '../storedState.svelte.ts';
import { nextCorruptKey, parseImportedProgress, PROGRESS_KEY, readStoredProgress, serializeProgress, emptyProgress, type Progress } from './progress.ts';

export { browserStorage, type StorageLike };

const progressFormat: StoredFormat<Progress> = {
  key: PROGRESS_KEY,
  empty: emptyProgress,
  read: (text) => {
    const read = readStoredProgress(text);
    return { value: read.progress, shouldSetAside: read.shouldSetAside, notice: read.notice };
  },
  serialize: serializeProgress,
  corruptKey: nextCorruptKey,
  messages: {
    noStorage: 'This browser does not let the page save your lesson progress; it lasts until you close the page.',
    notSetAside:
      'Your saved lesson progress could not be read, and this browser would not keep a copy of it aside: it was left as it is, and this page will not save progress over it.',
    notSaved: 'Your lesson progress could not be saved in this browser (its storage is full or blocked); it lasts until you close the page.',
  },
};

export class ProgressStore extends StoredState<Progress> {
  constructor(storage: StorageLike | null) {
    super(storage, progressFormat);
  }

  /** The progress now. */
  get progress(): Progress {
    return this.value;
  }

  /** Forgets every lesson's progress. */
  resetAll(): void {
    this.replace(emptyProgress());
  }

  /**
   * Replaces the progress with an imported file's, all or nothing. Returns what to tell the learner and
   * whether it worked.
   */
  importText(text: string, byteLength: number): { ok: boolean; message: string } {
    const result = parseImportedProgress(text, byteLength);
    if (!result.ok) return { ok: false, message: result.message };
    this.replace(result.progress);
    return { ok: true, message: `Progress imported: ${result.lessonCount} lesson${result.lessonCount === 1 ? '' : 's'} with progress.` };
  }
}
