/**
 * Exact worked examples for the free-list allocator (SEMANTICS.md A.1). Every expected value below was worked
 * out by hand from malloc.py's algorithm; the comments show the working.
 */
import { describe, expect, it } from 'vitest';
import {
  FreeListAllocator,
  LIST_ORDERS,
  type AllocatorConfig,
  type FitPolicy,
  type FreeChunk,
  type ListOrder,
} from './freeListAllocator.ts';

/** `'1000:10 1010:20'` → `[{addr:1000,size:10},{addr:1010,size:20}]`. */
function chunks(text: string): FreeChunk[] {
  return text === '' ? [] : text.split(' ').map((p) => {
    const [addr, size] = p.split(':').map(Number);
    return { addr, size };
  });
}

/** The free list as `'addr:size addr:size'`. */
function listText(a: FreeListAllocator): string {
  return a.freeList().map((c) => `${c.addr}:${c.size}`).join(' ');
}

function make(overrides: Partial<AllocatorConfig> = {}): FreeListAllocator {
  return new FreeListAllocator({
    baseAddr: 1000,
    heapSize: 100,
    headerSize: 0,
    alignment: -1,
    policy: 'FIRST',
    listOrder: 'ADDRSORT',
    coalesce: false,
    ...overrides,
  });
}

/**
 * Runs an OSTEP-style op list (`+size` allocs ptr[k]; `-k` frees ptr[k]'s block) and prints malloc.py's lines
 * with `-c` (answers on).
 */
function ostepTrace(a: FreeListAllocator, ops: string): string {
  const ptrs: number[] = [];
  const lines: string[] = [];
  for (const op of ops.split(',')) {
    if (op.startsWith('+')) {
      const size = Number(op.slice(1));
      const r = a.malloc(size);
      lines.push(`ptr[${ptrs.length}] = Alloc(${size}) returned ${r.addr} (searched ${r.searched} elements)`);
      ptrs.push(r.addr);
    } else {
      const k = Number(op.slice(1));
      lines.push(`Free(ptr[${k}])`, `returned ${a.free(ptrs[k]).rc}`);
    }
    lines.push(`Free List [ Size ${a.freeList().length} ]: ${a.freeList().map((c) => `[ addr:${c.addr} sz:${c.size} ]`).join('')}`, '');
  }
  return lines.join('\n');
}

describe('freeListAllocator: the request size', () => {
  it('blockSizeFor() rounds the payload up to the alignment, then adds the header', () => {
    expect(make({ headerSize: 4, alignment: 4 }).blockSizeFor(10)).toBe(16); // roundup(10,4)=12, +4
    expect(make({ headerSize: 4, alignment: 4 }).blockSizeFor(12)).toBe(16); // already aligned
    expect(make({ headerSize: 3, alignment: -1 }).blockSizeFor(5)).toBe(8); // no alignment
    expect(make({ headerSize: 0, alignment: 8 }).blockSizeFor(1)).toBe(8);
    expect(make({ headerSize: 0, alignment: 1 }).blockSizeFor(7)).toBe(7);
    expect(make({ headerSize: 8, alignment: 8 }).blockSizeFor(9)).toBe(24); // 16 + 8
  });

  it('malloc() reports need and carves it from the chunk', () => {
    const a = make({ headerSize: 4, alignment: 4, policy: 'BEST' });
    const r = a.malloc(10);
    expect(r).toEqual({ addr: 1000, need: 16, searched: 1, probes: chunks('1000:100'), split: { addr: 1016, size: 84 } });
    expect(a.allocatedBlocks()).toEqual(chunks('1000:16'));
  });

  it('aligns the payload only: with a 3-byte header and 4-byte alignment blocks land at unaligned addresses', () => {
    const a = make({ headerSize: 3, alignment: 4 });
    expect(a.malloc(5).addr).toBe(1000); // need = 8 + 3 = 11
    expect(a.malloc(5).addr).toBe(1011); // not a multiple of 4
    expect(a.malloc(1).addr).toBe(1022); // need = 4 + 3 = 7
    expect(listText(a)).toBe('1029:71');
  });

  it('has no minimum split remainder: a 1-byte remainder stays in the list', () => {
    const a = make({ heapSize: 11 });
    expect(a.malloc(10).split).toEqual({ addr: 1010, size: 1 });
    expect(listText(a)).toBe('1010:1');
    expect(a.malloc(1)).toMatchObject({ addr: 1010, split: null }); // exact fit: the entry goes
    expect(listText(a)).toBe('');
  });
});

