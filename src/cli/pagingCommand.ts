/**
 * `paging <OSTEP paging-policy.py flags> [--json]`: page replacement, compatible with OSTEP's
 * `paging-policy.py` (flags, defaults and text output), with our seeded PRNG for generated addresses, RAND
 * and CLOCK.
 *
 * Flags (short or long, as optparse takes them: `-C 4`, `-C4`, `--cachesize 4`, `--cachesize=4`, grouped
 * switches `-cN`):
 * - `-a, --addresses` comma-separated pages, or `-1` (default) to generate `-n` of them;
 * - `-f, --addressfile` a file with one page per line (blank lines are skipped); wins over `-a`, as in OSTEP;
 * - `-n, --numaddrs` (10), `-m, --maxpage` (10): generated page = `floor(maxpage * uniform(rng))`, drawn from
 *   `createRandom(seed)` before any policy draws;
 * - `-p, --policy` FIFO (default), LRU, MRU, OPT, UNOPT, RAND, CLOCK, and our SECOND_CHANCE;
 * - `-b, --clockbits` (2), `-C, --cachesize` (3), `-s, --seed` (0);
 * - `-N, --notrace` no per-access lines; `-c, --compute` show the answers (without it, only the questions);
 * - `--json` one JSON array, one entry per access `{"page","hit","victim","memory"}` (always computed).
 *
 * Differences from OSTEP, all on input it would crash on or mis-handle: pages must be non-negative integers
 * (OSTEP would print a victim page -1 as "-"), the address list must not be empty, sizes and counts are
 * checked, and unknown policies are refused even without `-c`. Random streams differ from Python's (sfc32,
 * not Mersenne Twister), so generated addresses, RAND and CLOCK give other answers than OSTEP's for the same
 * seed; explicit address lists with the other policies give OSTEP's output byte for byte.
 *
 * Limits: an address file is read up to 100 MB and 10 million pages; output that would pass 50 MB (`--json`,
 * the trace, or the questions of a long list) is refused before anything runs. `-n` and `-m` may be 0 with
 * `-a` or `-f` (they only matter when pages are generated); the FINALSTATS hitrate is Python's `%.2f`.
 */
import { createRandom, uniform } from '../sim/random.ts';
import { createReplacementPolicy, REPLACEMENT_POLICIES, simulateReplacement, type ReplacementPolicyName } from '../sim/replacementPolicy.ts';
import { CliError } from './cliError.ts';
import { InputTooLargeError, MAX_OUTPUT_BYTES, MAX_OUTPUT_TEXT, megabytes, quote, readFailure, readFileText } from './io.ts';
import { formatFixed } from './pyFormat.ts';

interface FlagSpec {
  short: string;
  long: string;
  takesValue: boolean;
}

const FLAGS: readonly FlagSpec[] = [
  { short: 'a', long: 'addresses', takesValue: true },
  { short: 'f', long: 'addressfile', takesValue: true },
  { short: 'n', long: 'numaddrs', takesValue: true },
  { short: 'p', long: 'policy', takesValue: true },
  { short: 'b', long: 'clockbits', takesValue: true },
  { short: 'C', long: 'cachesize', takesValue: true },
  { short: 'm', long: 'maxpage', takesValue: true },
  { short: 's', long: 'seed', takesValue: true },
  { short: 'N', long: 'notrace', takesValue: false },
  { short: 'c', long: 'compute', takesValue: false },
  { short: 'h', long: 'help', takesValue: false },
  { short: '', long: 'json', takesValue: false },
];

const DEFAULTS: Record<string, string> = {
  addresses: '-1',
  addressfile: '',
  numaddrs: '10',
  policy: 'FIFO',
  clockbits: '2',
  cachesize: '3',
  maxpage: '10',
  seed: '0',
};

const EXPECTED_FLAGS = '-a -f -n -p -b -C -m -s -N -c -h or --json';
const MAX_ADDRESSES = 10_000_000;
/** The most an address file may hold (10 million pages of up to 9 digits, one per line). */
const MAX_ADDRESS_FILE_BYTES = 100_000_000;

