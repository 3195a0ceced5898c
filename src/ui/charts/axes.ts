/**
 * The two axes of a chart, drawn by d3-axis into a `<g>` it owns alone (attached with `{@attach}`; Svelte
 * never renders inside it). Colours come from the surrounding CSS (`currentColor`).
 */
import { axisBottom, axisLeft, select, type ScaleLinear } from 'd3';
import { formatMinutes, formatTick } from './chartFormat.ts';
import type { ChartUnit } from './chartSeries.ts';

/** The time axis: the given minute ticks, the last one labelled with its unit (`60 min`). */
export function drawTimeAxis(g: SVGGElement, x: ScaleLinear<number, number>, tickValues: readonly number[]): void {
  const last = tickValues.length - 1;
  select(g).call(
    axisBottom(x)
      .tickValues(tickValues)
      .tickSizeOuter(0)
      .tickFormat((d, i) => (i === last ? `${formatMinutes(Number(d))} min` : formatMinutes(Number(d)))),
  );
}

/** The value axis, with grid lines across the plot (`plotWidth` px). */
export function drawValueAxis(g: SVGGElement, y: ScaleLinear<number, number>, tickValues: readonly number[], unit: ChartUnit, plotWidth: number): void {
  const axis = axisLeft(y)
    .tickValues(tickValues)
    .tickSize(-plotWidth)
    .tickPadding(6)
    .tickFormat((d) => formatTick(Number(d), unit, tickValues[tickValues.length - 1]));
  select(g).call(axis).call((sel) => sel.select('.domain').remove());
}
