import { describe, expect, it } from 'vitest';
import { columnsThatFit, layoutDiningRoom, lineWidthBeside, partiesThatFit, seatsOf, tableShape } from './diningLayout.ts';

describe('diningLayout.tableShape()', () => {
  it('draws a roomy small table as a square top with one chair on each side', () => {
    expect(tableShape('small', 'roomy')).toEqual({
      cell: { width: 58, height: 72 },
      top: { x: 15, y: 21, width: 28, height: 26 },
      chairs: [
        { x: 24, y: 12, width: 10, height: 6 },
        { x: 24, y: 50, width: 10, height: 6 },
        { x: 6, y: 29, width: 6, height: 10 },
        { x: 46, y: 29, width: 6, height: 10 },
      ],
      flag: { x: 41, y: 11 },
      label: { x: 29, y: 65 },
    });
  });

  it('puts three chairs along each long side of a medium table and one at each end', () => {
    const shape = tableShape('medium', 'roomy');
    expect(shape.top).toEqual({ x: 15, y: 21, width: 60, height: 26 });
    expect(shape.chairs.map((c) => [c.x, c.y])).toEqual([
      [20, 12], [40, 12], [60, 12],
      [20, 50], [40, 50], [60, 50],
      [6, 29], [78, 29],
    ]);
  });

  it('gives a large table twelve chairs', () => {
    const shape = tableShape('large', 'roomy');
    expect(shape.cell).toEqual({ width: 126, height: 72 });
    expect(shape.chairs).toHaveLength(12);
    expect(shape.chairs.slice(0, 5).map((c) => c.x)).toEqual([18, 38, 58, 78, 98]);
    expect(shape.chairs[11]).toEqual({ x: 116, y: 29, width: 6, height: 10 });
  });

  it('draws a compact table as a plain block without chairs', () => {
    expect(tableShape('small', 'compact')).toEqual({
      cell: { width: 18, height: 18 },
      top: { x: 1, y: 1, width: 16, height: 16 },
      chairs: [],
      flag: { x: 15, y: 6 },
      label: { x: 9, y: 9 },
    });
  });
});

describe('diningLayout.seatsOf()', () => {
  it('counts the chairs drawn per class', () => {
    expect([seatsOf('small'), seatsOf('medium'), seatsOf('large')]).toEqual([4, 8, 12]);
  });
});

describe('diningLayout.columnsThatFit()', () => {
  it('fits whole cells with gaps between them, and at least one', () => {
    expect(columnsThatFit(200, 64, 6)).toBe(2);
    expect(columnsThatFit(204, 64, 6)).toBe(3);
    expect(columnsThatFit(414, 58, 6)).toBe(6);
    expect(columnsThatFit(10, 64, 6)).toBe(1);
  });
});

