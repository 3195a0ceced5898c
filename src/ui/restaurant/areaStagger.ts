/**
 * Staggered redraws of the restaurant's areas while the service plays too fast to follow (see
 * `playback.svelte.ts`): each frame, only the next area in turn takes the latest state, the others keep
 * the one they drew last, so a frame pays for a fraction of the restaurant's DOM work. The clock, charts and
 * event log stay live. Paused, stepping or at a watchable speed, every area takes the latest state at once.
 *
 * Values keep their identity until their area's turn comes, so a component given the same object skips its
 * work (Svelte's deriveds compare with `===`).
 *
 * @example
 * const stagger = new AreaStagger<SimulatorView>();
 * const drawn = stagger.next(['tables', 'staff'], view, playback.isFast); // Map: area -> the view it draws
 */

/**
 * Areas that take the latest state in one frame while staggered. One: measured on the food hall (5 areas,
 * ~4,300 nodes), a frame's main-thread work went from ~116 ms with every area redrawn to ~73 ms with two a
 * frame and ~55 ms with one (~35 ms with none: the clock, charts, gauges and log).
 */
export const AREAS_PER_FRAME = 1;

export class AreaStagger<T> {
  /** What each area drew last. */
  readonly #drawn = new Map<string, T>();
  /** Where the round-robin turn starts next frame (an index into the areas shown). */
  #turn = 0;

  /**
   * The value each of `areas` draws this frame: `latest` for every area when not staggered; when staggered,
   * `latest` for the areas whose turn it is (and any area that has drawn nothing yet), the last one drawn for
   * the others. Call once per new value (once per frame while playing).
   */
  next(areas: readonly string[], latest: T, isStaggered: boolean): ReadonlyMap<string, T> {
    for (const key of this.#drawn.keys()) if (!areas.includes(key)) this.#drawn.delete(key);
    if (!isStaggered || areas.length === 0) {
      for (const area of areas) this.#drawn.set(area, latest);
      this.#turn = 0;
      return new Map(this.#drawn);
    }
    const due = Math.min(AREAS_PER_FRAME, areas.length);
    const start = this.#turn % areas.length;
    for (let i = 0; i < due; i++) this.#drawn.set(areas[(start + i) % areas.length], latest);
    for (const area of areas) if (!this.#drawn.has(area)) this.#drawn.set(area, latest);
    this.#turn = (start + due) % areas.length;
    return new Map(this.#drawn);
  }
}