/*
 * One scenario run under every fit policy x list order, with and without coalescing.
 *
 * Heap [1000, 1100), no header, no alignment. Ops: +10 +20 +10 +15 +10 (ptr[0..4] at 1000, 1010, 1030, 1040,
 * 1055; free list [1065:35]; each searched 1 under every policy), then free ptr[1], ptr[2], ptr[3], ptr[0]
 * (1010:20, 1030:10, 1040:15, 1000:10), then +12 +5 +8.
 *
 * The list after the four frees, by order (working):
 * - ADDRSORT:     1000:10 1010:20 1030:10 1040:15 1065:35
 *   with -C:      1010:20 → 1010:30 (1030 joins) → 1010:45 (1040 joins) → 1000:55 (1000 joins)   → 1000:55 1065:35
 * - SIZESORT+:    1030:10 1000:10 1040:15 1010:20 1065:35 (the new 10 goes after the old 10)
 *   with -C:      after ptr[3]: [1030:10 1040:15 1010:20 1065:35] merges 1030+1040 → [1030:25 1010:20 1065:35]
 *                 (unsorted now); free ptr[0] sorts [1000:10 1010:20 1030:25 1065:35], which merges to
 *                 1000:55 1065:35
 * - SIZESORT-:    1065:35 1010:20 1040:15 1030:10 1000:10 (the new 10 goes after the old 10)
 *   with -C:      [1065:35 1010:20 1030:10] → 1065:35 1010:30; then +1040:15 → 1065:35 1010:45 (unsorted);
 *                 free ptr[0] sorts to [1010:45 1065:35 1000:10]: nothing list-adjacent is contiguous
 *                 (1000:10 touches 1010:45 but sits after it in the list)
 * - INSERT-FRONT: 1000:10 1040:15 1030:10 1010:20 1065:35, and with -C the same: no list neighbours touch
 * - INSERT-BACK:  1065:35 1010:20 1030:10 1040:15 1000:10
 *   with -C:      1065:35 1010:30 → 1065:35 1010:45 → 1065:35 1010:45 1000:10
 *
 * Then for each list, per policy: [addr, searched] of +12, +5, +8 and the final list. NEXT's rover is at 0
 * (the five first allocs all split the chunk at position 0; frees leave the rover alone).
 */
