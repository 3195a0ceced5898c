/**
 * The banquet area (heap) as an address strip: geometry only, pure.
 *
 * The heap `[baseAddr, baseAddr + heapSize)` is drawn like a line of text that wraps: each row covers
 * `rowBytes` addresses left to right, so small blocks stay wide enough to see and click. A block or free
 * chunk that crosses a row's end continues at the start of the next row (one rect per row it touches).
 *
 * @example
 * const g = stripGeometry(32_768, 512); // { rowBytes: 8192, rowCount: 4, width: 512, ... }
 * stripRects(1000 + 8000, 400, 1000, g); // two rects: the end of row 0 and the start of row 1
 */

/** How the strip is cut into rows and how big each row is drawn. */
export interface StripGeometry {
  /** Bytes of heap drawn (the last row may end early). */
  heapSize: number;
  /** Addresses per row (the last row may cover fewer). */
  rowBytes: number;
  rowCount: number;
  /** Drawn width of a full row, px. */
  width: number;
  rowHeight: number;
  rowGap: number;
  /** Total drawn height, px. */
  height: number;
}

/** One drawn piece of a block or chunk, within one row. */
export interface StripRect {
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StripOptions {
  /** Rows at most (default 8). */
  maxRows?: number;
  /** Bytes per px the row aims at before rounding to a power of two (default 24). */
  bytesPerPx?: number;
  rowHeight?: number;
  rowGap?: number;
}

/** The power of two nearest `value` (by ratio), at least 1. */
export function nearestPowerOfTwo(value: number): number {
  if (!(value > 1)) return 1;
  return 2 ** Math.round(Math.log2(value));
}

/**
 * Rows for a heap of `heapSize` bytes drawn `width` px wide: a power-of-two number of bytes per row near
 * `width * bytesPerPx`, unless that needs more than `maxRows` rows (then the heap is split into `maxRows`).
 * A heap that fits one row gets one row of exactly `heapSize` bytes.
 */
export function stripGeometry(heapSize: number, width: number, options: StripOptions = {}): StripGeometry {
  const maxRows = options.maxRows ?? 8;
  const rowHeight = options.rowHeight ?? 22;
  const rowGap = options.rowGap ?? 6;
  const size = Math.max(1, heapSize);
  let rowBytes = nearestPowerOfTwo(Math.max(1, width) * (options.bytesPerPx ?? 24));
  if (rowBytes >= size) rowBytes = size;
  let rowCount = Math.ceil(size / rowBytes);
  if (rowCount > maxRows) {
    rowBytes = Math.ceil(size / maxRows);
    rowCount = Math.ceil(size / rowBytes);
  }
  return { heapSize: size, rowBytes, rowCount, width, rowHeight, rowGap, height: rowCount * rowHeight + (rowCount - 1) * rowGap };
}

/**
 * The rects of the address range `[addr, addr + size)` (clipped to the heap), one per row it touches.
 * `minWidth` keeps a tiny range visible (its rect grows to the right, never past the row's end).
 */
export function stripRects(addr: number, size: number, baseAddr: number, g: StripGeometry, minWidth = 0): StripRect[] {
  const heapEnd = g.heapSize;
  let start = Math.max(0, addr - baseAddr);
  const end = Math.min(heapEnd, addr - baseAddr + size);
  const rects: StripRect[] = [];
  while (start < end) {
    const row = Math.floor(start / g.rowBytes);
    const rowStart = row * g.rowBytes;
    const pieceEnd = Math.min(end, rowStart + g.rowBytes);
    const x = ((start - rowStart) / g.rowBytes) * g.width;
    const w = ((pieceEnd - start) / g.rowBytes) * g.width;
    rects.push({ row, x, y: row * (g.rowHeight + g.rowGap), width: Math.min(Math.max(w, minWidth), g.width - x), height: g.rowHeight });
    start = pieceEnd;
  }
  return rects;
}

/** The first address of each row, for the gutter labels. */
export function rowStartAddrs(baseAddr: number, g: StripGeometry): number[] {
  return Array.from({ length: g.rowCount }, (_, row) => baseAddr + row * g.rowBytes);
}

/** A free chunk of the heap: `size` bytes from `addr`. */
export interface HeapChunk {
  addr: number;
  size: number;
}

/**
 * The free stretches between live heap blocks: what is neither a block nor its header, in address order.
 * The allocator's own free list is the truth (it keeps neighbours apart when coalescing is off); this is
 * the fallback when only the blocks are known.
 */
export function gapsBetween(blocks: readonly HeapChunk[], baseAddr: number, heapSize: number): HeapChunk[] {
  const sorted = [...blocks].sort((a, b) => a.addr - b.addr);
  const gaps: HeapChunk[] = [];
  let at = baseAddr;
  for (const b of sorted) {
    if (b.addr > at) gaps.push({ addr: at, size: b.addr - at });
    at = Math.max(at, b.addr + b.size);
  }
  if (at < baseAddr + heapSize) gaps.push({ addr: at, size: baseAddr + heapSize - at });
  return gaps;
}
