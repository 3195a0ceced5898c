/**
 * The corpus of malformed lessons (`fixtures/<case>/`): each must fail to load with exactly these problems,
 * one line each as the build prints them. The folder is loaded under the name `01-<case>`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLessonProblems, loadLesson } from './loadLesson.ts';
import { readLessonFolder } from './readLessonFiles.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const EXPECTED: Record<string, string[]> = {
  'bad-frontmatter-values': [
    'lessons/01-bad-frontmatter-values/README.md:2: title: expected text, got 42 (quote it)',
    'lessons/01-bad-frontmatter-values/README.md:5: seed: expected an integer from 0 to 4294967295, got -3',
    'lessons/01-bad-frontmatter-values/README.md:6: areas: unknown area "kitchen" (expected any of tables, staff, stations, pantry, shelf, manager)',
    'lessons/01-bad-frontmatter-values/README.md:7: minutes: expected an integer from 1 to 240, got 0',
  ],
  'bad-highlight': [
    'lessons/01-bad-highlight/README.md:11: step 1 highlight[1]: expected an area (tables, staff, stations, pantry, shelf, manager) or a unit (table:<id>, worker:<id>, block:<id>, fd:<n>), got "kitchen"',
    'lessons/01-bad-highlight/README.md:11: step 1 highlight[2]: expected an area (tables, staff, stations, pantry, shelf, manager) or a unit (table:<id>, worker:<id>, block:<id>, fd:<n>), got "table:x"',
    'lessons/01-bad-highlight/README.md:17: step 2 highlight[0]: area "shelf" is not shown in this lesson (frontmatter areas: tables)',
  ],
  'bad-moments': [
    'lessons/01-bad-moments/README.md:10: step 1: moment link: unknown event type "table.acquireTimedOut" in "moment:table.acquireTimedOut#1": not an event of src/sim/events.ts (did you mean "acquire.timedOut"?)',
    'lessons/01-bad-moments/README.md:10: step 1: moment link: expected a time m:ss after "moment:@", got "5:70"',
    'lessons/01-bad-moments/README.md:11: step 1: moment link: expected "#<n>" after the event type in "moment:party.arrived" (the n-th such event, from 1)',
    'lessons/01-bad-moments/README.md:15: step 1 at: expected a whole number n >= 1 after "#" in "moment:acquire.timedOut#0"',
    'lessons/01-bad-moments/README.md:16: step 1 question.reveal: unknown field "reveal"',
    'lessons/01-bad-moments/README.md:23: step 2 at: expected "m:ss" or "moment:<event type>#<n>" or "moment:@<m:ss>", got "five minutes"',
  ],
  'bad-question': [
    'lessons/01-bad-question/README.md:11: step 1 question.kind: expected one of "choice", "number", "reflect", got "essay"',
    'lessons/01-bad-question/README.md:18: step 2 question.tooHigh: missing (required)',
    'lessons/01-bad-question/README.md:21: step 2 question.answer: expected a number, got "eight"',
  ],
  'bad-scenario-json': [
    'lessons/01-bad-scenario-json/start.json:4: bad JSON: trailing comma is not allowed in JSON',
  ],
  'bad-setup': [
    'lessons/01-bad-setup/README.md:11: step 1 setup.scenario: unknown scenario "lunch": expected a built-in id (dinner-service, tables, staff, ingredients, stations, shelf, unbounded-shelf, manager, food-hall) or a .json file of the lesson folder',
    'lessons/01-bad-setup/README.md:20: step 2 setup.commands[0]: refused by the simulation: tables.small: expected min <= max',
    'lessons/01-bad-setup/README.md:21: step 2 setup.commands[1]: refused by the simulation: shelf: this scenario has no shelf (cache) to change',
    'lessons/01-bad-setup/README.md:33: step 3 setup.commands[0].atMs: 4000000 ms is after the end of the service (3600000 ms, 60:00)',
    'lessons/01-bad-setup/README.md:41: step 4 setup.commands[0].command.kind: expected one of "tables", "staff", "ingredients", "stations", "shelf", "manager", got "chairs"',
  ],
  'bad-step-json': [
    'lessons/01-bad-step-json/README.md:13: step 1: bad JSON in the step block: trailing comma is not allowed in JSON',
    'lessons/01-bad-step-json/README.md:21: step 2: bad JSON in the step block: comments are not allowed in JSON',
    'lessons/01-bad-step-json/README.md:29: step 3: bad JSON in the step block: single quotes are not allowed in JSON: use double quotes',
  ],
  'bad-task': [
    'lessons/01-bad-task/README.md:14: step 1 task.solution: missing (required)',
    'lessons/01-bad-task/README.md:15: step 1 task.prompt: must not be empty',
    'lessons/01-bad-task/README.md:16: step 1 task.goal: expected at least 1 item, got 0',
    'lessons/01-bad-task/README.md:17: step 1 task.limits[0].limit: expected a dotted path such as "tables.waitMs.p95"',
    'lessons/01-bad-task/README.md:17: step 1 task.limits[0]: expected "atMost" or "atLeast" (or both)',
  ],
  'empty-title': [
    'lessons/01-empty-title/README.md:2: title: must not be empty',
  ],
  'frontmatter-syntax': [
    'lessons/01-frontmatter-syntax/README.md:2: title: a value containing ": " must be quoted',
    'lessons/01-frontmatter-syntax/README.md:5: indented line: nested values are not supported (one "key: value" per line)',
    'lessons/01-frontmatter-syntax/README.md:7: expected "key: value"',
    'lessons/01-frontmatter-syntax/README.md:8: summary: duplicate key (first on line 3)',
    'lessons/01-frontmatter-syntax/README.md:9: minutes: expected an integer from 1 to 240, got 1.5',
  ],
  'invalid-scenario-file': [
    'lessons/01-invalid-scenario-file/other.json:2: extends: expected a built-in scenario id (dinner-service, tables, staff, ingredients, stations, shelf, unbounded-shelf, manager, food-hall), got "lunch"',
    'lessons/01-invalid-scenario-file/start.json:4: tables.small.max: expected >= 0, got -1',
    'lessons/01-invalid-scenario-file/start.json:5: tables.chairs: unknown field (not part of the scenario format)',
  ],
  'missing-scenario-file': [
    'lessons/01-missing-scenario-file/README.md:4: scenario: scenario file "start.json" not found in lessons/01-missing-scenario-file/',
  ],
  'missing-title': [
    'lessons/01-missing-title/README.md:1: title: missing (required in the frontmatter)',
  ],
  'moment-never-happens': [
    'lessons/01-moment-never-happens/README.md:8: step 1: moment "moment:acquire.timedOut#50" never happens in this step\'s simulation: 8 acquire.timedOut events by the end of the service (60:00)',
    'lessons/01-moment-never-happens/README.md:12: step 1: moment "moment:table.unhealthy#1" never happens in this step\'s simulation: 0 table.unhealthy events by the end of the service (60:00)',
    'lessons/01-moment-never-happens/README.md:15: step 1 at: moment "moment:fd.emfile#1" never happens in this step\'s simulation: 0 fd.emfile events by the end of the service (60:00)',
    'lessons/01-moment-never-happens/README.md:20: step 2: moment:@75:00 is after the end of the service (60:00)',
    'lessons/01-moment-never-happens/README.md:24: step 2 at: 61:00 is after the end of the service (60:00)',
    'lessons/01-moment-never-happens/README.md:29: step 2 question.reveal: moment "moment:acquire.timedOut#9" never happens in this step\'s simulation: 8 acquire.timedOut events by the end of the service (60:00)',
  ],
  'no-correct-option': [
    'lessons/01-no-correct-option/README.md:15: step 1 question.options: expected exactly one option with "correct": true, found 0',
  ],
  'no-frontmatter': [
    'lessons/01-no-frontmatter/README.md:1: expected frontmatter: the file must start with a line "---"',
    'lessons/01-no-frontmatter/README.md:1: introduction: a level-1 heading: only "## " step headings are allowed in a lesson',
  ],
  'no-steps': [
    'lessons/01-no-steps/README.md:7: a lesson needs at least one step (a "## <Step title>" heading)',
  ],
  'raw-html': [
    'lessons/01-raw-html/README.md:10: step 1: raw HTML is not allowed ("<b>"): use Markdown, or `code` to show a tag',
    'lessons/01-raw-html/README.md:10: step 1: raw HTML is not allowed ("</b>"): use Markdown, or `code` to show a tag',
    'lessons/01-raw-html/README.md:12: step 1: raw HTML is not allowed ("<div>"): use Markdown, or `code` to show a tag',
    'lessons/01-raw-html/README.md:14: step 1: raw HTML is not allowed ("</div>"): use Markdown, or `code` to show a tag',
  ],
  'runto-after-closing': [
    'lessons/01-runto-after-closing/README.md:17: step 1 task.runTo: 75:00 is after the end of the service (60:00)',
  ],
  'solution-fails': [
    'lessons/01-solution-fails/README.md:18: step 1 task.solution: does not meet the task at 60:00: parties.timedOut <= 2 (is 7); tables.small.max at most 10 (reaches 20); tables.small.min at least 3 (drops to 2)',
  ],
  'solution-refused': [
    'lessons/01-solution-refused/README.md:20: step 1 task.solution[1]: refused by the simulation: staff: this scenario has no staff (thread pool) to change',
  ],
  'step-blocks-misplaced': [
    'lessons/01-step-blocks-misplaced/README.md:10: introduction: a step block belongs inside a step (after a "## " heading)',
    'lessons/01-step-blocks-misplaced/README.md:20: step 1: a step has at most one step block (the first is on line 16)',
    'lessons/01-step-blocks-misplaced/README.md:26: step 2: code fence ``` is never closed',
  ],
  'task-already-met': [
    'lessons/01-task-already-met/README.md:14: step 1 task: already met by the step\'s setup at 60:00, before the learner changes anything: parties.timedOut <= 100 (is 8); tables.waiting == 0 (is 0)',
  ],
  'two-correct-options': [
    'lessons/01-two-correct-options/README.md:15: step 1 question.options: expected exactly one option with "correct": true, found 2',
  ],
  'unclosed-frontmatter': [
    'lessons/01-unclosed-frontmatter/README.md:1: frontmatter is not closed: no second line "---"',
  ],
  'unknown-frontmatter-key': [
    'lessons/01-unknown-frontmatter-key/README.md:6: author: unknown frontmatter key (expected one of title, summary, scenario, seed, areas, minutes)',
  ],
  'unknown-metric': [
    'lessons/01-unknown-metric/README.md:17: step 1 task.goal[0].metric: "tables.nope" is not a metric (SimMetrics or Gauges) of this step\'s scenario',
    'lessons/01-unknown-metric/README.md:18: step 1 task.goal[1].metric: "tables.waitMs" is not a number but a group (tables.waitMs.count, tables.waitMs.p50, tables.waitMs.p95, tables.waitMs.p99, tables.waitMs.max)',
    'lessons/01-unknown-metric/README.md:19: step 1 task.goal[2].metric: "parties" is not a number but a group (parties.arrived, parties.seated, parties.timedOut, parties.turnedAway, parties.finished, parties.dishesServed, parties.dishesFailed, parties.dishesRefused, ...)',
    'lessons/01-unknown-metric/README.md:21: step 1 task.limits[0].limit: "tables.tiny.max" is not a limit (LimitsInForce) of this step\'s scenario',
  ],
  'unknown-scenario': [
    'lessons/01-unknown-scenario/README.md:4: scenario: unknown scenario "lunch-service": expected a built-in id (dinner-service, tables, staff, ingredients, stations, shelf, unbounded-shelf, manager, food-hall) or a .json file of the lesson folder',
  ],
  'unknown-step-field': [
    'lessons/01-unknown-step-field/README.md:12: step 1 pause: unknown field "pause"',
    'lessons/01-unknown-step-field/README.md:17: step 1 question.options[0].hint: unknown field "hint"',
  ],
  'unsupported-markdown': [
    'lessons/01-unsupported-markdown/README.md:8: introduction: a level-1 heading: only "## " step headings are allowed in a lesson',
    'lessons/01-unsupported-markdown/README.md:12: step 1: a level-3 heading: only "## " step headings are allowed in a lesson',
    'lessons/01-unsupported-markdown/README.md:14: step 1: block quotes are not part of the lesson Markdown',
    'lessons/01-unsupported-markdown/README.md:16: step 1: tables are not part of the lesson Markdown',
    'lessons/01-unsupported-markdown/README.md:18: step 1: horizontal rules are not part of the lesson Markdown',
    'lessons/01-unsupported-markdown/README.md:21: step 1: nested lists are not supported: keep lists one level deep',
    'lessons/01-unsupported-markdown/README.md:23: step 1: images are not part of the lesson Markdown',
    'lessons/01-unsupported-markdown/README.md:23: step 1: link target "../03-tables/README.md": expected an http(s):// address or a moment ("moment:<event type>#<n>" or "moment:@<m:ss>")',
    'lessons/01-unsupported-markdown/README.md:24: step 1: link target "javascript:alert(1)": expected an http(s):// address or a moment ("moment:<event type>#<n>" or "moment:@<m:ss>")',
    'lessons/01-unsupported-markdown/README.md:27: step 1: a line of "=" or "-" under text makes a heading on GitHub: only "## " step headings are allowed',
  ],
  'wrong-option-without-feedback': [
    'lessons/01-wrong-option-without-feedback/README.md:17: step 1 question.options[1]: a wrong option needs "feedback" naming the misconception it shows',
    'lessons/01-wrong-option-without-feedback/README.md:18: step 1 question.options[2].feedback: must not be empty',
  ],
};

function problemsOf(name: string): string[] {
  const r = loadLesson(`01-${name}`, readLessonFolder(join(FIXTURES, name)));
  return r.ok ? [] : formatLessonProblems(r.problems).split('\n');
}

describe('loadLesson() on the malformed corpus', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`refuses fixtures/${name} with its exact problems`, () => {
      expect(problemsOf(name)).toEqual(expected);
    });
  }

  it('has an expectation for every fixture folder (and a folder for every expectation)', () => {
    const folders = readdirSync(FIXTURES)
      .filter((f) => f !== 'valid')
      .sort();
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
  });

  it('loads fixtures/valid, the lesson the malformed ones are variations of', () => {
    expect(problemsOf('valid')).toEqual([]);
  });
});