type Expected = { allocs: [number, number][]; list: string };
const SCENARIO: Record<string, { afterFrees: string } & Record<FitPolicy, Expected>> = {
  ADDRSORT: {
    afterFrees: '1000:10 1010:20 1030:10 1040:15 1065:35',
    // FIRST: 12 skips 1000:10, takes 1010:20 (→1022:8); 5 takes 1000:10 (→1005:5); 8 skips 1005:5, exact-fits 1022:8.
    FIRST: { allocs: [[1010, 2], [1000, 1], [1022, 2]], list: '1005:5 1030:10 1040:15 1065:35' },
    // BEST: 12 → the 15 at 1040 (→1052:3); 5 → the first 10 (1000, tie with 1030); 8 → the 10 at 1030 (→1038:2).
    BEST: { allocs: [[1040, 5], [1000, 5], [1030, 5]], list: '1005:5 1010:20 1038:2 1052:3 1065:35' },
    // WORST: 12 → 35 (→1077:23); 5 → 23 (→1082:18); 8 → 20 at 1010 beats 18 (→1018:12).
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1000:10 1018:12 1030:10 1040:15 1082:18' },
    // NEXT: 12 from position 0 → position 1 (1010:20 → 1022:8), rover 1; 5 from 1 → 1022:8 (→1027:3);
    // 8 from 1: 1027:3 no, 1030:10 yes (→1038:2).
    NEXT: { allocs: [[1010, 2], [1022, 1], [1030, 2]], list: '1000:10 1027:3 1038:2 1040:15 1065:35' },
  },
  'ADDRSORT -C': {
    afterFrees: '1000:55 1065:35',
    FIRST: { allocs: [[1000, 1], [1012, 1], [1017, 1]], list: '1025:30 1065:35' },
    BEST: { allocs: [[1065, 2], [1077, 2], [1082, 2]], list: '1000:55 1090:10' },
    WORST: { allocs: [[1000, 2], [1012, 2], [1017, 2]], list: '1025:30 1065:35' },
    NEXT: { allocs: [[1000, 1], [1012, 1], [1017, 1]], list: '1025:30 1065:35' },
  },
  'SIZESORT+': {
    afterFrees: '1030:10 1000:10 1040:15 1010:20 1065:35',
    // FIRST: 12 → third entry 1040:15 (→1052:3, list now unsorted); 5 → 1030:10; 8 → 1000:10.
    FIRST: { allocs: [[1040, 3], [1030, 1], [1000, 2]], list: '1035:5 1008:2 1052:3 1010:20 1065:35' },
    BEST: { allocs: [[1040, 5], [1030, 5], [1000, 5]], list: '1035:5 1008:2 1052:3 1010:20 1065:35' },
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1030:10 1000:10 1040:15 1018:12 1082:18' },
    // NEXT: 12 as FIRST (rover 2); 5 from 2: 1052:3 no, 1010:20 yes (rover 3); 8 from 3: 1015:15 yes.
    NEXT: { allocs: [[1040, 3], [1010, 2], [1015, 1]], list: '1030:10 1000:10 1052:3 1023:7 1065:35' },
  },
  'SIZESORT+ -C': {
    afterFrees: '1000:55 1065:35',
    FIRST: { allocs: [[1000, 1], [1012, 1], [1017, 1]], list: '1025:30 1065:35' },
    BEST: { allocs: [[1065, 2], [1077, 2], [1082, 2]], list: '1000:55 1090:10' },
    WORST: { allocs: [[1000, 2], [1012, 2], [1017, 2]], list: '1025:30 1065:35' },
    NEXT: { allocs: [[1000, 1], [1012, 1], [1017, 1]], list: '1025:30 1065:35' },
  },
  'SIZESORT-': {
    afterFrees: '1065:35 1010:20 1040:15 1030:10 1000:10',
    FIRST: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:20 1040:15 1030:10 1000:10' },
    // BEST: 12 → 1040:15 (→1052:3); 5 → 1030:10, the first of the two 10s in list order; 8 → 1000:10.
    BEST: { allocs: [[1040, 5], [1030, 5], [1000, 5]], list: '1065:35 1010:20 1052:3 1035:5 1008:2' },
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1082:18 1018:12 1040:15 1030:10 1000:10' },
    NEXT: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:20 1040:15 1030:10 1000:10' },
  },
  'SIZESORT- -C': {
    afterFrees: '1010:45 1065:35 1000:10',
    FIRST: { allocs: [[1010, 1], [1022, 1], [1027, 1]], list: '1035:20 1065:35 1000:10' },
    // BEST: 12 → 35 (→1077:23); 5 → 1000:10 (→1005:5); 8 → 23 (→1085:15).
    BEST: { allocs: [[1065, 3], [1000, 3], [1077, 3]], list: '1010:45 1085:15 1005:5' },
    // WORST: 12 → 45 (→1022:33); 5 → 35 now the largest (→1070:30); 8 → 33 (→1030:25).
    WORST: { allocs: [[1010, 3], [1065, 3], [1022, 3]], list: '1030:25 1070:30 1000:10' },
    NEXT: { allocs: [[1010, 1], [1022, 1], [1027, 1]], list: '1035:20 1065:35 1000:10' },
  },
  'INSERT-FRONT': {
    afterFrees: '1000:10 1040:15 1030:10 1010:20 1065:35',
    FIRST: { allocs: [[1040, 2], [1000, 1], [1030, 3]], list: '1005:5 1052:3 1038:2 1010:20 1065:35' },
    BEST: { allocs: [[1040, 5], [1000, 5], [1030, 5]], list: '1005:5 1052:3 1038:2 1010:20 1065:35' },
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1000:10 1040:15 1030:10 1018:12 1082:18' },
    // NEXT: 12 → position 1 (1040:15), rover 1; 5 from 1: 1052:3 no, 1030:10 yes; 8 from 2: 1035:5 no, 1010:20.
    NEXT: { allocs: [[1040, 2], [1030, 2], [1010, 2]], list: '1000:10 1052:3 1035:5 1018:12 1065:35' },
  },
  'INSERT-FRONT -C': {
    afterFrees: '1000:10 1040:15 1030:10 1010:20 1065:35',
    FIRST: { allocs: [[1040, 2], [1000, 1], [1030, 3]], list: '1005:5 1052:3 1038:2 1010:20 1065:35' },
    BEST: { allocs: [[1040, 5], [1000, 5], [1030, 5]], list: '1005:5 1052:3 1038:2 1010:20 1065:35' },
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1000:10 1040:15 1030:10 1018:12 1082:18' },
    NEXT: { allocs: [[1040, 2], [1030, 2], [1010, 2]], list: '1000:10 1052:3 1035:5 1018:12 1065:35' },
  },
  'INSERT-BACK': {
    afterFrees: '1065:35 1010:20 1030:10 1040:15 1000:10',
    FIRST: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:20 1030:10 1040:15 1000:10' },
    BEST: { allocs: [[1040, 5], [1030, 5], [1000, 5]], list: '1065:35 1010:20 1035:5 1052:3 1008:2' },
    WORST: { allocs: [[1065, 5], [1077, 5], [1010, 5]], list: '1082:18 1018:12 1030:10 1040:15 1000:10' },
    NEXT: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:20 1030:10 1040:15 1000:10' },
  },
  'INSERT-BACK -C': {
    afterFrees: '1065:35 1010:45 1000:10',
    FIRST: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:45 1000:10' },
    BEST: { allocs: [[1065, 3], [1000, 3], [1077, 3]], list: '1085:15 1010:45 1005:5' },
    WORST: { allocs: [[1010, 3], [1065, 3], [1022, 3]], list: '1070:30 1030:25 1000:10' },
    NEXT: { allocs: [[1065, 1], [1077, 1], [1082, 1]], list: '1090:10 1010:45 1000:10' },
  },
};

