/**
 * The Markdown of a lesson body, read into a small safe AST the player renders as text (never as HTML).
 *
 * The body splits into an introduction (before the first `## ` heading) and steps (each `## ` heading to the
 * next). Inside, only this subset is allowed: paragraphs, lists (one level, bulleted or numbered), **strong**,
 * *emphasis*, `code`, links to `http(s)://` addresses, moment links (`[the third timeout](moment:acquire.timedOut#3)`)
 * and fenced code blocks; a step's fenced block with the info string `step` is its JSON block and is taken out
 * of the prose. Anything else GitHub would render differently (other headings, quotes, tables, images, rules,
 * raw HTML outside code) is a problem with its line, never silently shown.
 *
 * @example
 * const body = parseLessonBody('Welcome.\n\n## Tables\nA *party* waits.\n', 5);
 * // body.intro: [{ kind: 'paragraph', line: 5, children: [{ kind: 'text', text: 'Welcome.' }] }]
 * // body.steps[0]: { title: 'Tables', line: 7, body: [paragraph: 'A ', em('party'), ' waits.'], stepBlock: null }
 */
import { parseMoment, type Moment } from './lessonSchema.ts';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'moment'; moment: Moment; children: Inline[]; line: number };

export type Block =
  | { kind: 'paragraph'; children: Inline[]; line: number }
  | { kind: 'list'; isOrdered: boolean; start: number; items: Inline[][]; line: number }
  | { kind: 'codeBlock'; lang: string; text: string; line: number };

export interface MarkdownProblem {
  line: number;
  message: string;
}

/** A step of the body before its JSON block is read. */
export interface RawStep {
  title: string;
  /** Line of the `## ` heading. */
  line: number;
  body: Block[];
  /** How many blocks of `body` come before the `step` block (all of them without one): prose after the block
   * answers the step's question or task, and the player shows it once the learner has answered. */
  revealFrom: number;
  /** The `step` block's text and the line of its opening fence (its first JSON line is `line + 1`). */
  stepBlock: { text: string; line: number } | null;
}

export interface LessonBody {
  intro: Block[];
  steps: RawStep[];
  /** Each with the section it is in: `introduction` or `step <n>`. */
  problems: (MarkdownProblem & { section: string })[];
}

