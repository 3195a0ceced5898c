/**
 * When the first guests of a service come, while the page still waits for them: before they arrive nothing
 * moves, which can take half a minute of real time at the default speed, so the page says when they come and
 * offers to go straight there. Pure.
 *
 * @example
 * const arrival = firstArrival(forecastLog); // once per forecast run
 * stillAwaited(arrival, 12) // { index: 40, atMs: 239_000 } while fewer than 41 facts are logged
 */
import type { SimEvent } from '../sim/index.ts';

/** A wait shorter than this (virtual ms) is not worth a word. */
export const WORTH_SAYING_MS = 30_000;

/** Where a service's first guests come: the fact's index in the log and its time. */
export interface Arrival {
  index: number;
  atMs: number;
}

/** The first arrival of the whole service (`log`: the service's forecast run), or null when nobody comes. */
export function firstArrival(log: readonly SimEvent[]): Arrival | null {
  const index = log.findIndex((e) => e.type === 'party.arrived');
  return index < 0 ? null : { index, atMs: log[index].atMs };
}

/**
 * `arrival`, while the playhead (`eventCount` facts logged) has not reached it yet and it is at least
 * {@link WORTH_SAYING_MS} in; else null. Cheap: called on every frame while playing.
 */
export function stillAwaited(arrival: Arrival | null, eventCount: number): Arrival | null {
  return arrival !== null && eventCount <= arrival.index && arrival.atMs > WORTH_SAYING_MS ? arrival : null;
}