describe('freeListAllocator: every fit policy x list order, with and without coalescing', () => {
  for (const listOrder of LIST_ORDERS) {
    for (const coalesce of [false, true]) {
      const key = coalesce ? `${listOrder} -C` : listOrder;
      for (const policy of ['FIRST', 'BEST', 'WORST', 'NEXT'] as const) {
        it(`${policy} with ${key}`, () => {
          const a = make({ policy, listOrder: listOrder as ListOrder, coalesce });
          for (const [size, addr] of [[10, 1000], [20, 1010], [10, 1030], [15, 1040], [10, 1055]]) {
            expect(a.malloc(size)).toMatchObject({ addr, searched: 1 });
          }
          for (const addr of [1010, 1030, 1040, 1000]) expect(a.free(addr).rc).toBe(0);
          expect(listText(a)).toBe(SCENARIO[key].afterFrees);
          const expected = SCENARIO[key][policy];
          expect([12, 5, 8].map((size) => {
            const r = a.malloc(size);
            return [r.addr, r.searched];
          })).toEqual(expected.allocs);
          expect(listText(a)).toBe(expected.list);
          const stats = a.stats();
          expect(stats.freeBytes + stats.allocatedBytes).toBe(100);
          expect(stats.allocatedBytes).toBe(10 + 12 + 5 + 8); // ptr[4], then the three new blocks
        });
      }
    }
  }
});

describe('freeListAllocator: search', () => {
  it('FIRST counts elements up to and including the fit; probes lists them in scan order', () => {
    const a = make();
    for (const s of [10, 10, 30, 10]) a.malloc(s); // 1000 1010 1020 1050; free 1060:40
    a.free(1000);
    a.free(1020); // 1000:10 1020:30 1060:40
    const r = a.malloc(25);
    expect(r).toEqual({ addr: 1020, need: 25, searched: 2, probes: chunks('1000:10 1020:30'), split: { addr: 1045, size: 5 } });
  });

  it('BEST and WORST scan the whole list even when the first element fits', () => {
    const best = make({ policy: 'BEST' });
    const worst = make({ policy: 'WORST' });
    for (const a of [best, worst]) {
      for (const s of [10, 10, 30, 10]) a.malloc(s);
      a.free(1000);
      a.free(1020); // 1000:10 1020:30 1060:40
    }
    expect(best.malloc(5)).toMatchObject({ addr: 1000, searched: 3, probes: chunks('1000:10 1020:30 1060:40') });
    expect(worst.malloc(5)).toMatchObject({ addr: 1060, searched: 3 });
  });

  it('BEST and WORST break ties towards the earliest element in list order', () => {
    // INSERT-FRONT puts each free first, so the list runs against address order.
    for (const policy of ['BEST', 'WORST'] as const) {
      const a = make({ policy, listOrder: 'INSERT-FRONT', heapSize: 60 });
      for (let i = 0; i < 6; i++) a.malloc(10); // 1000..1050, list empty
      a.free(1000);
      a.free(1020);
      a.free(1040); // 1040:10 1020:10 1000:10
      expect(listText(a)).toBe('1040:10 1020:10 1000:10');
      expect(a.malloc(4)).toMatchObject({ addr: 1040, searched: 3 }); // all three tie: the first in the list wins
    }
  });

  it('a failed search examines the whole list (0 for an empty list) and changes nothing', () => {
    for (const policy of ['FIRST', 'BEST', 'WORST', 'NEXT'] as const) {
      const a = make({ policy, heapSize: 30 });
      a.malloc(10);
      a.malloc(10);
      a.malloc(10); // list empty
      expect(a.malloc(1)).toEqual({ addr: -1, need: 1, searched: 0, probes: [], split: null });
      a.free(1000);
      a.free(1020); // 1000:10 1020:10
      expect(a.malloc(11)).toEqual({ addr: -1, need: 11, searched: 2, probes: chunks('1000:10 1020:10'), split: null });
      expect(listText(a)).toBe('1000:10 1020:10');
      expect(a.stats().allocatedBytes).toBe(10);
    }
  });

  it('a request that only fits with its header fails when the header does not fit', () => {
    const a = make({ heapSize: 20, headerSize: 8 });
    expect(a.malloc(12)).toMatchObject({ addr: 1000, need: 20 });
    const b = make({ heapSize: 20, headerSize: 8 });
    expect(b.malloc(13)).toMatchObject({ addr: -1, need: 21, searched: 1 });
  });
});

