/**
 * The challenge drafts as runes state, kept in the browser's storage (`boh.challenges`): a
 * {@link StoredState} with the drafts' format (unreadable text is set aside as `boh.challenges.corrupt-<n>`
 * with a notice; a storage that refuses to write becomes a notice, and drafts then last as long as the page).
 */
import { StoredState, type StorageLike, type StoredFormat } from '../storedState.svelte.ts';
import { DRAFTS_KEY, emptyDrafts, nextCorruptKey, readStoredDrafts, serializeDrafts, type Drafts } from './drafts.ts';

export type { StorageLike };

const draftsFormat: StoredFormat<Drafts> = {
  key: DRAFTS_KEY,
  empty: emptyDrafts,
  read: (text) => {
    const read = readStoredDrafts(text);
    return { value: read.drafts, shouldSetAside: read.shouldSetAside, notice: read.notice };
  },
  serialize: serializeDrafts,
  corruptKey: nextCorruptKey,
  messages: {
    noStorage: 'This browser does not let the page save your challenge drafts; they last until you close the page.',
    notSetAside:
      'Your saved challenge drafts could not be read, and this browser would not keep a copy aside: they were left as they are, and this page will not save over them.',
    notSaved: 'Your challenge drafts could not be saved in this browser (its storage is full or blocked); they last until you close the page.',
  },
};

export class DraftStore extends StoredState<Drafts> {
  constructor(storage: StorageLike | null) {
    super(storage, draftsFormat);
  }

  /** Every challenge's draft and the challenges passed. */
  get drafts(): Drafts {
    return this.value;
  }
}
