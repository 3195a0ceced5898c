/** Builds the player for the page's start parameters without ever throwing: a failure becomes a message. */
import type { ScenarioInput } from '../sim/index.ts';
import { Player } from './player.svelte.ts';

export type StartResult = { ok: true; player: Player } | { ok: false; message: string };

export function startPlayer(input: ScenarioInput | undefined, seed: number | undefined): StartResult {
  if (!input) return { ok: false, message: 'No scenario is available to show.' };
  try {
    return { ok: true, player: new Player(input, seed) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
