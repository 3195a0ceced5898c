/**
 * `cache [--json] < ops.json`: replays a list of operations on the warming shelf's LRU cache
 * ({@link LruCache}, which follows the `lru-cache` npm package v11) and prints what each one did.
 *
 * Input (stdin), every option optional:
 * `{"options":{"max":n,"maxSize":n,"maxEntrySize":n,"sizeCalculation":"valueLength"},
 *   "ops":[{"op":"set","key":"a","value":"A","size":3},{"op":"get"|"has"|"peek"|"delete","key":"a"},
 *          {"op":"pop"},{"op":"clear"}]}`
 * (`size` is optional on `set`; `max` is an entry count, `maxSize`/`maxEntrySize`/`size` are in the same
 * size units, and `"valueLength"` sizes an entry by the length of its value in characters).
 *
 * Output with `--json`: one array, one entry per op,
 * `{"op":name,"result":r,"evicted":[keys],"keysMRU":[keys, most recently used first]}`, where `result` is:
 * - `get`, `peek`: the value, or `null` on a miss; `pop`: the value popped, or `null` when empty;
 * - `has`: whether the key is held; `delete`: whether a key was removed;
 * - `set`: whether the entry is held after the op (`false` when it was bigger than `maxEntrySize`);
 * - `clear`: `null`.
 * An op the cache refuses with a `TypeError` (for example a `set` without a usable size while sizes are
 * tracked) gives `{"op":name,"error":"message"}` and leaves the cache unchanged.
 *
 * **What `evicted` lists**: the keys this op removed with lru-cache's dispose reason `'evict'`, in removal
 * order: entries pushed out to make room (the count limit first, then the size limit, always least recently
 * used first) and the entry `pop` takes. It does not list the other removals, which lru-cache does not call
 * evictions either: an explicit `delete` or `clear` (reason `'delete'`), and a `set` that drops the key's own
 * entry, because its new size exceeds `maxEntrySize` (reason `'set'`). Those show in `result` and `keysMRU`.
 * A `set` that replaces a value keeps the key, so it is not a removal at all. So `evicted` answers the
 * instructor's question "what did the shelf throw out to make room?", and it is exactly what lru-cache's
 * `dispose(value, key, 'evict')` reports for the same ops.
 *
 * Without `--json`: one line per op with its result, its evicted keys, any other removal with its reason,
 * the keys most recently used first, and the count and size against their limits.
 *
 * Malformed input (not JSON, an unknown field, a wrong type, a missing key, options the cache refuses) is a
 * {@link CliError} naming the field, e.g. `ops[3].key: expected a string, got 5`. Values in messages are
 * described by type for arrays and objects (never walked, however deeply nested). Standard input is read up to
 * 16 MB (main.ts), and output that would pass 50 MB (every op lists all the keys held) is refused.
 */
import { LruCache, type DisposeReason } from '../sim/lruCache.ts';
import { parseArgs } from './args.ts';
import { CliError } from './cliError.ts';
import { MAX_OUTPUT_TEXT, OutputBudget, quote } from './io.ts';

/** One operation of the input. */
export type CacheOp =
  | { op: 'set'; key: string; value: string; size?: number }
  | { op: 'get' | 'has' | 'peek' | 'delete'; key: string }
  | { op: 'pop' }
  | { op: 'clear' };

/** The cache options of the input (`max`: entry count; `maxSize`, `maxEntrySize`: size units). */
export interface CacheOptionsInput {
  max?: number;
  maxSize?: number;
  maxEntrySize?: number;
  sizeCalculation?: 'valueLength';
}

/** One entry of the `--json` output. */
export type CacheOpReport =
  | { op: CacheOp['op']; result: string | boolean | null; evicted: string[]; keysMRU: string[] }
  | { op: CacheOp['op']; error: string };

const OP_FIELDS: Record<CacheOp['op'], readonly string[]> = {
  set: ['op', 'key', 'value', 'size'],
  get: ['op', 'key'],
  has: ['op', 'key'],
  peek: ['op', 'key'],
  delete: ['op', 'key'],
  pop: ['op'],
  clear: ['op'],
};
const OP_NAMES = Object.keys(OP_FIELDS) as CacheOp['op'][];
const OPTION_FIELDS = ['max', 'maxSize', 'maxEntrySize', 'sizeCalculation'] as const;
const INPUT_SHAPE = '{"options":{...},"ops":[...]}';

/**
 * Runs the `cache` command: `argv` are the arguments after `cache` (only `--json`), `stdinText` the input
 * JSON. Returns what to print.
 *
 * @throws CliError for a flag, an argument or input that is malformed (one line naming the field).
 */