describe('freeListAllocator: NEXT fit (our roving index)', () => {
  /** Heap of six 10-byte blocks at 1000..1050, then frees to leave 1000:10 1020:10 1040:20 (ADDRSORT, -C). */
  function roving(): FreeListAllocator {
    const a = make({ policy: 'NEXT', heapSize: 60, coalesce: true });
    for (let i = 0; i < 6; i++) a.malloc(10);
    for (const addr of [1000, 1020, 1040, 1050]) a.free(addr);
    return a;
  }

  it('starts where the last successful search stopped', () => {
    const a = roving();
    expect(listText(a)).toBe('1000:10 1020:10 1040:20');
    // The rover is at position 0 (the last alloc exact-fitted the chunk at position 0 of a 1-element list).
    expect(a.malloc(5)).toMatchObject({ addr: 1000, searched: 1 }); // → 1005:5, rover 0
    expect(a.malloc(8)).toMatchObject({ addr: 1020, searched: 2 }); // 1005:5 no, 1020:10 yes → 1028:2, rover 1
    expect(a.malloc(2)).toMatchObject({ addr: 1028, searched: 1 }); // FIRST would take 1005:5; NEXT stays at 1
    expect(listText(a)).toBe('1005:5 1040:20'); // exact fit removed position 1; the rover stays 1 (now 1040:20)
    expect(a.malloc(3)).toMatchObject({ addr: 1040, searched: 1 });
  });

  it('wraps around the end once, counting every element examined', () => {
    const a = roving();
    expect(a.malloc(15)).toMatchObject({ addr: 1040, searched: 3 }); // rover 2 → 1055:5
    expect(a.malloc(10)).toMatchObject({ addr: 1000, searched: 2, probes: chunks('1055:5 1000:10') }); // wraps
    expect(listText(a)).toBe('1020:10 1055:5');
    // The exact fit removed position 0, so the rover (0) now names 1020:10.
    expect(a.malloc(5)).toMatchObject({ addr: 1020, searched: 1 });
  });

  it('a failed search examines every element once and leaves the rover where it was', () => {
    const a = roving();
    a.malloc(15); // rover 2 (1055:5)
    expect(a.malloc(30)).toMatchObject({ addr: -1, searched: 3, probes: chunks('1055:5 1000:10 1020:10') });
    expect(a.malloc(4)).toMatchObject({ addr: 1055, searched: 1 });
  });

  it('restarts at position 0 when the list has become shorter than the rover', () => {
    const a = roving();
    a.malloc(15); // rover 2
    a.malloc(5); // 1055:5 exact fit, removed: the list is 1000:10 1020:10 and the rover (2) is past its end
    expect(a.malloc(1)).toMatchObject({ addr: 1000, searched: 1 });
  });
});

describe('freeListAllocator: free and list order', () => {
  it('free() of an address that is not allocated returns -1 and changes nothing', () => {
    const a = make({ headerSize: 4, coalesce: true });
    a.malloc(10);
    a.malloc(10); // 1000:14, 1014:14
    const before = { list: a.freeList(), blocks: a.allocatedBlocks(), stats: a.stats() };
    for (const addr of [1004, 999, 1028, 1050, -1]) {
      expect(a.free(addr)).toEqual({ rc: -1, addr, size: 0, coalesced: [] }); // 1004 is a payload, not a block
    }
    expect({ list: a.freeList(), blocks: a.allocatedBlocks(), stats: a.stats() }).toEqual(before);
    expect(a.free(1000)).toEqual({ rc: 0, addr: 1000, size: 14, coalesced: [] });
    const after = a.freeList();
    expect(a.free(1000).rc).toBe(-1); // double free
    expect(a.freeList()).toEqual(after);
  });

  it('SIZESORT+ stays unsorted after a split until the next free sorts it', () => {
    const a = make({ listOrder: 'SIZESORT+' });
    for (const s of [10, 10, 30, 50]) a.malloc(s); // 1000 1010 1020 1050; list empty
    a.free(1020);
    a.free(1000); // 1000:10 1020:30
    expect(a.malloc(25)).toMatchObject({ addr: 1020, searched: 2 });
    expect(listText(a)).toBe('1000:10 1045:5'); // not sorted: the remainder stayed in place
    expect(a.malloc(3)).toMatchObject({ addr: 1000, searched: 1 }); // searched in that unsorted order
    a.free(1050);
    expect(listText(a)).toBe('1045:5 1003:7 1050:50'); // now sorted again
  });

  it('SIZESORT- keeps equal sizes in list order with the new chunk last (not "ascending, then reversed")', () => {
    const a = make({ listOrder: 'SIZESORT-' });
    for (const s of [10, 5, 10, 5, 10, 5]) a.malloc(s); // 10s at 1000, 1015, 1030; list 1045:55
    a.free(1000);
    a.free(1030);
    expect(listText(a)).toBe('1045:55 1000:10 1030:10');
    a.free(1015);
    expect(listText(a)).toBe('1045:55 1000:10 1030:10 1015:10'); // reversed ascending would give 1015 1030 1000
  });

  it('SIZESORT- with a split out of order: the next free sorts the whole list stably', () => {
    const a = make({ listOrder: 'SIZESORT-' });
    for (const s of [20, 5, 20, 5]) a.malloc(s); // 1000 1020 1025 1045; list 1050:50
    a.free(1000);
    a.free(1025); // 1050:50 1000:20 1025:20
    a.malloc(45); // 1050:50 → 1095:5: list 1095:5 1000:20 1025:20 (unsorted)
    expect(listText(a)).toBe('1095:5 1000:20 1025:20');
    a.free(1045); // +1045:5 → 1000:20 1025:20 1095:5 1045:5 (the 5s keep their order, the new one last)
    expect(listText(a)).toBe('1000:20 1025:20 1095:5 1045:5');
  });

  it('INSERT-FRONT and INSERT-BACK put the freed chunk first or last', () => {
    const front = make({ listOrder: 'INSERT-FRONT' });
    const back = make({ listOrder: 'INSERT-BACK' });
    for (const a of [front, back]) {
      for (const s of [10, 20, 30]) a.malloc(s);
      a.free(1010);
      a.free(1000);
    }
    expect(listText(front)).toBe('1000:10 1010:20 1060:40');
    expect(listText(back)).toBe('1060:40 1010:20 1000:10');
  });
});

