import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../sim/index.ts';
import { CliError } from './cliError.ts';
import { parseDuration } from './duration.ts';
import { oneLine, quote } from './io.ts';
import { loadScenario } from './loadScenario.ts';
import { RUN_LIMITS, runCommand } from './runCommand.ts';

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
    expect(errorOf(() => runCommand([bad]))).toBe(`"${bad}": tables.small.max: expected >= 0, got -1; colour: unknown field (not part of the scenario format)`);
  });

  it('refuses a missing file, invalid JSON, bad flags and extra arguments with one clear line', () => {
    expect(errorOf(() => runCommand(['nope.json']))).toMatch(/^cannot read scenario file "nope.json": no such file \(built-in scenarios: dinner-service/);
    const broken = file('broken.json', '{ "name": ');
    expect(errorOf(() => runCommand([broken]))).toMatch(new RegExp(`^"${broken}": not valid JSON: `));
    expect(errorOf(() => runCommand(['tables', '--seed', '-1']))).toBe('--seed: expected an integer 0-4294967295, got "-1"');
    expect(errorOf(() => runCommand(['tables', '--seed', 'x']))).toBe('--seed: expected an integer 0-4294967295, got "x"');
    expect(errorOf(() => runCommand(['tables', '--until', '25h']))).toBe('--until: expected at most 24h, got 90000000 ms');
    expect(errorOf(() => runCommand(['tables', '--fast']))).toBe('unknown flag "--fast" for "run" (expected --seed, --until, --json)');
    expect(errorOf(() => runCommand(['tables', '--json=yes']))).toBe('--json: takes no value, got "--json=yes"');
    expect(errorOf(() => runCommand([]))).toBe('run: expected one scenario file (or a built-in id), got none');
    expect(errorOf(() => runCommand(['a', 'b']))).toBe('run: expected one scenario file (or a built-in id), got "a" "b"');
    expect(errorOf(() => runCommand(['tables', '--until', '9'.repeat(400)]))).toBe(`--until: expected at most 24h, got "${'9'.repeat(80)}"... (400 characters)`);
  });

  it('echoes file names and flag values JSON-quoted (control characters escaped)', () => {
    expect(errorOf(() => runCommand(['no\npe.json']))).toMatch(/^cannot read scenario file "no\\npe\.json": no such file \(built-in scenarios: /);
    expect(errorOf(() => runCommand(['tables', '--seed', '7\u001b[2J']))).toBe('--seed: expected an integer 0-4294967295, got "7\\u001b[2J"');
    expect(errorOf(() => runCommand(['tables', '--until', '1\rh']))).toBe('--until: expected a duration such as 90m, 1h30m, 45s or a number of ms, got "1\\rh"');
  });

  it('reads only regular files: a directory, /dev/zero or a pipe is refused at once, not read forever', () => {
    const ids = 'dinner-service, tables, staff';
    expect(errorOf(() => runCommand(['/dev/zero']))).toMatch(
      new RegExp(`^cannot read scenario file "/dev/zero": not a regular file \\(expected a scenario JSON file\\) \\(built-in scenarios: ${ids}`),
    );
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    expect(errorOf(() => runCommand([sub]))).toMatch(new RegExp(`^cannot read scenario file "${sub}": it is a directory \\(built-in scenarios: ${ids}`));
    const big = file('big.json', `{"name":"big","description":"${'x'.repeat(5_000_001)}"}`);
    expect(errorOf(() => runCommand([big]))).toBe(`"${big}": file is larger than 5 MB; a scenario is a small JSON file`);
  });

  it('skips a leading UTF-8 byte-order mark, as cache and paging -f do', () => {
    const bom = file('bom.json', `\uFEFF${JSON.stringify({ name: 'bom', durationMs: 60_000, tables: {} })}`);
    expect(runCommand([bom])).toMatch(/^bom · seed 1 · ran to 1:00 \(60000 ms\)/);
  });

  it('names a number JSON cannot hold (a seed a million digits long) instead of saying null', () => {
    const huge = file('huge-seed.json', `{"name":"x","seed":${'9'.repeat(1_000_000)}}`);
    expect(errorOf(() => runCommand([huge]))).toBe(`"${huge}": seed: expected number, got a number too large to use`);
    const inf = file('inf.json', '{"name":"x","durationMs":1e999}');
    expect(errorOf(() => loadScenario(inf))).toBe(`"${inf}": durationMs: expected number, got a number too large to use`);
  });

  it('deeply nested JSON ends as a CliError (by type in messages; a parser stack overflow is named)', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nested = file('nested.json', `{"name":${deep}}`);
    expect(errorOf(() => loadScenario(nested))).toBe(`"${nested}": name: expected string, got an array of 1`);
    const parse = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(errorOf(() => loadScenario(nested))).toBe(`"${nested}": not valid JSON: nested too deeply (a scenario is a few levels deep)`);
    } finally {
      parse.mockRestore();
    }
  });

  it('stops a run that logs more events than its budget, with a clean one-line error', () => {
    const small = { ...RUN_LIMITS, maxEvents: 100, maxJsonEvents: 50 };
    expect(errorOf(() => runCommand(['tables'], small))).toBe('run: the run logged more than 100 events by 38:14 of simulated time; shorten --until or the scenario');
    expect(errorOf(() => runCommand(['tables', '--json'], small))).toBe(
      'run: the run logged more than 50 events with --json by 24:41 of simulated time; shorten --until or the scenario, or leave out --json for the summary',
    );
    expect(errorOf(() => runCommand(['tables', '--json'], { ...RUN_LIMITS, maxJsonBytes: 5_000 }))).toBe(
      'run: the --json output would be larger than 5000 bytes; shorten --until or the scenario, or leave out --json for the summary',
    );
  });

  it('running in chunks of simulated time changes nothing: --json is what one runUntil gives', () => {
    for (const [id, until] of [['dinner-service', 5_400_000], ['tables', 1_234_567]] as const) {
      const out = runCommand([id, '--json', '--until', String(until)]);
      const sim = createSimulation(loadScenario(id));
      sim.runUntil(until);
      expect(out).toBe(JSON.stringify({ scenario: sim.scenario, metrics: sim.metrics(), events: sim.log.events }));
    }
  });
});

