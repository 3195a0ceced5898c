/**
 * Comparing replacement policies on one recorded reference stream: the dishes looked up on the warming shelf
 * during a run, replayed through each policy with the same number of places.
 *
 * OPT (Belady's optimum) is included here and only here: it evicts the dish whose next order is furthest in
 * the future, so it needs the whole future stream, which a running kitchen never has. On a recorded stream it
 * is the bound no online policy can beat. The comparison counts places (entries), not bytes, so that every
 * policy plays by the same rule.
 *
 * @example
 * compareShelfPolicies(sim.shelf.referenceStream(), 8)
 * // [{ policy: 'OPT', hits: 41, misses: 20, hitRatio: 0.672 }, { policy: 'LRU', ... }, ...]
 */
import { createReplacementPolicy, type ReplacementPolicyName } from './replacementPolicy.ts';

/** The policies compared, in the order they are listed: the optimum first, then the online ones. */
export const COMPARED_POLICIES: readonly ReplacementPolicyName[] = ['OPT', 'LRU', 'SECOND_CHANCE', 'FIFO', 'MRU'];

export interface PolicyScore {
  policy: ReplacementPolicyName;
  hits: number;
  misses: number;
  /** Hits over accesses, 0..1 (0 for an empty stream). */
  hitRatio: number;
}

/** Replays `stream` through each compared policy with `places` entries; one score per policy. */
export function compareShelfPolicies(stream: readonly string[], places: number): PolicyScore[] {
  return COMPARED_POLICIES.map((policy) => {
    const cache = createReplacementPolicy<string>(policy, places, { future: stream });
    let hits = 0;
    for (const key of stream) if (cache.access(key).hit) hits++;
    return { policy, hits, misses: stream.length - hits, hitRatio: stream.length === 0 ? 0 : hits / stream.length };
  });
}
