/**
 * `malloc <OSTEP malloc.py flags> [--json]`: the free-list allocator (the banquet area) driven like OSTEP's
 * `vm-freespace/malloc.py`, with the same flags, defaults and text lines.
 *
 * Flags (short or long, `-S 100`, `-S100`, `--size 100` or `--size=100`; switches may be grouped, `-cC`):
 * `-s/--seed` (0), `-S/--size` heap bytes (100), `-b/--baseAddr` (1000), `-H/--headerSize` (0),
 * `-a/--alignment` (-1 = none), `-p/--policy` BEST|WORST|FIRST|NEXT (BEST), `-l/--listOrder`
 * ADDRSORT|SIZESORT+|SIZESORT-|INSERT-FRONT|INSERT-BACK (ADDRSORT), `-C/--coalesce`, `-n/--numOps` (10),
 * `-r/--range` largest random size (10), `-P/--percentAlloc` 1-100 (50), `-A/--allocList` ops such as
 * `+10,-0,+20` (`+SIZE` allocates ptr[k], k counting allocs from 0; `-K` frees ptr[K]), `-c/--compute`,
 * and our `--json`.
 *
 * Where we differ from malloc.py on purpose (SEMANTICS.md A.1 point 7):
 * - Frees go by pointer, not by address: `-K` frees ptr[K]'s block only if that block is still allocated, so a
 *   stale pointer never frees a newer block that reused its address; freeing it again, or freeing a pointer
 *   whose alloc failed, returns -1 and changes nothing.
 * - `-K` naming a pointer that no earlier `+SIZE` op created is an error (exit 2), checked before anything
 *   runs, where malloc.py prints "Invalid Free: Skipping" (or crashes). An alloc that failed still creates
 *   its pointer (as in malloc.py, whose pointer numbers count every alloc).
 * - Random mode (no `-A`, or an empty `-A`) draws from our seeded PRNG, so the ops differ from Python's for the
 *   same seed; only the shape of the output matches. It prints block addresses, where malloc.py's random mode
 *   prints block + header.
 * - Sizes must be >= 1 (malloc.py accepts `+0` and can then crash on a second zero-byte block).
 * - `--json` always includes the answers (as if `-c` were given) and prints no header.
 * - Output is capped at 50 MB: with `-c` or `--json` the free list printed after every op can make it grow with
 *   the square of the op count, so each op is formatted as it runs and the run stops with a CliError once the
 *   output passes the cap.
 */
import {
  FIT_POLICIES,
  FreeListAllocator,
  LIST_ORDERS,
  type AllocatorConfig,
  type FitPolicy,
  type FreeChunk,
  type ListOrder,
} from '../sim/freeListAllocator.ts';
import { createRandom, uniform } from '../sim/random.ts';
import { CliError } from './cliError.ts';
import { MAX_OUTPUT_TEXT, OutputBudget, quote } from './io.ts';

/** The most random ops `-n` may ask for. */
const MAX_RANDOM_OPS = 1_000_000;

/** One op of an `-A` list. */
type Op = { kind: 'alloc'; size: number } | { kind: 'free'; ptr: number };

/** One executed op, as `--json` prints it. */
export type MallocStep =
  | { op: 'alloc'; ptr: number; size: number; addr: number; searched: number; freeList: [number, number][] }
  | { op: 'free'; ptr: number; rc: 0 | -1; freeList: [number, number][] };

/** One executed op before its free list is attached (only the output that prints it reads the list). */
type StepHead =
  | { op: 'alloc'; ptr: number; size: number; addr: number; searched: number }
  | { op: 'free'; ptr: number; rc: 0 | -1 };

/** Receives each op as soon as it has run, while the allocator still holds the free list after it. */
type StepSink = (step: StepHead) => void;

interface Options {
  seed: number;
  heapSize: number;
  baseAddr: number;
  headerSize: number;
  alignment: number;
  policy: string;
  listOrder: string;
  coalesce: boolean;
  numOps: number;
  range: number;
  percentAlloc: number;
  allocList: string;
  compute: boolean;
  json: boolean;
}

type Key = keyof Options;
interface FlagSpec {
  short?: string;
  long: string;
  key: Key;
  kind: 'int' | 'string' | 'switch';
}

