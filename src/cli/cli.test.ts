import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cliError.ts';
import { parseDuration } from './duration.ts';
import { runCommand } from './runCommand.ts';

const dir = mkdtempSync(join(tmpdir(), 'boh-cli-'));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error('expected a CliError');
}

describe('parseDuration()', () => {
  it('reads plain ms and unit forms', () => {
    expect(parseDuration('3600000', '--until')).toBe(3_600_000);
    expect(parseDuration('90m', '--until')).toBe(5_400_000);
    expect(parseDuration('1h30m', '--until')).toBe(5_400_000);
    expect(parseDuration('45s', '--until')).toBe(45_000);
    expect(parseDuration('2.5h', '--until')).toBe(9_000_000);
    expect(parseDuration('250ms', '--until')).toBe(250);
  });
  it('refuses anything else, naming the flag', () => {
    expect(() => parseDuration('soon', '--until')).toThrow('--until: expected a duration such as 90m, 1h30m, 45s or a number of ms, got "soon"');
    expect(() => parseDuration('10x', '--until')).toThrow(CliError);
    expect(() => parseDuration('', '--until')).toThrow(CliError);
  });
});

describe('sim run', () => {
  it('runs a built-in scenario by id and prints a summary', () => {
    const out = runCommand(['tables']);
    expect(out.split('\n')[0]).toBe('tables · seed 7 · ran to 1:00:00 (3600000 ms) · 158 events');
    expect(out).toContain('Tables (connection pool)');
  });

  it('--json prints {scenario, metrics, events} with defaults filled in, byte-identical on a second run', () => {
    const a = runCommand(['staff', '--json', '--seed', '3', '--until', '30m']);
    const b = runCommand(['staff', '--seed=3', '--until=1800000', '--json']);
    expect(b).toBe(a);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed)).toEqual(['scenario', 'metrics', 'events']);
    expect(parsed.scenario.seed).toBe(3);
    expect(parsed.scenario.staff.allowCoreTimeout).toBe(false);
    expect(parsed.metrics.atMs).toBe(1_800_000);
    expect(parsed.events.every((e: { atMs: number }) => e.atMs <= 1_800_000)).toBe(true);
    expect(parsed.events[0]).toMatchObject({ type: 'party.arrived' });
  });

  it('runs a scenario file and rejects a bad one naming the file and the field', () => {
    const good = file('good.json', JSON.stringify({ name: 'mine', durationMs: 600_000, tables: {} }));
    expect(runCommand([good])).toMatch(/^mine · seed 1 · ran to 10:00/);
    const bad = file('bad.json', JSON.stringify({ name: 'x', tables: { small: { max: -1 } }, colour: 'red' }));
    expect(errorOf(() => runCommand([bad]))).toBe(`${bad}: tables.small.max: expected >= 0, got -1; colour: unknown field (not part of the scenario format)`);
  });

  it('refuses a missing file, invalid JSON, bad flags and extra arguments with one clear line', () => {
    expect(errorOf(() => runCommand(['nope.json']))).toMatch(/^cannot read scenario file "nope.json": no such file \(built-in scenarios: dinner-service/);
    const broken = file('broken.json', '{ "name": ');
    expect(errorOf(() => runCommand([broken]))).toMatch(new RegExp(`^${broken}: not valid JSON: `));
    expect(errorOf(() => runCommand(['tables', '--seed', '-1']))).toBe('--seed: expected an integer 0-4294967295, got "-1"');
    expect(errorOf(() => runCommand(['tables', '--seed', 'x']))).toBe('--seed: expected an integer 0-4294967295, got "x"');
    expect(errorOf(() => runCommand(['tables', '--until', '25h']))).toBe('--until: expected at most 24h, got 90000000 ms');
    expect(errorOf(() => runCommand(['tables', '--fast']))).toBe('unknown flag --fast for "run" (expected --seed, --until, --json)');
    expect(errorOf(() => runCommand(['tables', '--json=yes']))).toBe('--json=yes: --json takes no value');
    expect(errorOf(() => runCommand([]))).toBe('run: expected one scenario file (or a built-in id), got none');
    expect(errorOf(() => runCommand(['a', 'b']))).toBe('run: expected one scenario file (or a built-in id), got a b');
  });
});

describe('sim (process)', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const sim = (...args: string[]) => spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8' });

  it('exits 2 with one line on stderr and nothing on stdout for bad input', () => {
    const r = sim('run', 'nope.json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^sim: cannot read scenario file "nope.json"/);
    const u = sim('frobnicate');
    expect(u.status).toBe(2);
    expect(u.stderr).toBe('sim: unknown command "frobnicate" (expected one of: run, malloc, paging, cache; see --help)\n');
  });

  it('exits 0 and prints only the output', () => {
    const r = sim('run', 'manager', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).scenario.name).toBe('manager');
  });
});