/** Usage text for `paging --help`. */
export const PAGING_USAGE = `usage: npm run -s sim -- paging [options]   (OSTEP paging-policy.py flags)

  -a, --addresses=ADDRESSES  comma-separated pages to access; -1 (default) generates them
  -f, --addressfile=FILE     a file with one page per line (used instead of -a)
  -n, --numaddrs=N           how many pages to generate when -a is -1 (default 10)
  -p, --policy=POLICY        ${REPLACEMENT_POLICIES.join(', ')} (default FIFO)
  -b, --clockbits=N          for CLOCK, the cap of each page's use counter (default 2)
  -C, --cachesize=N          size of the page cache, in pages (default 3)
  -m, --maxpage=N            generated pages are 0..N-1 (default 10)
  -s, --seed=N               random seed for generated pages, RAND and CLOCK (default 0)
  -N, --notrace              do not print a line per access
  -c, --compute              compute the answers (otherwise only the questions are printed)
      --json                 one JSON array, one entry per access: {"page","hit","victim","memory"}`;

interface PagingOptions {
  raw: Record<string, string>;
  notrace: boolean;
  compute: boolean;
  json: boolean;
  help: boolean;
}

function parsePagingArgs(argv: readonly string[]): PagingOptions {
  const raw: Record<string, string> = { ...DEFAULTS };
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = FLAGS.find((f) => f.long === name);
      if (!spec) throw new CliError(`paging: unknown flag ${quote(eq > 0 ? arg.slice(0, eq) : arg)} (expected ${EXPECTED_FLAGS}; see --help)`);
      if (!spec.takesValue) {
        if (eq > 0) throw new CliError(`paging: --${name} takes no value`);
        switches.add(spec.long);
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CliError(`paging: --${name}: expected a value after it`);
      raw[spec.long] = value;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const spec = FLAGS.find((f) => f.short !== '' && f.short === arg[j]);
        if (!spec) throw new CliError(`paging: unknown flag ${quote(`-${arg[j]}`)}${arg.length > 2 ? ` in ${quote(arg)}` : ''} (expected ${EXPECTED_FLAGS}; see --help)`);
        if (!spec.takesValue) {
          switches.add(spec.long);
          continue;
        }
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) throw new CliError(`paging: -${spec.short}: expected a value after it`);
        raw[spec.long] = value;
        break;
      }
    } else {
      throw new CliError(`paging: unexpected argument ${quote(arg)} (pages go after -a, comma-separated, e.g. -a 0,1,2)`);
    }
  }
  return {
    raw,
    notrace: switches.has('notrace'),
    compute: switches.has('compute'),
    json: switches.has('json'),
    help: switches.has('help'),
  };
}

function integerFlag(raw: Record<string, string>, long: string, short: string, min: number, max: number): number {
  const text = raw[long].trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new CliError(`paging: -${short} (--${long}): expected an integer ${min}-${max}, got ${quote(raw[long])}`);
  }
  return value;
}

function pageNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}

function parseAddressList(text: string): number[] {
  if (text.trim() === '') throw new CliError('paging: -a (--addresses): expected comma-separated page numbers such as 0,1,2 (or -1 to generate them), got an empty list');
  const pages: number[] = [];
  for (const part of text.split(',')) {
    const page = pageNumber(part);
    if (page === undefined) {
      throw new CliError(`paging: -a (--addresses): ${quote(part)} is not a page number (expected comma-separated non-negative integers such as 0,1,2, or -1 to generate them)`);
    }
    pages.push(page);
  }
  if (pages.length > MAX_ADDRESSES) throw new CliError(`paging: -a (--addresses): at most ${MAX_ADDRESSES} pages, got ${pages.length}`);
  return pages;
}

/**
 * Reads `-f`: one page per line, blank lines skipped. Any readable file works (a pipe such as `<(seq 0 9)`
 * too), but at most {@link MAX_ADDRESS_FILE_BYTES} are read, so `/dev/zero` is refused instead of hanging.
 */
