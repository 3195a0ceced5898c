/**
 * The strict lesson loader: a lesson folder's files in, a {@link Lesson} or every problem out.
 *
 * `loadLesson(folderName, files)` reads `README.md` (frontmatter, introduction, steps and their `step`
 * blocks) and the JSON scenario files it names, and checks everything the lesson format asks: required and
 * known frontmatter keys, scenarios (built-in ids, or files validated by `parseScenario`), strict step blocks,
 * questions with exactly one correct option and feedback on every wrong one, Markdown without raw HTML. With
 * `simulate` (the default) it also runs each step's simulation headlessly: every moment must happen, setup
 * commands must not be refused, every metric and limit path must exist, a task must not be met by the setup
 * alone, and its solution must meet it. Every problem names the file, the line (or field) and what is wrong.
 *
 * `loadCourse(filesByFolder)` loads every lesson folder (drafts `xx-` skipped), in number order, refusing
 * duplicate numbers. `formatLessonProblems` prints problems one per line, as the build shows them.
 *
 * @example
 * const r = loadLesson('02-tables', { 'README.md': readme, 'start.json': json });
 * if (!r.ok) console.error(formatLessonProblems(r.problems));
 * // lessons/02-tables/README.md:23: step 2 question: expected exactly one option with "correct": true, found 0
 */
import { builtInScenarioIds, builtInScenarios } from '../sim/builtInScenarios.ts';
import { parseScenario, scenarioOrThrow, type Scenario } from '../sim/scenario.ts';
import { createTimeline, type TimedCommand, type Timeline } from '../sim/timeline.ts';
import { parseFrontmatter, type FrontmatterEntry } from './frontmatter.ts';
import { lineOfPath, parseJsonWithLines, type JsonLines, type JsonPath } from './jsonLines.ts';
import {
  AREAS,
  describeIssues,
  describeValue,
  formatClock,
  formatPath,
  stepBlockSchema,
  type Area,
  type ChoiceOption,
  type Constraint,
  type Highlight,
  type Lesson,
  type LessonProblem,
  type Moment,
  type Question,
  type RawQuestion,
  type RawTask,
  type Setup,
  type Step,
  type StepBlock,
  type Task,
} from './lessonSchema.ts';
import { atClock, countEvents, describeBrokenLimits, describeUnmetGoals, evaluateTask, formatNumber, readMetric, readPath, runToEnd } from './lessonRuns.ts';
import { momentLinks, parseInline, parseLessonBody, type Block, type Inline, type MarkdownProblem } from './markdown.ts';

export { evaluateTask, resolveMoment, readMetric, readPath, type TaskResult, type GoalCheck, type LimitCheck } from './lessonRuns.ts';

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };
export type CourseResult = { ok: true; lessons: Lesson[] } | { ok: false; problems: LessonProblem[]; lessons: Lesson[] };

export interface LoadOptions {
  /**
   * Run the simulations to check moments, paths and tasks (default true). The build and the tests check with
   * it; the app, which only ships checked lessons, may skip it to start faster.
   */
  simulate?: boolean;
}

/** The files of lesson folders by folder name (`{ '02-tables': { 'README.md': '...', 'start.json': '...' } }`). */
export type LessonFilesByFolder = Record<string, Record<string, string>>;

const FRONTMATTER_KEYS = ['title', 'summary', 'scenario', 'seed', 'areas', 'minutes'] as const;
const MAX_SEED = 2 ** 32 - 1;
const FOLDER_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const DRAFT_PREFIX = 'xx-';
/** `lessons/challenges/` holds the challenges (`src/challenge/`), not a lesson: the course skips it. */
export const CHALLENGES_FOLDER = 'challenges';

/** The lesson number and slug of a folder name (`04-kitchen-stations`), or why it is not one. */
export function parseFolderName(folderName: string): { ok: true; number: number; slug: string } | { ok: false; message: string } {
  if (folderName.startsWith(DRAFT_PREFIX)) return { ok: true, number: 0, slug: folderName.slice(DRAFT_PREFIX.length) };
  const m = FOLDER_NAME.exec(folderName);
  if (m === null || m[1] === '00') {
    return { ok: false, message: 'a lesson folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft' };
  }
  return { ok: true, number: Number(m[1]), slug: m[2] };
}

