/**
 * The seed field of the play bar: reading what the learner typed into a seed, or a message that says what
 * is wrong with it (shown beside the field). Pure.
 *
 * @example
 * readSeed('42')    // { ok: true, seed: 42 }
 * readSeed('-3')    // { ok: false, message: 'A seed cannot be negative: use a whole number from 0 to 4,294,967,295.' }
 */
import { MAX_SEED } from '../startParams.ts';

export type SeedReading = { ok: true; seed: number } | { ok: false; message: string };

/** `4,294,967,295`. */
export const MAX_SEED_TEXT = MAX_SEED.toLocaleString('en-US');
const RANGE = `a whole number from 0 to ${MAX_SEED_TEXT}`;

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/**
 * Reads `text` as a seed: decimal digits (spaces around them, and `,` or `_` between digit groups, are
 * allowed), within 0..{@link MAX_SEED}. Refuses the empty text, anything that is not a whole number, a
 * negative number and a number above the largest seed, each with its own message.
 */
export function readSeed(text: string): SeedReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Type a seed: ${RANGE}.` };
  const digits = trimmed.replace(/(?<=\d)[,_](?=\d)/g, '');
  if (/^-\s*\d+(\.\d+)?$/.test(digits)) return { ok: false, message: `A seed cannot be negative: use ${RANGE}.` };
  if (/^\d*\.\d+$|^\d+\.\d*$/.test(digits)) return { ok: false, message: `A seed is a whole number, not “${shorten(trimmed)}”.` };
  if (!/^\d+$/.test(digits)) return { ok: false, message: `“${shorten(trimmed)}” is not a whole number: use ${RANGE}.` };
  const seed = Number(digits);
  if (seed > MAX_SEED) return { ok: false, message: `${MAX_SEED_TEXT} is the largest seed.` };
  return { ok: true, seed };
}

/**
 * What committing `text` does while the service runs on `current`: nothing (`keep`: the same seed, the
 * text shown again as the seed), a restart on another seed, or a refusal with its message.
 */
export function seedCommit(text: string, current: number): { action: 'keep' } | { action: 'restart'; seed: number } | { action: 'refuse'; message: string } {
  const reading = readSeed(text);
  if (!reading.ok) return { action: 'refuse', message: reading.message };
  return reading.seed === current ? { action: 'keep' } : { action: 'restart', seed: reading.seed };
}
