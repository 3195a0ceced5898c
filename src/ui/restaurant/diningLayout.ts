/**
 * Where the dining room draws its tables: one band per size class (small, medium, large), tables in a grid
 * inside it in id order, and each table's own shape (its top, its chairs, the leak flag, the label). Pure
 * geometry in pixels; the component measures its width and draws what this returns.
 *
 * Two densities: `roomy` draws chairs and labels; `compact` draws plain blocks when the roomy room would be
 * taller than `maxRoomyHeight` (a food hall with hundreds of tables).
 *
 * @example
 * const room = layoutDiningRoom([{ tableId: 1, sizeClass: 'small' }], ['small'], 440);
 * room.spots[0]; // { tableId: 1, sizeClass: 'small', x: 0, y: 22, width: 58, height: 72 }
 */
import type { SizeClass } from '../../sim/events.ts';

export type Density = 'roomy' | 'compact';

/** A table's place in the room (its cell, top-left corner, in px). */
export interface TableSpot {
  tableId: number;
  sizeClass: SizeClass;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One size class's band: its heading baseline and the top of its grid. */
export interface ClassBand {
  sizeClass: SizeClass;
  /** Baseline of the band's heading. */
  headingY: number;
  /** Top of the first row of tables. */
  gridY: number;
  /** Tables in the band. */
  count: number;
}

/** A cell kept free in a band for a table its class may still set up (up to its most). */
export interface SpareSpot {
  sizeClass: SizeClass;
  x: number;
  y: number;
}

export interface DiningLayout {
  density: Density;
  width: number;
  height: number;
  bands: ClassBand[];
  spots: TableSpot[];
  /** The cells kept for tables not set up now (see `layoutDiningRoom`'s `room`). */
  spares: SpareSpot[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A table's drawing inside its cell (coordinates relative to the cell's top-left corner). */
export interface TableShape {
  cell: { width: number; height: number };
  top: Rect;
  chairs: Rect[];
  /** Where the leak flag's pole stands (bottom of the pole). */
  flag: { x: number; y: number };
  /** Centre of the text under the table. */
  label: { x: number; y: number };
}

/** Chairs drawn around each class: along the top, along the bottom, and one at each end. */
export const CHAIRS_PER_SIDE: Record<SizeClass, number> = { small: 1, medium: 3, large: 5 };

/** Seats drawn per class: `2 * perSide + 2` (4, 8, 12). */
export function seatsOf(sizeClass: SizeClass): number {
  return 2 * CHAIRS_PER_SIDE[sizeClass] + 2;
}

const CELL: Record<Density, Record<SizeClass, { width: number; height: number }>> = {
  roomy: { small: { width: 58, height: 72 }, medium: { width: 90, height: 72 }, large: { width: 126, height: 72 } },
  compact: { small: { width: 18, height: 18 }, medium: { width: 28, height: 18 }, large: { width: 40, height: 18 } },
};
const TOP_WIDTH: Record<SizeClass, number> = { small: 28, medium: 60, large: 100 };
const GAP: Record<Density, number> = { roomy: 6, compact: 4 };

/** Space for a band's heading line. */
export const BAND_HEADING_PX = 22;
/** Space between bands. */
export const BAND_GAP_PX = 10;
/** Height of an empty band's grid (room for a "none yet" note). */
export const EMPTY_BAND_PX = 18;
/** Default height above which the room switches to compact blocks. */
export const MAX_ROOMY_HEIGHT_PX = 600;
/** Tallest compact room that still keeps room for every class's most tables (a huge max keeps none). */
export const MAX_KEPT_COMPACT_HEIGHT_PX = 1500;

/** Chair size: along the table's long side, and across it. */
const CHAIR_LONG = 10;
const CHAIR_SHORT = 6;
/** Space between a chair and the table top. */
const CHAIR_GAP = 3;
/** Room above the top chairs for the leak flag. */
const FLAG_ROOM = 12;
const TOP_HEIGHT = 26;

/** The shape of a table of `sizeClass` at `density`, relative to its cell. */
export function tableShape(sizeClass: SizeClass, density: Density): TableShape {
  const cell = CELL[density][sizeClass];
  if (density === 'compact') {
    return {
      cell,
      top: { x: 1, y: 1, width: cell.width - 2, height: cell.height - 2 },
      chairs: [],
      flag: { x: cell.width - 3, y: 6 },
      label: { x: cell.width / 2, y: cell.height / 2 },
    };
  }
  const width = TOP_WIDTH[sizeClass];
  const top: Rect = { x: (cell.width - width) / 2, y: FLAG_ROOM + CHAIR_SHORT + CHAIR_GAP, width, height: TOP_HEIGHT };
  const perSide = CHAIRS_PER_SIDE[sizeClass];
  const chairs: Rect[] = [];
  for (let i = 0; i < perSide; i++) {
    const x = top.x + ((i + 0.5) * width) / perSide - CHAIR_LONG / 2;
    chairs.push({ x, y: top.y - CHAIR_GAP - CHAIR_SHORT, width: CHAIR_LONG, height: CHAIR_SHORT });
  }
  for (let i = 0; i < perSide; i++) {
    const x = top.x + ((i + 0.5) * width) / perSide - CHAIR_LONG / 2;
    chairs.push({ x, y: top.y + TOP_HEIGHT + CHAIR_GAP, width: CHAIR_LONG, height: CHAIR_SHORT });
  }
  const sideY = top.y + (TOP_HEIGHT - CHAIR_LONG) / 2;
  chairs.push({ x: top.x - CHAIR_GAP - CHAIR_SHORT, y: sideY, width: CHAIR_SHORT, height: CHAIR_LONG });
  chairs.push({ x: top.x + width + CHAIR_GAP, y: sideY, width: CHAIR_SHORT, height: CHAIR_LONG });
  return {
    cell,
    top,
    chairs,
    flag: { x: top.x + width - 2, y: top.y - CHAIR_GAP - CHAIR_SHORT - 1 },
    label: { x: cell.width / 2, y: top.y + TOP_HEIGHT + CHAIR_GAP + CHAIR_SHORT + 9 },
  };
}

/** Width of a waiting party's card at the host stand, in px. */
export const PARTY_CARD_PX = 124;
/** Space between the host stand's cards, in px. */
export const HOST_GAP_PX = 4;
/** Room kept for the host stand's `+ 244 more` tag, in px (the food hall's line runs to hundreds). */
export const MORE_TAG_PX = 76;
/** Room kept at the end of the host stand's row for a party that just gave up (its chip), in px. */
export const GAVE_UP_CHIP_PX = 124;

/** Width of the host stand's row left for the waiting line: all of it, less a chip's room while someone just gave up. */
export function lineWidthBeside(rowWidth: number, hasGaveUp: boolean): number {
  return hasGaveUp ? Math.max(0, rowWidth - GAVE_UP_CHIP_PX - HOST_GAP_PX) : Math.max(0, rowWidth);
}

/**
 * How many of `waiting` parties the host stand's one row shows when it is `rowWidth` px wide: all of them if
 * their cards fit, else as many as fit beside a `+ N more` tag. The row never wraps, so the floor under it
 * stays put as the line grows and shrinks.
 */
export function partiesThatFit(waiting: number, rowWidth: number, cardWidth = PARTY_CARD_PX, gap = HOST_GAP_PX, moreWidth = MORE_TAG_PX): number {
  const count = Math.max(0, Math.floor(waiting));
  const width = Math.max(0, rowWidth);
  if (count * cardWidth + Math.max(0, count - 1) * gap <= width) return count;
  return Math.min(count, Math.max(0, Math.floor((width - moreWidth) / (cardWidth + gap))));
}

/** Columns of cells `cellWidth` wide with `gap` between them that fit in `width` (at least 1). */
export function columnsThatFit(width: number, cellWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (cellWidth + gap)));
}

