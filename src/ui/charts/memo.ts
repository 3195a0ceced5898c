/**
 * Remembers the last result of a computation with its key: asked again with an equal key (every part the
 * same by `Object.is`), it returns the same object without computing. A `$derived` that calls it on every
 * frame then yields the same value, and Svelte does not rerun what depends on it. Pure.
 *
 * @example
 * const memo = new Memo<ChartModel[]>();
 * const models = memo.get([series.length, series.at(-1)], () => gaugeModels(specs, series, null));
 */
export class Memo<R> {
  #key: readonly unknown[] | null = null;
  #value: R | undefined;

  get(key: readonly unknown[], compute: () => R): R {
    const last = this.#key;
    if (last !== null && last.length === key.length && last.every((part, i) => Object.is(part, key[i]))) return this.#value as R;
    this.#value = compute();
    this.#key = key.slice();
    return this.#value;
  }
}
