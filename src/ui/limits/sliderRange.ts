/**
 * The range and step of a limit's slider: from the schema's lower bound to four times the scenario's value
 * (at least a floor, at most the schema's upper bound, and always far enough to reach the value in force),
 * with a step that suits the unit and keeps the slider to a few hundred positions. The number field beside
 * it takes any value; the slider only offers the sensible ones. Pure functions.
 *
 * @example
 * sliderRange({ kind: 'count', schemaMin: 0, schemaMax: 10_000, floor: 10 }, 12, 12)
 * // { min: 0, max: 48, step: 1 }
 */
import type { UnitKind } from './units.ts';

/** What a slider's range depends on besides the values. */
export interface SliderBounds {
  kind: UnitKind;
  /** The schema's bounds (inclusive). */
  schemaMin: number;
  schemaMax: number;
  /** The slider reaches at least this far. */
  floor: number;
}

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** Most positions a slider should have. */
const TARGET_POSITIONS = 300;

/** Steps for times: whole seconds and minutes, with sub-second steps for short ranges. */
const MS_STEPS = [1, 10, 50, 100, 250, 500, 1_000, 5_000, 10_000, 15_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/**
 * The smallest step for `kind` that cuts `span` into at most {@link TARGET_POSITIONS} positions: counts
 * step by 1, 2, 5, 10, 20, 50...; bytes by powers of two; times from the list above.
 */
export function niceStep(span: number, kind: UnitKind): number {
  const wanted = Math.max(1, span / TARGET_POSITIONS);
  if (kind === 'bytes') return 2 ** Math.ceil(Math.log2(wanted));
  if (kind === 'ms') return MS_STEPS.find((s) => s >= wanted) ?? MS_STEPS[MS_STEPS.length - 1];
  let decade = 10 ** Math.floor(Math.log10(wanted));
  for (;;) {
    for (const m of [1, 2, 5]) if (m * decade >= wanted) return m * decade;
    decade *= 10;
  }
}

/**
 * The slider of a field whose scenario value is `scenarioValue` and whose value in force is `currentValue`
 * (`'unbounded'` counts as the scenario's reach). The maximum depends on the value in force only when that
 * lies beyond the usual reach, so dragging never moves the ends.
 */
export function sliderRange(bounds: SliderBounds, scenarioValue: number | 'unbounded', currentValue: number | 'unbounded'): SliderRange {
  const scenarioReach = scenarioValue === 'unbounded' ? bounds.floor : 4 * scenarioValue;
  const current = currentValue === 'unbounded' ? 0 : currentValue;
  const reach = Math.min(bounds.schemaMax, Math.max(scenarioReach, bounds.floor, current, bounds.schemaMin + 1));
  const step = niceStep(reach - bounds.schemaMin, bounds.kind);
  const min = Math.ceil(bounds.schemaMin / step) * step;
  const max = Math.min(Math.ceil(reach / step) * step, Math.floor(bounds.schemaMax / step) * step);
  return { min, max: Math.max(max, min + step), step };
}