const FLAGS: readonly FlagSpec[] = [
  { short: 's', long: 'seed', key: 'seed', kind: 'int' },
  { short: 'S', long: 'size', key: 'heapSize', kind: 'int' },
  { short: 'b', long: 'baseAddr', key: 'baseAddr', kind: 'int' },
  { short: 'H', long: 'headerSize', key: 'headerSize', kind: 'int' },
  { short: 'a', long: 'alignment', key: 'alignment', kind: 'int' },
  { short: 'p', long: 'policy', key: 'policy', kind: 'string' },
  { short: 'l', long: 'listOrder', key: 'listOrder', kind: 'string' },
  { short: 'C', long: 'coalesce', key: 'coalesce', kind: 'switch' },
  { short: 'n', long: 'numOps', key: 'numOps', kind: 'int' },
  { short: 'r', long: 'range', key: 'range', kind: 'int' },
  { short: 'P', long: 'percentAlloc', key: 'percentAlloc', kind: 'int' },
  { short: 'A', long: 'allocList', key: 'allocList', kind: 'string' },
  { short: 'c', long: 'compute', key: 'compute', kind: 'switch' },
  { long: 'json', key: 'json', kind: 'switch' },
];

const KNOWN_FLAGS = '-s -S -b -H -a -p -l -C -n -r -P -A -c (or their long names) and --json';

/**
 * Runs `malloc` and returns what to print: OSTEP-style text, or with `--json` one JSON array (one entry per op).
 * @throws CliError on a malformed flag, value or op list (one line naming the flag or op and what was expected)
 */
export function mallocCommand(argv: readonly string[]): string {
  if (argv.includes('-h') || argv.includes('--help')) return MALLOC_USAGE;
  const options = parseOptions(argv);
  const config = allocatorConfig(options);
  const allocator = new FreeListAllocator(config, { recordProbes: false }); // nothing here prints probes
  const isRandom = options.allocList === '';
  const ops = isRandom ? undefined : parseOps(options.allocList);
  const opCount = ops ? ops.length : options.numOps;
  // Each op is formatted as soon as it runs, and the output stops at its budget: the free list printed after
  // every op can grow with the op count, so the output can grow with its square.
  let done = 0;
  const out = new OutputBudget(
    () =>
      `malloc: the output would be larger than ${MAX_OUTPUT_TEXT} (passed at op ${done + 1} of ${opCount}, as it prints the free list after every op); ` +
      'use fewer ops (-n or -A), -C to coalesce free chunks, or leave out -c and --json',
  );
  const sink: StepSink = options.json
    ? (step) => {
        out.push(JSON.stringify({ ...step, freeList: pairs(allocator.freeList()) }));
        done++;
      }
    : (step) => {
        formatStep(options, step, isRandom, allocator, out);
        done++;
      };
  if (!options.json) for (const line of formatHeader(options)) out.push(line);
  if (ops) runOps(allocator, ops, sink);
  else runRandom(allocator, options, sink);
  return options.json ? `[${out.parts.join(',')}]` : out.parts.join('\n');
}

/** Usage text for `malloc --help`. */
export const MALLOC_USAGE = `usage: npm run -s sim -- malloc [options]   (OSTEP malloc.py flags)
  -s, --seed N           seed of the random op list (default 0)
  -S, --size N           heap size in bytes (default 100)
  -b, --baseAddr N       address of the heap's first byte (default 1000)
  -H, --headerSize N     bytes of header per block (default 0)
  -a, --alignment N      round payloads up to a multiple of N; -1 none (default -1)
  -p, --policy P         BEST, WORST, FIRST, or NEXT (ours) (default BEST)
  -l, --listOrder L      ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK (default ADDRSORT)
  -C, --coalesce         merge neighbouring free chunks after each free
  -n, --numOps N         ops in a random op list (default 10)
  -r, --range N          largest random request (default 10)
  -P, --percentAlloc N   percent of random ops that allocate (default 50)
  -A, --allocList L      explicit ops, e.g. +10,+20,-0 (alloc 10, alloc 20, free ptr[0])
  -c, --compute          show the answers
      --json             one JSON entry per op (answers included)`;

/** Runs an explicit op list: alloc ops number their pointers 0, 1, 2...; frees go by pointer. */
function runOps(allocator: FreeListAllocator, ops: readonly Op[], emit: StepSink): void {
  const ptrAddrs: number[] = [];
  const isLive: boolean[] = [];
  for (const op of ops) {
    if (op.kind === 'alloc') {
      const r = allocator.malloc(op.size);
      ptrAddrs.push(r.addr);
      isLive.push(r.addr !== -1);
      emit({ op: 'alloc', ptr: ptrAddrs.length - 1, size: op.size, addr: r.addr, searched: r.searched });
    } else {
      let rc: 0 | -1 = -1;
      if (isLive[op.ptr]) {
        rc = allocator.free(ptrAddrs[op.ptr]).rc;
        isLive[op.ptr] = false;
      }
      emit({ op: 'free', ptr: op.ptr, rc });
    }
  }
}

/**
 * Random mode, shaped like malloc.py's: each round draws U; U < percentAlloc/100 allocates 1..range bytes
 * (a second draw); otherwise, if any pointer is live, frees a uniformly drawn live one (a second draw), and
 * with none live the round does not count. Runs until `numOps` ops were done.
 */
