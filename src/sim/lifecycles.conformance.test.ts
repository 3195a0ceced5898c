/**
 * The models follow their charts: every built-in scenario, on its own seed and a few others, runs to the end
 * (each state change went through `follow()`, which throws on a step the chart lacks), and every unit the
 * models still hold ends in a state of its chart, one a unit can rest in between two calls.
 */
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { BLOCK_LIFECYCLE, TABLE_LIFECYCLE, WORKER_LIFECYCLE } from './lifecycles.ts';
import { scenarioOrThrow } from './scenario.ts';
import { createSimulation } from './simulation.ts';

const SEEDS = [undefined, 1, 2, 3];

describe('models follow their lifecycles', () => {
  for (const id of Object.keys(builtInScenarios)) {
    it(`${id}: every table, worker and block ends in a resting state of its chart`, () => {
      const scenario = scenarioOrThrow(builtInScenarios[id]);
      for (const seed of SEEDS) {
        const sim = createSimulation(scenario, seed);
        sim.runToEnd();
        const ends = {
          tables: new Set((sim.tables?.allTables() ?? []).map((t) => t.state)),
          workers: new Set((sim.staff?.workers() ?? []).map((w) => w.state)),
          blocks: new Set((sim.stations?.blocks() ?? []).map((b) => b.state)),
        };
        for (const s of ends.tables) expect(Object.keys(TABLE_LIFECYCLE.states)).toContain(s);
        for (const s of ends.workers) expect(Object.keys(WORKER_LIFECYCLE.states)).toContain(s);
        for (const s of ends.blocks) expect(Object.keys(BLOCK_LIFECYCLE.states)).toContain(s);
        expect([...ends.tables].filter((s) => !['creating', 'available', 'occupied', 'cleaning', 'retired'].includes(s))).toEqual([]);
        expect([...ends.workers].filter((s) => s !== 'busy' && s !== 'idle')).toEqual([]);
        expect([...ends.blocks].filter((s) => s !== 'allocated' && s !== 'unreachable')).toEqual([]);
      }
    });
  }
});
