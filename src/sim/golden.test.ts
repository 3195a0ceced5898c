/**
 * Golden event logs: each built-in scenario on its own seed must give exactly the committed log.
 *
 * A change to any model's behaviour shows up here as a diff of facts. When the change is intended, rewrite the
 * files with `UPDATE_GOLDEN=1 npx vitest run src/sim/golden.test.ts` and review the diff in git. On a mismatch
 * the new log is written beside the old one as `<id>.changed.jsonl` so the two can be compared.
 *
 * Logs are JSON Lines (one event per line) so that git diffs read well. The food hall's log is large
 * (tens of thousands of events), so for it we commit a digest, the count of each event type and the first
 * and last 50 events.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import type { SimEvent } from './events.ts';
import { scenarioOrThrow } from './scenario.ts';
import { createSimulation } from './simulation.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const DIGEST_ONLY = new Set(['food-hall']);
const isUpdating = process.env.UPDATE_GOLDEN === '1';

function logOf(id: string): readonly SimEvent[] {
  const sim = createSimulation(scenarioOrThrow(builtInScenarios[id]));
  sim.runToEnd();
  return sim.log.events;
}

function render(id: string, events: readonly SimEvent[]): string {
  const lines = events.map((e) => JSON.stringify(e));
  if (!DIGEST_ONLY.has(id)) return `${lines.join('\n')}\n`;
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  const header = { eventCount: events.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex'), countsByType: sorted };
  return `${[JSON.stringify(header), ...lines.slice(0, 50), '...', ...lines.slice(-50)].join('\n')}\n`;
}

describe('golden event logs', () => {
  for (const id of Object.keys(builtInScenarios)) {
    it(`${id} on its own seed gives the committed log`, () => {
      const file = join(GOLDEN_DIR, `${id}.jsonl`);
      const changed = join(GOLDEN_DIR, `${id}.changed.jsonl`);
      const actual = render(id, logOf(id));
      if (isUpdating) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, actual);
        if (existsSync(changed)) rmSync(changed);
        return;
      }
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run src/sim/golden.test.ts`).toBe(true);
      const expected = readFileSync(file, 'utf8');
      if (actual !== expected) writeFileSync(changed, actual);
      else if (existsSync(changed)) rmSync(changed);
      expect(actual === expected, `${id}: the log differs from ${file}; the new one is in ${changed}`).toBe(true);
    });
  }
});
