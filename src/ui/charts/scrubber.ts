/**
 * The timeline scrubber's arithmetic and words: the range input's step, its spoken value, the playhead's
 * place on the track. Pure.
 *
 * @example
 * scrubberStepMs(3_600_000) // 15_000
 * scrubberValueText(750_000, 3_600_000) // '12:30 of 60:00'
 */
import { formatClock } from '../format.ts';

/** The range input's step: a 240th of the service in whole seconds (15 s for an hour), 1 s at least. */
export function scrubberStepMs(durationMs: number): number {
  return Math.max(1_000, Math.round(durationMs / 240 / 1_000) * 1_000);
}

/** What a screen reader says for the slider: `12:30 of 60:00`. */
export function scrubberValueText(atMs: number, durationMs: number): string {
  return `${formatClock(atMs)} of ${formatClock(durationMs)}`;
}

/** The playhead's place on the track, 0..1. */
export function trackShare(atMs: number, durationMs: number): number {
  return durationMs > 0 ? Math.min(1, Math.max(0, atMs / durationMs)) : 0;
}

/**
 * The marker to focus after a key press in the marker bar (roving focus): Left/Right move one, Home/End go
 * to the ends. Returns the new index, or null for a key the bar does not handle.
 */
export function nextMarkerIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
