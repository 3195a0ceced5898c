import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.ts';

const fm = (...lines: string[]) => parseFrontmatter(['---', ...lines, '---', 'Body'].join('\n'));

describe('parseFrontmatter()', () => {
  it('parseFrontmatter() reads strings, numbers, booleans and flow lists with their lines', () => {
    const r = fm('title: The tables fill up', 'seed: 7', 'ratio: 1.5', 'draft: false', 'areas: [tables, "staff, cooks", \'shelf\', 3]');
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([
      { key: 'title', value: 'The tables fill up', line: 2 },
      { key: 'seed', value: 7, line: 3 },
      { key: 'ratio', value: 1.5, line: 4 },
      { key: 'draft', value: false, line: 5 },
      { key: 'areas', value: ['tables', 'staff, cooks', 'shelf', 3], line: 6 },
    ]);
    expect(r.body).toBe('Body');
    expect(r.bodyLine).toBe(8);
    expect(r.isComplete).toBe(true);
  });

  it('parseFrontmatter() unquotes double- and single-quoted strings', () => {
    const r = fm('a: "Tables: the \\"basics\\""', "b: 'it''s fine'", 'c: "42"', 'd: []');
    expect(r.entries.map((e) => e.value)).toEqual(['Tables: the "basics"', "it's fine", '42', []]);
  });

  it('parseFrontmatter() skips blank and comment lines, and handles CRLF and a BOM', () => {
    const r = parseFrontmatter('\uFEFF---\r\n# a comment\r\n\r\ntitle: T\r\n---\r\nBody\r\n');
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([{ key: 'title', value: 'T', line: 4 }]);
    expect(r.body).toBe('Body\n');
    expect(r.bodyLine).toBe(6);
  });

  it('parseFrontmatter() refuses what YAML would read differently, with the line', () => {
    const r = fm(
      'a: Tables: basics',
      'b: null',
      'c: yes',
      'd: 1e3',
      'e: 0x1F',
      'f: 2024-01-01',
      'g: text # comment',
      'h: *anchor',
      'i:',
      'j: {x: 1}',
      'k: |',
      'l: [a, [b]]',
      'm: [a,, b]',
      'n: [a',
      'o: "open',
      'p: "a" b',
      'q: 99999999999999999999',
    );
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([
      { line: 2, key: 'a', message: 'a value containing ": " must be quoted' },
      { line: 3, key: 'b', message: '"null" would not read as text in YAML: quote it' },
      { line: 4, key: 'c', message: '"yes" would not read as text in YAML: quote it' },
      { line: 5, key: 'd', message: '"1e3" would not read as text in YAML: quote it' },
      { line: 6, key: 'e', message: '"0x1F" would not read as text in YAML: quote it' },
      { line: 7, key: 'f', message: '"2024-01-01" would not read as text in YAML: quote it' },
      { line: 8, key: 'g', message: 'a " #" starts a YAML comment: quote the value' },
      { line: 9, key: 'h', message: 'a value starting with "*" must be quoted' },
      { line: 10, key: 'i', message: 'no value (an empty value reads as null in YAML)' },
      { line: 11, key: 'j', message: 'nested mappings are not supported' },
      { line: 12, key: 'k', message: 'block scalars (| or >) are not supported: write the value on one line' },
      { line: 13, key: 'l', message: 'nested lists and mappings are not supported' },
      { line: 14, key: 'm', message: 'empty list item (two commas in a row, or a trailing comma)' },
      { line: 15, key: 'n', message: 'a list must end with "]" on the same line' },
      { line: 16, key: 'o', message: 'unterminated quoted string' },
      { line: 17, key: 'p', message: 'unexpected text after the closing quote' },
      { line: 18, key: 'q', message: 'integer 99999999999999999999 is too large' },
    ]);
  });

  it('parseFrontmatter() refuses indented lines, lines without a key and duplicate keys', () => {
    const r = fm('title: A', '  nested: 1', 'just words', 'title: B');
    expect(r.entries).toEqual([{ key: 'title', value: 'A', line: 2 }]);
    expect(r.problems).toEqual([
      { line: 3, message: 'indented line: nested values are not supported (one "key: value" per line)' },
      { line: 4, message: 'expected "key: value"' },
      { line: 5, key: 'title', message: 'duplicate key (first on line 2)' },
    ]);
  });

  it('parseFrontmatter() reports a missing or unclosed frontmatter at line 1', () => {
    const missing = parseFrontmatter('# Title\n\nText');
    expect(missing.problems).toEqual([{ line: 1, message: 'expected frontmatter: the file must start with a line "---"' }]);
    expect(missing.body).toBe('# Title\n\nText');
    expect(missing.bodyLine).toBe(1);
    expect(missing.isComplete).toBe(false);
    const unclosed = parseFrontmatter('---\ntitle: A\n');
    expect(unclosed.problems).toEqual([{ line: 1, message: 'frontmatter is not closed: no second line "---"' }]);
    expect(unclosed.isComplete).toBe(false);
  });
});
