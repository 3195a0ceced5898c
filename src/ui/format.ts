/** Formatting of virtual times, durations, sizes and counts for display. Pure functions. */

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** One decimal place, without a trailing `.0`: 2.1, 3. */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * A virtual clock reading as `mm:ss` (minutes keep counting past 59: `75:00`).
 * @example formatClock(125_400) === '02:05'
 */
export function formatClock(atMs: number): string {
  const totalSeconds = Math.max(0, Math.floor(atMs / SECOND_MS));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/**
 * A virtual duration in the unit a person would use.
 * @example formatDuration(126_000) === '2.1 min'; formatDuration(45_000) === '45 s'; formatDuration(250) === '250 ms'
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < SECOND_MS) return `${Math.round(ms)} ms`;
  if (abs < MINUTE_MS) return `${oneDecimal(ms / SECOND_MS)} s`;
  if (abs < HOUR_MS) return `${oneDecimal(ms / MINUTE_MS)} min`;
  const hours = Math.floor(abs / HOUR_MS);
  const minutes = Math.round((abs % HOUR_MS) / MINUTE_MS);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * A byte count in binary units.
 * @example formatBytes(65_536) === '64 KiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${oneDecimal(bytes / 1024)} KiB`;
  if (bytes < 1024 ** 3) return `${oneDecimal(bytes / 1024 ** 2)} MiB`;
  return `${oneDecimal(bytes / 1024 ** 3)} GiB`;
}

/** `1 guest`, `4 guests`. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1st`, `2nd`, `3rd`, `11th`, `22nd`. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** A ratio as a whole percentage: 0.853 -> `85%`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
