/**
 * A strict JSON parser that remembers the line of every value, so a lesson problem can name the line of the
 * field it is about (`JSON.parse` gives neither lines nor duplicate keys).
 *
 * Strict means RFC 8259 JSON and nothing more: no comments, no trailing commas, no single quotes, and a key
 * given twice in one object is an error (JSON.parse would silently keep the last one).
 *
 * @example
 * const r = parseJsonWithLines('{\n  "a": [1,\n    2]\n}');
 * // r.ok === true; lineOfPath(r.lines, ['a', 1]) === 3; lineOfPath(r.lines, ['a', 'missing']) === 2
 */

/** A field path as zod gives it: keys and array indexes. */
export type JsonPath = readonly PropertyKey[];

export type JsonResult =
  | { ok: true; value: unknown; lines: JsonLines }
  | { ok: false; line: number; message: string };

/** Line (1-based, within the parsed text) of each value by path key; an object member's line is its key's. */
export type JsonLines = ReadonlyMap<string, number>;

/** The key of a path in {@link JsonLines}. */
export function pathKey(path: JsonPath): string {
  return path.map(String).join('\u0000');
}

/** The line of `path`, or of its nearest ancestor that has one (the root is line 1 when nothing else is). */
export function lineOfPath(lines: JsonLines, path: JsonPath): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(pathKey(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses `text` as strict JSON. Never throws. */
export function parseJsonWithLines(text: string): JsonResult {
  const parser = new Parser(text);
  try {
    parser.skipSpace();
    if (parser.pos >= text.length) throw new JsonSyntaxError(parser.line, 'empty (expected a JSON value)');
    const value = parser.value([]);
    parser.skipSpace();
    if (parser.pos < text.length) throw parser.unexpected('after the end of the JSON value');
    return { ok: true, value, lines: parser.lines };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  pos = 0;
  line = 1;
  readonly lines = new Map<string, number>();

  constructor(private readonly text: string) {}

  value(path: PropertyKey[]): unknown {
    this.skipSpace();
    const key = pathKey(path);
    if (!this.lines.has(key)) this.lines.set(key, this.line);
    const c = this.text[this.pos];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    if (c === "'") throw new JsonSyntaxError(this.line, 'single quotes are not allowed in JSON: use double quotes');
    throw this.unexpected('where a value was expected');
  }

  private object(path: PropertyKey[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.pos++; // {
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}') throw new JsonSyntaxError(this.line, 'trailing comma is not allowed in JSON');
        if (this.text[this.pos] === "'") throw new JsonSyntaxError(this.line, 'single quotes are not allowed in JSON: use double quotes');
        throw this.unexpected('where a double-quoted property name was expected');
      }
      const keyLine = this.line;
      const key = this.string();
      if (seen.has(key)) throw new JsonSyntaxError(keyLine, `duplicate key "${key}"`);
      seen.add(key);
      this.skipSpace();
      if (this.text[this.pos] !== ':') throw this.unexpected(`after the property name "${key}" (expected ':')`);
      this.pos++;
      const childPath = [...path, key];
      this.lines.set(pathKey(childPath), keyLine);
      const v = this.value(childPath);
      Object.defineProperty(result, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return result;
      }
      throw this.unexpected(`after the value of "${key}" (expected ',' or '}')`);
    }
  }

  private array(path: PropertyKey[]): unknown[] {
    const result: unknown[] = [];
    this.pos++; // [
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') throw new JsonSyntaxError(this.line, 'trailing comma is not allowed in JSON');
      result.push(this.value([...path, result.length]));
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return result;
      }
      throw this.unexpected("after an array item (expected ',' or ']')");
    }
  }

  private string(): string {
    const startLine = this.line;
    let out = '';
    this.pos++; // opening quote
    for (;;) {
      if (this.pos >= this.text.length) throw new JsonSyntaxError(startLine, 'unterminated string');
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\n') throw new JsonSyntaxError(startLine, 'unterminated string (a line break inside a string must be written \\n)');
      if (c < ' ') throw new JsonSyntaxError(this.line, 'control character inside a string');
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError(this.line, 'bad \\u escape in a string');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        const decoded = e === undefined ? undefined : ESCAPES[e];
        if (decoded === undefined) throw new JsonSyntaxError(this.line, `bad escape \\${e ?? ''} in a string`);
        out += decoded;
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  private number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (m === null) throw this.unexpected('where a number was expected');
    this.pos += m[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9A-Za-z_.]/.test(next)) throw this.unexpected('inside a number');
    return Number(m[0]);
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '\n') {
        this.line++;
        this.pos++;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '/' && (t[this.pos + 1] === '/' || t[this.pos + 1] === '*')) {
        throw new JsonSyntaxError(this.line, 'comments are not allowed in JSON');
      } else {
        return;
      }
    }
  }

  unexpected(where: string): JsonSyntaxError {
    if (this.pos >= this.text.length) return new JsonSyntaxError(this.line, 'unexpected end of the JSON (is a bracket or brace missing?)');
    const c = this.text[this.pos];
    const shown = c === '"' ? '\'"\'' : JSON.stringify(c);
    return new JsonSyntaxError(this.line, `unexpected ${shown} ${where}`);
  }
}
