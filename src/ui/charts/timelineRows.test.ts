import { describe, expect, it } from 'vitest';
import type { TimelineSummary } from '../../machines/simulatorView.ts';
import { isPickerShown, timelineName, timelineRows } from './timelineRows.ts';

const timelines: TimelineSummary[] = [
  { id: 4, parentId: null, forkedAtMs: null, frontierMs: 1_800_000, seed: 7, commandCount: 0, isActive: false },
  { id: 5, parentId: 4, forkedAtMs: 750_000, frontierMs: 900_000, seed: 7, commandCount: 1, isActive: true },
];

describe('timelineRows()', () => {
  it('names timelines by place, says where each forked, and marks the active and compared ones', () => {
    expect(timelineRows(timelines, 4)).toEqual([
      { id: 4, name: 'Timeline 1', detail: 'The service as planned · 0 limit changes · played to 30:00; charted to the playhead, worked out from its limits', isActive: false, isCompared: true, canCompare: true },
      { id: 5, name: 'Timeline 2', detail: 'Forked from Timeline 1 at 12:30 · 1 limit change · played to 15:00', isActive: true, isCompared: false, canCompare: false },
    ]);
  });
  it('never marks the active timeline as compared', () => {
    expect(timelineRows(timelines, 5).map((r) => r.isCompared)).toEqual([false, false]);
  });
  it('says only how far a timeline was played when it is not compared', () => {
    expect(timelineRows(timelines, null).map((r) => r.detail)).toEqual([
      'The service as planned · 0 limit changes · played to 30:00',
      'Forked from Timeline 1 at 12:30 · 1 limit change · played to 15:00',
    ]);
  });
});

describe('timelineName() and isPickerShown()', () => {
  it('names an unknown timeline plainly', () => {
    expect(timelineName(timelines, 5)).toBe('Timeline 2');
    expect(timelineName(timelines, 9)).toBe('Timeline');
  });
  it('shows the picker only with more than one timeline', () => {
    expect(isPickerShown(timelines)).toBe(true);
    expect(isPickerShown(timelines.slice(0, 1))).toBe(false);
  });
});