function runRandom(allocator: FreeListAllocator, options: Options, emit: StepSink): void {
  const rng = createRandom(options.seed);
  const live: { ptr: number; addr: number }[] = [];
  const pAlloc = options.percentAlloc / 100;
  let ptrCount = 0;
  for (let done = 0; done < options.numOps; ) {
    if (uniform(rng) < pAlloc) {
      const size = Math.floor(uniform(rng) * options.range) + 1;
      const r = allocator.malloc(size);
      if (r.addr !== -1) live.push({ ptr: ptrCount, addr: r.addr });
      emit({ op: 'alloc', ptr: ptrCount, size, addr: r.addr, searched: r.searched });
      ptrCount++;
      done++;
    } else if (live.length > 0) {
      const [victim] = live.splice(Math.floor(uniform(rng) * live.length), 1);
      const { rc } = allocator.free(victim.addr);
      emit({ op: 'free', ptr: victim.ptr, rc });
      done++;
    }
  }
}

function pairs(list: readonly FreeChunk[]): [number, number][] {
  return list.map((c) => [c.addr, c.size]);
}

/** malloc.py's option header: one `name value` line per option, then a blank line. */
function formatHeader(o: Options): string[] {
  const py = (b: boolean) => (b ? 'True' : 'False');
  return [
    `seed ${o.seed}`,
    `size ${o.heapSize}`,
    `baseAddr ${o.baseAddr}`,
    `headerSize ${o.headerSize}`,
    `alignment ${o.alignment}`,
    `policy ${o.policy}`,
    `listOrder ${o.listOrder}`,
    `coalesce ${py(o.coalesce)}`,
    `numOps ${o.numOps}`,
    `range ${o.range}`,
    `percentAlloc ${o.percentAlloc}`,
    `allocList ${o.allocList}`,
    `compute ${py(o.compute)}`,
    '',
  ];
}

/** malloc.py's lines for one op: its line(s), the free list after it (or "List?") and a blank line. */
function formatStep(o: Options, s: StepHead, isRandom: boolean, allocator: FreeListAllocator, out: OutputBudget): void {
  if (s.op === 'alloc') {
    out.push(`ptr[${s.ptr}] = Alloc(${s.size}) returned ${o.compute ? `${s.addr} (searched ${s.searched} elements)` : '?'}`);
  } else {
    out.push(`Free(ptr[${s.ptr}])`);
    out.push(`returned ${o.compute ? s.rc : '?'}`);
  }
  // malloc.py prints "List? " with a trailing space in random mode and "List?" without one for -A.
  out.push(o.compute ? formatFreeList(pairs(allocator.freeList())) : isRandom ? 'List? ' : 'List?');
  out.push('');
}

/** `Free List [ Size 2 ]: [ addr:1000 sz:16 ][ addr:1036 sz:64 ]`, exactly as malloc.py's `dump()`. */
function formatFreeList(list: readonly [number, number][]): string {
  return `Free List [ Size ${list.length} ]: ${list.map(([a, s]) => `[ addr:${a} sz:${s} ]`).join('')}`;
}

