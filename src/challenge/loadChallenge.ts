/**
 * The strict challenge loader: the files of the folders under `lessons/challenges/` in, every
 * {@link Challenge} or every problem out (`file:line: field: message`, as the build prints them).
 *
 * A folder is `NN-slug` (the challenge id is the slug; `xx-` folders are drafts and skipped) with `README.md`
 * (frontmatter `title`, `summary`, `kind`, `minutes`; the body is the brief, in the lessons' safe Markdown,
 * one section, no step blocks), `challenge.json`, `reference.json` and, with a code slot, `starter.js` and
 * `reference.js`. See `lessons/challenges/README.md` for the format.
 *
 * With `simulate` (the default) it also runs the challenge: every goal's metric or event must be one the run
 * measures, the starter (starting settings, and `starter.js`) must run and fail at least one goal, and the
 * reference must pass every goal on every seed. A code slot needs `runner` for that (Node: `nodeCodeRunner`).
 *
 * @example
 * const r = loadChallenges(readChallengeFolders(), { runner: nodeCodeRunner });
 * if (!r.ok) console.error(formatChallengeProblems(r.problems));
 * // lessons/challenges/01-friday-rush/challenge.json:31: goals[0].metric: "tables.waitMs.p96" is not a number ...
 */
import type { z } from 'zod';
import { parseFrontmatter, type FrontmatterEntry } from '../lessons/frontmatter.ts';
import { lineOfPath, parseJsonWithLines, type JsonLines, type JsonPath } from '../lessons/jsonLines.ts';
import { describeIssues, describeValue, formatPath } from '../lessons/lessonSchema.ts';
import { isSimEventType, nearestEventType } from '../lessons/eventTypes.ts';
import { parseLessonBody, type Block } from '../lessons/markdown.ts';
import { builtInScenarioIds, builtInScenarios } from '../sim/builtInScenarios.ts';
import { parseScenario, type Scenario } from '../sim/scenario.ts';
import {
  CHALLENGE_FRONTMATTER_KEYS,
  CHALLENGE_KINDS,
  challengeJsonSchema,
  referenceJsonSchema,
  type ChallengeJson,
  type ChallengeProblem,
} from './challengeSchema.ts';
import type { CodeRunner } from './codeRunner.ts';
import { runSolution, verdictOf, type SeedMeasure } from './evaluate.ts';
import { checkSettings, readSettingPath, settingValueProblem, showValue } from './settings.ts';
import type { CodeSlot } from './slots/codeSlot.ts';
import { codeSlots } from './slots/index.ts';
import { makeSolutionFile, MAX_CODE_BYTES, byteLength, starterSolution } from './solutionFile.ts';
import type { Challenge, CodeSlotId, Goal, SettingSpec, SettingValue } from './types.ts';

export type { ChallengeProblem };

export interface ChallengeLoadOptions {
  /** Run the challenges to check goals, starter and reference (default true). The app skips it. */
  simulate?: boolean;
  /** Runs `starter.js`/`reference.js` of code-slot challenges when simulating (Node: `nodeCodeRunner`). */
  runner?: CodeRunner | null;
  /** The code-slot harnesses (default: the shipped ones). */
  slots?: Readonly<Partial<Record<CodeSlotId, CodeSlot>>>;
}

/** The files of challenge folders by folder name (`{ '01-friday-rush': { 'README.md': '...', ... } }`). */
export type ChallengeFilesByFolder = Record<string, Record<string, string>>;

export type ChallengesResult = { ok: boolean; challenges: Challenge[]; problems: ChallengeProblem[] };

/** Where challenge folders are, relative to the project root. */
export const CHALLENGES_DIR = 'lessons/challenges';
const FOLDER_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const DRAFT_PREFIX = 'xx-';

/** `lessons/challenges/<folder>/<file>`: how problems name a file. */
export function challengeFile(folder: string, file?: string): string {
  return file === undefined ? `${CHALLENGES_DIR}/${folder}` : `${CHALLENGES_DIR}/${folder}/${file}`;
}

