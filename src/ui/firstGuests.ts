/**
 * When the first guests of a service come, while the page still waits for them: before they arrive nothing
 * moves, which can take half a minute of real time at the default speed, so the page says when they come and
 * offers to go straight there. Pure.
 *
 * @example
 * firstGuestsAwaited(forecastLog, 12) // { index: 40, atMs: 239_000 } while fewer than 41 facts are logged
 */
import type { SimEvent } from '../sim/index.ts';

/** A wait shorter than this (virtual ms) is not worth a word. */
export const WORTH_SAYING_MS = 30_000;

/**
 * The first arrival of the whole service (`log`: the service's forecast run), while the playhead (`eventCount`
 * facts logged) has not reached it yet and it is at least {@link WORTH_SAYING_MS} in; else null.
 */
export function firstGuestsAwaited(log: readonly SimEvent[], eventCount: number): { index: number; atMs: number } | null {
  const index = log.findIndex((e) => e.type === 'party.arrived');
  if (index < 0) return null;
  const atMs = log[index].atMs;
  return eventCount <= index && atMs > WORTH_SAYING_MS ? { index, atMs } : null;
}
