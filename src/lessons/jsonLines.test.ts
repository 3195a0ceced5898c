import { describe, expect, it } from 'vitest';
import { lineOfPath, parseJsonWithLines } from './jsonLines.ts';

describe('parseJsonWithLines()', () => {
  it('parseJsonWithLines() parses JSON as JSON.parse does', () => {
    const text = '{ "a": [1, -2.5e3, true, null, "x\\n\\u00e9"], "b": { "c": {} } }';
    const r = parseJsonWithLines(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });

  it('parseJsonWithLines() gives each member the line of its key and each item the line of its value', () => {
    const r = parseJsonWithLines('{\n  "a": [1,\n    2],\n  "b":\n    { "c": 3 }\n}');
    if (!r.ok) throw new Error(r.message);
    expect(lineOfPath(r.lines, [])).toBe(1);
    expect(lineOfPath(r.lines, ['a'])).toBe(2);
    expect(lineOfPath(r.lines, ['a', 0])).toBe(2);
    expect(lineOfPath(r.lines, ['a', 1])).toBe(3);
    expect(lineOfPath(r.lines, ['b'])).toBe(4);
    expect(lineOfPath(r.lines, ['b', 'c'])).toBe(5);
    // A path that is not there takes its nearest ancestor's line.
    expect(lineOfPath(r.lines, ['b', 'missing', 0])).toBe(4);
  });

  it('parseJsonWithLines() keeps "__proto__" as a plain key', () => {
    const r = parseJsonWithLines('{ "__proto__": { "x": 1 } }');
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 'trailing comma is not allowed in JSON'],
    ['[1, 2,\n]', 2, 'trailing comma is not allowed in JSON'],
    ['{\n  // note\n  "a": 1 }', 2, 'comments are not allowed in JSON'],
    ["{ 'a': 1 }", 1, 'single quotes are not allowed in JSON: use double quotes'],
    ['{ "a": 1,\n  "a": 2 }', 2, 'duplicate key "a"'],
    ['{ a: 1 }', 1, 'unexpected "a" where a double-quoted property name was expected'],
    ['{ "a" 1 }', 1, `unexpected "1" after the property name "a" (expected ':')`],
    ['{ "a": 1 "b": 2 }', 1, `unexpected '"' after the value of "a" (expected ',' or '}')`],
    ['[1 2]', 1, "unexpected \"2\" after an array item (expected ',' or ']')"],
    ['{ "a": [1, 2 }', 1, "unexpected \"}\" after an array item (expected ',' or ']')"],
    ['{\n  "a": 1', 2, 'unexpected end of the JSON (is a bracket or brace missing?)'],
    ['{ "a": "open\n}', 1, 'unterminated string (a line break inside a string must be written \\n)'],
    ['{ "a": "\\x" }', 1, 'bad escape \\x in a string'],
    ['{ "a": 01 }', 1, 'unexpected "1" inside a number'],
    ['{ "a": tru }', 1, 'unexpected "t" where a value was expected'],
    ['{} {}', 1, 'unexpected "{" after the end of the JSON value'],
    ['  \n ', 2, 'empty (expected a JSON value)'],
  ])('parseJsonWithLines(%j) fails at line %i: %s', (text, line, message) => {
    expect(parseJsonWithLines(text)).toEqual({ ok: false, line, message });
  });
});
