/**
 * Refusals in plain language. The simulation and the scenario schema refuse a value with a message meant
 * for programs (`tables.small.max: expected <= 10000, got 20000`); the limits panel shows learners the same
 * verdict in words, naming the limit by its restaurant word with the real term beside it:
 * `Small tables at most (small · max): 10,000 is the largest allowed, not 20,000.`
 * Pure; a message it does not recognise keeps its own words, after the limit's name when the path names one.
 *
 * @example
 * plainRefusal('tables.small: expected min <= max', fields)
 * // 'Small tables kept set (small · min) cannot be more than Small tables at most (small · max).'
 */
import { limitTerms, type Term } from '../vocabulary.ts';
import type { LimitField } from './limitFields.ts';
import { describeValue, type UnitKind } from './units.ts';

/** How a limit is named in a message: its word, then its real term in brackets. */
export type TermNamer = (term: Term) => string;

/** `Small tables at most (small · max)`: the restaurant word first. */
export const restaurantName: TermNamer = (term) => `${term.label} (${term.real})`;

const TERMS: Readonly<Record<string, Term>> = limitTerms;

/** `10,000`; `24 h`; `1,024 GiB`: a value of `kind` as a person reads it, digits grouped. */
export function readableValue(value: number, kind: UnitKind): string {
  const text = kind === 'count' ? String(value) : describeValue(value, kind);
  return text.replace(/^\d+/, (digits) => Number(digits).toLocaleString('en-US'));
}

/** The unit kind of the value at `path`: the field's, else guessed from the name (`...Ms`, `...Bytes`). */
function unitKindAt(path: string, fields: readonly LimitField[]): UnitKind {
  const field = fields.find((f) => f.scenarioPath.join('.') === path);
  if (field?.type === 'number') return field.unitKind;
  if (/Ms$/.test(path)) return 'ms';
  if (/Bytes$|blockSize$|heapSize$|^manager\.limits\.memory$/.test(path)) return 'bytes';
  return 'count';
}

/**
 * The term of a field named `name` relative to `path` (`min` beside `tables.small`) or to its kind
 * (`corePoolSize` in `staff.maxPoolSize`), or undefined.
 */
function termNear(name: string, path: string): { path: string; term: Term } | undefined {
  const parts = path.split('.');
  for (let keep = parts.length; keep >= 1; keep--) {
    const candidate = [...parts.slice(0, keep), name].join('.');
    if (TERMS[candidate] !== undefined) return { path: candidate, term: TERMS[candidate] };
  }
  const kindLevel = `${parts[0]}.${name}`;
  return TERMS[kindLevel] === undefined ? undefined : { path: kindLevel, term: TERMS[kindLevel] };
}

const BOUND = /^expected (<=|>=|<|>) (\d+(?:\.\d+)?)(?: \([^)]*\))?(?:, got (-?\d+(?:\.\d+)?)(?: \([^)]*\))?)?$/;
const CROSS = /^expected ([\w.]+) (<=|>=) ([\w.]+)$/;

/** One problem (`path: message`, or a bare message about `defaultPath`) in words. */
function plainProblem(problem: string, fields: readonly LimitField[], name: TermNamer, defaultPath: string | undefined): string {
  let path = defaultPath;
  let rest = problem;
  const located = /^([A-Za-z][\w.]*): (.*)$/.exec(problem);
  if (located !== null && !/^E[A-Z]+$/.test(located[1])) {
    [, path, rest] = located;
    // A model's own message under its kind: `tables: small: min 5 is above max 3`.
    const inner = /^([a-z][\w.]*): (.*)$/.exec(rest);
    if (inner !== null && !path.includes('.')) [path, rest] = [`${path}.${inner[1]}`, inner[2]];
  }
  const own = path === undefined ? undefined : TERMS[path];

  if (path?.startsWith('ingredients') && /^EPERM\b/.test(rest)) {
    return `${name(TERMS['ingredients.hardLimit'])} can only go down while the service runs: raising it needs privilege (EPERM).`;
  }
  if (path?.startsWith('ingredients') && /^EINVAL\b/.test(rest)) {
    return `${name(TERMS['ingredients.softLimit'])} cannot be more than ${name(TERMS['ingredients.hardLimit'])} (EINVAL).`;
  }

  const bound = BOUND.exec(rest);
  if (bound !== null && path !== undefined) {
    const [, op, limitText, gotText] = bound;
    const kind = unitKindAt(path, fields);
    const limit = readableValue(Number(limitText), kind);
    const not = gotText === undefined ? '' : `, not ${readableValue(Number(gotText), kind)}`;
    const verdict =
      op === '<=' ? `${limit} is the largest allowed${not}` : op === '>=' ? `${limit} is the smallest allowed${not}` : op === '<' ? `it must be below ${limit}${not}` : `it must be above ${limit}${not}`;
    return `${own ? name(own) : path}: ${verdict}.`;
  }

  const cross = CROSS.exec(rest);
  if (cross !== null && path !== undefined) {
    const [, leftName, op, rightName] = cross;
    const left = termNear(leftName, path);
    const right = termNear(rightName, path);
    if (left !== undefined && right !== undefined) {
      return `${name(left.term)} cannot be ${op === '<=' ? 'more' : 'less'} than ${name(right.term)}.`;
    }
  }

  const keepAlive = /^expected keepAliveMs > 0 when allowCoreTimeout is true/.exec(rest);
  if (keepAlive !== null) return `${name(TERMS['staff.keepAliveMs'])} must be above 0 while ${name(TERMS['staff.allowCoreTimeout'])} is on.`;
  if (/^expected maxEntries > 0 \(or, for LRU, maxBytes > 0\)$/.test(rest)) {
    return `${name(TERMS['shelf.maxEntries'])} must be above 0 (with LRU, ${name(TERMS['shelf.maxBytes'])} above 0 will do instead).`;
  }

  const sentence = /[.!?)]$/.test(rest) ? rest : `${rest}.`;
  return own ? `${name(own)}: ${sentence}` : path !== undefined && path !== defaultPath ? `${path}: ${sentence}` : sentence;
}

/**
 * `message` (one problem, or several joined by `; ` as the scenario schema writes them) in plain language;
 * the same sentence twice is said once. `fields` give the units of the values; `about` is the path a message
 * without one is about (a field's own message in a setup plan).
 */
export function plainRefusal(message: string, fields: readonly LimitField[], name: TermNamer = restaurantName, about?: string): string {
  const sentences = message.split('; ').map((problem) => plainProblem(problem, fields, name, about));
  return [...new Set(sentences)].join(' ');
}