describe('freeListAllocator: coalescing', () => {
  it('ADDRSORT merges the freed chunk with both neighbours and reports the run', () => {
    const a = make({ coalesce: true });
    for (const s of [10, 20, 30]) a.malloc(s); // 1000 1010 1030; list 1060:40
    expect(a.free(1000)).toEqual({ rc: 0, addr: 1000, size: 10, coalesced: [] });
    expect(a.free(1030)).toEqual({ rc: 0, addr: 1030, size: 30, coalesced: [{ addr: 1030, size: 70, mergedCount: 2 }] });
    expect(listText(a)).toBe('1000:10 1030:70');
    expect(a.free(1010)).toEqual({ rc: 0, addr: 1010, size: 20, coalesced: [{ addr: 1000, size: 100, mergedCount: 3 }] });
    expect(listText(a)).toBe('1000:100');
  });

  it('merges only list-adjacent chunks in ascending address order: INSERT-BACK leaves touching chunks apart', () => {
    const a = make({ listOrder: 'INSERT-BACK', coalesce: true });
    for (const s of [10, 10, 10]) a.malloc(s); // 1000 1010 1020; list 1030:70
    expect(a.free(1020).coalesced).toEqual([]); // 1030:70 1020:10: they touch, but 1020 comes after 1030
    expect(listText(a)).toBe('1030:70 1020:10');
    expect(a.free(1000).coalesced).toEqual([]); // 1030:70 1020:10 1000:10
    expect(listText(a)).toBe('1030:70 1020:10 1000:10');
    // The run may span several entries, and it keeps the address of its first one.
    const b = make({ listOrder: 'INSERT-BACK', coalesce: true });
    for (const s of [10, 10, 10]) b.malloc(s);
    b.malloc(70); // list empty
    b.free(1000);
    b.free(1010); // 1000:10 1010:10 → 1000:20
    expect(listText(b)).toBe('1000:20');
    expect(b.free(1020).coalesced).toEqual([{ addr: 1000, size: 30, mergedCount: 2 }]);
  });

  it('does not coalesce after an alloc, and not without -C', () => {
    const a = make({ listOrder: 'INSERT-FRONT', coalesce: false });
    for (const s of [10, 10]) a.malloc(s);
    a.free(1010);
    a.free(1000);
    expect(listText(a)).toBe('1000:10 1010:10 1020:80');
    expect(a.free(1000).rc).toBe(-1);
  });

  it('one pass can report two separate runs (an exact fit left a touching pair list-adjacent)', () => {
    const a = make({ listOrder: 'INSERT-BACK', coalesce: true, policy: 'BEST' });
    for (const s of [10, 10, 10, 3, 7, 5, 10, 45]) a.malloc(s); // 1000 1010 1020 1030 1033 1040 1045 1055
    a.free(1000);
    a.free(1030);
    a.free(1010); // 1000:10 1030:3 1010:10: 1000:10 and 1010:10 touch, but 1030:3 sits between them
    a.free(1040); // ... 1040:5
    expect(listText(a)).toBe('1000:10 1030:3 1010:10 1040:5');
    expect(a.malloc(3)).toMatchObject({ addr: 1030, searched: 4 }); // BEST: the exact fit goes from the list
    expect(listText(a)).toBe('1000:10 1010:10 1040:5'); // touching and list-adjacent, but allocs never coalesce
    expect(a.free(1045).coalesced).toEqual([
      { addr: 1000, size: 20, mergedCount: 2 },
      { addr: 1040, size: 15, mergedCount: 2 },
    ]);
    expect(listText(a)).toBe('1000:20 1040:15');
  });

  it('SIZESORT+ coalesces the chunks that sorting by size makes list-adjacent', () => {
    const a = make({ listOrder: 'SIZESORT+', coalesce: true, policy: 'FIRST' });
    for (const s of [10, 20, 10, 20, 40]) a.malloc(s); // 1000:10 1010:20 1030:10 1040:20 1060:40; list empty
    a.free(1000); // 1000:10
    a.free(1040); // 1000:10 1040:20
    a.free(1060); // 1000:10 1040:20 1060:40 → 1040:20+1060:40 merge → 1000:10 1040:60
    expect(listText(a)).toBe('1000:10 1040:60');
    // Free 1030:10 → sorted 1000:10 1030:10 1040:60 (new 10 after the old): 1000 does not reach 1030, but
    // 1030:10 touches 1040:60 → 1000:10 1030:70.
    expect(a.free(1030).coalesced).toEqual([{ addr: 1030, size: 70, mergedCount: 2 }]);
    // Free 1010:20 → 1000:10 1010:20 1030:70 → one run of three.
    expect(a.free(1010).coalesced).toEqual([{ addr: 1000, size: 100, mergedCount: 3 }]);
    expect(listText(a)).toBe('1000:100');
  });
});

