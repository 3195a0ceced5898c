/**
 * What the learner has typed but the simulation does not (yet) use, and why: per field, the text kept in
 * the field (a refused or unfinished value stays visible until corrected or reset) and the message beside
 * it; per kind, the drafted setup choices and the message of a failed restart. One instance per scenario:
 * a restart made by one kind's setup group starts a new one that keeps the other kinds' setup drafts.
 */
import type { LimitGroup, LimitKind, LimitValue } from './limitFields.ts';

/** Drafted values of some fields and their messages, by field id: what a restart carries over. */
export interface Drafts {
  texts: Record<string, string>;
  choices: Record<string, LimitValue>;
  errors: Record<string, string>;
}

function pick<T>(record: Readonly<Record<string, T>>, ids: readonly string[]): Record<string, T> {
  return Object.fromEntries(ids.filter((id) => id in record).map((id) => [id, record[id]]));
}

/**
 * The fields whose drafts a restart made by `kind`'s setup group keeps: the setup fields of every other
 * group (live fields go back to the restarted scenario's values, so their refused texts are dropped).
 */
export function idsKeptByRestart(groups: readonly LimitGroup[], kind: LimitKind): string[] {
  return groups.filter((g) => g.kind !== kind).flatMap((g) => g.setup.map((f) => f.id));
}

export class LimitEdits {
  /** Text kept in a field, by field id (absent: the field shows the value in force). */
  texts: Record<string, string> = $state({});
  /** Drafted choices and toggles of setup fields, by field id. */
  choices: Record<string, LimitValue> = $state({});
  /** The message beside a field, by field id. */
  errors: Record<string, string> = $state({});
  /** The message of a kind's failed restart. */
  setupErrors: Partial<Record<LimitKind, string>> = $state({});
  /** What "reset limits" could not restore, or null. */
  resetMessage: string | null = $state(null);

  /** Starts clean, or with `kept` drafts (those another group's restart must not lose). */
  constructor(kept?: Drafts) {
    if (kept === undefined) return;
    this.texts = { ...kept.texts };
    this.choices = { ...kept.choices };
    this.errors = { ...kept.errors };
  }

  /** The drafts of fields `ids` and their messages (a copy). */
  draftsOf(ids: readonly string[]): Drafts {
    return { texts: pick(this.texts, ids), choices: pick(this.choices, ids), errors: pick(this.errors, ids) };
  }

  /** Keeps `text` in field `id`. */
  type(id: string, text: string): void {
    this.texts[id] = text;
  }

  /** Shows `message` beside field `id`, or clears it (null). */
  judge(id: string, message: string | null): void {
    if (message === null) delete this.errors[id];
    else this.errors[id] = message;
  }

  /** The field shows the value in force again, without a message. */
  settle(id: string): void {
    delete this.texts[id];
    delete this.choices[id];
    delete this.errors[id];
  }

  /** Forgets every edit of the fields `ids` and the kind's restart message. */
  settleAll(ids: readonly string[], kind?: LimitKind): void {
    for (const id of ids) this.settle(id);
    if (kind !== undefined) delete this.setupErrors[kind];
  }

  /** True when any of `ids` holds a draft. */
  hasDrafts(ids: readonly string[]): boolean {
    return ids.some((id) => id in this.texts || id in this.choices);
  }
}