/** One line per problem: `lessons/challenges/01-friday-rush/challenge.json:12: goals[0].metric: ...`. */
export function formatChallengeProblems(problems: readonly ChallengeProblem[]): string {
  return problems.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.field !== undefined ? `${p.field}: ` : ''}${p.message}`).join('\n');
}

/**
 * Groups `import.meta.glob` results (`{ '/lessons/challenges/01-a/README.md': text }`) by folder. Paths not
 * of the form `<...>/lessons/challenges/<folder>/<file>` are ignored.
 */
export function groupChallengeFiles(files: Record<string, string>): ChallengeFilesByFolder {
  const out: ChallengeFilesByFolder = {};
  for (const [path, text] of Object.entries(files)) {
    const m = /(?:^|\/)lessons\/challenges\/([^/]+)\/([^/]+)$/.exec(path);
    if (m === null) continue;
    (out[m[1]] ??= {})[m[2]] = text;
  }
  return out;
}

/** Loads every challenge folder: drafts (`xx-`) skipped, ordered by number, duplicate numbers and ids refused. */
export function loadChallenges(filesByFolder: ChallengeFilesByFolder, options: ChallengeLoadOptions = {}): ChallengesResult {
  const problems: ChallengeProblem[] = [];
  const challenges: Challenge[] = [];
  const byNumber = new Map<number, string>();
  const byId = new Map<string, string>();
  for (const folder of Object.keys(filesByFolder).sort()) {
    if (folder.startsWith(DRAFT_PREFIX)) continue;
    const m = FOLDER_NAME.exec(folder);
    if (m === null || m[1] === '00') {
      problems.push({ file: challengeFile(folder), message: 'a challenge folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft' });
      continue;
    }
    const number = Number(m[1]);
    const otherNumber = byNumber.get(number);
    if (otherNumber !== undefined) {
      problems.push({ file: challengeFile(folder), message: `duplicate challenge number ${m[1]} (${challengeFile(otherNumber)} has it too)` });
      continue;
    }
    const otherId = byId.get(m[2]);
    if (otherId !== undefined) {
      problems.push({ file: challengeFile(folder), message: `duplicate challenge id "${m[2]}" (${challengeFile(otherId)} has it too)` });
      continue;
    }
    byNumber.set(number, folder);
    byId.set(m[2], folder);
    const r = loadChallenge(folder, filesByFolder[folder], options);
    if (r.ok) challenges.push(r.challenge);
    else problems.push(...r.problems);
  }
  challenges.sort((a, b) => a.number - b.number);
  return { ok: problems.length === 0, challenges, problems };
}

export type ChallengeResult = { ok: true; challenge: Challenge } | { ok: false; problems: ChallengeProblem[] };

/** Loads one challenge folder (see the module comment). Never throws for a bad folder. */
export function loadChallenge(folder: string, files: Record<string, string>, options: ChallengeLoadOptions = {}): ChallengeResult {
  return new ChallengeLoader(folder, files, options).load();
}

// ---------------------------------------------------------------------------------------------------------

interface Meta {
  title: string | null;
  summary: string | null;
  kind: string | null;
  brief: Block[];
}

/** A deep merge for `extends`: objects merge key by key, anything else (lists included) replaces. */
export function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return structuredClone(over);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(out, k) ? mergeDeep(out[k], v) : structuredClone(v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class ChallengeLoader {
  private readonly problems: ChallengeProblem[] = [];
  private readonly slots: Readonly<Partial<Record<CodeSlotId, CodeSlot>>>;

  constructor(
    private readonly folder: string,
    private readonly files: Record<string, string>,
    private readonly options: ChallengeLoadOptions,
  ) {
    this.slots = options.slots ?? codeSlots;
  }

  private add(file: string, line: number | undefined, field: string | undefined, message: string): void {
    const p: ChallengeProblem = { file: challengeFile(this.folder, file), message };
    if (line !== undefined) p.line = line;
    if (field !== undefined && field !== '') p.field = field;
    this.problems.push(p);
  }

  load(): ChallengeResult {
    const m = FOLDER_NAME.exec(this.folder);
    const isDraft = this.folder.startsWith(DRAFT_PREFIX);
    if (m === null && !isDraft) {
      this.problems.push({ file: challengeFile(this.folder), message: 'a challenge folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft' });
    }
    const id = m?.[2] ?? this.folder.slice(DRAFT_PREFIX.length);
    const number = m === null ? 0 : Number(m[1]);

    const meta = this.readReadme();
    const json = this.readJson('challenge.json', challengeJsonSchema);
    const reference = this.readJson('reference.json', referenceJsonSchema);
    if (json === null) return this.fail();

    const { value: raw, lines } = json;
    const at = (path: JsonPath) => lineOfPath(lines, path);
    const field = (path: JsonPath) => formatPath(path);

    // Scenario or code slot.
    const code = this.readCode(raw, at);
    const scenario = this.readScenario(raw, lines, code !== null);
    if (code === null && raw.code === undefined && scenario === null && this.problems.length === 0) {
      this.add('challenge.json', at(['scenario']), 'scenario', 'a challenge without a code slot needs a scenario');
    }

    // Settings.
    const startingSettings: Record<string, SettingValue> = {};
    const specs: SettingSpec[] = [];
    raw.settings.forEach((spec, i) => {
      const path = ['settings', i, 'path'];
      if (raw.settings.slice(0, i).some((s) => s.path === spec.path)) {
        this.add('challenge.json', at(path), field(path), `"${spec.path}" is a setting already`);
        return;
      }
      const start = this.startingValue(spec, scenario, code?.params ?? null, at(path), field(path), at(['settings', i]), field(['settings', i]));
      if (start === undefined) return;
      specs.push(spec as SettingSpec);
      startingSettings[spec.path] = start;
    });
    if (raw.settings.length === 0 && raw.code === undefined) {
      this.add('challenge.json', at(['settings']), 'settings', 'a challenge without a code slot needs at least one setting for the learner to change');
    }

    // Goals.
    const goals: Goal[] = [];
    raw.goals.forEach((g, k) => {
      const base = { id: g.id, text: g.text, op: g.op, value: g.value };
      if (goals.some((other) => other.id === g.id)) this.add('challenge.json', at(['goals', k, 'id']), field(['goals', k, 'id']), `goal id "${g.id}" is used twice`);
      if (g.metric !== undefined) goals.push({ ...base, metric: g.metric });
      else if (g.event !== undefined) {
        if (raw.code === undefined && !isSimEventType(g.event)) {
          const near = nearestEventType(g.event);
          this.add('challenge.json', at(['goals', k, 'event']), field(['goals', k, 'event']), `unknown event type "${g.event}": not an event of src/sim/events.ts${near === null ? '' : ` (did you mean "${near}"?)`}`);
        }
        goals.push({ ...base, event: g.event });
      } else if (g.settings !== undefined) {
        g.settings.forEach((p, j) => {
          const spec = raw.settings.find((s) => s.path === p);
          if (spec === undefined) this.add('challenge.json', at(['goals', k, 'settings', j]), field(['goals', k, 'settings', j]), `"${p}" is not a setting of this challenge`);
          else if (spec.options !== undefined) this.add('challenge.json', at(['goals', k, 'settings', j]), field(['goals', k, 'settings', j]), `"${p}" is a choice, not a number: a budget adds numbers`);
        });
        goals.push({ ...base, settings: g.settings });
      }
    });

    // Code files.
    const starterCode = this.files['starter.js'];
    const referenceCode = this.files['reference.js'];
    if (raw.code !== undefined) {
      for (const [name, text] of [['starter.js', starterCode], ['reference.js', referenceCode]] as const) {
        if (text === undefined) this.add(name, undefined, undefined, `missing: a challenge with a code slot needs ${name}`);
        else if (byteLength(text) > MAX_CODE_BYTES) this.add(name, undefined, undefined, `too large: ${byteLength(text)} bytes (at most ${MAX_CODE_BYTES})`);
      }
    } else {
      for (const name of ['starter.js', 'reference.js'] as const) {
        if (this.files[name] !== undefined) this.add(name, undefined, undefined, `only a challenge with a code slot ("code" in challenge.json) has ${name}`);
      }
    }

    // Reference settings, each on its own.
    const referenceSettings: Record<string, SettingValue> = {};
    if (reference !== null) {
      for (const [path, value] of Object.entries(reference.value.settings)) {
        const line = lineOfPath(reference.lines, ['settings', path]);
        const spec = specs.find((s) => s.path === path);
        if (spec === undefined) {
          if (!raw.settings.some((s) => s.path === path)) this.add('reference.json', line, `settings.${path}`, `unknown setting (challenge.json has ${raw.settings.map((s) => `"${s.path}"`).join(', ') || 'none'})`);
          continue;
        }
        const problem = settingValueProblem(spec, value);
        if (problem !== null) this.add('reference.json', line, `settings.${path}`, problem);
        else referenceSettings[path] = value;
      }
    }

    if (this.problems.length > 0 || meta.title === null || meta.summary === null || meta.kind === null || reference === null) return this.fail();

    const slot = code === null ? null : this.slots[code.slot];
    const partial: Omit<Challenge, 'reference'> = {
      id,
      folder: this.folder,
      number,
      title: meta.title,
      summary: meta.summary,
      kind: meta.kind,
      brief: meta.brief,
      scenario,
      baseScenarioId: scenario === null ? null : this.baseScenarioId,
      seeds: [...raw.seeds],
      settings: specs,
      startingSettings,
      code:
        code === null || slot === undefined || slot === null
          ? null
          : { slot: code.slot, params: code.params, starter: starterCode ?? '', functionName: slot.functionName, signature: slot.signature, contract: slot.contract },
      goals,
    };
    const challenge: Challenge = { ...partial, reference: makeSolutionFile(partial, referenceSettings, code === null ? null : (referenceCode ?? '')) };

    const together = checkSettings(challenge, referenceSettings);
    if (together !== null) this.add('reference.json', lineOfPath(reference.lines, ['settings']), 'settings', together);
    if (this.problems.length > 0) return this.fail();

    if (this.options.simulate ?? true) this.simulate(challenge, lines);
    if (this.problems.length > 0) return this.fail();
    return { ok: true, challenge };
  }

  private fail(): ChallengeResult {
    return { ok: false, problems: sortProblems(this.problems) };
  }

  // --- README ----------------------------------------------------------------------------------------------

  private readReadme(): Meta {
    const meta: Meta = { title: null, summary: null, kind: null, brief: [] };
    const text = this.files['README.md'];
    if (text === undefined) {
      this.add('README.md', undefined, undefined, 'missing: a challenge folder needs a README.md (frontmatter and the brief)');
      return meta;
    }
    const fm = parseFrontmatter(text);
    for (const p of fm.problems) this.add('README.md', p.line, p.key, p.message);
    const byKey = new Map<string, FrontmatterEntry>(fm.entries.map((e) => [e.key, e]));
    const withProblem = new Set(fm.problems.map((p) => p.key));
    for (const e of fm.entries) {
      if (!(CHALLENGE_FRONTMATTER_KEYS as readonly string[]).includes(e.key)) {
        this.add('README.md', e.line, e.key, `unknown frontmatter key (expected one of ${CHALLENGE_FRONTMATTER_KEYS.join(', ')})`);
      }
    }
    const textOf = (key: string): string | null => {
      const e = byKey.get(key);
      if (e === undefined) {
        if (fm.isComplete && !withProblem.has(key)) this.add('README.md', 1, key, 'missing (required in the frontmatter)');
        return null;
      }
      if (typeof e.value !== 'string') {
        this.add('README.md', e.line, key, `expected text, got ${describeValue(e.value)} (quote it)`);
        return null;
      }
      if (e.value.trim() === '') {
        this.add('README.md', e.line, key, 'must not be empty');
        return null;
      }
      return e.value.trim();
    };
    meta.title = textOf('title');
    meta.summary = textOf('summary');
    const kind = textOf('kind');
    if (kind !== null) {
      if ((CHALLENGE_KINDS as readonly string[]).includes(kind)) meta.kind = kind;
      else this.add('README.md', byKey.get('kind')?.line, 'kind', `unknown kind ${JSON.stringify(kind)} (expected one of ${CHALLENGE_KINDS.join(', ')})`);
    }
    const minutes = byKey.get('minutes');
    if (minutes !== undefined && (typeof minutes.value !== 'number' || !Number.isInteger(minutes.value) || minutes.value < 1 || minutes.value > 240)) {
      this.add('README.md', minutes.line, 'minutes', `expected an integer from 1 to 240, got ${describeValue(minutes.value)}`);
    }

    const body = parseLessonBody(fm.body, fm.bodyLine);
    for (const p of body.problems) {
      const message = p.message.startsWith('a step block belongs inside a step') ? 'a step block belongs in a lesson; a challenge brief has none' : p.message;
      this.add('README.md', p.line, 'brief', message);
    }
    for (const s of body.steps) this.add('README.md', s.line, 'brief', 'a "## " heading splits a lesson into steps; a challenge brief is one section (use a **bold** line to title a part)');
    if (fm.isComplete && body.intro.length === 0 && body.steps.length === 0) this.add('README.md', fm.bodyLine, 'brief', 'empty: write the brief below the frontmatter');
    meta.brief = body.intro;
    return meta;
  }

  // --- JSON files ------------------------------------------------------------------------------------------

  private readJson<T>(name: string, schema: z.ZodType<T>): { value: T; lines: JsonLines } | null {
    const text = this.files[name];
    if (text === undefined) {
      this.add(name, undefined, undefined, `missing: a challenge folder needs ${name}`);
      return null;
    }
    const json = parseJsonWithLines(text);
    if (!json.ok) {
      this.add(name, json.line, undefined, `bad JSON: ${json.message}`);
      return null;
    }
    if (!isPlainObject(json.value)) {
      this.add(name, 1, undefined, `expected an object, got ${describeValue(json.value)}`);
      return null;
    }
    const result = schema.safeParse(json.value, { reportInput: true });
    if (!result.success) {
      for (const p of describeIssues(result.error.issues)) this.add(name, lineOfPath(json.lines, p.path), formatPath(p.path), p.message);
      return null;
    }
    if (name === 'challenge.json' && !Object.hasOwn(json.value, 'scenario')) {
      this.add(name, 1, 'scenario', 'missing (required: a built-in scenario id, {"extends": "<id>", ...}, or null for a code slot)');
      return null;
    }
    return { value: result.data, lines: json.lines };
  }

  /** The built-in id the scenario names or extends (set by readScenario). */
  private baseScenarioId: string | null = null;

  private readScenario(raw: ChallengeJson, lines: JsonLines, hasCode: boolean): Scenario | null {
    const value = raw.scenario;
    const line = lineOfPath(lines, ['scenario']);
    if (value === null) return null;
    if (hasCode || raw.code !== undefined) {
      this.add('challenge.json', line, 'scenario', 'a code-slot challenge runs its harness, not a scenario: expected null');
      return null;
    }
    let input: unknown;
    if (typeof value === 'string') {
      if (!Object.hasOwn(builtInScenarios, value)) {
        this.add('challenge.json', line, 'scenario', `unknown scenario ${JSON.stringify(value)}: expected a built-in id (${builtInScenarioIds.join(', ')}) or an object`);
        return null;
      }
      input = builtInScenarios[value];
      this.baseScenarioId = value;
    } else if (isPlainObject(value)) {
      if (Object.hasOwn(value, 'extends')) {
        const { extends: base, ...overrides } = value;
        if (typeof base !== 'string' || !Object.hasOwn(builtInScenarios, base)) {
          this.add('challenge.json', lineOfPath(lines, ['scenario', 'extends']), 'scenario.extends', `expected a built-in scenario id (${builtInScenarioIds.join(', ')}), got ${describeValue(base)}`);
          return null;
        }
        input = mergeDeep(builtInScenarios[base], overrides);
        this.baseScenarioId = base;
      } else {
        input = value;
      }
    } else {
      this.add('challenge.json', line, 'scenario', `expected a built-in scenario id, an object or null, got ${describeValue(value)}`);
      return null;
    }
    const parsed = parseScenario(input);
    if (!parsed.ok) {
      for (const p of parsed.problems) {
        const first = p.path.split(', ')[0];
        const path = first === '' ? [] : first.split('.');
        this.add('challenge.json', lineOfPath(lines, ['scenario', ...path]), p.path === '' ? 'scenario' : `scenario.${p.path}`, p.message);
      }
      return null;
    }
    return parsed.scenario;
  }

  private readCode(raw: ChallengeJson, at: (path: JsonPath) => number): { slot: CodeSlotId; params: Record<string, number> } | null {
    if (raw.code === undefined) return null;
    const slot = this.slots[raw.code.slot];
    if (slot === undefined) {
      this.add('challenge.json', at(['code', 'slot']), 'code.slot', `no harness for the slot "${raw.code.slot}" in src/challenge/slots`);
      return null;
    }
    const params = { ...slot.defaults };
    let isOk = true;
    for (const [name, value] of Object.entries(raw.code.params ?? {})) {
      if (!Object.hasOwn(slot.defaults, name)) {
        this.add('challenge.json', at(['code', 'params', name]), `code.params.${name}`, `unknown param of the ${slot.id} slot (it takes ${Object.keys(slot.defaults).join(', ')})`);
        isOk = false;
      } else params[name] = value;
    }
    return isOk ? { slot: raw.code.slot, params } : null;
  }

  /** The starting value of a setting (from the scenario or the slot params), or undefined after a problem. */
  private startingValue(
    spec: ChallengeJson['settings'][number],
    scenario: Scenario | null,
    params: Record<string, number> | null,
    line: number,
    field: string,
    specLine: number,
    specField: string,
  ): SettingValue | undefined {
    let start: unknown;
    if (params !== null) {
      const name = spec.path.startsWith('params.') ? spec.path.slice('params.'.length) : null;
      if (name === null || !Object.hasOwn(params, name)) {
        this.add('challenge.json', line, field, `"${spec.path}" is not a param of this code slot (it has ${Object.keys(params).map((p) => `params.${p}`).join(', ')})`);
        return undefined;
      }
      start = params[name];
    } else if (scenario !== null) {
      if (spec.path === 'seed') {
        this.add('challenge.json', line, field, 'the seed is not a setting: the challenge is graded on its "seeds"');
        return undefined;
      }
      start = readSettingPath(scenario, spec.path);
      if (start === undefined) {
        this.add('challenge.json', line, field, `"${spec.path}" is not a field of this challenge's scenario`);
        return undefined;
      }
      if (isPlainObject(start)) {
        const keys = Object.keys(start);
        this.add('challenge.json', line, field, `"${spec.path}" is a group, not one value (${keys.slice(0, 6).map((k) => `${spec.path}.${k}`).join(', ')}${keys.length > 6 ? ', ...' : ''})`);
        return undefined;
      }
      if (Array.isArray(start)) {
        this.add('challenge.json', line, field, `"${spec.path}" is a list, not one value`);
        return undefined;
      }
    } else {
      return undefined; // the scenario has problems of its own
    }
    if (typeof start !== 'number' && typeof start !== 'string' && typeof start !== 'boolean') return undefined;
    if (spec.options === undefined && typeof start !== 'number') {
      this.add('challenge.json', specLine, specField, `the starting value is ${showValue(start)}, not a number: give "options" instead of "min"/"max"`);
      return undefined;
    }
    const problem = settingValueProblem(spec as SettingSpec, start);
    if (problem !== null) {
      this.add('challenge.json', specLine, specField, `the starting value ${params !== null ? '(from the slot params)' : '(from the scenario)'} does not fit: ${problem}`);
      return undefined;
    }
    return start;
  }

  // --- Simulation checks -----------------------------------------------------------------------------------

  private simulate(challenge: Challenge, lines: JsonLines): void {
    const runner = this.options.runner ?? null;
    if (challenge.code !== null && runner === null) {
      this.add('challenge.json', lineOfPath(lines, ['code']), 'code', 'cannot check a code-slot challenge without a code runner (pass options.runner)');
      return;
    }
    const starter = runSolution(challenge, starterSolution(challenge), runner, { slots: this.slots });
    const failed = starter.seeds.find((s) => !s.ok);
    if (failed !== undefined && !failed.ok) {
      const file = challenge.code === null ? 'challenge.json' : 'starter.js';
      this.add(file, challenge.code === null ? 1 : undefined, undefined, `the starter fails with an error instead of missing a goal: ${failed.message}`);
      return;
    }

    // Every goal must read something this run measures.
    const first = starter.seeds[0] as Extract<SeedMeasure, { ok: true }>;
    let hasPathProblem = false;
    challenge.goals.forEach((g, k) => {
      if ('metric' in g) {
        const v = first.metric(g.metric);
        if (typeof v === 'number') return;
        hasPathProblem = true;
        this.add('challenge.json', lineOfPath(lines, ['goals', k, 'metric']), `goals[${k}].metric`, metricProblem(g.metric, v, first, challenge));
      } else if ('event' in g && first.source === 'harness' && first.eventCount(g.event) === undefined) {
        hasPathProblem = true;
        this.add('challenge.json', lineOfPath(lines, ['goals', k, 'event']), `goals[${k}].event`, `"${g.event}" is not an event the ${challenge.code?.slot ?? ''} harness counts (it counts ${first.eventNames().join(', ') || 'none'})`);
      }
    });
    if (hasPathProblem) return;

    const starterVerdict = verdictOf(challenge, starter);
    if (starterVerdict.status === 'pass') {
      this.add(
        challenge.code === null ? 'challenge.json' : 'starter.js',
        challenge.code === null ? lineOfPath(lines, ['settings']) : undefined,
        undefined,
        `the starter already meets every goal on every seed (${starterVerdict.goals.map((g) => `${g.id}: ${g.message}`).join('; ')}): the starting state must fail at least one`,
      );
    }
    const reference = verdictOf(challenge, runSolution(challenge, challenge.reference, runner, { slots: this.slots }));
    if (reference.status === 'fail') {
      const file = challenge.code === null ? 'reference.json' : 'reference.js';
      const detail = reference.codeError ?? reference.goals.filter((g) => g.status === 'fail').map((g) => `${g.id}: ${g.message}`).join('; ');
      this.add(file, challenge.code === null ? 1 : undefined, undefined, `the reference solution does not pass: ${detail}`);
    }
  }
}

function metricProblem(path: string, value: unknown, measure: Extract<SeedMeasure, { ok: true }>, challenge: Challenge): string {
  const what = measure.source === 'simulation' ? "a metric of this challenge's scenario (SimMetrics or Gauges)" : `a metric the ${challenge.code?.slot ?? ''} harness reports (it reports ${measure.metricNames().join(', ') || 'none'})`;
  if (value === undefined) return `"${path}" is not ${what}`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return `"${path}" is a group, not a number (${keys.slice(0, 8).map((k) => `${path}.${k}`).join(', ')}${keys.length > 8 ? ', ...' : ''})`;
  }
  return `"${path}" is not a number (it is ${describeValue(value)})`;
}

/** Problems in file order: by file, then line (problems without a line first), keeping the order found. */
function sortProblems(problems: ChallengeProblem[]): ChallengeProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map((x) => x.p);
}
