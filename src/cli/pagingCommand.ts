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
 */
import { readFileSync } from 'node:fs';
import { createRandom, uniform } from '../sim/random.ts';
import { createReplacementPolicy, REPLACEMENT_POLICIES, simulateReplacement, type ReplacementPolicyName } from '../sim/replacementPolicy.ts';
import { CliError } from './cliError.ts';

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
      if (!spec) throw new CliError(`paging: unknown flag ${eq > 0 ? arg.slice(0, eq) : arg} (expected ${EXPECTED_FLAGS}; see --help)`);
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
        if (!spec) throw new CliError(`paging: unknown flag -${arg[j]} in ${arg} (expected ${EXPECTED_FLAGS}; see --help)`);
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
      throw new CliError(`paging: unexpected argument "${arg}" (pages go after -a, comma-separated, e.g. -a 0,1,2)`);
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
    throw new CliError(`paging: -${short} (--${long}): expected an integer ${min}-${max}, got "${raw[long]}"`);
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
      throw new CliError(`paging: -a (--addresses): "${part}" is not a page number (expected comma-separated non-negative integers such as 0,1,2, or -1 to generate them)`);
    }
    pages.push(page);
  }
  if (pages.length > MAX_ADDRESSES) throw new CliError(`paging: -a (--addresses): at most ${MAX_ADDRESSES} pages, got ${pages.length}`);
  return pages;
}

function readAddressFile(path: string): number[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`paging: -f (--addressfile): cannot read "${path}": ${why}`);
  }
  const pages: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const page = pageNumber(lines[i]);
    if (page === undefined) {
      throw new CliError(`paging: -f (--addressfile): ${path} line ${i + 1}: "${lines[i]}" is not a page number (expected one non-negative integer per line)`);
    }
    pages.push(page);
  }
  if (pages.length === 0) throw new CliError(`paging: -f (--addressfile): ${path} holds no pages (expected one non-negative integer per line)`);
  if (pages.length > MAX_ADDRESSES) throw new CliError(`paging: -f (--addressfile): at most ${MAX_ADDRESSES} pages, got ${pages.length}`);
  return pages;
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
  if (!isPolicy(policy)) throw new CliError(`paging: -p (--policy): unknown policy "${policy}" (expected one of ${REPLACEMENT_POLICIES.join(', ')})`);
  const numaddrs = integerFlag(raw, 'numaddrs', 'n', 1, MAX_ADDRESSES);
  const clockbits = integerFlag(raw, 'clockbits', 'b', 0, 2 ** 31 - 1);
  const cachesize = integerFlag(raw, 'cachesize', 'C', 1, MAX_ADDRESSES);
  const maxpage = integerFlag(raw, 'maxpage', 'm', 1, Number.MAX_SAFE_INTEGER);
  const seed = integerFlag(raw, 'seed', 's', 0, 2 ** 32 - 1);

  const rng = createRandom(seed);
  let pages: number[];
  if (raw.addressfile !== '') {
    pages = readAddressFile(raw.addressfile);
  } else if (raw.addresses.trim() === '-1') {
    pages = new Array<number>(numaddrs);
    for (let i = 0; i < numaddrs; i++) pages[i] = Math.floor(maxpage * uniform(rng));
  } else {
    pages = parseAddressList(raw.addresses);
  }

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
  out.push('', `FINALSTATS hits ${hits}   misses ${misses}   hitrate ${((100 * hits) / (hits + misses)).toFixed(2)}`, '');
  return out.join('\n');
}