interface NumberedLine {
  text: string;
  line: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`]*?)[ \t]*$/;
const STEP_HEADING = /^ {0,3}##(?:[ \t]+(.*?))?[ \t]*$/;
const ANY_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const LIST_ITEM = /^( {0,3})([-*+]|(\d{1,9})([.)]))(?:[ \t]+(.*)|[ \t]*)$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/** Splits `body` (whose first line is line `firstLine` of the file) into introduction and steps, and parses both. */
export function parseLessonBody(body: string, firstLine: number): LessonBody {
  const lines = body.split(/\r?\n/).map((text, i) => ({ text, line: firstLine + i }));
  const sections: { title: string | null; line: number; lines: NumberedLine[] }[] = [{ title: null, line: firstLine, lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const fence = FENCE_OPEN.exec(l.text);
    if (fence !== null) {
      const end = closingFence(lines, i, fence[1]);
      const last = end < 0 ? lines.length - 1 : end;
      for (let j = i; j <= last; j++) sections[sections.length - 1].lines.push(lines[j]);
      i = last;
      continue;
    }
    const heading = STEP_HEADING.exec(l.text);
    if (heading !== null) {
      sections.push({ title: (heading[1] ?? '').replace(/[ \t]+#+$/, ''), line: l.line, lines: [] });
      continue;
    }
    sections[sections.length - 1].lines.push(l);
  }

  const problems: LessonBody['problems'] = [];
  const [introSection, ...stepSections] = sections;
  const intro = parseBlocks(introSection.lines, false);
  for (const p of intro.problems) problems.push({ ...p, section: 'introduction' });
  const steps = stepSections.map((s, i): RawStep => {
    const section = `step ${i + 1}`;
    const titleProblems: MarkdownProblem[] = [];
    const title = inlineText(parseInline(s.title ?? '', s.line, titleProblems)).trim();
    if (title === '') titleProblems.push({ line: s.line, message: 'a step heading needs a title ("## <Step title>")' });
    const parsed = parseBlocks(s.lines, true);
    for (const p of [...titleProblems, ...parsed.problems]) problems.push({ ...p, section });
    return { title, line: s.line, body: parsed.blocks, revealFrom: parsed.revealFrom, stepBlock: parsed.stepBlock };
  });
  return { intro: intro.blocks, steps, problems };
}

function closingFence(lines: NumberedLine[], open: number, fence: string): number {
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  for (let j = open + 1; j < lines.length; j++) if (close.test(lines[j].text)) return j;
  return -1;
}

function parseBlocks(
  lines: NumberedLine[],
  isStep: boolean,
): { blocks: Block[]; revealFrom: number; stepBlock: RawStep['stepBlock']; problems: MarkdownProblem[] } {
  const blocks: Block[] = [];
  const problems: MarkdownProblem[] = [];
  let stepBlock: RawStep['stepBlock'] = null;
  let revealFrom = -1;
  let i = 0;
  while (i < lines.length) {
    const { text, line } = lines[i];
    if (/^\s*$/.test(text)) {
      i++;
      continue;
    }
    const fence = FENCE_OPEN.exec(text);
    if (fence !== null) {
      const end = closingFence(lines, i, fence[1]);
      if (end < 0) problems.push({ line, message: `code fence ${fence[1]} is never closed` });
      const last = end < 0 ? lines.length : end;
      const content = lines
        .slice(i + 1, last)
        .map((l) => l.text)
        .join('\n');
      const lang = fence[2].split(/\s+/)[0] ?? '';
      if (lang === 'step') {
        if (!isStep) problems.push({ line, message: 'a step block belongs inside a step (after a "## " heading)' });
        else if (stepBlock !== null) problems.push({ line, message: `a step has at most one step block (the first is on line ${stepBlock.line})` });
        else {
          stepBlock = { text: content, line };
          revealFrom = blocks.length;
        }
      } else {
        blocks.push({ kind: 'codeBlock', lang, text: content, line });
      }
      i = last + 1;
      continue;
    }
    const unsupported = unsupportedBlock(text);
    if (unsupported !== null) {
      problems.push({ line, message: unsupported });
      i++;
      continue;
    }
    if (LIST_ITEM.test(text)) {
      i = parseList(lines, i, blocks, problems);
      continue;
    }
    i = parseParagraph(lines, i, blocks, problems);
  }
  return { blocks, revealFrom: revealFrom < 0 ? blocks.length : revealFrom, stepBlock, problems };
}

/** Why a line that starts a block is outside the subset, or null. */
function unsupportedBlock(text: string): string | null {
  const heading = ANY_HEADING.exec(text);
  if (heading !== null) return `a level-${heading[1].length} heading: only "## " step headings are allowed in a lesson`;
  if (/^ {0,3}>/.test(text)) return 'block quotes are not part of the lesson Markdown';
  if (/^ {0,3}\|/.test(text)) return 'tables are not part of the lesson Markdown';
  if (THEMATIC_BREAK.test(text)) return 'horizontal rules are not part of the lesson Markdown';
  if (/^( {4}|\t)/.test(text)) return 'indented code blocks are not supported: use a ``` fence (or remove the indentation)';
  if (/^ {0,3}\[[^\]]+\]:/.test(text)) return 'reference-style link definitions are not supported: write [text](https://...)';
  return null;
}

/** True when `text` ends a paragraph by starting another block. */
function interruptsParagraph(text: string): boolean {
  if (FENCE_OPEN.test(text) || ANY_HEADING.test(text) || /^ {0,3}>/.test(text) || THEMATIC_BREAK.test(text)) return true;
  const item = LIST_ITEM.exec(text);
  // As in CommonMark, a numbered item interrupts a paragraph only when it starts at 1, and an empty item never does.
  return item !== null && item[5] !== undefined && (item[3] === undefined || item[3] === '1');
}

function parseParagraph(lines: NumberedLine[], start: number, blocks: Block[], problems: MarkdownProblem[]): number {
  const texts: string[] = [];
  let i = start;
  while (i < lines.length && !/^\s*$/.test(lines[i].text)) {
    const { text, line } = lines[i];
    if (i > start && SETEXT_UNDERLINE.test(text)) {
      problems.push({ line, message: 'a line of "=" or "-" under text makes a heading on GitHub: only "## " step headings are allowed' });
      i++;
      continue;
    }
    if (i > start && interruptsParagraph(text)) break;
    texts.push(text.trim());
    i++;
  }
  blocks.push({ kind: 'paragraph', children: parseInline(texts.join('\n'), lines[start].line, problems), line: lines[start].line });
  return i;
}