export function cacheCommand(argv: readonly string[], stdinText: string): string {
  const { positionals, options } = parseArgs(argv, 'cache', [], ['json']);
  if (positionals.length > 0) {
    throw new CliError(`cache: expected no arguments (pipe ${INPUT_SHAPE} on stdin), got ${positionals.map((p) => quote(p)).join(' ')}`);
  }
  const input = parseInput(stdinText);
  const cacheOptions = input.options;
  const removed: { key: string; value: string; reason: DisposeReason }[] = [];
  const cache = createCache(cacheOptions, removed);
  const isJson = options.has('json');
  // Every op prints all the keys held, so the output can grow with ops x entries: it stops at its budget.
  let index = 0;
  const out = new OutputBudget(
    () =>
      `cache: the output would be larger than ${MAX_OUTPUT_TEXT} (passed at ops[${index}] of ${input.ops.length}, as every op lists the keys held); ` +
      'use fewer ops or a smaller cache (options.max or options.maxSize)',
  );
  for (; index < input.ops.length; index++) {
    const op = input.ops[index];
    removed.length = 0;
    let report: CacheOpReport;
    try {
      report = { op: op.op, result: apply(cache, op), evicted: [], keysMRU: [] };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      report = { op: op.op, error: e.message };
    }
    if ('result' in report) {
      report.evicted = removed.filter((r) => r.reason === 'evict').map((r) => r.key);
      report.keysMRU = [...cache.keys()];
    }
    out.push(isJson ? JSON.stringify(report) : traceLine(index, op, report, removed, cache));
  }
  if (isJson) return `[${out.parts.join(',')}]`;
  return out.parts.length === 0 ? '(no ops)' : out.parts.join('\n');
}

function apply(cache: LruCache<string, string>, op: CacheOp): string | boolean | null {
  switch (op.op) {
    case 'set':
      cache.set(op.key, op.value, op.size === undefined ? undefined : { size: op.size });
      return cache.has(op.key);
    case 'get':
      return cache.get(op.key) ?? null;
    case 'peek':
      return cache.peek(op.key) ?? null;
    case 'has':
      return cache.has(op.key);
    case 'delete':
      return cache.delete(op.key);
    case 'pop':
      return cache.pop() ?? null;
    case 'clear':
      cache.clear();
      return null;
  }
}

function createCache(options: CacheOptionsInput, removed: { key: string; value: string; reason: DisposeReason }[]): LruCache<string, string> {
  try {
    return new LruCache<string, string>({ ...options, onDispose: (key, value, reason) => removed.push({ key, value, reason }) });
  } catch (e) {
    const message = (e as Error).message;
    if (/^At least one of/.test(message)) throw new CliError(`options: ${message} (this cache has no ttl: set max or maxSize)`);
    const field = /^(maxEntrySize|maxSize|max)\b/.exec(message)?.[1] ?? (/\bmax value\b/.test(message) ? 'max' : /sizeCalculation/.test(message) ? 'sizeCalculation' : undefined);
    if (field === undefined) throw new CliError(`options: ${message}`);
    const got = /\bgot\b|invalid max value/.test(message) ? '' : ` (got ${describe(options[field as keyof CacheOptionsInput])})`;
    throw new CliError(`options.${field}: ${message}${got}`);
  }
}

function parseInput(text: string): { options: CacheOptionsInput; ops: CacheOp[] } {
  if (text.trim() === '') throw new CliError(`cache: expected ${INPUT_SHAPE} on stdin, got nothing`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // An engine whose parser recurses runs out of stack on deeply nested input: that is not an op list either.
    if (e instanceof RangeError) throw new CliError(`stdin: invalid JSON (nested too deeply; expected ${INPUT_SHAPE})`);
    throw new CliError(`stdin: invalid JSON (${(e as Error).message})`);
  }
  const top = objectAt(data, 'input', `an object ${INPUT_SHAPE}`);
  rejectUnknown(top, 'input', ['options', 'ops'], '');
  const options: CacheOptionsInput = {};
  if (top.options !== undefined) {
    const raw = objectAt(top.options, 'options', 'an object');
    rejectUnknown(raw, 'options', OPTION_FIELDS, '');
    for (const name of ['max', 'maxSize', 'maxEntrySize'] as const) {
      if (raw[name] !== undefined) options[name] = numberAt(raw[name], `options.${name}`);
    }
    if (raw.sizeCalculation !== undefined) {
      if (raw.sizeCalculation !== 'valueLength') throw new CliError(`options.sizeCalculation: expected "valueLength", got ${describe(raw.sizeCalculation)}`);
      options.sizeCalculation = 'valueLength';
    }
  }
  if (!Array.isArray(top.ops)) throw new CliError(`ops: expected an array of ops, got ${describe(top.ops)}`);
  const ops = top.ops.map((raw: unknown, i: number) => parseOp(raw, `ops[${i}]`));
  return { options, ops };
}

