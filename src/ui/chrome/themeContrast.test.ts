/**
 * The theme's colours, read from app.css itself: both dark blocks declare the same colours, and every text
 * colour meets WCAG AA (4.5:1) on every surface it is drawn on, in light and in dark; the focus ring and the
 * gauge tones meet the 3:1 of graphics and controls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_NON_TEXT, AA_TEXT, contrastRatio, customProperties, parseHexColour, relativeLuminance } from './contrast.ts';

const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');
const light = customProperties(css, ':root');
const darkBySystem = customProperties(css, ":root:not([data-theme='light'])");
const darkByChoice = customProperties(css, ":root[data-theme='dark']");
const themes = { light, dark: { ...light, ...darkByChoice } };

const SURFACES = ['--bg', '--surface', '--surface-2'];
const TEXTS = ['--text', '--muted', '--accent'];
const TONES = ['--tone-busy', '--tone-idle', '--tone-resetting', '--tone-setup', '--tone-waiting', '--tone-used'];

function failures(colours: Record<string, string>, pairs: [string, string][], minimum: number): string[] {
  return pairs
    .map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(colours[fg], colours[bg]) }))
    .filter((p) => !(p.ratio >= minimum))
    .map((p) => `${p.fg} on ${p.bg}: ${p.ratio.toFixed(2)}`);
}

describe('contrast helpers', () => {
  it('compute WCAG luminance and ratios exactly', () => {
    expect(parseHexColour('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColour('#a8482a')).toEqual([168, 72, 42]);
    expect(parseHexColour('red')).toBeNull();
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('customProperties() reads the hex custom properties of one selector', () => {
    expect(customProperties(':root { --a: #fff; --b: 1rem; } .x { --a: #000; }', ':root')).toEqual({ '--a': '#fff' });
  });
});

describe('app.css themes', () => {
  it('declare every colour in light, and the same dark colours for the system query and for data-theme=dark', () => {
    expect(Object.keys(light).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(darkByChoice).length).toBeGreaterThanOrEqual(20);
    expect(darkBySystem).toEqual(darkByChoice);
    expect(Object.keys(darkByChoice).filter((k) => !(k in light))).toEqual([]);
  });

  for (const [name, colours] of Object.entries(themes)) {
    it(`${name}: text meets AA on every surface`, () => {
      const pairs: [string, string][] = TEXTS.flatMap((fg) => SURFACES.map((bg): [string, string] => [fg, bg]));
      pairs.push(['--accent-text', '--accent'], ['--text', '--notice-bg'], ['--text', '--danger-bg'], ['--muted', '--notice-bg'], ['--muted', '--danger-bg']);
      expect(failures(colours, pairs, AA_TEXT)).toEqual([]);
    });

    it(`${name}: the focus ring and the gauge tones stand out from the surfaces (3:1)`, () => {
      const pairs: [string, string][] = ['--focus', ...TONES].flatMap((fg) => ['--bg', '--surface'].map((bg): [string, string] => [fg, bg]));
      expect(failures(colours, pairs, AA_NON_TEXT)).toEqual([]);
    });
  }
});