function readAddressFile(path: string): number[] {
  const name = quote(path);
  let text: string;
  try {
    text = readFileText(path, MAX_ADDRESS_FILE_BYTES);
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      throw new CliError(`paging: -f (--addressfile): ${name} is larger than ${megabytes(MAX_ADDRESS_FILE_BYTES)} (expected one page number per line, at most ${MAX_ADDRESSES} pages)`);
    }
    throw new CliError(`paging: -f (--addressfile): cannot read ${name}: ${readFailure(e)}`);
  }
  const pages: number[] = [];
  // Line by line without split(), so a huge file never becomes millions of strings at once.
  for (let start = 0, lineNo = 1; start < text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
    if (line.trim() === '') continue;
    const page = pageNumber(line);
    if (page === undefined) {
      throw new CliError(`paging: -f (--addressfile): ${name} line ${lineNo}: ${quote(line)} is not a page number (expected one non-negative integer per line)`);
    }
    if (pages.length === MAX_ADDRESSES) throw new CliError(`paging: -f (--addressfile): ${name}: at most ${MAX_ADDRESSES} pages, got more`);
    pages.push(page);
  }
  if (pages.length === 0) throw new CliError(`paging: -f (--addressfile): ${name} holds no pages (expected one non-negative integer per line)`);
  return pages;
}

/** What `paging` prints per access: a JSON entry, a trace line, a question line, or nothing (`-c -N`). */
type OutputMode = 'json' | 'trace' | 'questions' | 'stats';

/**
 * Refuses, before anything runs, a run whose output would pass {@link MAX_OUTPUT_BYTES}. The estimate is a
 * slight over-count of the real output: per access a fixed part, the page's digits, and (for `--json` and
 * the trace) the memory list, which holds min(cache size, distinct pages so far) pages, each no longer than
 * the longest page so far. The scan stops as soon as the budget is passed.
 */
function checkOutputSize(pages: readonly number[], cachesize: number, mode: OutputMode): void {
  if (mode === 'stats') return;
  const digits = (n: number) => (n < 10 ? 1 : Math.floor(Math.log10(n)) + 1);
  const countDigits = digits(pages.length);
  const fixed = mode === 'json' ? 50 : mode === 'trace' ? 80 + 2 * countDigits : 40;
  const seen = new Set<number>();
  let longest = 1;
  let bytes = 2_000; // the ARG header, the question text and the final stats
  for (const page of pages) {
    const d = digits(page);
    if (d > longest) longest = d;
    if (mode === 'questions') {
      bytes += fixed + d;
    } else {
      if (seen.size < cachesize) seen.add(page);
      bytes += fixed + d + longest + seen.size * (longest + 2);
    }
    if (bytes > MAX_OUTPUT_BYTES) throw new CliError(outputTooLarge(pages.length, mode));
  }
}

function outputTooLarge(accesses: number, mode: OutputMode): string {
  const what = mode === 'json' ? 'the --json output' : mode === 'trace' ? 'the trace' : 'the questions';
  const fewer = 'use fewer addresses (-n, -a or -f)';
  const how = mode === 'json' ? `${fewer} or a smaller cache (-C)` : mode === 'trace' ? `${fewer}, a smaller cache (-C), or -N to print only the final stats` : `${fewer}, or -c -N to print only the final stats`;
  return `paging: ${what} for ${accesses} accesses would be larger than ${MAX_OUTPUT_TEXT}; ${how}`;
}

function isPolicy(name: string): name is ReplacementPolicyName {
  return (REPLACEMENT_POLICIES as readonly string[]).includes(name);
}

/** OSTEP's labels either side of the memory list. SECOND_CHANCE (frame order) uses the neutral ones. */
function sideLabels(policy: ReplacementPolicyName): [string, string] {
  if (policy === 'FIFO') return ['FirstIn', 'Lastin '];
  if (policy === 'LRU' || policy === 'MRU') return ['LRU', 'MRU'];
  return ['Left ', 'Right'];
}

/**
 * `paging <OSTEP paging-policy.py flags> [--json]`: returns what to print (OSTEP's text without its final
 * newline, which the CLI adds, or with `--json` one JSON array). Bad input throws {@link CliError}.
 */