/** `lessons/<folder>/<file>`: how problems name a file. */
export function lessonFile(folderName: string, fileName?: string): string {
  return fileName === undefined ? `lessons/${folderName}` : `lessons/${folderName}/${fileName}`;
}

/** One line per problem: `lessons/04-kitchen-stations/README.md:23: step 2 question: ...`. */
export function formatLessonProblems(problems: readonly LessonProblem[]): string {
  return problems.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.field !== undefined ? `${p.field}: ` : ''}${p.message}`).join('\n');
}

/**
 * Groups `import.meta.glob` results (`{ '/lessons/02-tables/README.md': text }`) by folder:
 * `{ '02-tables': { 'README.md': text } }`. Paths not of the form `<...>/lessons/<folder>/<file>`, and those
 * of `lessons/challenges/`, are ignored.
 */
export function groupLessonFiles(files: Record<string, string>): LessonFilesByFolder {
  const out: LessonFilesByFolder = {};
  for (const [path, text] of Object.entries(files)) {
    const m = /(?:^|\/)lessons\/([^/]+)\/([^/]+)$/.exec(path);
    if (m === null || m[1] === CHALLENGES_FOLDER) continue;
    (out[m[1]] ??= {})[m[2]] = text;
  }
  return out;
}

/** Loads every lesson folder: drafts (`xx-`) and `challenges/` skipped, ordered by number, duplicate numbers refused. */
export function loadCourse(filesByFolder: LessonFilesByFolder, options: LoadOptions = {}): CourseResult {
  const problems: LessonProblem[] = [];
  const lessons: Lesson[] = [];
  const byNumber = new Map<number, string>();
  for (const folder of Object.keys(filesByFolder).sort()) {
    if (folder.startsWith(DRAFT_PREFIX) || folder === CHALLENGES_FOLDER) continue;
    const name = parseFolderName(folder);
    if (!name.ok) {
      problems.push({ file: lessonFile(folder), message: name.message });
      continue;
    }
    const other = byNumber.get(name.number);
    if (other !== undefined) {
      problems.push({ file: lessonFile(folder), message: `duplicate lesson number ${folder.slice(0, 2)} (${lessonFile(other)} has it too)` });
      continue;
    }
    byNumber.set(name.number, folder);
    const r = loadLesson(folder, filesByFolder[folder], options);
    if (r.ok) lessons.push(r.lesson);
    else problems.push(...r.problems);
  }
  lessons.sort((a, b) => a.number - b.number);
  return problems.length === 0 ? { ok: true, lessons } : { ok: false, problems, lessons };
}

/** Loads one lesson folder (see the module comment). Never throws. */
export function loadLesson(folderName: string, files: Record<string, string>, options: LoadOptions = {}): LessonResult {
  return new LessonLoader(folderName, files, options.simulate ?? true).load();
}

// ---------------------------------------------------------------------------------------------------------

const builtInCache = new Map<string, Scenario>();

function builtIn(id: string): Scenario {
  let s = builtInCache.get(id);
  if (s === undefined) {
    s = scenarioOrThrow(builtInScenarios[id]);
    builtInCache.set(id, s);
  }
  return s;
}

function isBuiltInId(id: string): boolean {
  return Object.hasOwn(builtInScenarios, id);
}

/** Where a text of a step block is, for problems and for parsing its Markdown. */
interface Site {
  line: number;
  field: string;
}

/** A step whose setup could be resolved, with what the simulation checks need. */
interface Checkable {
  step: Step;
  /** The step block's fence line and JSON lines (null without a block). */
  block: { line: number; lines: JsonLines } | null;
  /** Moments of the step with where they are written. */
  moments: { moment: Moment; site: Site }[];
}

class LessonLoader {
  private readonly problems: LessonProblem[] = [];
  private readonly readme: string;
  private readonly scenarioFiles = new Map<string, Scenario | null>();

  constructor(
    private readonly folder: string,
    private readonly files: Record<string, string>,
    private readonly shouldSimulate: boolean,
  ) {
    this.readme = lessonFile(folder, 'README.md');
  }

  load(): LessonResult {
    const name = parseFolderName(this.folder);
    if (!name.ok) this.problems.push({ file: lessonFile(this.folder), message: name.message });
    const text = this.files['README.md'];
    if (text === undefined) {
      this.problems.push({ file: this.readme, message: 'missing: a lesson folder needs a README.md' });
      return { ok: false, problems: this.problems };
    }

    const fm = parseFrontmatter(text);
    for (const p of fm.problems) this.add(p.line, p.key, p.message);
    const meta = this.readFrontmatter(fm.entries, new Set(fm.problems.map((p) => p.key)), fm.isComplete);

    const body = parseLessonBody(fm.body, fm.bodyLine);
    for (const p of body.problems) this.add(p.line, p.section, p.message);
    if (body.steps.length === 0 && (fm.isComplete || fm.body.trim() !== '')) this.add(fm.bodyLine, undefined, 'a lesson needs at least one step (a "## <Step title>" heading)');

    const steps: Step[] = [];
    const checkables: Checkable[] = [];
    let previous: { setup: Setup; timeline: Timeline } | null = meta.baseTimeline === null || meta.setup === null ? null : { setup: meta.setup, timeline: meta.baseTimeline };
    let isChainBroken = previous === null;
    body.steps.forEach((raw, i) => {
      const stepNo = i + 1;
      const field = `step ${stepNo}`;
      let block: StepBlock = {};
      let blockSites: Checkable['block'] = null;
      if (raw.stepBlock !== null) {
        const read = this.readStepBlock(raw.stepBlock.text, raw.stepBlock.line, field);
        if (read === null) {
          isChainBroken = true;
          return;
        }
        block = read.block;
        blockSites = { line: raw.stepBlock.line, lines: read.lines };
      }
      const siteOf = (path: JsonPath): Site => ({
        line: blockSites === null ? raw.line : blockSites.line + lineOfPath(blockSites.lines, path),
        field: `${field} ${formatPath(path)}`,
      });

      // The setup: its own, or the previous step's.
      let setup: Setup | null = null;
      let timeline: Timeline | null = null;
      if (block.setup !== undefined) {
        const own = this.resolveSetup(block.setup, meta, siteOf);
        isChainBroken = own === null;
        if (own !== null) ({ setup, timeline } = own);
      } else if (!isChainBroken && previous !== null) {
        ({ setup, timeline } = previous);
      }
      if (setup !== null && timeline !== null) previous = { setup, timeline };
      const durationMs = timeline?.scenario.durationMs ?? null;

      const moments: Checkable['moments'] = [];
      const checkTime = (moment: Moment, site: Site) => {
        if (moment.kind === 'time' && durationMs !== null && moment.atMs > durationMs) {
          this.add(site.line, site.field, `${moment.text} is after the end of the service (${formatClock(durationMs)})`);
        }
        moments.push({ moment, site });
      };
      const inline = (value: string, path: JsonPath): Inline[] => {
        const site = siteOf(path);
        const problems: MarkdownProblem[] = [];
        const nodes = parseInline(value, site.line, problems);
        for (const p of problems) this.add(p.line, site.field, p.message);
        for (const m of momentLinks(nodes)) checkTime(m.moment, { line: m.line, field: site.field });
        return nodes;
      };

      const proseMoments = momentLinks(i === 0 ? [...body.intro, ...raw.body] : raw.body);
      for (const m of proseMoments) checkTime(m.moment, { line: m.line, field });

      const at: Moment = block.at ?? { kind: 'time', atMs: 0, text: '0:00' };
      if (block.at !== undefined) checkTime(at, siteOf(['at']));

      const highlight: Highlight[] = block.highlight ?? [];
      highlight.forEach((h, k) => {
        if (h.kind === 'area' && meta.areas !== null && !meta.areas.includes(h.area)) {
          const site = siteOf(['highlight', k]);
          this.add(site.line, site.field, `area "${h.area}" is not shown in this lesson (frontmatter areas: ${meta.areas.join(', ')})`);
        }
      });

      const question = block.question === undefined ? null : this.resolveQuestion(block.question, inline, checkTime, siteOf);
      const task = block.task === undefined ? null : this.resolveTask(block.task, inline, durationMs, siteOf);
      const hints = (block.hints ?? []).map((h, k) => inline(h, ['hints', k]));

      if (setup === null || timeline === null) return;
      const step: Step = {
        number: stepNo,
        title: raw.title,
        line: raw.line,
        body: raw.body,
        revealFrom: raw.revealFrom,
        setup,
        hasOwnSetup: block.setup !== undefined,
        timeline,
        at,
        shouldPlay: block.play ?? false,
        highlight,
        question,
        task,
        hints,
      };
      steps.push(step);
      checkables.push({ step, block: blockSites, moments });
    });

    if (this.shouldSimulate) for (const c of checkables) this.simulate(c);

    if (this.problems.length > 0 || !name.ok || meta.title === null || meta.summary === null || meta.scenarioRef === null || meta.areas === null || meta.seed === null) {
      return { ok: false, problems: sortProblems(this.problems) };
    }
    return {
      ok: true,
      lesson: {
        id: this.folder,
        number: name.number,
        slug: name.slug,
        title: meta.title,
        summary: meta.summary,
        scenarioRef: meta.scenarioRef,
        seed: meta.seed,
        areas: meta.areas,
        minutes: meta.minutes,
        intro: body.intro,
        steps,
      },
    };
  }

  private add(line: number | undefined, field: string | undefined, message: string, file: string = this.readme): void {
    const p: LessonProblem = { file, message };
    if (line !== undefined) p.line = line;
    if (field !== undefined) p.field = field;
    this.problems.push(p);
  }

  // --- Frontmatter -----------------------------------------------------------------------------------------

  private readFrontmatter(entries: FrontmatterEntry[], keysWithProblems: ReadonlySet<string | undefined>, isComplete: boolean) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    for (const e of entries) {
      if (!(FRONTMATTER_KEYS as readonly string[]).includes(e.key)) {
        this.add(e.line, e.key, `unknown frontmatter key (expected one of ${FRONTMATTER_KEYS.join(', ')})`);
      }
    }
    // A key on a line with a problem gives no entry: do not report it missing as well. Without frontmatter
    // (or when it is not closed) the one problem is that.
    const required = (key: string): FrontmatterEntry | null => {
      const e = byKey.get(key);
      if (e === undefined && isComplete && !keysWithProblems.has(key)) this.add(1, key, 'missing (required in the frontmatter)');
      return e ?? null;
    };
    const text = (key: string): string | null => {
      const e = required(key);
      if (e === null) return null;
      if (typeof e.value !== 'string') {
        this.add(e.line, key, `expected text, got ${describeValue(e.value)} (quote it)`);
        return null;
      }
      if (e.value.trim() === '') {
        this.add(e.line, key, 'must not be empty');
        return null;
      }
      return e.value.trim();
    };
    const integer = (key: string, min: number, max: number): number | null | undefined => {
      const e = byKey.get(key);
      if (e === undefined) return undefined;
      if (typeof e.value !== 'number' || !Number.isInteger(e.value) || e.value < min || e.value > max) {
        this.add(e.line, key, `expected an integer from ${min} to ${max}, got ${describeValue(e.value)}`);
        return null;
      }
      return e.value;
    };

    const title = text('title');
    const summary = text('summary');
    const scenarioRef = text('scenario');
    const scenarioEntry = byKey.get('scenario');
    const scenario = scenarioRef === null || scenarioEntry === undefined ? null : this.resolveScenario(scenarioRef, scenarioEntry.line, 'scenario');
    const seedValue = integer('seed', 0, MAX_SEED);
    const minutesValue = integer('minutes', 1, 240);

    let areas: Area[] | null = null;
    const areasEntry = required('areas');
    if (areasEntry !== null) {
      const v = areasEntry.value;
      if (!Array.isArray(v)) {
        this.add(areasEntry.line, 'areas', `expected a list such as [tables, staff], got ${describeValue(v)}`);
      } else if (v.length === 0) {
        this.add(areasEntry.line, 'areas', `expected at least one area (${AREAS.join(', ')})`);
      } else {
        const bad = v.filter((a) => !(AREAS as readonly unknown[]).includes(a));
        const repeated = v.filter((a, k) => v.indexOf(a) !== k);
        if (bad.length > 0) this.add(areasEntry.line, 'areas', `unknown area ${bad.map((a) => JSON.stringify(a)).join(', ')} (expected any of ${AREAS.join(', ')})`);
        else if (repeated.length > 0) this.add(areasEntry.line, 'areas', `${repeated.map((a) => JSON.stringify(a)).join(', ')} listed twice`);
        else areas = v as Area[];
      }
    }

    const seed = seedValue === undefined ? (scenario?.seed ?? null) : seedValue;
    const setup: Setup | null = scenarioRef === null || seed === null ? null : { scenarioRef, seed, commands: [] };
    const baseTimeline = scenario === null || seed === null ? null : createTimeline(scenario, seed);
    return { title, summary, scenarioRef, scenario, seed, areas, minutes: minutesValue ?? null, setup, baseTimeline };
  }

  // --- Scenarios -------------------------------------------------------------------------------------------

  /** A built-in id or a JSON file of the folder, validated; problems at `line`/`field` of the README or in the file. */
  private resolveScenario(ref: string, line: number, field: string): Scenario | null {
    if (isBuiltInId(ref)) return builtIn(ref);
    if (!ref.endsWith('.json')) {
      this.add(line, field, `unknown scenario ${JSON.stringify(ref)}: expected a built-in id (${builtInScenarioIds.join(', ')}) or a .json file of the lesson folder`);
      return null;
    }
    if (this.scenarioFiles.has(ref)) return this.scenarioFiles.get(ref) ?? null;
    const scenario = this.readScenarioFile(ref, line, field);
    this.scenarioFiles.set(ref, scenario);
    return scenario;
  }

  private readScenarioFile(ref: string, line: number, field: string): Scenario | null {
    const text = this.files[ref];
    if (text === undefined) {
      this.add(line, field, `scenario file ${JSON.stringify(ref)} not found in ${lessonFile(this.folder)}/`);
      return null;
    }
    const file = lessonFile(this.folder, ref);
    const json = parseJsonWithLines(text);
    if (!json.ok) {
      this.add(json.line, undefined, `bad JSON: ${json.message}`, file);
      return null;
    }
    const value = json.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add(1, undefined, `expected a scenario object, got ${describeValue(value)}`, file);
      return null;
    }
    let input: Record<string, unknown> = value as Record<string, unknown>;
    if (Object.hasOwn(input, 'extends')) {
      const { extends: base, ...overrides } = input;
      if (typeof base !== 'string' || !isBuiltInId(base)) {
        this.add(lineOfPath(json.lines, ['extends']), 'extends', `expected a built-in scenario id (${builtInScenarioIds.join(', ')}), got ${describeValue(base)}`, file);
        return null;
      }
      input = { ...(builtInScenarios[base] as Record<string, unknown>), ...overrides };
    }
    const parsed = parseScenario(input);
    if (!parsed.ok) {
      for (const p of parsed.problems) {
        const first = p.path.split(', ')[0];
        const path = first === '' ? [] : first.split('.');
        this.add(lineOfPath(json.lines, path), p.path === '' ? undefined : p.path, p.message, file);
      }
      return null;
    }
    return parsed.scenario;
  }

  // --- Step blocks -----------------------------------------------------------------------------------------

  private readStepBlock(text: string, fenceLine: number, field: string): { block: StepBlock; lines: JsonLines } | null {
    const json = parseJsonWithLines(text);
    if (!json.ok) {
      this.add(fenceLine + json.line, field, `bad JSON in the step block: ${json.message}`);
      return null;
    }
    const result = stepBlockSchema.safeParse(json.value, { reportInput: true });
    if (!result.success) {
      for (const p of describeIssues(result.error.issues)) {
        this.add(fenceLine + lineOfPath(json.lines, p.path), p.path.length === 0 ? field : `${field} ${formatPath(p.path)}`, p.message);
      }
      return null;
    }
    return { block: result.data, lines: json.lines };
  }

  private resolveSetup(
    raw: NonNullable<StepBlock['setup']>,
    meta: { scenarioRef: string | null; scenario: Scenario | null; seed: number | null },
    siteOf: (path: JsonPath) => Site,
  ): { setup: Setup; timeline: Timeline } | null {
    let scenarioRef: string | null;
    let scenario: Scenario | null;
    let seed: number | null;
    if (raw.scenario !== undefined) {
      const site = siteOf(['setup', 'scenario']);
      scenarioRef = raw.scenario;
      scenario = this.resolveScenario(raw.scenario, site.line, site.field);
      seed = raw.seed ?? scenario?.seed ?? null;
    } else {
      scenarioRef = meta.scenarioRef;
      scenario = meta.scenario;
      seed = raw.seed ?? meta.seed;
    }
    if (scenarioRef === null || scenario === null || seed === null) return null;
    const commands = (raw.commands ?? []) as TimedCommand[];
    if (!this.commandsFit(commands, scenario.durationMs, (k) => siteOf(['setup', 'commands', k, 'atMs']))) return null;
    return { setup: { scenarioRef, seed, commands }, timeline: createTimeline(scenario, seed, commands) };
  }

  /** True when every command's time is inside the service; otherwise adds a problem for each that is not. */
  private commandsFit(commands: readonly TimedCommand[], durationMs: number, siteOf: (index: number) => Site): boolean {
    let fits = true;
    commands.forEach((c, k) => {
      if (c.atMs > durationMs) {
        const site = siteOf(k);
        this.add(site.line, site.field, `${c.atMs} ms is after the end of the service (${durationMs} ms, ${formatClock(durationMs)})`);
        fits = false;
      }
    });
    return fits;
  }

  private resolveQuestion(
    raw: RawQuestion,
    inline: (value: string, path: JsonPath) => Inline[],
    checkTime: (moment: Moment, site: Site) => void,
    siteOf: (path: JsonPath) => Site,
  ): Question {
    const prompt = inline(raw.prompt, ['question', 'prompt']);
    if (raw.kind === 'reflect') return { kind: 'reflect', prompt, modelAnswer: inline(raw.modelAnswer, ['question', 'modelAnswer']) };
    const reveal = raw.reveal ?? null;
    if (reveal !== null) checkTime(reveal, siteOf(['question', 'reveal']));
    if (raw.kind === 'number') {
      return {
        kind: 'number',
        prompt,
        answer: raw.answer,
        tolerance: raw.tolerance ?? 0,
        unit: raw.unit ?? null,
        tooLow: inline(raw.tooLow, ['question', 'tooLow']),
        tooHigh: inline(raw.tooHigh, ['question', 'tooHigh']),
        reveal,
      };
    }
    const options = raw.options.map(
      (o, k): ChoiceOption => ({
        text: inline(o.text, ['question', 'options', k, 'text']),
        isCorrect: o.correct === true,
        feedback: o.feedback === undefined ? null : inline(o.feedback, ['question', 'options', k, 'feedback']),
      }),
    );
    return { kind: 'choice', prompt, options, reveal };
  }

  private resolveTask(raw: RawTask, inline: (value: string, path: JsonPath) => Inline[], durationMs: number | null, siteOf: (path: JsonPath) => Site): Task {
    if (raw.runTo !== undefined && durationMs !== null && raw.runTo > durationMs) {
      const site = siteOf(['task', 'runTo']);
      this.add(site.line, site.field, `${formatClock(raw.runTo)} is after the end of the service (${formatClock(durationMs)})`);
    }
    const solution = raw.solution as TimedCommand[];
    if (durationMs !== null) this.commandsFit(solution, durationMs, (k) => siteOf(['task', 'solution', k, 'atMs']));
    return {
      prompt: inline(raw.prompt, ['task', 'prompt']),
      goal: raw.goal.map((g, k) => ({ metric: g.metric, op: g.op, value: g.value, label: inline(g.label, ['task', 'goal', k, 'label']) })),
      limits: (raw.limits ?? []).map(
        (c, k): Constraint => ({
          limit: c.limit,
          atMost: c.atMost ?? null,
          atLeast: c.atLeast ?? null,
          label: c.label === undefined ? null : inline(c.label, ['task', 'limits', k, 'label']),
        }),
      ),
      runToMs: Math.min(raw.runTo ?? Infinity, durationMs ?? Infinity),
      solution,
    };
  }

  // --- Simulation checks -----------------------------------------------------------------------------------

  private simulate({ step, block, moments }: Checkable): void {
    const timeline = step.timeline;
    const end = formatClock(timeline.scenario.durationMs);
    const siteOf = (path: JsonPath): Site => ({
      line: block === null ? step.line : block.line + lineOfPath(block.lines, path),
      field: `step ${step.number} ${formatPath(path)}`,
    });

    const run = runToEnd(timeline);
    if (step.hasOwnSetup) {
      for (const r of run.refusals) {
        const site = siteOf(['setup', 'commands', step.setup.commands.indexOf(timeline.commands[r.commandIndex])]);
        this.add(site.line, site.field, `refused by the simulation: ${r.message}`);
      }
    }

    for (const { moment, site } of moments) {
      if (moment.kind !== 'event') continue;
      const count = countEvents(timeline, moment.eventType);
      if (count < moment.n) {
        this.add(
          site.line,
          site.field,
          `moment ${JSON.stringify(moment.text)} never happens in this step's simulation: ${count} ${moment.eventType} event${count === 1 ? '' : 's'} by the end of the service (${end})`,
        );
      }
    }

    const task = step.task;
    if (task === null) return;
    const start = evaluateTask(task, timeline);
    let hasPathProblem = false;
    start.goals.forEach((g, k) => {
      if (g.actual !== null) return;
      hasPathProblem = true;
      const site = siteOf(['task', 'goal', k, 'metric']);
      this.add(site.line, site.field, pathProblem(g.condition.metric, readMetric(g.condition.metric, start.metrics, start.gauges), 'a metric (SimMetrics or Gauges)'));
    });
    start.limits.forEach((l, k) => {
      if (l.lowest !== null) return;
      hasPathProblem = true;
      const site = siteOf(['task', 'limits', k, 'limit']);
      this.add(site.line, site.field, pathProblem(l.constraint.limit, readPath(start.limitsInForce, l.constraint.limit), 'a limit (LimitsInForce)'));
    });
    if (hasPathProblem) return;

    const when = atClock(start.atMs);
    if (start.isMet) {
      const site = siteOf(['task']);
      const goals = start.goals.map((g) => `${g.condition.metric} ${g.condition.op} ${formatNumber(g.condition.value)} (is ${formatNumber(g.actual ?? NaN)})`);
      this.add(site.line, site.field, `already met by the step's setup ${when}, before the learner changes anything: ${goals.join('; ')}`);
    }

    const solutionTimeline = createTimeline(timeline.scenario, timeline.seed, [...timeline.commands, ...task.solution]);
    const solved = evaluateTask(task, solutionTimeline);
    for (const r of solved.refusals) {
      const k = task.solution.indexOf(solutionTimeline.commands[r.commandIndex]);
      if (k < 0) continue; // a setup command, reported above
      const site = siteOf(['task', 'solution', k]);
      this.add(site.line, site.field, `refused by the simulation: ${r.message}`);
    }
    if (!solved.isMet) {
      const site = siteOf(['task', 'solution']);
      this.add(site.line, site.field, `does not meet the task ${when}: ${[...describeUnmetGoals(solved), ...describeBrokenLimits(solved)].join('; ')}`);
    }
  }
}

function pathProblem(path: string, value: unknown, what: string): string {
  if (value === undefined) return `${JSON.stringify(path)} is not ${what} of this step's scenario`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 8);
    return `${JSON.stringify(path)} is not a number but a group (${keys.map((k) => `${path}.${k}`).join(', ')}${Object.keys(value).length > keys.length ? ', ...' : ''})`;
  }
  return `${JSON.stringify(path)} is not a number (it is ${describeValue(value)})`;
}

/** Problems in file order: by file, then line (problems without a line first), keeping the order found. */
function sortProblems(problems: LessonProblem[]): LessonProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map((x) => x.p);
}

export type { Block, Inline };
