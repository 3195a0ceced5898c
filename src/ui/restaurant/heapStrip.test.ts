import { describe, expect, test } from 'vitest';
import { gapsBetween, nearestPowerOfTwo, rowStartAddrs, stripGeometry, stripRects } from './heapStrip.ts';

describe('heapStrip', () => {
  test('nearestPowerOfTwo() rounds by ratio and never goes below 1', () => {
    expect(nearestPowerOfTwo(9120)).toBe(8192);
    expect(nearestPowerOfTwo(12_000)).toBe(16_384);
    expect(nearestPowerOfTwo(0.5)).toBe(1);
    expect(nearestPowerOfTwo(Number.NaN)).toBe(1);
  });

  test('stripGeometry() wraps a 32 KiB heap 380 px wide into four rows of 8 KiB', () => {
    expect(stripGeometry(32_768, 380)).toEqual({ heapSize: 32_768, rowBytes: 8192, rowCount: 4, width: 380, rowHeight: 22, rowGap: 6, height: 106 });
  });

  test('stripGeometry() gives a wide strip fewer, longer rows', () => {
    expect(stripGeometry(32_768, 600)).toMatchObject({ rowBytes: 16_384, rowCount: 2, height: 50 });
  });

  test('stripGeometry() gives a small heap one row of exactly its size', () => {
    expect(stripGeometry(1000, 400)).toMatchObject({ rowBytes: 1000, rowCount: 1, height: 22 });
  });

  test('stripGeometry() caps the rows at maxRows by widening them', () => {
    expect(stripGeometry(1_000_000, 400, { maxRows: 8 })).toMatchObject({ rowBytes: 125_000, rowCount: 8 });
  });

  test('stripRects() places a range inside one row', () => {
    const g = stripGeometry(32_768, 512, { bytesPerPx: 16 }); // 8192 bytes per row, 16 bytes per px
    expect(g.rowBytes).toBe(8192);
    expect(stripRects(1000 + 1600, 320, 1000, g)).toEqual([{ row: 0, x: 100, y: 0, width: 20, height: 22 }]);
  });

  test('stripRects() continues a range that crosses a row end on the next row', () => {
    const g = stripGeometry(32_768, 512, { bytesPerPx: 16 });
    expect(stripRects(1000 + 8000, 400, 1000, g)).toEqual([
      { row: 0, x: 500, y: 0, width: 12, height: 22 },
      { row: 1, x: 0, y: 28, width: 13, height: 22 },
    ]);
  });

  test('stripRects() widens a tiny range to minWidth but never past the row end', () => {
    const g = stripGeometry(32_768, 512, { bytesPerPx: 16 });
    expect(stripRects(1000, 8, 1000, g, 2)).toEqual([{ row: 0, x: 0, y: 0, width: 2, height: 22 }]);
    expect(stripRects(1000 + 8188, 4, 1000, g, 2)).toEqual([{ row: 0, x: 511.75, y: 0, width: 0.25, height: 22 }]);
  });

  test('stripRects() clips a range to the heap', () => {
    const g = stripGeometry(1000, 400);
    expect(stripRects(900, 200, 1000, g)).toEqual([{ row: 0, x: 0, y: 0, width: 40, height: 22 }]);
    expect(stripRects(3000, 10, 1000, g)).toEqual([]);
  });

  test('stripRects() ends the last row where the heap ends', () => {
    const g = stripGeometry(20_000, 512, { bytesPerPx: 16 }); // rows of 8192: the third covers 3616 bytes
    expect(g.rowCount).toBe(3);
    expect(stripRects(1000 + 16_384, 8192, 1000, g)).toEqual([{ row: 2, x: 0, y: 56, width: 226, height: 22 }]);
  });

  test('rowStartAddrs() labels each row with its first address', () => {
    expect(rowStartAddrs(1000, stripGeometry(32_768, 380))).toEqual([1000, 9192, 17_384, 25_576]);
  });

  test('gapsBetween() finds the free stretches around blocks, in address order', () => {
    expect(
      gapsBetween(
        [
          { addr: 1500, size: 100 },
          { addr: 1000, size: 200 },
        ],
        1000,
        1000,
      ),
    ).toEqual([
      { addr: 1200, size: 300 },
      { addr: 1600, size: 400 },
    ]);
    expect(gapsBetween([], 1000, 64)).toEqual([{ addr: 1000, size: 64 }]);
    expect(gapsBetween([{ addr: 1000, size: 64 }], 1000, 64)).toEqual([]);
  });
});