function parseList(lines: NumberedLine[], start: number, blocks: Block[], problems: MarkdownProblem[]): number {
  const first = LIST_ITEM.exec(lines[start].text)!;
  const indent = first[1].length;
  const isOrdered = first[3] !== undefined;
  const marker = isOrdered ? first[4] : first[2];
  const sameList = (m: RegExpExecArray) => (m[3] !== undefined) === isOrdered && (isOrdered ? m[4] : m[2]) === marker;
  const items: { texts: string[]; line: number }[] = [];
  let i = start;
  while (i < lines.length) {
    const { text, line } = lines[i];
    if (/^\s*$/.test(text)) {
      // A blank line ends the list unless the list (or the item) goes on after it.
      let j = i + 1;
      while (j < lines.length && /^\s*$/.test(lines[j].text)) j++;
      if (j >= lines.length) {
        i = j;
        break;
      }
      const next = LIST_ITEM.exec(lines[j].text);
      const continues = (next !== null && sameList(next)) || (next === null && /^ {2,}\S/.test(lines[j].text));
      if (!continues) break;
      i = j;
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item !== null && item[1].length >= indent + 2) {
      problems.push({ line, message: 'nested lists are not supported: keep lists one level deep' });
      i++;
      continue;
    }
    if (item !== null) {
      if (!sameList(item)) break;
      items.push({ texts: [(item[5] ?? '').trim()], line });
      i++;
      continue;
    }
    const indented = /^ {2,}(\S.*)$/.exec(text);
    if (indented !== null && LIST_ITEM.test(indented[1])) {
      problems.push({ line, message: 'nested lists are not supported: keep lists one level deep' });
      i++;
      continue;
    }
    if (indented === null && (interruptsParagraph(text) || unsupportedBlock(text) !== null)) break;
    items[items.length - 1].texts.push(text.trim());
    i++;
  }
  blocks.push({
    kind: 'list',
    isOrdered,
    start: isOrdered ? Number(first[3]) : 1,
    items: items.map((it) => parseInline(it.texts.filter((t) => t !== '').join('\n'), it.line, problems)),
    line: lines[start].line,
  });
  return i;
}

// ---------------------------------------------------------------------------------------------------------
// Inline

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Parses inline Markdown (`text` may span lines; its first line is `line`). Problems (raw HTML, images, bad
 * link targets, bad moments) are appended to `problems` with their lines.
 */
export function parseInline(text: string, line: number, problems: MarkdownProblem[]): Inline[] {
  return new InlineParser(text, line, problems).parse(0, text.length, true);
}

/** The plain text of inline content (markup dropped). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inlineText(n.children))).join('');
}

/** Every moment link in blocks or inline content, in order, with its line. */
export function momentLinks(content: readonly (Block | Inline)[]): { moment: Moment; line: number }[] {
  const out: { moment: Moment; line: number }[] = [];
  const visit = (nodes: readonly (Block | Inline)[]) => {
    for (const n of nodes) {
      if (n.kind === 'moment') out.push({ moment: n.moment, line: n.line });
      if (n.kind === 'paragraph' || n.kind === 'strong' || n.kind === 'em' || n.kind === 'link' || n.kind === 'moment') visit(n.children);
      if (n.kind === 'list') for (const item of n.items) visit(item);
    }
  };
  visit(content);
  return out;
}

class InlineParser {
  constructor(
    private readonly src: string,
    private readonly baseLine: number,
    private readonly problems: MarkdownProblem[],
  ) {}

  parse(start: number, end: number, canLink: boolean): Inline[] {
    const src = this.src;
    const out: Inline[] = [];
    let buf = '';
    const flush = () => {
      if (buf !== '') out.push({ kind: 'text', text: buf.replace(/[ \t]*\n[ \t]*/g, ' ') });
      buf = '';
    };
    let i = start;
    while (i < end) {
      const c = src[i];
      if (c === '\\' && src[i + 1] === '\n') {
        i++; // a hard line break on GitHub; the player flows the text
        continue;
      }
      if (c === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(src.slice(i, Math.min(end, i + 12)))) {
        this.problem(i, 'HTML entities (&...;) are not supported: write the character itself');
        buf += c;
        i++;
        continue;
      }
      if (c === '\\' && i + 1 < end && PUNCTUATION.test(src[i + 1])) {
        buf += src[i + 1];
        i += 2;
        continue;
      }
      if (c === '`') {
        const run = this.runLength(i, end, '`');
        const close = this.findBackticks(i + run, end, run);
        if (close >= 0) {
          flush();
          let code = src.slice(i + run, close).replace(/\n/g, ' ');
          if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
          out.push({ kind: 'code', text: code });
          i = close + run;
        } else {
          buf += src.slice(i, i + run);
          i += run;
        }
        continue;
      }
      if (c === '<' && /[A-Za-z/!?]/.test(src[i + 1] ?? '')) {
        const tag = /^<[^>\s]*>?/.exec(src.slice(i, Math.min(end, i + 40)))?.[0] ?? '<';
        this.problem(i, `raw HTML is not allowed (${JSON.stringify(tag)}): use Markdown, or \`code\` to show a tag`);
        buf += c;
        i++;
        continue;
      }
      if (c === '!' && src[i + 1] === '[') {
        this.problem(i, 'images are not part of the lesson Markdown');
        buf += c;
        i++;
        continue;
      }
      if (c === '[' && canLink) {
        const link = this.link(i, end);
        if (link !== null) {
          flush();
          out.push(...link.nodes);
          i = link.end;
          continue;
        }
      }
      if (c === '*' || c === '_') {
        const emphasis = this.emphasis(i, end, canLink);
        if (emphasis !== null) {
          flush();
          out.push(emphasis.node);
          i = emphasis.end;
          continue;
        }
        const run = this.runLength(i, end, c);
        buf += src.slice(i, i + run);
        i += run;
        continue;
      }
      buf += c;
      i++;
    }
    flush();
    return out;
  }