/** How many tables each class's band keeps room for, however many it has now (its most: the pool's max). */
export type BandRoom = Partial<Record<SizeClass, number>>;

function layoutAt(tables: readonly { tableId: number; sizeClass: SizeClass }[], classes: readonly SizeClass[], width: number, density: Density, room: BandRoom = {}): DiningLayout {
  const gap = GAP[density];
  const bands: ClassBand[] = [];
  const spots: TableSpot[] = [];
  const spares: SpareSpot[] = [];
  let y = 0;
  for (const sizeClass of classes) {
    const members = tables.filter((t) => t.sizeClass === sizeClass).sort((a, b) => a.tableId - b.tableId);
    const cell = CELL[density][sizeClass];
    const columns = columnsThatFit(width, cell.width, gap);
    const gridY = y + BAND_HEADING_PX;
    bands.push({ sizeClass, headingY: y + 15, gridY, count: members.length });
    /** The top-left corner of the band's `i`th cell. */
    const cellAt = (i: number) => ({ x: (i % columns) * (cell.width + gap), y: gridY + Math.floor(i / columns) * (cell.height + gap) });
    members.forEach((t, i) => spots.push({ tableId: t.tableId, sizeClass, ...cellAt(i), ...cell }));
    const kept = Math.max(members.length, room[sizeClass] ?? 0);
    for (let i = members.length; i < kept; i++) spares.push({ sizeClass, ...cellAt(i) });
    const rows = Math.ceil(kept / columns);
    const gridHeight = rows === 0 ? EMPTY_BAND_PX : rows * cell.height + (rows - 1) * gap;
    y = gridY + gridHeight + BAND_GAP_PX;
  }
  return { density, width, height: Math.max(0, y - BAND_GAP_PX), bands, spots, spares };
}

/**
 * Lays out `tables` (live ones: the caller leaves retired tables out) in one band per class of `classes`
 * (in that order), `width` px wide. Roomy unless that would be taller than `maxRoomyHeight` px. Each band
 * keeps room for `room` tables of its class when the room still fits with it (roomy, else compact up to
 * MAX_KEPT_COMPACT_HEIGHT_PX), so the room keeps its height as tables are set up and taken away (the areas
 * below do not move).
 */
export function layoutDiningRoom(
  tables: readonly { tableId: number; sizeClass: SizeClass }[],
  classes: readonly SizeClass[],
  width: number,
  maxRoomyHeight = MAX_ROOMY_HEIGHT_PX,
  room: BandRoom = {},
): DiningLayout {
  const usable = Math.max(0, Math.floor(width));
  const kept = layoutAt(tables, classes, usable, 'roomy', room);
  if (kept.height <= maxRoomyHeight) return kept;
  const roomy = layoutAt(tables, classes, usable, 'roomy');
  if (roomy.height <= maxRoomyHeight) return roomy;
  const compactKept = layoutAt(tables, classes, usable, 'compact', room);
  return compactKept.height <= MAX_KEPT_COMPACT_HEIGHT_PX ? compactKept : layoutAt(tables, classes, usable, 'compact');
}
