/**
 * WCAG 2.x colour contrast, for checking the theme's colours (see `themeContrast.test.ts`). Pure.
 *
 * @example contrastRatio('#ffffff', '#000000') === 21
 */

/** `#rgb` or `#rrggbb` as red, green, blue 0..255, or null for anything else. */
export function parseHexColour(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (m === null) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.2, "relative luminance"), 0 for black to 1 for white. */
export function relativeLuminance(hex: string): number {
  const rgb = parseHexColour(hex);
  if (rgb === null) throw new Error(`not a hex colour: ${hex}`);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA minimums: 4.5 for normal text, 3 for large text and for the parts of controls and graphics. */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

/**
 * The custom properties (`--name: #hex;`) declared in each rule of a stylesheet whose selector matches
 * `selector` exactly (whitespace-normalised), merged in source order. Only hex values are read.
 */
export function customProperties(css: string, selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rule = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = rule.exec(withoutComments); m !== null; m = rule.exec(withoutComments)) {
    if (m[1].replace(/\s+/g, ' ').trim() !== selector) continue;
    for (const d of m[2].matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;/g)) out[d[1]] = d[2].toLowerCase();
  }
  return out;
}