  private lineAt(pos: number): number {
    let n = 0;
    for (let k = 0; k < pos; k++) if (this.src[k] === '\n') n++;
    return this.baseLine + n;
  }

  private problem(pos: number, message: string): void {
    this.problems.push({ line: this.lineAt(pos), message });
  }

  private runLength(i: number, end: number, ch: string): number {
    let j = i;
    while (j < end && this.src[j] === ch) j++;
    return j - i;
  }

  /** Start of the next run of exactly `n` backticks at or after `from`, or -1. */
  private findBackticks(from: number, end: number, n: number): number {
    let j = from;
    while (j < end) {
      if (this.src[j] === '`') {
        const run = this.runLength(j, end, '`');
        if (run === n) return j;
        j += run;
      } else {
        j++;
      }
    }
    return -1;
  }

  /** Skips an escape or a code span at `j`; returns the position after it, or j when there is none. */
  private skipOpaque(j: number, end: number): number {
    const src = this.src;
    if (src[j] === '\\' && j + 1 < end) return j + 2;
    if (src[j] === '`') {
      const run = this.runLength(j, end, '`');
      const close = this.findBackticks(j + run, end, run);
      return close >= 0 ? close + run : j + run;
    }
    return j;
  }

  private link(i: number, end: number): { nodes: Inline[]; end: number } | null {
    const src = this.src;
    let depth = 0;
    let j = i;
    let close = -1;
    while (j < end) {
      const skipped = this.skipOpaque(j, end);
      if (skipped !== j) {
        j = skipped;
        continue;
      }
      if (src[j] === '[') depth++;
      else if (src[j] === ']') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      }
      j++;
    }
    if (close < 0 || src[close + 1] !== '(') return null;
    let paren = -1;
    for (let k = close + 2, parens = 0; k < end; k++) {
      if (src[k] === '(') parens++;
      else if (src[k] === ')' && parens-- === 0) {
        paren = k;
        break;
      }
    }
    if (paren < 0) return null;
    const target = src.slice(close + 2, paren);
    const children = this.parse(i + 1, close, false);
    const after = paren + 1;
    if (/\s/.test(target.trim()) || target.trim() === '') {
      this.problem(i, `link target ${JSON.stringify(target)}: expected one address with no spaces (link titles are not supported)`);
      return { nodes: children, end: after };
    }
    const href = target.trim();
    if (href.startsWith('moment:')) {
      const moment = parseMoment(href);
      if (!moment.ok) {
        this.problem(i, `moment link: ${moment.message}`);
        return { nodes: children, end: after };
      }
      return { nodes: [{ kind: 'moment', moment: moment.value, children, line: this.lineAt(i) }], end: after };
    }
    if (!/^https?:\/\/\S+$/i.test(href)) {
      this.problem(i, `link target ${JSON.stringify(href)}: expected an http(s):// address or a moment ("moment:<event type>#<n>" or "moment:@<m:ss>")`);
      return { nodes: children, end: after };
    }
    return { nodes: [{ kind: 'link', href, children }], end: after };
  }

  /** `**strong**`, `__strong__`, `*em*` or `_em_` starting at `i`, or null when it does not close. */
  private emphasis(i: number, end: number, canLink: boolean): { node: Inline; end: number } | null {
    const src = this.src;
    const ch = src[i];
    const run = this.runLength(i, end, ch);
    const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
    if (ch === '_' && isWord(src[i - 1])) return null; // snake_case is not emphasis
    for (const size of run >= 2 ? [2, 1] : [1]) {
      const inner = i + size;
      if (inner >= end || /\s/.test(src[inner])) continue;
      let j = inner;
      while (j < end) {
        const skipped = this.skipOpaque(j, end);
        if (skipped !== j) {
          j = skipped;
          continue;
        }
        if (src[j] === ch) {
          const r = this.runLength(j, end, ch);
          const isCloser = r >= size && j > inner && !/\s/.test(src[j - 1]) && !(ch === '_' && isWord(src[j + r]));
          if (isCloser && (size === 2 || r !== 2)) {
            const children = this.parse(inner, j, canLink);
            return { node: { kind: size === 2 ? 'strong' : 'em', children }, end: j + size };
          }
          j += r;
          continue;
        }
        j++;
      }
    }
    return null;
  }
}
