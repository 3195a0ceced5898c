import { describe, expect, it } from 'vitest';
import { CliError } from './cliError.ts';
import { mallocCommand, type MallocStep } from './mallocCommand.ts';

const run = (args: string) => mallocCommand(args.split(' ').filter((a) => a !== ''));
const json = (args: string) => JSON.parse(run(`${args} --json`)) as MallocStep[];

/** malloc.py's option header, with the defaults unless overridden. */
function header(o: Partial<Record<string, string>> = {}): string[] {
  const d: Record<string, string> = {
    seed: '0', size: '100', baseAddr: '1000', headerSize: '0', alignment: '-1', policy: 'BEST', listOrder: 'ADDRSORT',
    coalesce: 'False', numOps: '10', range: '10', percentAlloc: '50', allocList: '', compute: 'False', ...o,
  };
  return [...Object.entries(d).map(([k, v]) => `${k} ${v}`), ''];
}

function errorOf(args: readonly string[]): string {
  try {
    mallocCommand(args);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error(`expected ${args.join(' ')} to fail`);
}

const BEST_EXAMPLE = '-S 100 -b 1000 -H 4 -a 4 -l ADDRSORT -p BEST -A +10,+15,-0,-1,+20';

describe('malloc command: OSTEP text output', () => {
  it(`malloc.py ${BEST_EXAMPLE} -c, line for line`, () => {
    expect(run(`${BEST_EXAMPLE} -c`)).toBe(
      [
        ...header({ headerSize: '4', alignment: '4', allocList: '+10,+15,-0,-1,+20', compute: 'True' }),
        'ptr[0] = Alloc(10) returned 1000 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1016 sz:84 ]',
        '',
        'ptr[1] = Alloc(15) returned 1016 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1036 sz:64 ]',
        '',
        'Free(ptr[0])',
        'returned 0',
        'Free List [ Size 2 ]: [ addr:1000 sz:16 ][ addr:1036 sz:64 ]',
        '',
        'Free(ptr[1])',
        'returned 0',
        'Free List [ Size 3 ]: [ addr:1000 sz:16 ][ addr:1016 sz:20 ][ addr:1036 sz:64 ]',
        '',
        'ptr[2] = Alloc(20) returned 1036 (searched 3 elements)',
        'Free List [ Size 3 ]: [ addr:1000 sz:16 ][ addr:1016 sz:20 ][ addr:1060 sz:40 ]',
        '',
      ].join('\n'),
    );
  });

  it('without -c it prints "returned ?" and "List?" as malloc.py does', () => {
    expect(run(BEST_EXAMPLE)).toBe(
      [
        ...header({ headerSize: '4', alignment: '4', allocList: '+10,+15,-0,-1,+20' }),
        'ptr[0] = Alloc(10) returned ?',
        'List?',
        '',
        'ptr[1] = Alloc(15) returned ?',
        'List?',
        '',
        'Free(ptr[0])',
        'returned ?',
        'List?',
        '',
        'Free(ptr[1])',
        'returned ?',
        'List?',
        '',
        'ptr[2] = Alloc(20) returned ?',
        'List?',
        '',
      ].join('\n'),
    );
  });

  it('malloc.py -p FIRST -l SIZESORT- -C -c -A +10,+20,+5,-1,-0,+3,-2,+30: touching chunks out of list order stay apart', () => {
    // SIZESORT- puts 1010:20 before 1000:10, so the pass never sees 1000:10 followed by 1010:20; 1030:5 touches
    // the end of 1010:20 but lands at the back. FIRST always finds the largest chunk first: searched 1.
    expect(run('-p FIRST -l SIZESORT- -C -c -A +10,+20,+5,-1,-0,+3,-2,+30')).toBe(
      [
        ...header({ policy: 'FIRST', listOrder: 'SIZESORT-', coalesce: 'True', allocList: '+10,+20,+5,-1,-0,+3,-2,+30', compute: 'True' }),
        'ptr[0] = Alloc(10) returned 1000 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1010 sz:90 ]',
        '',
        'ptr[1] = Alloc(20) returned 1010 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1030 sz:70 ]',
        '',
        'ptr[2] = Alloc(5) returned 1030 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1035 sz:65 ]',
        '',
        'Free(ptr[1])',
        'returned 0',
        'Free List [ Size 2 ]: [ addr:1035 sz:65 ][ addr:1010 sz:20 ]',
        '',
        'Free(ptr[0])',
        'returned 0',
        'Free List [ Size 3 ]: [ addr:1035 sz:65 ][ addr:1010 sz:20 ][ addr:1000 sz:10 ]',
        '',
        'ptr[3] = Alloc(3) returned 1035 (searched 1 elements)',
        'Free List [ Size 3 ]: [ addr:1038 sz:62 ][ addr:1010 sz:20 ][ addr:1000 sz:10 ]',
        '',
        'Free(ptr[2])',
        'returned 0',
        'Free List [ Size 4 ]: [ addr:1038 sz:62 ][ addr:1010 sz:20 ][ addr:1000 sz:10 ][ addr:1030 sz:5 ]',
        '',
        'ptr[4] = Alloc(30) returned 1038 (searched 1 elements)',
        'Free List [ Size 4 ]: [ addr:1068 sz:32 ][ addr:1010 sz:20 ][ addr:1000 sz:10 ][ addr:1030 sz:5 ]',
        '',
      ].join('\n'),
    );
  });

  it("the README's run with -C (-S 100 -b 1000 -H 4 -a 4 -l ADDRSORT -p BEST -c -C, ops +3,-0,+5,-1,+8)", () => {
    const out = run('-S 100 -b 1000 -H 4 -a 4 -l ADDRSORT -p BEST -c -C -A +3,-0,+5,-1,+8').split('\n').slice(14);
    expect(out).toEqual([
      'ptr[0] = Alloc(3) returned 1000 (searched 1 elements)',
      'Free List [ Size 1 ]: [ addr:1008 sz:92 ]',
      '',
      'Free(ptr[0])',
      'returned 0',
      'Free List [ Size 1 ]: [ addr:1000 sz:100 ]',
      '',
      'ptr[1] = Alloc(5) returned 1000 (searched 1 elements)',
      'Free List [ Size 1 ]: [ addr:1012 sz:88 ]',
      '',
      'Free(ptr[1])',
      'returned 0',
      'Free List [ Size 1 ]: [ addr:1000 sz:100 ]',
      '',
      'ptr[2] = Alloc(8) returned 1000 (searched 1 elements)',
      'Free List [ Size 1 ]: [ addr:1012 sz:88 ]',
      '',
    ]);
  });

  it('prints an empty free list as "Free List [ Size 0 ]: " and a failed alloc as -1', () => {
    const out = run('-S 10 -c -A +10,+1').split('\n').slice(14);
    expect(out).toEqual([
      'ptr[0] = Alloc(10) returned 1000 (searched 1 elements)',
      'Free List [ Size 0 ]: ',
      '',
      'ptr[1] = Alloc(1) returned -1 (searched 0 elements)',
      'Free List [ Size 0 ]: ',
      '',
    ]);
  });

  it('accepts long flags, attached values, grouped switches and values starting with "-"', () => {
    const canonical = run(`${BEST_EXAMPLE} -c -C`);
    expect(run('--size=100 --baseAddr 1000 --headerSize=4 --alignment 4 --listOrder=ADDRSORT --policy BEST --allocList=+10,+15,-0,-1,+20 --compute --coalesce')).toBe(canonical);
    expect(run('-S100 -b1000 -H4 -a4 -lADDRSORT -pBEST -A+10,+15,-0,-1,+20 -cC')).toBe(canonical);
    expect(run('-a -1 -c -A +5')).toContain('alignment -1\n');
    expect(run('-Cc -A +5')).toBe(run('-c -C -A +5'));
  });

  it('-p NEXT is ours: a roving index that resumes where the last search stopped', () => {
    // After the frees the list is 1000:10 1020:10 1040:60 (ADDRSORT) and the rover is at position 0, where
    // ptr[3]'s search ended. Then 8 → 1000:10 (→1008:2, rover 0); 9 → from 0: 1008:2 no, 1020:10 yes (→1029:1,
    // rover 1); 1 → from 1: 1029:1 at once (FIRST would have taken 1008:2).
    const out = run('-p NEXT -c -A +10,+10,+10,+10,-0,-2,+8,+9,+1').split('\n');
    expect(out).toContain('policy NEXT');
    expect(out.filter((l) => l.startsWith('ptr[')).slice(4)).toEqual([
      'ptr[4] = Alloc(8) returned 1000 (searched 1 elements)',
      'ptr[5] = Alloc(9) returned 1020 (searched 2 elements)',
      'ptr[6] = Alloc(1) returned 1029 (searched 1 elements)',
    ]);
  });
});

describe('malloc command: frees go by pointer (where we differ from malloc.py on purpose)', () => {
  it('a stale pointer does not free the newer block that reused its address', () => {
    // malloc.py frees by address, so its second Free(ptr[0]) frees ptr[1]'s block (returned 0).
    const steps = json('-A +10,-0,+10,-0');
    expect(steps[2]).toEqual({ op: 'alloc', ptr: 1, size: 10, addr: 1000, searched: 2, freeList: [[1010, 90]] });
    expect(steps[3]).toEqual({ op: 'free', ptr: 0, rc: -1, freeList: [[1010, 90]] });
  });

  it('a double free returns -1 and changes nothing', () => {
    expect(run('-c -A +10,-0,-0').split('\n').slice(-4)).toEqual(['Free(ptr[0])', 'returned -1', 'Free List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1010 sz:90 ]', '']);
    expect(json('-A +10,-0,-0')[2]).toEqual({ op: 'free', ptr: 0, rc: -1, freeList: [[1000, 10], [1010, 90]] });
  });

  it('freeing the pointer of a failed alloc returns -1 (malloc.py would skip it)', () => {
    expect(json('-S 10 -A +20,-0')).toEqual([
      { op: 'alloc', ptr: 0, size: 20, addr: -1, searched: 1, freeList: [[1000, 10]] },
      { op: 'free', ptr: 0, rc: -1, freeList: [[1000, 10]] },
    ]);
  });
});

describe('malloc command: --json', () => {
  it(`${BEST_EXAMPLE} --json: one entry per op with block addresses and the free list in list order`, () => {
    expect(run(`${BEST_EXAMPLE} --json`)).toBe(
      JSON.stringify([
        { op: 'alloc', ptr: 0, size: 10, addr: 1000, searched: 1, freeList: [[1016, 84]] },
        { op: 'alloc', ptr: 1, size: 15, addr: 1016, searched: 1, freeList: [[1036, 64]] },
        { op: 'free', ptr: 0, rc: 0, freeList: [[1000, 16], [1036, 64]] },
        { op: 'free', ptr: 1, rc: 0, freeList: [[1000, 16], [1016, 20], [1036, 64]] },
        { op: 'alloc', ptr: 2, size: 20, addr: 1036, searched: 3, freeList: [[1000, 16], [1016, 20], [1060, 40]] },
      ]),
    );
  });

  it('--json does not depend on -c', () => {
    expect(run(`${BEST_EXAMPLE} --json -c`)).toBe(run(`${BEST_EXAMPLE} --json`));
  });
});

describe('malloc command: random mode (our seeded PRNG, malloc.py-shaped output)', () => {
  it('prints numOps ops in the same shape, "List? " with its trailing space when answers are off', () => {
    const lines = run('-s 3 -n 7').split('\n');
    expect(lines.slice(0, 14)).toEqual(header({ seed: '3', numOps: '7' }));
    const body = lines.slice(14);
    const ops = body.filter((l) => /^ptr\[\d+\] = Alloc\(\d+\) returned \?$/.test(l) || /^Free\(ptr\[\d+\]\)$/.test(l));
    expect(ops).toHaveLength(7);
    expect(body.filter((l) => l === 'List? ')).toHaveLength(7);
    for (const l of body) expect(l).toMatch(/^(ptr\[\d+\] = Alloc\(\d+\) returned \?|Free\(ptr\[\d+\]\)|returned \?|List\? |)$/);
  });

  it('is deterministic per seed, and the seed matters', () => {
    expect(run('-s 42 -n 50 -c')).toBe(run('-s 42 -n 50 -c'));
    expect(run('-s 42 -n 50 --json')).not.toBe(run('-s 43 -n 50 --json'));
  });

  it('respects -n, -r and -P, and replaying its ops through -A gives the same results', () => {
    const steps = json('-s 9 -n 200 -r 30 -P 60 -S 400 -C -p FIRST');
    expect(steps).toHaveLength(200);
    const allocs = steps.filter((s) => s.op === 'alloc');
    for (const s of allocs) expect(s.size).toBeGreaterThanOrEqual(1);
    for (const s of allocs) expect(s.size).toBeLessThanOrEqual(30);
    expect(allocs.map((s) => s.ptr)).toEqual(allocs.map((_, i) => i));
    expect(steps.every((s) => s.op === 'alloc' || s.rc === 0)).toBe(true); // random frees pick live pointers
    const opList = steps.map((s) => (s.op === 'alloc' ? `+${s.size}` : `-${s.ptr}`)).join(',');
    expect(json(`-A ${opList} -S 400 -C -p FIRST`)).toEqual(steps);
    expect(json('-s 1 -n 30 -P 100').every((s) => s.op === 'alloc')).toBe(true);
  });

  it('prints big runs that stay within the 50 MB output budget, the same as before the budget', () => {
    // Without -c the free list is not printed, so many random ops fit (about 40 bytes each).
    const text = run('-n 300000 -S 100000 -r 10 -p FIRST');
    expect(text.split('\n').filter((l) => l.startsWith('ptr[') || l.startsWith('Free(')).length).toBe(300_000);
    // --json is built one op at a time; it is still exactly what JSON.stringify prints for the steps.
    const out = run('-s 3 -n 3000 -S 5000 -r 20 --json');
    expect(JSON.stringify(JSON.parse(out))).toBe(out);
    expect(JSON.parse(out)).toHaveLength(3000);
  });

  it('-n 0 prints only the header', () => {
    expect(run('-n 0 -c')).toBe(header({ numOps: '0', compute: 'True' }).join('\n'));
  });
});

describe('malloc command: malformed input is one clear line (exit 2)', () => {
  const cases: [string[], string][] = [
    [['-x'], 'unknown flag "-x" for "malloc" (expected -s -S -b -H -a -p -l -C -n -r -P -A -c (or their long names) and --json)'],
    [['--heap', '10'], 'unknown flag "--heap" for "malloc" (expected -s -S -b -H -a -p -l -C -n -r -P -A -c (or their long names) and --json)'],
    [['-cZ'], 'unknown flag "-Z" (in "-cZ") for "malloc" (expected -s -S -b -H -a -p -l -C -n -r -P -A -c (or their long names) and --json)'],
    [['extra'], 'unexpected argument "extra" for "malloc" (it takes only flags; put ops in -A, e.g. -A +10,-0)'],
    [['-S'], '-S: expected a value after it'],
    [['--size'], '--size: expected a value after it'],
    [['--json=yes'], '--json: takes no value, got "yes"'],
    [['-S', 'abc'], '-S: expected the heap size in bytes as an integer >= 1, got "abc"'],
    [['-S', '0'], '-S: expected the heap size in bytes as an integer >= 1, got "0"'],
    [['--size=1.5'], '--size: expected the heap size in bytes as an integer >= 1, got "1.5"'],
    [['-b', '-10'], '-b: expected the base address as an integer >= 0, got "-10"'],
    [['-H', '-4'], '-H: expected the header size in bytes as an integer >= 0, got "-4"'],
    [['-a', '0'], '-a: expected the alignment as -1 (none) or an integer >= 1, got "0"'],
    [['-a', '-3'], '-a: expected the alignment as -1 (none) or an integer >= 1, got "-3"'],
    [['-s', '-1'], '-s: expected the random seed as an integer 0-4294967295, got "-1"'],
    [['-n', 'ten'], '-n: expected the number of random ops as an integer 0-1000000, got "ten"'],
    [['-r', '0'], '-r: expected the largest random size as an integer >= 1, got "0"'],
    [['-P', '0'], '-P: expected the percentage of allocs as an integer 1-100, got "0"'],
    [['-P', '101'], '-P: expected the percentage of allocs as an integer 1-100, got "101"'],
    [['-p', 'best'], '-p: expected a policy BEST, WORST, FIRST, NEXT, got "best"'],
    [['--policy', 'RANDOM'], '--policy: expected a policy BEST, WORST, FIRST, NEXT, got "RANDOM"'],
    [['-l', 'LIFO'], '-l: expected a list order ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK, got "LIFO"'],
    [['-A', '+x'], '-A: op 1 "+x" is malformed (expected +SIZE or -INDEX with a non-negative integer, e.g. +10 or -0)'],
    [['-A', '+10,-'], '-A: op 2 "-" is missing its number (expected -INDEX, e.g. -0)'],
    [['-A', '+'], '-A: op 1 "+" is missing its number (expected +SIZE, e.g. +10)'],
    [['-A', '+10,+-5'], '-A: op 2 "+-5": sizes cannot be negative (expected +SIZE with SIZE an integer >= 1)'],
    [['-A', '+0'], '-A: op 1 "+0": expected a size as an integer >= 1'],
    [['-A', '10'], '-A: op 1 "10" is malformed (expected +SIZE or -INDEX with a non-negative integer, e.g. +10 or -0)'],
    [['-A', '+10,,-0'], '-A: op 2 is empty (expected +SIZE or -INDEX separated by single commas, e.g. +10,-0)'],
    [['-A', '+10, -0'], '-A: op 2 " -0" is malformed (expected +SIZE or -INDEX with a non-negative integer, e.g. +10 or -0)'],
    [['-A', '-0'], '-A: op 1 "-0" frees ptr[0], which was never allocated (no alloc comes before it)'],
    [['-A', '+10,+20,-2,+5'], '-A: op 3 "-2" frees ptr[2], which was never allocated (only ptr[0]..ptr[1] exist before it)'],
    // User text is echoed JSON-quoted: control characters are escaped, so the message stays one clean line.
    [['-p', '\u001b[31mX'], '-p: expected a policy BEST, WORST, FIRST, NEXT, got "\\u001b[31mX"'],
    [['-l', 'ADDR\nSORT'], '-l: expected a list order ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK, got "ADDR\\nSORT"'],
    [['-A', '+1,+\t2'], '-A: op 2 "+\\t2" is malformed (expected +SIZE or -INDEX with a non-negative integer, e.g. +10 or -0)'],
    [['-\r'], 'unknown flag "-\\r" for "malloc" (expected -s -S -b -H -a -p -l -C -n -r -P -A -c (or their long names) and --json)'],
  ];
  for (const [args, message] of cases) {
    it(`malloc ${args.join(' ')}`, () => {
      expect(errorOf(args)).toBe(message);
    });
  }

  it('every message is a single line', () => {
    for (const [args] of cases) expect(errorOf(args)).not.toContain('\n');
  });

  it('refuses output that would pass 50 MB (the free list printed after every op grows with the op count)', () => {
    const how = 'use fewer ops (-n or -A), -C to coalesce free chunks, or leave out -c and --json';
    expect(errorOf(['-n', '1000000', '-S', '10000000', '-r', '100', '-P', '60', '--json'])).toBe(
      `malloc: the output would be larger than 50 MB (passed at op 6895 of 1000000, as it prints the free list after every op); ${how}`,
    );
    expect(errorOf(['-n', '1000000', '-S', '10000000', '-r', '100', '-P', '60', '-c'])).toBe(
      `malloc: the output would be larger than 50 MB (passed at op 4916 of 1000000, as it prints the free list after every op); ${how}`,
    );
  });
});
