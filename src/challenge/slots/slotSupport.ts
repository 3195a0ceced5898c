/**
 * Small pieces every code-slot harness shares: reading params over their defaults, and describing what the
 * learner's function returned in a one-line ContractError message.
 */
import type { CodeSlotId } from '../types.ts';

/**
 * The slot's defaults with the given params over them. A param the slot does not know, or a value that is
 * not a finite number, is a mistake in the challenge (not the learner's): a plain Error naming it.
 * @example readParams('evictionPolicy', { capacity: 8, menu: 40 }, { capacity: 6 }) // { capacity: 6, menu: 40 }
 */
export function readParams<T extends Record<string, number>>(
  slot: CodeSlotId,
  defaults: T,
  params: Record<string, number>,
): T {
  const merged: Record<string, number> = { ...defaults };
  for (const [name, value] of Object.entries(params)) {
    if (!Object.hasOwn(defaults, name)) {
      throw new Error(`${slot}: unknown param "${name}" (known: ${Object.keys(defaults).join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${slot}: param "${name}" must be a finite number, not ${describeValue(value)}`);
    }
    merged[name] = value;
  }
  return merged as T;
}

const MAX_DESCRIPTION = 60;

/**
 * A short, readable rendering of any returned value for an error message: JSON for data, `undefined`,
 * `NaN`/`Infinity` as JavaScript writes them; long values are cut with an ellipsis.
 * @example describeValue('soup') // '"soup"'
 * @example describeValue(undefined) // 'undefined'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

/**
 * A list for an error message: the first `max` items joined by commas, then how many more there are.
 * @example listPreview(['a', 'b', 'c'], 2) // 'a, b, … (3 in all)'
 */
export function listPreview(items: readonly (string | number)[], max = 10): string {
  if (items.length === 0) return 'none';
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}

/** Integer virtual milliseconds (at least `min`), so timestamps compare exactly. */
export function wholeMs(ms: number, min = 0): number {
  return Math.max(min, Math.round(ms));
}

/** An event-count record with every name present (0), so goals can name an event that never happened. */
export function zeroCounts<K extends string>(names: readonly K[]): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const n of names) counts[n] = 0;
  return counts;
}