describe('freeListAllocator: stats and accessors', () => {
  it('stats() adds up and measures external fragmentation', () => {
    const a = make();
    expect(a.stats()).toEqual({ freeBytes: 100, allocatedBytes: 0, largestFree: 100, fragmentCount: 1, externalFragmentation: 0 });
    for (const s of [10, 20, 30]) a.malloc(s);
    a.free(1010); // free 1010:20 1060:40
    expect(a.stats()).toEqual({ freeBytes: 60, allocatedBytes: 40, largestFree: 40, fragmentCount: 2, externalFragmentation: 1 - 40 / 60 });
    a.malloc(40); // 1060:40 exact
    a.malloc(20); // 1010:20 exact; nothing free
    expect(a.stats()).toEqual({ freeBytes: 0, allocatedBytes: 100, largestFree: 0, fragmentCount: 0, externalFragmentation: 0 });
  });

  it('freeList() and allocatedBlocks() are copies; blocks come in ascending address order', () => {
    const a = make({ listOrder: 'INSERT-FRONT' });
    for (const s of [10, 20, 30]) a.malloc(s);
    a.free(1010);
    a.malloc(5); // takes 1010:20 → 1015:15 (INSERT-FRONT put it first)
    expect(a.allocatedBlocks()).toEqual(chunks('1000:10 1010:5 1030:30'));
    const list = a.freeList();
    list[0].size = 999;
    expect(a.freeList()[0]).toEqual({ addr: 1015, size: 15 });
  });

  it('with recordProbes: false it returns the same answers and no probes', () => {
    const withProbes = make({ policy: 'BEST' });
    const without = new FreeListAllocator(withProbes.config, { recordProbes: false });
    for (const a of [withProbes, without]) for (const s of [10, 10, 30, 10]) a.malloc(s);
    withProbes.free(1000);
    without.free(1000);
    expect(withProbes.malloc(5)).toEqual({ addr: 1000, need: 5, searched: 2, probes: chunks('1000:10 1060:40'), split: { addr: 1005, size: 5 } });
    expect(without.malloc(5)).toEqual({ addr: 1000, need: 5, searched: 2, probes: [], split: { addr: 1005, size: 5 } });
    expect(without.freeList()).toEqual(withProbes.freeList());
  });

  it('validates its settings with RangeError', () => {
    const bad: [Partial<AllocatorConfig>, RegExp][] = [
      [{ heapSize: 0 }, /heapSize must be an integer >= 1/],
      [{ heapSize: 1.5 }, /heapSize/],
      [{ headerSize: -1 }, /headerSize must be an integer >= 0/],
      [{ alignment: 0 }, /alignment must be -1 \(none\) or an integer >= 1/],
      [{ alignment: -2 }, /alignment/],
      [{ baseAddr: -5 }, /baseAddr must be an integer >= 0/],
      [{ policy: 'RANDOM' as FitPolicy }, /policy must be one of BEST, WORST, FIRST, NEXT/],
      [{ listOrder: 'LIFO' as ListOrder }, /listOrder must be one of ADDRSORT/],
    ];
    for (const [override, message] of bad) {
      expect(() => make(override)).toThrow(RangeError);
      expect(() => make(override)).toThrow(message);
    }
    expect(() => make().malloc(0)).toThrow(/malloc size must be an integer >= 1/);
    expect(() => make().malloc(2.5)).toThrow(RangeError);
  });
});

