/**
 * How wide a line of text is drawn on this page, for deciding what of a heading fits on one line: measured
 * with a canvas in the page's own sans-serif font (the SVG text inherits it), else estimated from the
 * character count where there is no canvas (unit tests).
 *
 * @example
 * const measure = textMeasurer();
 * measure('Medium tables (up to 8)', 12, true) // 163 with DejaVu Sans (it depends on the fonts installed)
 */
import { estimateTextPx, type MeasureText } from './diningView.ts';

/** Widths remembered at most (the headings' counts change through a night): then they are measured afresh. */
const MAX_REMEMBERED = 500;

/** A measurer for this page: canvas-measured when the page has a canvas, else {@link estimateTextPx}. */
export function textMeasurer(): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextPx;
  const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  const widths = new Map<string, number>();
  return (text, fontPx, isBold = false) => {
    const font = `${isBold ? '700' : '400'} ${fontPx}px ${family}`;
    const key = `${font}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (widths.size >= MAX_REMEMBERED) widths.clear();
      context.font = font;
      width = Math.ceil(context.measureText(text).width);
      widths.set(key, width);
    }
    return width;
  };
}