describe('messages', () => {
  it('quote() JSON-quotes user text and cuts it after 80 characters', () => {
    expect(quote('LR\nU')).toBe('"LR\\nU"');
    expect(quote('a'.repeat(81))).toBe(`"${'a'.repeat(80)}"... (81 characters)`);
  });
  it('oneLine() joins lines with one space and escapes other control characters', () => {
    expect(oneLine('a:\n  b\r\n c')).toBe('a: b c');
    expect(oneLine('x\u001b[31my\tz\rw')).toBe('x\\u001b[31my\tz\\u000dw');
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

  /** Runs the CLI with standard input read from `path` (a directory, a device, a file opened for writing). */
  const simWithStdin = (path: string, flags: string, ...args: string[]) => {
    const fd = openSync(path, flags);
    try {
      return spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'], timeout: 60_000 });
    } finally {
      closeSync(fd);
    }
  };
  const expectOneLineError = (r: ReturnType<typeof sim>, message: string) => {
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: '', stderr: `sim: ${message}\n` });
  };

  it('looks commands up as own keys: toString, hasOwnProperty and __proto__ are unknown commands', () => {
    for (const name of ['toString', 'hasOwnProperty', '__proto__']) {
      expectOneLineError(sim(name), `unknown command "${name}" (expected one of: run, malloc, paging, cache; see --help)`);
    }
  });

  it('keeps every error on one line, even when the input holds newlines', () => {
    expectOneLineError(
      sim('paging', '-p', 'LR\nU', '-c'),
      'paging: -p (--policy): unknown policy "LR\\nU" (expected one of FIFO, LRU, MRU, OPT, UNOPT, RAND, CLOCK, SECOND_CHANCE)',
    );
    const broken = file('broken-lines.json', '{\n  "name": "x",\n  oops\n}');
    const r = sim('run', broken);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(r.stderr).toMatch(new RegExp(`^sim: "${broken}": not valid JSON: `));
  });

  it('refuses unreadable or endless standard input for cache with one line, never a hang or an internal error', () => {
    const expected = 'expected the op list as JSON on standard input: cache < ops.json';
    expectOneLineError(simWithStdin(dir, 'r', 'cache'), `cache: cannot read standard input, it is a directory (${expected})`);
    expectOneLineError(simWithStdin(join(dir, 'write-only'), 'w', 'cache'), `cache: cannot read standard input, it is closed or not open for reading (${expected})`);
    expectOneLineError(simWithStdin('/dev/zero', 'r', 'cache'), 'cache: standard input is larger than 16 MB (expected a JSON op list; split it into smaller runs)');
  });

  it('exits 0 and prints only the output', () => {
    const r = sim('run', 'manager', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).scenario.name).toBe('manager');
  });
});