describe('freeListAllocator: OSTEP runs, exactly as malloc.py -c prints them', () => {
  it('malloc.py -S 100 -b 1000 -H 4 -a 4 -l ADDRSORT -p BEST -A +10,+15,-0,-1,+20 -c', () => {
    // 10 → 12 + 4 = 16; 15 → 16 + 4 = 20; 20 → 20 + 4 = 24, which only the 64-byte chunk (third) holds.
    const a = make({ headerSize: 4, alignment: 4, policy: 'BEST' });
    expect(ostepTrace(a, '+10,+15,-0,-1,+20')).toBe(
      [
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

  it("the README's example (-S 100 -b 1000 -H 4 -a 4 -l ADDRSORT -p BEST -n 5 -c: Alloc 3, Free 0, Alloc 5, Free 1, Alloc 8)", () => {
    // The README prints user pointers (block + 4): 1004, 1012, 1012; we print block addresses.
    // 3 → 4 + 4 = 8; 5 → 8 + 4 = 12; 8 → 8 + 4 = 12: BEST skips 1000:8 and exact-fits 1008:12.
    const a = make({ headerSize: 4, alignment: 4, policy: 'BEST' });
    expect(ostepTrace(a, '+3,-0,+5,-1,+8')).toBe(
      [
        'ptr[0] = Alloc(3) returned 1000 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1008 sz:92 ]',
        '',
        'Free(ptr[0])',
        'returned 0',
        'Free List [ Size 2 ]: [ addr:1000 sz:8 ][ addr:1008 sz:92 ]',
        '',
        'ptr[1] = Alloc(5) returned 1008 (searched 2 elements)',
        'Free List [ Size 2 ]: [ addr:1000 sz:8 ][ addr:1020 sz:80 ]',
        '',
        'Free(ptr[1])',
        'returned 0',
        'Free List [ Size 3 ]: [ addr:1000 sz:8 ][ addr:1008 sz:12 ][ addr:1020 sz:80 ]',
        '',
        'ptr[2] = Alloc(8) returned 1008 (searched 3 elements)',
        'Free List [ Size 2 ]: [ addr:1000 sz:8 ][ addr:1020 sz:80 ]',
        '',
      ].join('\n'),
    );
  });

  it("the README's example with -C: every free coalesces back to one chunk", () => {
    const a = make({ headerSize: 4, alignment: 4, policy: 'BEST', coalesce: true });
    expect(ostepTrace(a, '+3,-0,+5,-1,+8')).toBe(
      [
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
      ].join('\n'),
    );
  });

  it("the README's -A +10,+10,+10,-0,-2 with the defaults (BEST, ADDRSORT, no header)", () => {
    expect(ostepTrace(make({ policy: 'BEST' }), '+10,+10,+10,-0,-2')).toBe(
      [
        'ptr[0] = Alloc(10) returned 1000 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1010 sz:90 ]',
        '',
        'ptr[1] = Alloc(10) returned 1010 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1020 sz:80 ]',
        '',
        'ptr[2] = Alloc(10) returned 1020 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1030 sz:70 ]',
        '',
        'Free(ptr[0])',
        'returned 0',
        'Free List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1030 sz:70 ]',
        '',
        'Free(ptr[2])',
        'returned 0',
        'Free List [ Size 3 ]: [ addr:1000 sz:10 ][ addr:1020 sz:10 ][ addr:1030 sz:70 ]',
        '',
      ].join('\n'),
    );
  });

  it('question 7 (fragment the heap with FIRST): -p FIRST -A +99,-0,+98,-1,+97,-2 -c', () => {
    // Each alloc takes the front chunk and leaves a 1-byte sliver; every free puts a smaller chunk first.
    expect(ostepTrace(make({ policy: 'FIRST' }), '+99,-0,+98,-1,+97,-2')).toBe(
      [
        'ptr[0] = Alloc(99) returned 1000 (searched 1 elements)',
        'Free List [ Size 1 ]: [ addr:1099 sz:1 ]',
        '',
        'Free(ptr[0])',
        'returned 0',
        'Free List [ Size 2 ]: [ addr:1000 sz:99 ][ addr:1099 sz:1 ]',
        '',
        'ptr[1] = Alloc(98) returned 1000 (searched 1 elements)',
        'Free List [ Size 2 ]: [ addr:1098 sz:1 ][ addr:1099 sz:1 ]',
        '',
        'Free(ptr[1])',
        'returned 0',
        'Free List [ Size 3 ]: [ addr:1000 sz:98 ][ addr:1098 sz:1 ][ addr:1099 sz:1 ]',
        '',
        'ptr[2] = Alloc(97) returned 1000 (searched 1 elements)',
        'Free List [ Size 3 ]: [ addr:1097 sz:1 ][ addr:1098 sz:1 ][ addr:1099 sz:1 ]',
        '',
        'Free(ptr[2])',
        'returned 0',
        'Free List [ Size 4 ]: [ addr:1000 sz:97 ][ addr:1097 sz:1 ][ addr:1098 sz:1 ][ addr:1099 sz:1 ]',
        '',
      ].join('\n'),
    );
  });
});
