/**
 * The restricted frontmatter of a lesson README: the lines between a first line `---` and the next `---`.
 *
 * Each line is `key: value`, where a value is a number (`7`, `1.5`), `true`/`false`, a string (plain,
 * "double-quoted" or 'single-quoted'), or a flow list of those (`[a, b, "c, d"]`). Nothing nested, no block
 * scalars, no anchors. Blank lines and `# comment` lines are skipped. This is a subset of YAML: whatever is
 * accepted here means the same to GitHub's YAML reader, so the file reads the same on GitHub. A plain value
 * YAML would read as something else (`null`, `yes`, `1e3`, `0x1F`, `2024-01-01`, text with `: ` or ` #`)
 * must be quoted. The loader, not this parser, decides which keys exist and which need integers.
 *
 * @example
 * parseFrontmatter('---\ntitle: Tables\nareas: [tables, staff]\n---\nBody').entries
 * // [{ key: 'title', value: 'Tables', line: 2 }, { key: 'areas', value: ['tables', 'staff'], line: 3 }]
 */

export type FrontmatterScalar = string | number | boolean;
export type FrontmatterValue = FrontmatterScalar | FrontmatterScalar[];


export interface FrontmatterEntry {
  key: string;
  value: FrontmatterValue;
  /** Line in the file (1-based). */
  line: number;
}

export interface FrontmatterProblem {
  /** Line in the file (1-based). */
  line: number;
  /** The key of the line, when the line has one (its value or the key itself is the problem). */
  key?: string;
  message: string;
}

export interface Frontmatter {
  /** The entries read, in file order (a line with a problem gives no entry). */
  entries: FrontmatterEntry[];
  /** The text after the closing `---` (the whole text when there is no frontmatter). */
  body: string;
  /** Line in the file of the body's first line. */
  bodyLine: number;
  problems: FrontmatterProblem[];
  /** False when the text has no frontmatter or it is never closed. */
  isComplete: boolean;
}

const FENCE = /^---[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$/;

/** Reads the frontmatter of `text`. Never throws; every problem names its line. */
export function parseFrontmatter(text: string): Frontmatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length === 0 || !FENCE.test(lines[0])) {
    return { entries: [], body: lines.join('\n'), bodyLine: 1, problems: [{ line: 1, message: 'expected frontmatter: the file must start with a line "---"' }], isComplete: false };
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    return { entries: [], body: '', bodyLine: lines.length + 1, problems: [{ line: 1, message: 'frontmatter is not closed: no second line "---"' }], isComplete: false };
  }
  const entries: FrontmatterEntry[] = [];
  const problems: FrontmatterProblem[] = [];
  for (let i = 1; i < close; i++) {
    const line = i + 1;
    const raw = lines[i];
    if (/^\s*$/.test(raw) || /^#/.test(raw)) continue;
    if (/^\s/.test(raw)) {
      problems.push({ line, message: 'indented line: nested values are not supported (one "key: value" per line)' });
      continue;
    }
    const m = KEY_LINE.exec(raw.replace(/[ \t]+$/, ''));
    if (m === null) {
      problems.push({ line, message: 'expected "key: value"' });
      continue;
    }
    const key = m[1];
    const first = entries.find((e) => e.key === key);
    if (first !== undefined) {
      problems.push({ line, key, message: `duplicate key (first on line ${first.line})` });
      continue;
    }
    const valueText = m[2] ?? '';
    const value = readValue(valueText);
    if (typeof value === 'object' && !Array.isArray(value)) {
      problems.push({ line, key, message: value.problem });
      continue;
    }
    entries.push({ key, value, line });
  }
  return { entries, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2, problems, isComplete: true };
}

type Read<T> = T | { problem: string };

function readValue(text: string): Read<FrontmatterValue> {
  if (text === '') return { problem: 'no value (an empty value reads as null in YAML)' };
  if (text.startsWith('[')) return readList(text);
  if (text.startsWith('{')) return { problem: 'nested mappings are not supported' };
  if (text.startsWith('|') || text.startsWith('>')) return { problem: 'block scalars (| or >) are not supported: write the value on one line' };
  return readScalar(text);
}

function readList(text: string): Read<FrontmatterScalar[]> {
  if (!text.endsWith(']')) return { problem: 'a list must end with "]" on the same line' };
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  const items: FrontmatterScalar[] = [];
  let start = 0;
  let quote: string | null = null;
  const parts: string[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ',') {
      parts.push(inner.slice(start, i));
      start = i + 1;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      return { problem: 'nested lists and mappings are not supported' };
    }
  }
  if (quote !== null) return { problem: 'unterminated quoted string in the list' };
  parts.push(inner.slice(start));
  for (const part of parts) {
    const item = part.trim();
    if (item === '') return { problem: 'empty list item (two commas in a row, or a trailing comma)' };
    const value = readScalar(item);
    if (typeof value === 'object') return value;
    items.push(value);
  }
  return items;
}

function readScalar(text: string): Read<FrontmatterScalar> {
  if (text.startsWith('"')) return readDoubleQuoted(text);
  if (text.startsWith("'")) return readSingleQuoted(text);
  if (/^-?(0|[1-9]\d*)$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : { problem: `integer ${text} is too large` };
  }
  if (/^-?(0|[1-9]\d*)\.\d+$/.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (isAmbiguousPlain(text)) return { problem: `"${text}" would not read as text in YAML: quote it` };
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(text)) return { problem: `a value starting with "${text[0]}" must be quoted` };
  if (/:(\s|$)/.test(text)) return { problem: 'a value containing ": " must be quoted' };
  if (/\s#/.test(text)) return { problem: 'a " #" starts a YAML comment: quote the value' };
  return text;
}

function isAmbiguousPlain(text: string): boolean {
  return (
    /^(null|Null|NULL|~|True|TRUE|False|FALSE)$/.test(text) ||
    /^(y|n|yes|no|on|off)$/i.test(text) ||
    /^[-+]?(\d[\d_]*)?\.\d*([eE][-+]?\d+)?$/.test(text) ||
    /^[-+]?\d+[eE][-+]?\d+$/.test(text) ||
    /^[-+]?\.(inf|nan)$/i.test(text) ||
    /^[-+]?0[xob]/i.test(text) ||
    /^\+\d/.test(text) ||
    /^-?0\d/.test(text) ||
    /^\d{4}-\d{1,2}-\d{1,2}/.test(text)
  );
}

function readDoubleQuoted(text: string): Read<string> {
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      return i === text.length - 1 ? out : { problem: 'unexpected text after the closing quote' };
    }
    if (c === '\\') {
      const e = text[i + 1];
      const decoded = e === undefined ? undefined : ({ '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' } as Record<string, string>)[e];
      if (decoded === undefined) return { problem: `unsupported escape \\${e ?? ''} in a quoted string` };
      out += decoded;
      i++;
      continue;
    }
    out += c;
  }
  return { problem: 'unterminated quoted string' };
}

function readSingleQuoted(text: string): Read<string> {
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return i === text.length - 1 ? out : { problem: 'unexpected text after the closing quote' };
    }
    out += c;
  }
  return { problem: 'unterminated quoted string' };
}
