/**
 * `sim paging`: OSTEP paging-policy.py's text output byte for byte (the expected texts below are what
 * paging-policy.py prints for the same flags, minus the final newline that the CLI adds), the --json shape,
 * our seeded generation, and one clear line for every kind of bad input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cliError.ts';
import { pagingCommand } from './pagingCommand.ts';
import { formatFixed } from './pyFormat.ts';

const dir = mkdtempSync(join(tmpdir(), 'boh-paging-'));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
function errorOf(argv: string[]): string {
  try {
    pagingCommand(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error('expected a CliError');
}

const README = '0,1,2,0,1,3,0,3,1,2,1';
const args = (policy: string) => ['-a', README, '-p', policy, '-C', '3', '-c'];
const header = (policy: string, notrace = 'False', addresses = README) =>
  [
    `ARG addresses ${addresses}`,
    'ARG addressfile ',
    'ARG numaddrs 10',
    `ARG policy ${policy}`,
    'ARG clockbits 2',
    'ARG cachesize 3',
    'ARG maxpage 10',
    'ARG seed 0',
    `ARG notrace ${notrace}`,
    '',
  ].join('\n');

describe('sim paging: OSTEP text output', () => {
  it('-a 0,1,2,0,1,3,0,3,1,2,1 -p LRU -C 3 -c (the README example)', () => {
    expect(pagingCommand(args('LRU'))).toBe(`${header('LRU')}
Solving...

Access: 0  MISS LRU ->          [0] <- MRU Replaced:- [Hits:0 Misses:1]
Access: 1  MISS LRU ->       [0, 1] <- MRU Replaced:- [Hits:0 Misses:2]
Access: 2  MISS LRU ->    [0, 1, 2] <- MRU Replaced:- [Hits:0 Misses:3]
Access: 0  HIT  LRU ->    [1, 2, 0] <- MRU Replaced:- [Hits:1 Misses:3]
Access: 1  HIT  LRU ->    [2, 0, 1] <- MRU Replaced:- [Hits:2 Misses:3]
Access: 3  MISS LRU ->    [0, 1, 3] <- MRU Replaced:2 [Hits:2 Misses:4]
Access: 0  HIT  LRU ->    [1, 3, 0] <- MRU Replaced:- [Hits:3 Misses:4]
Access: 3  HIT  LRU ->    [1, 0, 3] <- MRU Replaced:- [Hits:4 Misses:4]
Access: 1  HIT  LRU ->    [0, 3, 1] <- MRU Replaced:- [Hits:5 Misses:4]
Access: 2  MISS LRU ->    [3, 1, 2] <- MRU Replaced:0 [Hits:5 Misses:5]
Access: 1  HIT  LRU ->    [3, 2, 1] <- MRU Replaced:- [Hits:6 Misses:5]

FINALSTATS hits 6   misses 5   hitrate 54.55
`);
  });

  it('FIFO labels its ends FirstIn / Lastin', () => {
    expect(pagingCommand(args('FIFO'))).toBe(`${header('FIFO')}
Solving...

Access: 0  MISS FirstIn ->          [0] <- Lastin  Replaced:- [Hits:0 Misses:1]
Access: 1  MISS FirstIn ->       [0, 1] <- Lastin  Replaced:- [Hits:0 Misses:2]
Access: 2  MISS FirstIn ->    [0, 1, 2] <- Lastin  Replaced:- [Hits:0 Misses:3]
Access: 0  HIT  FirstIn ->    [0, 1, 2] <- Lastin  Replaced:- [Hits:1 Misses:3]
Access: 1  HIT  FirstIn ->    [0, 1, 2] <- Lastin  Replaced:- [Hits:2 Misses:3]
Access: 3  MISS FirstIn ->    [1, 2, 3] <- Lastin  Replaced:0 [Hits:2 Misses:4]
Access: 0  MISS FirstIn ->    [2, 3, 0] <- Lastin  Replaced:1 [Hits:2 Misses:5]
Access: 3  HIT  FirstIn ->    [2, 3, 0] <- Lastin  Replaced:- [Hits:3 Misses:5]
Access: 1  MISS FirstIn ->    [3, 0, 1] <- Lastin  Replaced:2 [Hits:3 Misses:6]
Access: 2  MISS FirstIn ->    [0, 1, 2] <- Lastin  Replaced:3 [Hits:3 Misses:7]
Access: 1  HIT  FirstIn ->    [0, 1, 2] <- Lastin  Replaced:- [Hits:4 Misses:7]

FINALSTATS hits 4   misses 7   hitrate 36.36
`);
  });

  it('OPT labels its ends Left / Right and evicts the last of tied pages', () => {
    expect(pagingCommand(args('OPT'))).toBe(`${header('OPT')}
Solving...

Access: 0  MISS Left  ->          [0] <- Right Replaced:- [Hits:0 Misses:1]
Access: 1  MISS Left  ->       [0, 1] <- Right Replaced:- [Hits:0 Misses:2]
Access: 2  MISS Left  ->    [0, 1, 2] <- Right Replaced:- [Hits:0 Misses:3]
Access: 0  HIT  Left  ->    [0, 1, 2] <- Right Replaced:- [Hits:1 Misses:3]
Access: 1  HIT  Left  ->    [0, 1, 2] <- Right Replaced:- [Hits:2 Misses:3]
Access: 3  MISS Left  ->    [0, 1, 3] <- Right Replaced:2 [Hits:2 Misses:4]
Access: 0  HIT  Left  ->    [0, 1, 3] <- Right Replaced:- [Hits:3 Misses:4]
Access: 3  HIT  Left  ->    [0, 1, 3] <- Right Replaced:- [Hits:4 Misses:4]
Access: 1  HIT  Left  ->    [0, 1, 3] <- Right Replaced:- [Hits:5 Misses:4]
Access: 2  MISS Left  ->    [0, 1, 2] <- Right Replaced:3 [Hits:5 Misses:5]
Access: 1  HIT  Left  ->    [0, 1, 2] <- Right Replaced:- [Hits:6 Misses:5]

FINALSTATS hits 6   misses 5   hitrate 54.55
`);
  });

  it('MRU labels its ends LRU / MRU and evicts the most recently used page', () => {
    expect(pagingCommand(args('MRU'))).toBe(`${header('MRU')}
Solving...

Access: 0  MISS LRU ->          [0] <- MRU Replaced:- [Hits:0 Misses:1]
Access: 1  MISS LRU ->       [0, 1] <- MRU Replaced:- [Hits:0 Misses:2]
Access: 2  MISS LRU ->    [0, 1, 2] <- MRU Replaced:- [Hits:0 Misses:3]
Access: 0  HIT  LRU ->    [1, 2, 0] <- MRU Replaced:- [Hits:1 Misses:3]
Access: 1  HIT  LRU ->    [2, 0, 1] <- MRU Replaced:- [Hits:2 Misses:3]
Access: 3  MISS LRU ->    [2, 0, 3] <- MRU Replaced:1 [Hits:2 Misses:4]
Access: 0  HIT  LRU ->    [2, 3, 0] <- MRU Replaced:- [Hits:3 Misses:4]
Access: 3  HIT  LRU ->    [2, 0, 3] <- MRU Replaced:- [Hits:4 Misses:4]
Access: 1  MISS LRU ->    [2, 0, 1] <- MRU Replaced:3 [Hits:4 Misses:5]
Access: 2  HIT  LRU ->    [0, 1, 2] <- MRU Replaced:- [Hits:5 Misses:5]
Access: 1  HIT  LRU ->    [0, 2, 1] <- MRU Replaced:- [Hits:6 Misses:5]

FINALSTATS hits 6   misses 5   hitrate 54.55
`);
  });

  it('UNOPT, the worst choice', () => {
    const out = pagingCommand(args('UNOPT'));
    expect(out.split('\n').slice(12, 23).map((l) => l.slice(0, 10) + l.slice(l.indexOf('Replaced')))).toEqual([
      'Access: 0 Replaced:- [Hits:0 Misses:1]',
      'Access: 1 Replaced:- [Hits:0 Misses:2]',
      'Access: 2 Replaced:- [Hits:0 Misses:3]',
      'Access: 0 Replaced:- [Hits:1 Misses:3]',
      'Access: 1 Replaced:- [Hits:2 Misses:3]',
      'Access: 3 Replaced:0 [Hits:2 Misses:4]',
      'Access: 0 Replaced:3 [Hits:2 Misses:5]',
      'Access: 3 Replaced:1 [Hits:2 Misses:6]',
      'Access: 1 Replaced:2 [Hits:2 Misses:7]',
      'Access: 2 Replaced:1 [Hits:2 Misses:8]',
      'Access: 1 Replaced:0 [Hits:2 Misses:9]',
    ]);
    expect(out.endsWith('\nFINALSTATS hits 2   misses 9   hitrate 18.18\n')).toBe(true);
  });

  it('SECOND_CHANCE (ours) prints memory in frame order between Left and Right', () => {
    const lines = pagingCommand(args('SECOND_CHANCE')).split('\n');
    expect(lines[3]).toBe('ARG policy SECOND_CHANCE');
    expect(lines.slice(17, 22)).toEqual([
      'Access: 3  MISS Left  ->    [3, 1, 2] <- Right Replaced:0 [Hits:2 Misses:4]',
      'Access: 0  MISS Left  ->    [3, 0, 2] <- Right Replaced:1 [Hits:2 Misses:5]',
      'Access: 3  HIT  Left  ->    [3, 0, 2] <- Right Replaced:- [Hits:3 Misses:5]',
      'Access: 1  MISS Left  ->    [3, 0, 1] <- Right Replaced:2 [Hits:3 Misses:6]',
      'Access: 2  MISS Left  ->    [2, 0, 1] <- Right Replaced:3 [Hits:3 Misses:7]',
    ]);
  });

  it('without -c only the questions are printed', () => {
    expect(pagingCommand(['-a', '0,1,2,0', '-p', 'LRU'])).toBe(`${header('LRU', 'False', '0,1,2,0')}
Assuming a replacement policy of LRU, and a cache of size 3 pages,
figure out whether each of the following page references hit or miss
in the page cache.

Access: 0  Hit/Miss?  State of Memory?
Access: 1  Hit/Miss?  State of Memory?
Access: 2  Hit/Miss?  State of Memory?
Access: 0  Hit/Miss?  State of Memory?
`);
  });

  it('-N leaves out "Solving..." and the per-access lines', () => {
    expect(pagingCommand([...args('OPT'), '-N'])).toBe(`${header('OPT', 'True')}

FINALSTATS hits 6   misses 5   hitrate 54.55
`);
  });

  it('generates -n pages floor(maxpage * uniform) from the seed when -a is -1 (the default)', () => {
    const lines = pagingCommand(['-c', '-p', 'LRU']).split('\n');
    expect(lines[0]).toBe('ARG addresses -1');
    expect(lines.slice(12, 22).map((l) => Number(l.split(' ')[1]))).toEqual([3, 8, 7, 0, 5, 9, 3, 6, 3, 8]);
    expect(lines.at(-2)).toBe('FINALSTATS hits 1   misses 9   hitrate 10.00');
    expect(pagingCommand(['-c', '-s', '1'])).not.toBe(pagingCommand(['-c', '-s', '0']));
    expect(pagingCommand(['-n', '3', '-m', '2', '-s', '9'])).toMatch(/ARG numaddrs 3\n.*\nARG clockbits 2\nARG cachesize 3\nARG maxpage 2\nARG seed 9\n/);
  });

  it('takes optparse forms: long names, --name=value, attached values, grouped switches', () => {
    const expected = pagingCommand(['-a', '1,2,3,1', '-p', 'CLOCK', '-C', '2', '-b', '1', '-c', '-N']);
    expect(pagingCommand(['--addresses=1,2,3,1', '--policy', 'CLOCK', '--cachesize=2', '--clockbits', '1', '-cN'])).toBe(expected);
    expect(pagingCommand(['-a1,2,3,1', '-pCLOCK', '-C2', '-b1', '--compute', '--notrace'])).toBe(expected);
    expect(pagingCommand(['-a', '1,2', '-a', '1,2,3,1', '-pCLOCK', '-C2', '-b1', '-Nc'])).toBe(expected); // last one wins
  });

  it('-f reads one page per line (blank lines skipped) and wins over -a, as in OSTEP', () => {
    const path = file('addrs.txt', '0\n1\n2\n0\n\n1\r\n3\n0\n3\n1\n2\n1\n');
    const out = pagingCommand(['-f', path, '-a', '9,9', '-p', 'LRU', '-c']);
    expect(out.split('\n')[1]).toBe(`ARG addressfile ${path}`);
    expect(out.split('\n').slice(10)).toEqual(pagingCommand(args('LRU')).split('\n').slice(10));
  });

  it('FINALSTATS hitrate rounds like Python\'s %.2f: exact ties go to the even digit', () => {
    // 1 hit in 32 accesses is exactly 3.125 (Python prints 3.12, toFixed 3.13); 1 in 160 is 0.625 (0.62).
    const distinct = (n: number) => Array.from({ length: n }, (_, i) => i);
    const stats = (pages: number[]) => pagingCommand(['-a', pages.join(','), '-C', '1000', '-c', '-N']).split('\n').at(-2);
    expect(stats([...distinct(31), 0])).toBe('FINALSTATS hits 1   misses 31   hitrate 3.12');
    expect(stats([...distinct(159), 0])).toBe('FINALSTATS hits 1   misses 159   hitrate 0.62');
    // 3 in 8 is 37.5 exactly (no rounding); 1 in 3 is 33.333... (no tie); 7 in 8 is 87.5; 3 in 32 is 9.375 (9.38).
    expect(stats([...distinct(5), 0, 1, 2])).toBe('FINALSTATS hits 3   misses 5   hitrate 37.50');
    expect(stats([0, 1, 0])).toBe('FINALSTATS hits 1   misses 2   hitrate 33.33');
    expect(stats([...distinct(29), 0, 1, 2])).toBe('FINALSTATS hits 3   misses 29   hitrate 9.38');
  });

  it('formatFixed() is Python\'s %.Nf: the exact binary value, exact ties to even', () => {
    // Exact ties (x * 2^(N+1) odd): 3.125 = 25/8, 0.625 = 5/8, 0.375 = 3/8, 9.375 = 75/8.
    expect([3.125, 0.625, 0.375, 9.375, 0.125, 87.5].map((x) => formatFixed(x, 2))).toEqual(['3.12', '0.62', '0.38', '9.38', '0.12', '87.50']);
    // Not ties: 1.005 and 2.675 are stored just below (Python prints 1.00 and 2.67), 1/3 and 2/3 are no ties.
    expect([1.005, 2.675, 100 / 3, 200 / 3, 0.015].map((x) => formatFixed(x, 2))).toEqual(['1.00', '2.67', '33.33', '66.67', '0.01']);
    expect([0.5, 1.5, 2.5, -2.5].map((x) => formatFixed(x, 0))).toEqual(['0', '2', '2', '-2']);
    expect([-3.125, -0, -0.001, 0, 1e21, NaN, -Infinity].map((x) => formatFixed(x, 2))).toEqual(['-3.12', '-0.00', '-0.00', '0.00', '1000000000000000000000.00', 'nan', '-inf']);
  });

  it('-n and -m only matter when pages are generated: 0 is accepted with -a or -f, as in OSTEP', () => {
    const expected = pagingCommand(['-a', '1,2,1', '-c']).split('\n').slice(10);
    expect(pagingCommand(['-n', '0', '-a', '1,2,1', '-c']).split('\n').slice(10)).toEqual(expected);
    expect(pagingCommand(['-m', '0', '-a', '1,2,1', '-c']).split('\n').slice(10)).toEqual(expected);
    expect(pagingCommand(['-n', '0', '-f', file('one.txt', '1\n2\n1\n'), '-c']).split('\n').slice(10)).toEqual(expected);
    // -m 0 generates page 0 every time (OSTEP: int(0 * random()) == 0).
    expect(JSON.parse(pagingCommand(['-m', '0', '-n', '3', '--json'])).map((r: { page: number }) => r.page)).toEqual([0, 0, 0]);
  });

  it('--help prints the flags', () => {
    expect(pagingCommand(['--help'])).toContain('-b, --clockbits=N');
  });
});

describe('sim paging --json', () => {
  it('one entry per access: {page, hit, victim, memory} with memory in list order', () => {
    expect(pagingCommand(['-a', '0,1,2,0,1,3', '-p', 'LRU', '--json'])).toBe(
      '[{"page":0,"hit":false,"victim":null,"memory":[0]},{"page":1,"hit":false,"victim":null,"memory":[0,1]},' +
        '{"page":2,"hit":false,"victim":null,"memory":[0,1,2]},{"page":0,"hit":true,"victim":null,"memory":[1,2,0]},' +
        '{"page":1,"hit":true,"victim":null,"memory":[2,0,1]},{"page":3,"hit":false,"victim":2,"memory":[0,1,3]}]',
    );
  });

  it('is always computed (no -c needed) and ignores -N', () => {
    const a = pagingCommand(['-a', README, '-p', 'OPT', '--json']);
    expect(pagingCommand(['-a', README, '-p', 'OPT', '--json', '-c', '-N'])).toBe(a);
    expect(JSON.parse(a).map((r: { victim: number | null }) => r.victim)).toEqual([null, null, null, null, null, 2, null, null, null, 3, null]);
  });

  it('RAND draws after the generated addresses, from the same seeded stream', () => {
    const parsed = JSON.parse(pagingCommand(['-p', 'RAND', '--json']));
    expect(parsed.map((r: { page: number }) => r.page)).toEqual([3, 8, 7, 0, 5, 9, 3, 6, 3, 8]);
    expect(parsed.map((r: { victim: number | null }) => r.victim)).toEqual([null, null, null, 7, 3, 0, 8, 3, 5, 6]);
    expect(parsed.at(-1).memory).toEqual([9, 3, 8]);
  });

  it('CLOCK with -b 0 and -s 0 (probes at memory indexes 1 and 2)', () => {
    const parsed = JSON.parse(pagingCommand(['-a', README, '-p', 'CLOCK', '-b', '0', '--json']));
    expect(parsed.map((r: { victim: number | null }) => r.victim)).toEqual([null, null, null, null, null, 1, null, null, 3, null, null]);
    expect(parsed.filter((r: { hit: boolean }) => r.hit).length).toBe(6);
  });
});

describe('sim paging: bad input gets one clear line', () => {
  it('unknown flags and stray arguments', () => {
    expect(errorOf(['-x'])).toBe('paging: unknown flag "-x" (expected -a -f -n -p -b -C -m -s -N -c -h or --json; see --help)');
    expect(errorOf(['--cache=3'])).toBe('paging: unknown flag "--cache" (expected -a -f -n -p -b -C -m -s -N -c -h or --json; see --help)');
    expect(errorOf(['-cz'])).toBe('paging: unknown flag "-z" in "-cz" (expected -a -f -n -p -b -C -m -s -N -c -h or --json; see --help)');
    expect(errorOf(['0,1,2'])).toBe('paging: unexpected argument "0,1,2" (pages go after -a, comma-separated, e.g. -a 0,1,2)');
    expect(errorOf(['--json=1'])).toBe('paging: --json takes no value');
    expect(errorOf(['-C'])).toBe('paging: -C: expected a value after it');
    expect(errorOf(['--policy'])).toBe('paging: --policy: expected a value after it');
  });

  it('bad numbers', () => {
    expect(errorOf(['-C', '0'])).toBe('paging: -C (--cachesize): expected an integer 1-10000000, got "0"');
    expect(errorOf(['-C', 'three'])).toBe('paging: -C (--cachesize): expected an integer 1-10000000, got "three"');
    expect(errorOf(['-b', '-1'])).toBe('paging: -b (--clockbits): expected an integer 0-2147483647, got "-1"');
    expect(errorOf(['-n', '2.5'])).toBe('paging: -n (--numaddrs): expected an integer 0-10000000, got "2.5"');
    expect(errorOf(['-n', '0'])).toBe('paging: -n (--numaddrs): expected an integer 1-10000000 when pages are generated (-a -1), got "0"');
    expect(errorOf(['-m', '-1'])).toBe('paging: -m (--maxpage): expected an integer 0-9007199254740991, got "-1"');
    expect(errorOf(['-s', '4294967296'])).toBe('paging: -s (--seed): expected an integer 0-4294967295, got "4294967296"');
  });

  it('unknown policy (even without -c)', () => {
    expect(errorOf(['-p', 'lru'])).toBe('paging: -p (--policy): unknown policy "lru" (expected one of FIFO, LRU, MRU, OPT, UNOPT, RAND, CLOCK, SECOND_CHANCE)');
  });

  it('empty or non-numeric address lists', () => {
    expect(errorOf(['-a', ''])).toBe('paging: -a (--addresses): expected comma-separated page numbers such as 0,1,2 (or -1 to generate them), got an empty list');
    expect(errorOf(['-a', '1,x,3'])).toBe('paging: -a (--addresses): "x" is not a page number (expected comma-separated non-negative integers such as 0,1,2, or -1 to generate them)');
    expect(errorOf(['-a', '1,,3'])).toMatch(/^paging: -a \(--addresses\): "" is not a page number/);
    expect(errorOf(['-a', '1,-2'])).toMatch(/^paging: -a \(--addresses\): "-2" is not a page number/);
    expect(errorOf(['-a', '1.5'])).toMatch(/^paging: -a \(--addresses\): "1.5" is not a page number/);
  });

  it('missing, empty or malformed address files', () => {
    const missing = join(dir, 'nope.txt');
    expect(errorOf(['-f', missing])).toBe(`paging: -f (--addressfile): cannot read "${missing}": no such file`);
    expect(errorOf(['-f', dir])).toBe(`paging: -f (--addressfile): cannot read "${dir}": it is a directory`);
    const empty = file('empty.txt', '\n\n');
    expect(errorOf(['-f', empty])).toBe(`paging: -f (--addressfile): "${empty}" holds no pages (expected one non-negative integer per line)`);
    const bad = file('bad.txt', '1\n2\nthree\n');
    expect(errorOf(['-f', bad])).toBe(`paging: -f (--addressfile): "${bad}" line 3: "three" is not a page number (expected one non-negative integer per line)`);
    const crlf = file('crlf.txt', '1\r\n\r\n2\r\nx 1\r\n');
    expect(errorOf(['-f', crlf])).toBe(`paging: -f (--addressfile): "${crlf}" line 4: "x 1" is not a page number (expected one non-negative integer per line)`);
  });

  it('an endless or huge address file is refused after reading at most 100 MB, not read forever', () => {
    expect(errorOf(['-f', '/dev/zero', '-c'])).toBe(
      'paging: -f (--addressfile): "/dev/zero" is larger than 100 MB (expected one page number per line, at most 10000000 pages)',
    );
  });

  it('echoes user text JSON-quoted, so control characters cannot break the line', () => {
    expect(errorOf(['-p', 'LR\nU', '-c'])).toBe('paging: -p (--policy): unknown policy "LR\\nU" (expected one of FIFO, LRU, MRU, OPT, UNOPT, RAND, CLOCK, SECOND_CHANCE)');
    expect(errorOf(['-a', '1,\u001b[31m2'])).toBe('paging: -a (--addresses): "\\u001b[31m2" is not a page number (expected comma-separated non-negative integers such as 0,1,2, or -1 to generate them)');
    expect(errorOf(['-f', join(dir, 'a\nb.txt')])).toBe(`paging: -f (--addressfile): cannot read ${JSON.stringify(join(dir, 'a\nb.txt'))}: no such file`);
    expect(errorOf(['-C', 'x'.repeat(200)])).toBe(`paging: -C (--cachesize): expected an integer 1-10000000, got "${'x'.repeat(80)}"... (200 characters)`);
  });

  it('refuses, before running, output that would pass 50 MB, saying how to make it smaller', () => {
    expect(errorOf(['-n', '10000000', '-C', '1000', '--json'])).toBe(
      'paging: the --json output for 10000000 accesses would be larger than 50 MB; use fewer addresses (-n, -a or -f) or a smaller cache (-C)',
    );
    expect(errorOf(['-n', '10000000', '-c', '-C', '3'])).toBe(
      'paging: the trace for 10000000 accesses would be larger than 50 MB; use fewer addresses (-n, -a or -f), a smaller cache (-C), or -N to print only the final stats',
    );
    expect(errorOf(['-n', '2000000'])).toBe(
      'paging: the questions for 2000000 accesses would be larger than 50 MB; use fewer addresses (-n, -a or -f), or -c -N to print only the final stats',
    );
    // The memory list is what grows: 20000 accesses with a 20000-page cache of distinct pages is ~1 GB of JSON.
    expect(errorOf(['-n', '20000', '-m', '1000000000', '-C', '20000', '--json'])).toMatch(/^paging: the --json output for 20000 accesses would be larger than 50 MB/);
    // Within the budget it runs; -c -N prints no per-access lines, so any count is fine.
    expect(JSON.parse(pagingCommand(['-n', '200000', '-C', '1000', '--json']))).toHaveLength(200000);
    expect(pagingCommand(['-n', '10000000', '-c', '-N', '-C', '3']).split('\n').at(-2)).toMatch(/^FINALSTATS hits \d+ {3}misses \d+ {3}hitrate \d+\.\d\d$/);
  });

  it('every message is one line', () => {
    for (const argv of [['-x'], ['-C', '0'], ['-p', 'NOPE'], ['-a', ''], ['-f', join(dir, 'nope.txt')]]) {
      expect(errorOf(argv)).not.toContain('\n');
    }
  });
});
