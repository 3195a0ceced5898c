/**
 * Property tests for FreeListAllocator: random configurations and op sequences (allocs, frees of live blocks,
 * double frees and wild frees), checking the invariants after every op and comparing every result with a
 * deliberately naive model of SEMANTICS.md A.1 (append, full stable sort, full coalescing pass), which has none
 * of the allocator's shortcuts (binary-search inserts, local ADDRSORT merges, the SIZESORT "still sorted" flag).
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { FIT_POLICIES, FreeListAllocator, LIST_ORDERS, type AllocatorConfig, type FreeChunk } from './freeListAllocator.ts';

/** A cheap assertion for hot loops (vitest's expect is slow when called ~10^5 times). */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

type Op = { kind: 'alloc'; size: number } | { kind: 'free'; pick: number } | { kind: 'wildFree'; offset: number };

const configArb: fc.Arbitrary<AllocatorConfig> = fc.record({
  baseAddr: fc.integer({ min: 0, max: 5000 }),
  heapSize: fc.integer({ min: 1, max: 300 }),
  headerSize: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
  alignment: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 8 })),
  policy: fc.constantFrom(...FIT_POLICIES),
  listOrder: fc.constantFrom(...LIST_ORDERS),
  coalesce: fc.boolean(),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('alloc' as const), size: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('free' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wildFree' as const), offset: fc.integer({ min: -5, max: 305 }) }) },
);

const scenarioArb = fc.record({ config: configArb, ops: fc.array(opArb, { maxLength: 80 }) });

/** SEMANTICS.md A.1 said as plainly as possible (NEXT: our roving index). */
class NaiveModel {
  list: FreeChunk[];
  readonly sizes = new Map<number, number>();
  rover = 0;
  constructor(readonly c: AllocatorConfig) {
    this.list = [{ addr: c.baseAddr, size: c.heapSize }];
  }
  malloc(size: number): { addr: number; searched: number } {
    const need = (this.c.alignment === -1 ? size : Math.ceil(size / this.c.alignment) * this.c.alignment) + this.c.headerSize;
    const n = this.list.length;
    let pick = -1;
    let searched = 0;
    for (let k = 0; k < n; k++) {
      const i = this.c.policy === 'NEXT' ? ((this.rover < n ? this.rover : 0) + k) % n : k;
      const e = this.list[i];
      searched++;
      if (e.size < need) continue;
      if (this.c.policy === 'FIRST' || this.c.policy === 'NEXT') {
        pick = i;
        break;
      }
      if (pick === -1 || (this.c.policy === 'BEST' ? e.size < this.list[pick].size : e.size > this.list[pick].size)) pick = i;
    }
    if (pick === -1) return { addr: -1, searched };
    const e = this.list[pick];
    if (e.size > need) this.list[pick] = { addr: e.addr + need, size: e.size - need };
    else this.list.splice(pick, 1);
    this.rover = pick;
    this.sizes.set(e.addr, need);
    return { addr: e.addr, searched };
  }
  free(addr: number): number {
    const size = this.sizes.get(addr);
    if (size === undefined) return -1;
    this.sizes.delete(addr);
    const e = { addr, size };
    if (this.c.listOrder === 'INSERT-FRONT') this.list.unshift(e);
    else this.list.push(e);
    if (this.c.listOrder === 'ADDRSORT') this.list.sort((x, y) => x.addr - y.addr);
    if (this.c.listOrder === 'SIZESORT+') this.list.sort((x, y) => x.size - y.size);
    if (this.c.listOrder === 'SIZESORT-') this.list.sort((x, y) => y.size - x.size);
    if (this.c.coalesce) {
      const out: FreeChunk[] = [];
      let cur = this.list[0];
      for (const x of this.list.slice(1)) {
        if (x.addr === cur.addr + cur.size) cur = { addr: cur.addr, size: cur.size + x.size };
        else {
          out.push(cur);
          cur = x;
        }
      }
      out.push(cur);
      this.list = out;
    }
    return 0;
  }
}

const text = (list: readonly FreeChunk[]) => list.map((c) => `${c.addr}:${c.size}`).join(' ');

