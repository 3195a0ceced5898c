/**
 * The timeline picker's rows: each kept timeline named by its place in the list ("Timeline 2"), where it
 * forked from and when, whether it is the active one or the one compared with. Pure.
 *
 * @example
 * timelineRows(view.timelines, null)[1].detail // 'Forked from Timeline 1 at 12:30 · 1 limit change · played to 15:00'
 */
import type { TimelineSummary } from '../../machines/simulatorView.ts';
import { formatClock, plural } from '../format.ts';

export interface TimelineRow {
  id: number;
  /** `Timeline 2`. */
  name: string;
  /** Where it comes from and how far it has been played. */
  detail: string;
  isActive: boolean;
  isCompared: boolean;
  /** True when it can be overlaid on the active timeline (it is another one). */
  canCompare: boolean;
}

/** `Timeline n`, n its place in `timelines` (1-based); `Timeline` alone when it is not there. */
export function timelineName(timelines: readonly Pick<TimelineSummary, 'id'>[], id: number): string {
  const i = timelines.findIndex((t) => t.id === id);
  return i < 0 ? 'Timeline' : `Timeline ${i + 1}`;
}

/**
 * How far a timeline was played. A compared one is drawn beyond that: the charts work out its whole service
 * (same seed, its own limits) and cut it at the playhead, so its line may run past where it was left.
 */
function playedPart(frontierMs: number, isCompared: boolean): string {
  const played = `played to ${formatClock(frontierMs)}`;
  return isCompared ? `${played}; charted to the playhead, worked out from its limits` : played;
}

/** One row per kept timeline, in list order. */
export function timelineRows(timelines: readonly TimelineSummary[], compareWith: number | null): TimelineRow[] {
  return timelines.map((t) => {
    const changes = plural(t.commandCount, 'limit change', 'limit changes');
    const origin = t.parentId === null || t.forkedAtMs === null ? 'The service as planned' : `Forked from ${timelineName(timelines, t.parentId)} at ${formatClock(t.forkedAtMs)}`;
    return {
      id: t.id,
      name: timelineName(timelines, t.id),
      detail: `${origin} · ${changes} · ${playedPart(t.frontierMs, compareWith === t.id && !t.isActive)}`,
      isActive: t.isActive,
      isCompared: compareWith === t.id && !t.isActive,
      canCompare: !t.isActive,
    };
  });
}

/** The picker shows only when there is something to pick: more than one timeline. */
export function isPickerShown(timelines: readonly unknown[]): boolean {
  return timelines.length > 1;
}