export function pagingCommand(argv: readonly string[]): string {
  const opts = parsePagingArgs(argv);
  if (opts.help) return PAGING_USAGE;
  const { raw } = opts;

  const policy = raw.policy;
  if (!isPolicy(policy)) throw new CliError(`paging: -p (--policy): unknown policy ${quote(policy)} (expected one of ${REPLACEMENT_POLICIES.join(', ')})`);
  // -n and -m only matter when pages are generated, so 0 is fine with -a or -f (as in OSTEP); -m 0 generates
  // page 0 every time, as OSTEP's int(0 * random()) does.
  const numaddrs = integerFlag(raw, 'numaddrs', 'n', 0, MAX_ADDRESSES);
  const clockbits = integerFlag(raw, 'clockbits', 'b', 0, 2 ** 31 - 1);
  const cachesize = integerFlag(raw, 'cachesize', 'C', 1, MAX_ADDRESSES);
  const maxpage = integerFlag(raw, 'maxpage', 'm', 0, Number.MAX_SAFE_INTEGER);
  const seed = integerFlag(raw, 'seed', 's', 0, 2 ** 32 - 1);

  const rng = createRandom(seed);
  let pages: number[];
  if (raw.addressfile !== '') {
    pages = readAddressFile(raw.addressfile);
  } else if (raw.addresses.trim() === '-1') {
    if (numaddrs === 0) {
      throw new CliError(`paging: -n (--numaddrs): expected an integer 1-${MAX_ADDRESSES} when pages are generated (-a -1), got ${quote(raw.numaddrs)}`);
    }
    pages = new Array<number>(numaddrs);
    for (let i = 0; i < numaddrs; i++) pages[i] = Math.floor(maxpage * uniform(rng));
  } else {
    pages = parseAddressList(raw.addresses);
  }

  checkOutputSize(pages, cachesize, opts.json ? 'json' : !opts.compute ? 'questions' : opts.notrace ? 'stats' : 'trace');
  if (opts.json) {
    return JSON.stringify(simulateReplacement(policy, pages, cachesize, { clockBits: clockbits, rng }));
  }

  const out: string[] = [
    `ARG addresses ${raw.addresses}`,
    `ARG addressfile ${raw.addressfile}`,
    `ARG numaddrs ${raw.numaddrs}`,
    `ARG policy ${raw.policy}`,
    `ARG clockbits ${clockbits}`,
    `ARG cachesize ${raw.cachesize}`,
    `ARG maxpage ${raw.maxpage}`,
    `ARG seed ${raw.seed}`,
    `ARG notrace ${opts.notrace ? 'True' : 'False'}`,
    '',
  ];

  if (!opts.compute) {
    out.push(
      `Assuming a replacement policy of ${policy}, and a cache of size ${cachesize} pages,`,
      'figure out whether each of the following page references hit or miss',
      'in the page cache.',
      '',
    );
    for (const p of pages) out.push(`Access: ${p}  Hit/Miss?  State of Memory?`);
    out.push('');
    return out.join('\n');
  }

  if (!opts.notrace) out.push('Solving...', '');
  const [left, right] = sideLabels(policy);
  const cache = createReplacementPolicy(policy, cachesize, { clockBits: clockbits, rng, future: pages });
  let hits = 0;
  let misses = 0;
  for (const page of pages) {
    const { hit, victim } = cache.access(page);
    if (hit) hits++;
    else misses++;
    if (!opts.notrace) {
      const memory = `[${cache.memory().join(', ')}]`.padStart(12);
      out.push(`Access: ${page}  ${hit ? 'HIT ' : 'MISS'} ${left} -> ${memory} <- ${right} Replaced:${victim === null ? '-' : victim} [Hits:${hits} Misses:${misses}]`);
    }
  }
  out.push('', `FINALSTATS hits ${hits}   misses ${misses}   hitrate ${formatFixed((100 * hits) / (hits + misses), 2)}`, '');
  return out.join('\n');
}