/** Runs one scenario, calling `onStep` after every op with what it needs to check. */
function run(
  config: AllocatorConfig,
  ops: readonly Op[],
  onStep: (a: FreeListAllocator, before: FreeChunk[], op: Op, result: { addr: number; searched: number; need: number; probes: FreeChunk[] } | null) => void,
): void {
  const a = new FreeListAllocator(config);
  const model = new NaiveModel(config);
  const everAllocated: number[] = [];
  for (const op of ops) {
    const before = a.freeList();
    let allocResult: { addr: number; searched: number; need: number; probes: FreeChunk[] } | null = null;
    if (op.kind === 'alloc') {
      const r = a.malloc(op.size);
      const m = model.malloc(op.size);
      check(r.addr === m.addr && r.searched === m.searched, `alloc ${op.size}: got ${r.addr}/${r.searched}, model ${m.addr}/${m.searched}`);
      check(r.probes.length === r.searched, 'probes.length === searched');
      if (r.addr !== -1) everAllocated.push(r.addr);
      allocResult = r;
    } else {
      const addr = op.kind === 'free' && everAllocated.length > 0 ? everAllocated[op.pick % everAllocated.length] : config.baseAddr + (op.kind === 'wildFree' ? op.offset : 0);
      const r = a.free(addr);
      const rc = model.free(addr);
      check(r.rc === rc, `free ${addr}: got ${r.rc}, model ${rc}`);
      if (r.rc === -1) check(text(a.freeList()) === text(before), 'a failed free changes nothing');
    }
    check(text(a.freeList()) === text(model.list), `after ${JSON.stringify(op)}: list ${text(a.freeList())}, model ${text(model.list)}`);
    onStep(a, before, op, allocResult);
  }
}

describe('freeListAllocator properties', () => {
  it('free and allocated ranges tile [base, base + heapSize) exactly, and the bytes add up', () => {
    fc.assert(
      fc.property(scenarioArb, ({ config, ops }) => {
        run(config, ops, (a) => {
          const ranges = [...a.freeList().map((c) => ({ ...c, isFree: true })), ...a.allocatedBlocks().map((c) => ({ ...c, isFree: false }))];
          ranges.sort((x, y) => x.addr - y.addr);
          let at = config.baseAddr;
          for (const r of ranges) {
            check(r.size > 0, `empty range at ${r.addr}`);
            check(r.addr === at, `gap or overlap at ${at}: next range starts at ${r.addr}`);
            at += r.size;
          }
          check(at === config.baseAddr + config.heapSize, `ranges end at ${at}`);
          const s = a.stats();
          check(s.freeBytes + s.allocatedBytes === config.heapSize, 'freeBytes + allocatedBytes === heapSize');
          check(s.freeBytes === a.freeList().reduce((t, c) => t + c.size, 0), 'freeBytes is the sum of the free list');
          check(s.fragmentCount === a.freeList().length, 'fragmentCount is the list length');
          check(s.externalFragmentation >= 0 && s.externalFragmentation < 1, 'externalFragmentation in [0, 1)');
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('with ADDRSORT and coalescing no two free chunks are address-adjacent', () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 80 }), (config, ops) => {
        run({ ...config, listOrder: 'ADDRSORT', coalesce: true }, ops, (a) => {
          const list = a.freeList();
          for (let i = 1; i < list.length; i++) {
            check(list[i - 1].addr < list[i].addr, 'ADDRSORT keeps ascending addresses');
            check(list[i - 1].addr + list[i - 1].size !== list[i].addr, `chunks at ${list[i - 1].addr} and ${list[i].addr} touch`);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("FIRST's searched is the 1-based position of the first fit; BEST and WORST search the whole list", () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 80 }), (config, ops) => {
        run(config, ops, (_a, before, _op, r) => {
          if (r === null) return;
          const firstFit = before.findIndex((c) => c.size >= r.need);
          // The probes are the list as it was, read in scan order: a window from 0, or for NEXT a wrapping one.
          const n = before.length;
          const from = config.policy === 'NEXT' && r.probes.length > 0 ? before.findIndex((c) => c.addr === r.probes[0].addr) : 0;
          check(r.probes.every((p, k) => text([p]) === text([before[(from + k) % n]])), `probes ${text(r.probes)} are not the list ${text(before)} from ${from}`);
          if (r.addr !== -1 && (config.policy === 'FIRST' || config.policy === 'NEXT')) {
            check(r.probes[r.probes.length - 1].addr === r.addr, 'FIRST and NEXT stop at the chunk they take');
          }
          if (config.policy === 'FIRST') {
            check(r.searched === (firstFit === -1 ? before.length : firstFit + 1), `FIRST searched ${r.searched}, first fit at ${firstFit}`);
            check(r.addr === (firstFit === -1 ? -1 : before[firstFit].addr), 'FIRST takes the first fit');
          } else if (config.policy === 'BEST' || config.policy === 'WORST') {
            check(r.searched === before.length, `${config.policy} searched ${r.searched} of ${before.length}`);
          } else {
            check(r.searched >= 1 || before.length === 0, 'NEXT examines at least one chunk');
            check(r.searched <= before.length, 'NEXT examines each chunk at most once');
            check((r.addr === -1) === (firstFit === -1), 'NEXT fails only when nothing fits');
          }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
