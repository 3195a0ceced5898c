import { describe, expect, it } from 'vitest';
import { nextMarkerIndex, scrubberStepMs, scrubberValueText, trackShare } from './scrubber.ts';

describe('scrubber', () => {
  it('steps a 240th of the service in whole seconds', () => {
    expect(scrubberStepMs(3_600_000)).toBe(15_000);
    expect(scrubberStepMs(60_000)).toBe(1_000);
  });
  it('says where the playhead is', () => {
    expect(scrubberValueText(750_000, 3_600_000)).toBe('12:30 of 60:00');
    expect(trackShare(900_000, 3_600_000)).toBe(0.25);
    expect(trackShare(5, 0)).toBe(0);
  });
  it('moves the marker focus with arrows, Home and End', () => {
    expect(nextMarkerIndex('ArrowRight', 2, 3)).toBe(2);
    expect(nextMarkerIndex('ArrowLeft', 2, 3)).toBe(1);
    expect(nextMarkerIndex('ArrowLeft', 0, 3)).toBe(0);
    expect(nextMarkerIndex('End', 0, 3)).toBe(2);
    expect(nextMarkerIndex('Home', 2, 3)).toBe(0);
    expect(nextMarkerIndex('Enter', 1, 3)).toBeNull();
    expect(nextMarkerIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