describe('diningLayout.layoutDiningRoom()', () => {
  const tables = [
    { tableId: 5, sizeClass: 'small' as const },
    { tableId: 1, sizeClass: 'small' as const },
    { tableId: 4, sizeClass: 'medium' as const },
    { tableId: 3, sizeClass: 'small' as const },
    { tableId: 7, sizeClass: 'medium' as const },
  ];

  it('puts each class in its own band, tables in id order, wrapping to the width', () => {
    const room = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200);
    expect(room.density).toBe('roomy');
    expect(room.bands).toEqual([
      { sizeClass: 'small', headingY: 15, gridY: 22, count: 3 },
      { sizeClass: 'medium', headingY: 119, gridY: 126, count: 2 },
      { sizeClass: 'large', headingY: 223, gridY: 230, count: 0 },
    ]);
    expect(room.spots.map((s) => [s.tableId, s.x, s.y])).toEqual([
      [1, 0, 22], [3, 64, 22], [5, 128, 22],
      [4, 0, 126], [7, 96, 126],
    ]);
    expect(room.spots[3]).toEqual({ tableId: 4, sizeClass: 'medium', x: 0, y: 126, width: 90, height: 72 });
    expect(room.height).toBe(248);
  });

  it('wraps a band to more rows when the room is narrow', () => {
    const room = layoutDiningRoom(tables, ['small'], 122);
    expect(room.spots.map((s) => [s.tableId, s.x, s.y])).toEqual([
      [1, 0, 22], [3, 64, 22], [5, 0, 100],
    ]);
    expect(room.height).toBe(22 + 72 + 6 + 72);
  });

  it('switches to compact blocks when the roomy room would be too tall', () => {
    const room = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200, 100);
    expect(room.density).toBe('compact');
    expect(room.spots.map((s) => [s.tableId, s.x, s.y])).toEqual([
      [1, 0, 22], [3, 22, 22], [5, 44, 22],
      [4, 0, 72], [7, 32, 72],
    ]);
    expect(room.height).toBe(140);
  });

  it('keeps room in each band for its most tables, so the room keeps its height as tables come and go', () => {
    const room = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200, 600, { small: 6, medium: 2, large: 2 });
    expect(room.density).toBe('roomy');
    expect(room.bands).toEqual([
      { sizeClass: 'small', headingY: 15, gridY: 22, count: 3 },
      { sizeClass: 'medium', headingY: 197, gridY: 204, count: 2 },
      { sizeClass: 'large', headingY: 301, gridY: 308, count: 0 },
    ]);
    expect(room.spots.map((s) => [s.tableId, s.x, s.y])).toEqual([
      [1, 0, 22], [3, 64, 22], [5, 128, 22],
      [4, 0, 204], [7, 96, 204],
    ]);
    expect(room.height).toBe(458);
    expect(room.spares).toEqual([
      { sizeClass: 'small', x: 0, y: 100 }, { sizeClass: 'small', x: 64, y: 100 }, { sizeClass: 'small', x: 128, y: 100 },
      { sizeClass: 'large', x: 0, y: 308 }, { sizeClass: 'large', x: 0, y: 386 },
    ]);
  });

  it('keeps no room when the room would then be too tall for roomy tables', () => {
    const room = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200, 300, { small: 6, medium: 2, large: 2 });
    expect(room.density).toBe('roomy');
    expect(room.height).toBe(248);
    expect(room.spares).toEqual([]);
  });

  it('keeps room in compact blocks too, unless that would make the room huge', () => {
    const room = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200, 100, { small: 20 });
    expect(room.density).toBe('compact');
    expect(room.height).toBe(184);
    expect(room.spares).toHaveLength(17);
    expect(room.spares[0]).toEqual({ sizeClass: 'small', x: 66, y: 22 });
    const huge = layoutDiningRoom(tables, ['small', 'medium', 'large'], 200, 100, { small: 10_000 });
    expect(huge.density).toBe('compact');
    expect(huge.height).toBe(140);
    expect(huge.spares).toEqual([]);
  });

  it('leaves out classes not asked for', () => {
    const room = layoutDiningRoom(tables, ['medium'], 440);
    expect(room.bands).toEqual([{ sizeClass: 'medium', headingY: 15, gridY: 22, count: 2 }]);
    expect(room.spots.map((s) => s.tableId)).toEqual([4, 7]);
    expect(room.height).toBe(94);
  });
});

describe('diningLayout.partiesThatFit()', () => {
  it('shows every waiting party whose card fits in the row', () => {
    expect(partiesThatFit(0, 400)).toBe(0);
    expect(partiesThatFit(3, 3 * 124 + 2 * 4)).toBe(3);
  });

  it('keeps room for the "+ N more" tag when some are left out', () => {
    // 400 px: three cards (380 px) would fit alone, but a fourth party needs the tag: two cards and the tag.
    expect(partiesThatFit(4, 400)).toBe(2);
    expect(partiesThatFit(40, 980)).toBe(7);
  });

  it('shows none before the row is measured, or when it is narrower than one card and the tag', () => {
    expect(partiesThatFit(5, 0)).toBe(0);
    expect(partiesThatFit(5, 150)).toBe(0);
    expect(partiesThatFit(1, 124)).toBe(1);
    expect(partiesThatFit(1, 123)).toBe(0);
  });
});

describe('diningLayout.lineWidthBeside()', () => {
  it('keeps room at the end of the row for a party that just gave up', () => {
    expect(lineWidthBeside(386, false)).toBe(386);
    expect(lineWidthBeside(386, true)).toBe(258);
    // Three waiting at 1280 px: with a chip to show, one card and the tag, then the chip.
    expect(partiesThatFit(3, lineWidthBeside(386, true))).toBe(1);
    expect(lineWidthBeside(100, true)).toBe(0);
  });
});
