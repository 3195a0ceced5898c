/**
 * Keeps the object a unit was last drawn from while nothing in it changed, so a keyed `{#each}` hands its unit
 * the same object and Svelte reruns nothing for it. The areas rebuild their unit lists from each moment (a few
 * hundred tables, slots or tickets); when the service plays fast most of those units are unchanged from one
 * redraw to the next, and only the changed ones should cost anything.
 *
 * @example
 * const stable = new StableItems<TableView>((t) => t.tableId);
 * const tables = $derived(stable.take(tableViews(view.tables, view.nowMs, mode, sizeOf)));
 */
export class StableItems<T> {
  readonly #keyOf: (item: T) => unknown;
  #last = new Map<unknown, T>();

  constructor(keyOf: (item: T) => unknown) {
    this.#keyOf = keyOf;
  }

  /** `items`, with each item equal in data to the one last taken under its key replaced by that one. */
  take(items: readonly T[]): T[] {
    const next = new Map<unknown, T>();
    const out = items.map((item) => {
      const key = this.#keyOf(item);
      const last = this.#last.get(key);
      const kept = last !== undefined && isSameData(last, item) ? last : item;
      next.set(key, kept);
      return kept;
    });
    this.#last = next;
    return out;
  }
}

/**
 * Structural equality of plain data: primitives by `Object.is`, arrays item by item, plain objects key by key;
 * anything else (functions, maps, class instances) by identity.
 */
export function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameData(item, b[i]));
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && isSameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