function parseOp(raw: unknown, path: string): CacheOp {
  const o = objectAt(raw, path, 'an object like {"op":"get","key":"a"}');
  if (typeof o.op !== 'string' || !(OP_NAMES as string[]).includes(o.op)) {
    throw new CliError(`${path}.op: expected one of ${OP_NAMES.join(', ')}, got ${describe(o.op)}`);
  }
  const name = o.op as CacheOp['op'];
  rejectUnknown(o, path, OP_FIELDS[name], ` for "${name}"`);
  if (name === 'pop' || name === 'clear') return { op: name };
  const key = stringAt(o.key, `${path}.key`);
  if (name !== 'set') return { op: name, key };
  const value = stringAt(o.value, `${path}.value`);
  return o.size === undefined ? { op: 'set', key, value } : { op: 'set', key, value, size: numberAt(o.size, `${path}.size`) };
}

function objectAt(value: unknown, path: string, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${path}: expected ${expected}, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function rejectUnknown(o: Record<string, unknown>, path: string, known: readonly string[], context: string): void {
  for (const field of Object.keys(o)) {
    if (!known.includes(field)) throw new CliError(`${path}${fieldPath(field)}: unknown field${context} (expected ${known.join(', ')})`);
  }
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new CliError(`${path}: expected a string, got ${describe(value)}`);
  return value;
}

function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number') throw new CliError(`${path}: expected a number, got ${describe(value)}`);
  return value;
}

/** `.name` for a plain field name, `["odd name"]` (JSON-quoted) for any other, as a path segment in messages. */
function fieldPath(field: string): string {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(field) ? `.${field}` : `[${quote(field, 40)}]`;
}

/**
 * A short rendering of an input value for messages: strings and numbers as JSON (cut to 40 characters),
 * arrays and objects by their type only, so that no input, however deeply nested, is walked.
 */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'not a number (NaN)' : 'a number too large to use';
  const text = JSON.stringify(typeof value === 'string' && value.length > 40 ? value.slice(0, 40) : value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function traceLine(
  index: number,
  op: CacheOp,
  report: CacheOpReport,
  removed: readonly { key: string; value: string; reason: DisposeReason }[],
  cache: LruCache<string, string>,
): string {
  const q = (s: string): string => JSON.stringify(s);
  const what =
    op.op === 'set' ? `set ${q(op.key)}=${q(op.value)}${op.size === undefined ? '' : ` size ${op.size}`}` : 'key' in op ? `${op.op} ${q(op.key)}` : op.op;
  const head = `ops[${index}] ${what}`;
  if ('error' in report) return `${head} -> refused: ${report.error} | cache unchanged`;
  const parts = [`${head} -> ${describeResult(op, report.result, cache.maxEntrySize)}`];
  parts.push(`evicted: ${report.evicted.length === 0 ? 'none' : report.evicted.map(q).join(', ')}`);
  const others = removed.filter((r) => r.reason !== 'evict');
  if (others.length > 0) parts.push(`also disposed: ${others.map((r) => `${q(r.key)}=${q(r.value)} (${r.reason})`).join(', ')}`);
  parts.push(`keys MRU->LRU: [${report.keysMRU.map(q).join(', ')}]`);
  const count = `count ${cache.size}${cache.max > 0 ? `/${cache.max}` : ''}`;
  const size = cache.maxEntrySize > 0 ? `, size ${cache.calculatedSize}${cache.maxSize > 0 ? `/${cache.maxSize}` : ''}` : '';
  parts.push(count + size);
  return parts.join(' | ');
}

function describeResult(op: CacheOp, result: string | boolean | null, maxEntrySize: number): string {
  switch (op.op) {
    case 'set':
      return result ? 'stored' : `not stored (bigger than maxEntrySize ${maxEntrySize})`;
    case 'get':
    case 'peek':
      return result === null ? 'miss' : `hit ${JSON.stringify(result)}`;
    case 'pop':
      return result === null ? 'empty' : `popped ${JSON.stringify(result)}`;
    case 'clear':
      return 'cleared';
    default:
      return String(result);
  }
}