function parseOptions(argv: readonly string[]): Options {
  const raw = new Map<Key, { value: string | true; flag: string }>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = FLAGS.find((f) => f.long === name);
      if (!spec) throw new CliError(`unknown flag ${quote(`--${name}`)} for "malloc" (expected ${KNOWN_FLAGS})`);
      const flag = `--${name}`;
      if (spec.kind === 'switch') {
        if (eq > 0) throw new CliError(`${flag}: takes no value, got ${quote(arg.slice(eq + 1))}`);
        raw.set(spec.key, { value: true, flag });
      } else {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new CliError(`${flag}: expected a value after it`);
        raw.set(spec.key, { value, flag });
      }
    } else if (arg.startsWith('-') && arg.length > 1 && arg !== '--') {
      // One or more short flags: switches may be grouped (-cC); a flag that takes a value takes the rest of
      // the argument (-S100) or else the next argument, even one starting with '-' (-a -1, -A -0), as optparse.
      for (let j = 1; j < arg.length; j++) {
        const spec = FLAGS.find((f) => f.short === arg[j]);
        if (!spec) throw new CliError(`unknown flag ${quote(`-${arg[j]}`)}${arg.length > 2 ? ` (in ${quote(arg)})` : ''} for "malloc" (expected ${KNOWN_FLAGS})`);
        const flag = `-${arg[j]}`;
        if (spec.kind === 'switch') {
          raw.set(spec.key, { value: true, flag });
          continue;
        }
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) throw new CliError(`${flag}: expected a value after it`);
        raw.set(spec.key, { value, flag });
        break;
      }
    } else {
      throw new CliError(`unexpected argument ${quote(arg)} for "malloc" (it takes only flags; put ops in -A, e.g. -A +10,-0)`);
    }
  }
  const int = (key: Key, fallback: number, min: number, max: number, what: string): number => {
    const entry = raw.get(key);
    if (!entry) return fallback;
    const text = String(entry.value);
    const value = Number(text);
    if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}-${max}`;
      throw new CliError(`${entry.flag}: expected ${what} as an integer ${range}, got ${quote(text)}`);
    }
    return value;
  };
  const str = (key: Key, fallback: string): string => {
    const entry = raw.get(key);
    return entry ? String(entry.value) : fallback;
  };
  const big = Number.MAX_SAFE_INTEGER;
  const options: Options = {
    seed: int('seed', 0, 0, 4294967295, 'the random seed'),
    heapSize: int('heapSize', 100, 1, big, 'the heap size in bytes'),
    baseAddr: int('baseAddr', 1000, 0, big, 'the base address'),
    headerSize: int('headerSize', 0, 0, big, 'the header size in bytes'),
    alignment: int('alignment', -1, -big, big, 'the alignment (-1 for none)'),
    policy: str('policy', 'BEST'),
    listOrder: str('listOrder', 'ADDRSORT'),
    coalesce: raw.has('coalesce'),
    numOps: int('numOps', 10, 0, MAX_RANDOM_OPS, 'the number of random ops'),
    range: int('range', 10, 1, big, 'the largest random size'),
    percentAlloc: int('percentAlloc', 50, 1, 100, 'the percentage of allocs'),
    allocList: str('allocList', ''),
    compute: raw.has('compute'),
    json: raw.has('json'),
  };
  if (options.alignment !== -1 && options.alignment < 1) {
    throw new CliError(`${raw.get('alignment')?.flag ?? '-a'}: expected the alignment as -1 (none) or an integer >= 1, got ${quote(String(raw.get('alignment')?.value))}`);
  }
  if (!Number.isSafeInteger(options.baseAddr + options.heapSize)) throw new CliError(`-b/-S: base address + heap size must stay below 2^53`);
  if (!(FIT_POLICIES as readonly string[]).includes(options.policy)) {
    throw new CliError(`${raw.get('policy')?.flag ?? '-p'}: expected a policy ${FIT_POLICIES.join(', ')}, got ${quote(options.policy)}`);
  }
  if (!(LIST_ORDERS as readonly string[]).includes(options.listOrder)) {
    throw new CliError(`${raw.get('listOrder')?.flag ?? '-l'}: expected a list order ${LIST_ORDERS.join(', ')}, got ${quote(options.listOrder)}`);
  }
  return options;
}

function allocatorConfig(o: Options): AllocatorConfig {
  return {
    baseAddr: o.baseAddr,
    heapSize: o.heapSize,
    headerSize: o.headerSize,
    alignment: o.alignment,
    policy: o.policy as FitPolicy,
    listOrder: o.listOrder as ListOrder,
    coalesce: o.coalesce,
  };
}

/**
 * Parses an `-A` list such as `+10,-0,+20`. `+SIZE` (SIZE an integer >= 1) allocates the next pointer; `-K`
 * frees ptr[K], which an earlier `+SIZE` must have created.
 */
function parseOps(text: string): Op[] {
  const ops: Op[] = [];
  let allocCount = 0;
  const parts = text.split(',');
  parts.forEach((part, i) => {
    const where = `-A: op ${i + 1}`;
    if (part === '') throw new CliError(`${where} is empty (expected +SIZE or -INDEX separated by single commas, e.g. +10,-0)`);
    let m: RegExpExecArray | null;
    if ((m = /^\+(\d+)$/.exec(part))) {
      const size = Number(m[1]);
      if (!Number.isSafeInteger(size) || size < 1) throw new CliError(`${where} ${quote(part)}: expected a size as an integer >= 1`);
      ops.push({ kind: 'alloc', size });
      allocCount++;
    } else if ((m = /^-(\d+)$/.exec(part))) {
      const ptr = Number(m[1]);
      if (ptr >= allocCount) {
        const made = allocCount === 0 ? 'no alloc comes before it' : `only ptr[0]..ptr[${allocCount - 1}] exist before it`;
        throw new CliError(`${where} ${quote(part)} frees ptr[${m[1]}], which was never allocated (${made})`);
      }
      ops.push({ kind: 'free', ptr });
    } else if (/^\+-\d+$/.test(part)) {
      throw new CliError(`${where} ${quote(part)}: sizes cannot be negative (expected +SIZE with SIZE an integer >= 1)`);
    } else if (part === '-' || part === '+') {
      throw new CliError(`${where} ${quote(part)} is missing its number (expected ${part === '+' ? '+SIZE, e.g. +10' : '-INDEX, e.g. -0'})`);
    } else {
      throw new CliError(`${where} ${quote(part)} is malformed (expected +SIZE or -INDEX with a non-negative integer, e.g. +10 or -0)`);
    }
  });
  return ops;
}
