/**
 * The prep counters and cooking stations (the small and medium pools) as rows of numbered slots, and the
 * words a screen reader hears for a block. Pure.
 */
import type { MemoryBlock } from '../../sim/kitchenMemory.ts';
import { ownerName } from '../narrate.ts';
import { formatBytes } from '../format.ts';
import { stationClassWords } from '../vocabulary.ts';

/** Who holds a block: a cook's ticket, the warming shelf (a dish kept warm), or someone else. */
export type BlockHolder = 'ticket' | 'shelf' | 'other';

/** How a block is drawn. */
export type BlockLook = 'ticket' | 'shelf' | 'other' | 'dropped';

/** One numbered slot of a pool. */
export interface PoolSlot {
  index: number;
  /** The live block in it, or null when the slot is free. */
  block: MemoryBlock | null;
}

/** The owner's kind, read from the owner name ("ticket 12", "shelf dish 3"). */
export function holderOf(owner: string): BlockHolder {
  if (/^ticket\b/.test(owner)) return 'ticket';
  if (/^shelf\b/.test(owner)) return 'shelf';
  return 'other';
}

/** How a live block is drawn: dropped (unreachable, waiting for the collector) above all, else by holder. */
export function blockLook(block: Pick<MemoryBlock, 'owner' | 'state'>): BlockLook {
  return block.state === 'unreachable' ? 'dropped' : holderOf(block.owner);
}

/**
 * Slots `0 .. total-1` of the `poolClass` pool with the live blocks that occupy them, at most `cap` drawn
 * (`hiddenCount` are the others). A block whose index is past `total` is still shown (it cannot happen
 * today, but a drawing must never drop a live block).
 */
export function poolSlots(
  blocks: readonly MemoryBlock[],
  poolClass: 'small' | 'medium',
  total: number,
  cap = 200,
): { slots: PoolSlot[]; hiddenCount: number; hiddenTakenCount: number } {
  const byIndex = new Map<number, MemoryBlock>();
  for (const b of blocks) if (!b.isHeap && b.poolIndex !== null && b.sizeClass === poolClass) byIndex.set(b.poolIndex, b);
  const count = Math.max(total, ...[...byIndex.keys()].map((i) => i + 1));
  const shown = Math.min(count, cap);
  const slots: PoolSlot[] = [];
  for (let index = 0; index < shown; index++) slots.push({ index, block: byIndex.get(index) ?? null });
  let hiddenTakenCount = 0;
  for (const index of byIndex.keys()) if (index >= shown) hiddenTakenCount++;
  return { slots, hiddenCount: count - shown, hiddenTakenCount };
}

/** Roomy slots show their number; compact ones (a big pool) are small squares, numbered only for a screen reader. */
export function poolDensity(slotCount: number): 'roomy' | 'compact' {
  return slotCount > 48 ? 'compact' : 'roomy';
}

function capitalised(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/**
 * What a screen reader hears for a block: "Prep counter 3, holding 48 bytes for ticket 12",
 * "Banquet area at address 5000, holding 900 bytes for ticket 7 (moved over from the cooking stations)",
 * "... dropped by ticket 9, waiting for the deep clean (unreachable)".
 */
export function blockAriaLabel(block: MemoryBlock): string {
  const where = block.isHeap
    ? `${capitalised(stationClassWords.large)} at address ${block.addr ?? '?'}`
    : `${capitalised(stationClassWords[block.sizeClass])} ${block.poolIndex ?? '?'}`;
  const bytes = block.requested === 1 ? '1 byte' : `${block.requested} bytes`;
  const taken = block.size !== block.requested ? ` in ${formatBytes(block.size)}` : '';
  const fallback = block.isHeap && block.sizeClass === 'medium' ? ' (moved over from the cooking stations: heap fallback)' : '';
  if (block.state === 'unreachable') {
    return `${where}, ${bytes}${taken} dropped by ${ownerName(block.owner)}, waiting for the deep clean (unreachable)${fallback}`;
  }
  return `${where}, holding ${bytes}${taken} for ${ownerName(block.owner)}${fallback}`;
}
