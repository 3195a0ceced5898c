import { describe, expect, it } from 'vitest';
import { inlineText, momentLinks, parseInline, parseLessonBody, type MarkdownProblem } from './markdown.ts';

function inline(text: string) {
  const problems: MarkdownProblem[] = [];
  const nodes = parseInline(text, 10, problems);
  return { nodes, problems };
}

const t = (text: string) => ({ kind: 'text', text });

describe('parseInline()', () => {
  it('parseInline() reads strong, emphasis, code and links', () => {
    expect(inline('A **bold** and *em* and _also em_ with `code` and [a link](https://example.com/x_(y)).').nodes).toEqual([
      t('A '),
      { kind: 'strong', children: [t('bold')] },
      t(' and '),
      { kind: 'em', children: [t('em')] },
      t(' and '),
      { kind: 'em', children: [t('also em')] },
      t(' with '),
      { kind: 'code', text: 'code' },
      t(' and '),
      { kind: 'link', href: 'https://example.com/x_(y)', children: [t('a link')] },
      t('.'),
    ]);
  });

  it('parseInline() nests emphasis and keeps markup inside code as text', () => {
    expect(inline('**a *b* c** `**not bold** <b>` ``a ` b``').nodes).toEqual([
      { kind: 'strong', children: [t('a '), { kind: 'em', children: [t('b')] }, t(' c')] },
      t(' '),
      { kind: 'code', text: '**not bold** <b>' },
      t(' '),
      { kind: 'code', text: 'a ` b' },
    ]);
  });

  it('parseInline() leaves unmatched or intraword delimiters, escapes and spaced stars as text', () => {
    expect(inline('snake_case_name, 2 * 3 * 4, **open, \\*lit\\*, `open').nodes).toEqual([t('snake_case_name, 2 * 3 * 4, **open, *lit*, `open')]);
  });

  it('parseInline() joins lines with a space', () => {
    expect(inline('one\ntwo').nodes).toEqual([t('one two')]);
  });

  it('parseInline() reads a moment link with its line', () => {
    const r = inline('See\n[the *third* timeout](moment:acquire.timedOut#3) or [5 min](moment:@5:00).');
    expect(r.problems).toEqual([]);
    expect(r.nodes).toEqual([
      t('See '),
      {
        kind: 'moment',
        moment: { kind: 'event', eventType: 'acquire.timedOut', n: 3, text: 'moment:acquire.timedOut#3' },
        children: [t('the '), { kind: 'em', children: [t('third')] }, t(' timeout')],
        line: 11,
      },
      t(' or '),
      { kind: 'moment', moment: { kind: 'time', atMs: 300_000, text: 'moment:@5:00' }, children: [t('5 min')], line: 11 },
      t('.'),
    ]);
  });

  it('parseInline() refuses raw HTML, images and links that are not http(s) or moments, with lines', () => {
    const r = inline('a <br> b\n<!-- c --> ![img](https://x/y.png)\n[x](javascript:alert(1)) [y](./other.md) [z](moment:nope#1) [w](https://a b)');
    expect(r.problems).toEqual([
      { line: 10, message: 'raw HTML is not allowed ("<br>"): use Markdown, or `code` to show a tag' },
      { line: 11, message: 'raw HTML is not allowed ("<!--"): use Markdown, or `code` to show a tag' },
      { line: 11, message: 'images are not part of the lesson Markdown' },
      { line: 12, message: 'link target "javascript:alert(1)": expected an http(s):// address or a moment ("moment:<event type>#<n>" or "moment:@<m:ss>")' },
      { line: 12, message: 'link target "./other.md": expected an http(s):// address or a moment ("moment:<event type>#<n>" or "moment:@<m:ss>")' },
      { line: 12, message: 'moment link: unknown event type "nope" in "moment:nope#1": not an event of src/sim/events.ts' },
      { line: 12, message: 'link target "https://a b": expected one address with no spaces (link titles are not supported)' },
    ]);
  });

  it('parseInline() lets a lone < and & through as text', () => {
    expect(inline('a < b and 3<4 & 5').nodes).toEqual([t('a < b and 3<4 & 5')]);
  });

  it('parseInline() refuses HTML entities, which GitHub would decode and the player would not', () => {
    expect(inline('a &amp; b\n&#8212;').problems).toEqual([
      { line: 10, message: 'HTML entities (&...;) are not supported: write the character itself' },
      { line: 11, message: 'HTML entities (&...;) are not supported: write the character itself' },
    ]);
  });

  it('parseInline() reads a backslash at the end of a line as a line break, flowed as a space', () => {
    expect(inline('one\\\ntwo').nodes).toEqual([t('one two')]);
  });

  it('inlineText() drops the markup', () => {
    expect(inlineText(inline('**a** *b* `c` [d](https://x.y)').nodes)).toBe('a b c d');
  });
});

