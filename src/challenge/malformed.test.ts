/**
 * The corpus of malformed challenges (`fixtures/<case>/`): each must fail to load with exactly these problems,
 * one line each as the build prints them. A folder is loaded under the name `01-<case>`, with the tests' fake
 * code slot (`fixtures/fakeSlot.ts`) and the Node code runner.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSlots } from './fixtures/fakeSlot.ts';
import { formatChallengeProblems, loadChallenge } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolder } from './readChallengeFiles.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const EXPECTED: Record<string, string[]> = {
  'bad-frontmatter': [
    'lessons/challenges/01-bad-frontmatter/README.md:2: title: must not be empty',
    'lessons/challenges/01-bad-frontmatter/README.md:3: summary: expected text, got 42 (quote it)',
    'lessons/challenges/01-bad-frontmatter/README.md:4: kind: unknown kind "kitchen" (expected one of tables, staff, ingredients, stations, shelf, manager)',
    'lessons/challenges/01-bad-frontmatter/README.md:5: minutes: expected an integer from 1 to 240, got 0',
    'lessons/challenges/01-bad-frontmatter/README.md:6: level: unknown frontmatter key (expected one of title, summary, kind, minutes)',
  ],
  'bad-goals': [
    'lessons/challenges/01-bad-goals/challenge.json:14: goals[1].event: unknown event type "table.acquireTimedOut": not an event of src/sim/events.ts (did you mean "acquire.timedOut"?)',
    'lessons/challenges/01-bad-goals/challenge.json:15: goals[2].id: goal id "p95-wait" is used twice',
    'lessons/challenges/01-bad-goals/challenge.json:15: goals[2].settings[1]: "tables.huge.max" is not a setting of this challenge',
  ],
  'bad-json': [
    'lessons/challenges/01-bad-json/challenge.json:6: bad JSON: trailing comma is not allowed in JSON',
  ],
  'bad-reference': [
    'lessons/challenges/01-bad-reference/reference.json:3: settings.tables.small.max: 40 is above the maximum 30',
    'lessons/challenges/01-bad-reference/reference.json:4: settings.tables.huge.max: unknown setting (challenge.json has "tables.small.max", "tables.medium.max", "tables.large.max")',
    'lessons/challenges/01-bad-reference/reference.json:5: settings.tables.medium.max: expected a number from 0 to 12, got "eight"',
  ],
  'bad-scenario': [
    'lessons/challenges/01-bad-scenario/challenge.json:3: scenario.extends: expected a built-in scenario id (dinner-service, tables, staff, ingredients, stations, shelf, unbounded-shelf, manager, food-hall), got "lunch"',
  ],
  'bad-seeds': [
    'lessons/challenges/01-bad-seeds/challenge.json:6: seeds[2]: expected >= 0, got -1',
    'lessons/challenges/01-bad-seeds/challenge.json:6: seeds[1]: seed 7 is listed twice',
  ],
  'bad-setting-paths': [
    'lessons/challenges/01-bad-setting-paths/challenge.json:5: settings[0].path: "tables.small.maximum" is not a field of this challenge\'s scenario',
    'lessons/challenges/01-bad-setting-paths/challenge.json:6: settings[1].path: "tables.small" is a group, not one value (tables.small.min, tables.small.max)',
    'lessons/challenges/01-bad-setting-paths/challenge.json:7: settings[2]: the starting value (from the scenario) does not fit: 4 is below the minimum 5',
    'lessons/challenges/01-bad-setting-paths/challenge.json:8: settings[3]: the starting value (from the scenario) does not fit: 1 is not one of 2, 3',
    'lessons/challenges/01-bad-setting-paths/challenge.json:9: settings[4].path: "tables.large.max" is a setting already',
    'lessons/challenges/01-bad-setting-paths/challenge.json:10: settings[5]: the starting value is "tables", not a number: give "options" instead of "min"/"max"',
    'lessons/challenges/01-bad-setting-paths/challenge.json:11: settings[6]: the starting value (from the scenario) does not fit: 60000 is above the maximum 50000',
    'lessons/challenges/01-bad-setting-paths/challenge.json:12: settings[7].path: the seed is not a setting: the challenge is graded on its "seeds"',
  ],
  'bad-settings': [
    'lessons/challenges/01-bad-settings/challenge.json:5: settings[0].min: a setting with "options" has no "min"',
    'lessons/challenges/01-bad-settings/challenge.json:6: settings[1].max: expected max >= min (10), got 5',
    'lessons/challenges/01-bad-settings/challenge.json:7: settings[2]: expected "min" and "max" (a number setting) or "options" (a choice)',
    'lessons/challenges/01-bad-settings/challenge.json:8: settings[3].options[1]: 1 is listed twice',
    'lessons/challenges/01-bad-settings/challenge.json:9: settings[4].path: expected a dotted path such as "tables.small.max"',
    'lessons/challenges/01-bad-settings/challenge.json:9: settings[4].label: must not be empty',
    'lessons/challenges/01-bad-settings/challenge.json:9: settings[4].step: expected > 0, got 0',
  ],
  'brief-with-steps': [
    'lessons/challenges/01-brief-with-steps/README.md:13: brief: a step block belongs in a lesson; a challenge brief has none',
    'lessons/challenges/01-brief-with-steps/README.md:17: brief: a "## " heading splits a lesson into steps; a challenge brief is one section (use a **bold** line to title a part)',
  ],
  'code-files-without-slot': [
    'lessons/challenges/01-code-files-without-slot/starter.js: only a challenge with a code slot ("code" in challenge.json) has starter.js',
  ],
  'code-reference-throws': [
    'lessons/challenges/01-code-reference-throws/reference.js: the reference solution does not pass: seed 3: pick threw RangeError: no round 2',
  ],
  'code-slot-goals': [
    'lessons/challenges/01-code-slot-goals/challenge.json:7: goals[0].metric: "scores" is not a metric the evictionPolicy harness reports (it reports score)',
    'lessons/challenges/01-code-slot-goals/challenge.json:8: goals[1].event: "pick.calls" is not an event the evictionPolicy harness counts (it counts pick.called)',
  ],
  'code-slot-problems': [
    'lessons/challenges/01-code-slot-problems/challenge.json:2: scenario: a code-slot challenge runs its harness, not a scenario: expected null',
    'lessons/challenges/01-code-slot-problems/challenge.json:7: code.params.speed: unknown param of the evictionPolicy slot (it takes rounds)',
    'lessons/challenges/01-code-slot-problems/starter.js: missing: a challenge with a code slot needs starter.js',
  ],
  'invalid-scenario-override': [
    'lessons/challenges/01-invalid-scenario-override/challenge.json:5: scenario.tables.large.max: expected >= 0, got -1',
    'lessons/challenges/01-invalid-scenario-override/challenge.json:6: scenario.tables.chairs: unknown field (not part of the scenario format)',
  ],
  'missing-files': [
    'lessons/challenges/01-missing-files/README.md: missing: a challenge folder needs a README.md (frontmatter and the brief)',
    'lessons/challenges/01-missing-files/reference.json: missing: a challenge folder needs reference.json',
  ],
  'missing-reference-settings': [
    'lessons/challenges/01-missing-reference-settings/reference.json:1: settings: missing (required)',
    'lessons/challenges/01-missing-reference-settings/reference.json:1: tables.small.max: unknown field "tables.small.max"',
  ],
  'reference-fails': [
    'lessons/challenges/01-reference-fails/reference.json:1: the reference solution does not pass: p95-wait: seed 1: p95 wait 4:46, needs at most 2:00; no-timeouts: seed 1: 10 parties gave up waiting, needs none',
  ],
  'settings-clash': [
    'lessons/challenges/01-settings-clash/reference.json:1: settings: these settings do not go together: tables.large: expected min <= max',
  ],
  'starter-passes': [
    'lessons/challenges/01-starter-passes/challenge.json:7: the starter already meets every goal on every seed (p95-wait: both seeds pass; closest: seed 1: p95 wait 4:46, needs at most 60:00; no-timeouts: both seeds pass; closest: seed 2: 16 parties gave up waiting, needs at most 100; budget: total 13 tables, needs at most 32): the starting state must fail at least one',
  ],
  'unknown-fields': [
    'lessons/challenges/01-unknown-fields/challenge.json:7: timeLimit: unknown field "timeLimit"',
    'lessons/challenges/01-unknown-fields/challenge.json:11: settings[2].default: unknown field "default"',
    'lessons/challenges/01-unknown-fields/challenge.json:15: goals[1]: expected exactly one of "metric", "event" or "settings", got "metric" and "event"',
  ],
  'unknown-metric': [
    'lessons/challenges/01-unknown-metric/challenge.json:13: goals[0].metric: "tables.waitMs.p96" is not a metric of this challenge\'s scenario (SimMetrics or Gauges)',
    'lessons/challenges/01-unknown-metric/challenge.json:14: goals[1].metric: "tables.waitMs" is a group, not a number (tables.waitMs.count, tables.waitMs.p50, tables.waitMs.p95, tables.waitMs.p99, tables.waitMs.max)',
  ],
};

describe('malformed challenges', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('valid'))
    .map((d) => d.name);

  it('every malformed fixture has its expected problems listed here', () => {
    expect(cases.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    it(`${name}: ${EXPECTED[name].length} problem${EXPECTED[name].length === 1 ? '' : 's'}`, () => {
      const r = loadChallenge(`01-${name}`, readChallengeFolder(join(FIXTURES, name)), { runner: nodeCodeRunner, slots: fakeSlots });
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : formatChallengeProblems(r.problems).split('\n')).toEqual(EXPECTED[name]);
    });
  }
});
