/**
 * The core stays deterministic and DOM-free: no wall clock, no Math.random, no timers, no DOM, and it imports
 * nothing but its own files and the schema library. (This is the lint rule STYLE.md asks for, as a test.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM_DIR = import.meta.dirname;
const BANNED: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (use the seeded Random)'],
  [/\bDate\b/, 'Date (use the virtual clock)'],
  [/\bperformance\.now\b/, 'performance.now (use the virtual clock)'],
  [/\bset(Timeout|Interval|Immediate)\b/, 'timers (schedule on the Scheduler)'],
  [/\b(document|window|globalThis|requestAnimationFrame)\b/, 'globals of the page'],
];
const ALLOWED_PACKAGES = new Set(['zod']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Source without comments, so that documentation may mention what the code must not use. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('src/sim purity', () => {
  const files = sourceFiles(SIM_DIR);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it('uses no wall clock, Math.random, timers or page globals', () => {
    const found: string[] = [];
    for (const f of files) {
      const text = code(f);
      for (const [pattern, what] of BANNED) if (pattern.test(text)) found.push(`${relative(SIM_DIR, f)}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('imports only its own modules and the schema library', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const m of code(f).matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('./') || ALLOWED_PACKAGES.has(spec)) continue;
        found.push(`${relative(SIM_DIR, f)} imports ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });
});