describe('parseLessonBody()', () => {
  it('parseLessonBody() splits the introduction from the steps and takes out each step block', () => {
    const body = parseLessonBody(
      ['Intro text.', '', '## First step', 'A paragraph', 'on two lines.', '', '```step', '{ "play": true }', '```', '', '## Second ##', '', '1. one', '2. two', '   continued', '', '3. three', '', '```js', '## not a heading', '```'].join('\n'),
      5,
    );
    expect(body.problems).toEqual([]);
    expect(body.intro).toEqual([{ kind: 'paragraph', children: [t('Intro text.')], line: 5 }]);
    expect(body.steps).toEqual([
      { title: 'First step', line: 7, body: [{ kind: 'paragraph', children: [t('A paragraph on two lines.')], line: 8 }], revealFrom: 1, stepBlock: { text: '{ "play": true }', line: 11 } },
      {
        title: 'Second',
        line: 15,
        body: [
          { kind: 'list', isOrdered: true, start: 1, items: [[t('one')], [t('two continued')], [t('three')]], line: 17 },
          { kind: 'codeBlock', lang: 'js', text: '## not a heading', line: 23 },
        ],
        revealFrom: 2,
        stepBlock: null,
      },
    ]);
  });

  it('parseLessonBody() marks the prose after the step block as the reveal', () => {
    const body = parseLessonBody(['## S', 'Guess first.', '', '```step', '{}', '```', '', 'It was the medium table.'].join('\n'), 1);
    expect(body.problems).toEqual([]);
    expect(body.steps[0].revealFrom).toBe(1);
    expect(body.steps[0].body.slice(1)).toEqual([{ kind: 'paragraph', children: [t('It was the medium table.')], line: 8 }]);
  });

  it('parseLessonBody() reads bullet lists, and a different marker starts a new list', () => {
    const body = parseLessonBody(['## S', '- a', '- b', '* c', 'lazy line', '', 'after'].join('\n'), 1);
    expect(body.problems).toEqual([]);
    expect(body.steps[0].body).toEqual([
      { kind: 'list', isOrdered: false, start: 1, items: [[t('a')], [t('b')]], line: 2 },
      { kind: 'list', isOrdered: false, start: 1, items: [[t('c lazy line')]], line: 4 },
      { kind: 'paragraph', children: [t('after')], line: 7 },
    ]);
  });

  it('parseLessonBody() reads the step title as plain text and refuses an empty one', () => {
    const body = parseLessonBody('## The `min` *setting*\n\n##\n', 1);
    expect(body.steps.map((s) => s.title)).toEqual(['The min setting', '']);
    expect(body.problems).toEqual([{ line: 3, message: 'a step heading needs a title ("## <Step title>")', section: 'step 2' }]);
  });

  it('parseLessonBody() refuses blocks outside the subset, with lines and sections', () => {
    const body = parseLessonBody(
      ['# Title', '```step', '{}', '```', '## S', '#### Deep', '> quote', '| a |', '***', '    code', '[ref]: https://x.y', 'Text', '---', '- a', '    - nested', '```step', '{}', '```', '```step', '{}', '```', '~~~', 'open'].join('\n'),
      1,
    );
    expect(body.problems).toEqual([
      { line: 1, message: 'a level-1 heading: only "## " step headings are allowed in a lesson', section: 'introduction' },
      { line: 2, message: 'a step block belongs inside a step (after a "## " heading)', section: 'introduction' },
      { line: 6, message: 'a level-4 heading: only "## " step headings are allowed in a lesson', section: 'step 1' },
      { line: 7, message: 'block quotes are not part of the lesson Markdown', section: 'step 1' },
      { line: 8, message: 'tables are not part of the lesson Markdown', section: 'step 1' },
      { line: 9, message: 'horizontal rules are not part of the lesson Markdown', section: 'step 1' },
      { line: 10, message: 'indented code blocks are not supported: use a ``` fence (or remove the indentation)', section: 'step 1' },
      { line: 11, message: 'reference-style link definitions are not supported: write [text](https://...)', section: 'step 1' },
      { line: 13, message: 'a line of "=" or "-" under text makes a heading on GitHub: only "## " step headings are allowed', section: 'step 1' },
      { line: 15, message: 'nested lists are not supported: keep lists one level deep', section: 'step 1' },
      { line: 19, message: 'a step has at most one step block (the first is on line 16)', section: 'step 1' },
      { line: 22, message: 'code fence ~~~ is never closed', section: 'step 1' },
    ]);
    expect(body.steps[0].stepBlock).toEqual({ text: '{}', line: 16 });
  });

  it('momentLinks() finds moment links in paragraphs, lists and nested markup', () => {
    const body = parseLessonBody(['## S', 'See **[a](moment:task.rejected#1)**.', '', '- [b](moment:@1:00)'].join('\n'), 1);
    expect(momentLinks(body.steps[0].body).map((m) => [m.moment.text, m.line])).toEqual([
      ['moment:task.rejected#1', 2],
      ['moment:@1:00', 4],
    ]);
  });
});
