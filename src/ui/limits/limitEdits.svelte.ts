/**
 * What the learner has typed but the simulation does not (yet) use, and why: per field, the text kept in
 * the field (a refused or unfinished value stays visible until corrected or reset) and the message beside
 * it; per kind, the drafted setup choices and the message of a failed restart. One instance per scenario.
 */
import type { LimitKind, LimitValue } from './limitFields.ts';

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
