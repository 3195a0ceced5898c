/**
 * A piece of the learner's state kept in the browser's storage as runes state (lesson progress, challenge
 * drafts). Reading never crashes the page: unreadable stored text is copied aside first (the format names the
 * key) and a notice says so; if it cannot be copied aside, it is left alone and never saved over. A storage
 * that refuses to write (private mode, full) becomes one notice, and the state then lasts as long as the page.
 *
 * @example
 * const store = new StoredState(browserStorage(), draftsFormat);
 * store.update((d) => setCode(d, 'write-lru', code, current));
 */

/** The part of `Storage` the store uses (a test passes a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;

/** What reading the stored text gave. */
export interface StoredRead<T> {
  value: T;
  /** The text could not be read as it is: copy it aside before saving over it. */
  shouldSetAside: boolean;
  /** What to tell the learner; `{key}` is replaced by the key the text was copied to. */
  notice: string | null;
}

/** How one kind of state is stored, and what to say when storage fails. */
export interface StoredFormat<T> {
  key: string;
  empty: () => T;
  read: (text: string | null) => StoredRead<T>;
  serialize: (value: T) => string;
  /** A key, not among `keys`, to copy unreadable text to. */
  corruptKey: (keys: readonly string[]) => string;
  messages: {
    /** The browser refuses storage altogether. */
    noStorage: string;
    /** Unreadable text that could not be copied aside. */
    notSetAside: string;
    /** A save failed (shown once). */
    notSaved: string;
  };
}

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

export class StoredState<T> {
  /** The state now. */
  value: T = $state() as T;
  /** Things the learner should know about their saved state (set aside, not saved). */
  notices: string[] = $state([]);
  readonly #storage: StorageLike | null;
  readonly #format: StoredFormat<T>;
  #hasWarnedAboutSaving = false;
  /** True when stored text could not be set aside: it is never overwritten then. */
  #isReadOnly = false;

  constructor(storage: StorageLike | null, format: StoredFormat<T>) {
    this.#storage = storage;
    this.#format = format;
    this.value = format.empty();
    if (storage === null) {
      this.notices = [format.messages.noStorage];
      return;
    }
    let text: string | null;
    try {
      text = storage.getItem(format.key);
    } catch {
      text = null;
    }
    const read = format.read(text);
    this.value = read.value;
    if (read.shouldSetAside && text !== null) {
      const key = format.corruptKey(this.#keys());
      try {
        storage.setItem(key, text);
        this.save();
        if (read.notice !== null) this.notices = [read.notice.replace('{key}', key)];
      } catch {
        this.notices = [format.messages.notSetAside];
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

  /** Writes the state now (a failure becomes one notice). */
  protected save(): void {
    if (this.#storage === null || this.#isReadOnly) return;
    try {
      this.#storage.setItem(this.#format.key, this.#format.serialize(this.value));
    } catch {
      if (this.#hasWarnedAboutSaving) return;
      this.#hasWarnedAboutSaving = true;
      this.notices = [...this.notices, this.#format.messages.notSaved];
    }
  }

  /** Applies a change (a pure function) and saves the result. */
  update(change: (value: T) => T): void {
    const next = change(this.value);
    if (next === this.value) return;
    this.value = next;
    this.save();
  }

  /** Replaces the whole state and saves it. */
  replace(value: T): void {
    this.value = value;
    this.save();
  }

  /** Hides a notice. */
  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}
