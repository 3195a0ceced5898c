/**
 * Where the staff room draws its cooks and its ticket rail. Pure geometry in pixels.
 *
 * Cooks stand in places: one per cook on shift now, then empty places up to `maxPoolSize` (the room extra
 * staff could fill), wrapping to the width. A big crew (a food hall's 80) switches to compact dots.
 *
 * The rail has one slot per ticket it holds (`queueCapacity`), head first (the next ticket a cook takes is
 * on the left). A long rail switches to thin compact slots; slots that still do not fit are counted, not
 * drawn. An unbounded rail draws the tickets on it, however many, the same way.
 *
 * @example
 * layoutCrew(3, 440).places[1]; // { index: 1, x: 62, y: 0, width: 58, height: 84 }
 * layoutRail(8, 300).slots.length; // 8
 */
import type { Density } from './diningLayout.ts';
import { columnsThatFit } from './diningLayout.ts';

export interface Place {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CrewLayout {
  density: Density;
  places: Place[];
  height: number;
}

/** A cook's place: roomy (hat, body, name, ticket) or a compact dot. */
export const COOK_CELL: Record<Density, { width: number; height: number; gap: number }> = {
  roomy: { width: 58, height: 84, gap: 4 },
  compact: { width: 18, height: 18, gap: 4 },
};
/** Most rows of roomy cooks before the crew turns compact. */
export const MAX_ROOMY_CREW_ROWS = 2;

function grid(count: number, width: number, cell: { width: number; height: number; gap: number }): { places: Place[]; height: number } {
  const columns = columnsThatFit(width, cell.width, cell.gap);
  const places: Place[] = [];
  for (let index = 0; index < count; index++) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    places.push({ index, x: column * (cell.width + cell.gap), y: row * (cell.height + cell.gap), width: cell.width, height: cell.height });
  }
  const rows = Math.ceil(count / columns);
  return { places, height: rows === 0 ? 0 : rows * cell.height + (rows - 1) * cell.gap };
}

/** Places for `count` cooks (on shift and empty) in `width` px: roomy when they fit in two rows. */
export function layoutCrew(count: number, width: number): CrewLayout {
  const usable = Math.max(0, Math.floor(width));
  const roomy = COOK_CELL.roomy;
  if (count <= columnsThatFit(usable, roomy.width, roomy.gap) * MAX_ROOMY_CREW_ROWS) return { density: 'roomy', ...grid(count, usable, roomy) };
  return { density: 'compact', ...grid(count, usable, COOK_CELL.compact) };
}

export interface RailLayout {
  density: Density;
  /** Slots drawn, head first; ticket i of the rail hangs in slot i. */
  slots: Place[];
  height: number;
  /** Tickets on the rail that have no slot drawn (counted as "+N more"). */
  hiddenTickets: number;
}

/** A ticket slot: roomy (a paper slip with its number) or compact (a thin strip). */
export const RAIL_SLOT: Record<Density, { width: number; height: number; gap: number }> = {
  roomy: { width: 26, height: 40, gap: 3 },
  compact: { width: 8, height: 24, gap: 2 },
};
/** Most rows of slots, roomy and compact. */
export const MAX_RAIL_ROWS: Record<Density, number> = { roomy: 2, compact: 4 };

/**
 * Slots for a rail that holds `capacity` tickets (`'unbounded'`: as many as `queued`) with `queued` on it,
 * in `width` px. A rail of capacity 0 (a hand-over queue) has no slots.
 */
export function layoutRail(capacity: number | 'unbounded', width: number, queued = 0): RailLayout {
  const usable = Math.max(0, Math.floor(width));
  const slotCount = capacity === 'unbounded' ? queued : capacity;
  const roomy = RAIL_SLOT.roomy;
  const roomyColumns = columnsThatFit(usable, roomy.width, roomy.gap);
  const density: Density = slotCount <= roomyColumns * MAX_RAIL_ROWS.roomy ? 'roomy' : 'compact';
  const cell = RAIL_SLOT[density];
  const fits = columnsThatFit(usable, cell.width, cell.gap) * MAX_RAIL_ROWS[density];
  const drawn = Math.min(slotCount, fits);
  const { places, height } = grid(drawn, usable, cell);
  return { density, slots: places, height, hiddenTickets: Math.max(0, queued - drawn) };
}
