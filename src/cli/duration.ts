import { CliError } from './cliError.ts';
import { quote } from './io.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * Parses a duration such as `90m`, `1h30m`, `45s`, `2.5h` or `3600000` (plain numbers are milliseconds)
 * into whole milliseconds.
 * @example parseDuration('1h30m', '--until') // 5_400_000
 */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const part = /(\d+(?:\.\d+)?)(ms|min|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = part.exec(trimmed); m; m = part.exec(trimmed)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = part.lastIndex;
  }
  if (trimmed === '' || consumed !== trimmed.length) {
    throw new CliError(`${flag}: expected a duration such as 90m, 1h30m, 45s or a number of ms, got ${quote(text)}`);
  }
  return Math.round(total);
}
