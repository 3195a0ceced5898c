import { createSimulation, type Simulation } from '../sim/index.ts';
import { parseArgs } from './args.ts';
import { CliError } from './cliError.ts';
import { parseDuration } from './duration.ts';
import { megabytes, OutputBudget, quote } from './io.ts';
import { loadScenario } from './loadScenario.ts';
import { formatClock, formatSummary } from './summary.ts';

const DAY_MS = 24 * 3_600_000;

/** Limits that keep a run within memory; tests pass smaller ones. */
export interface RunLimits {
  /** Most events a run may log when it prints a summary. */
  maxEvents: number;
  /** Most events a run may log with `--json` (each one is printed). */
  maxJsonEvents: number;
  /** Most bytes `--json` may print (events such as `heap.searched` can be long). */
  maxJsonBytes: number;
}

export const RUN_LIMITS: RunLimits = { maxEvents: 5_000_000, maxJsonEvents: 2_000_000, maxJsonBytes: 256_000_000 };

/** Simulated time run between two checks of the event budget. */
const CHUNK_MS = 1_000;

/**
 * `run <scenario.json|built-in id> [--seed N] [--until DURATION] [--json]`: runs a scenario headless and
 * returns what to print: a summary, or with `--json` one JSON object `{scenario, metrics, events}`.
 * A run that logs more events than {@link RunLimits} allow stops with a CliError rather than exhausting memory.
 */
export function runCommand(argv: readonly string[], limits: RunLimits = RUN_LIMITS): string {
  const { positionals, options } = parseArgs(argv, 'run', ['seed', 'until'], ['json']);
  if (positionals.length !== 1) {
    throw new CliError(`run: expected one scenario file (or a built-in id), got ${positionals.length === 0 ? 'none' : positionals.map((p) => quote(p)).join(' ')}`);
  }
  const scenario = loadScenario(positionals[0]);
  const seed = options.has('seed') ? parseSeed(String(options.get('seed'))) : scenario.seed;
  const untilText = String(options.get('until'));
  const untilMs = options.has('until') ? parseDuration(untilText, '--until') : scenario.durationMs;
  if (!(untilMs >= 0 && untilMs <= DAY_MS)) {
    throw new CliError(`--until: expected at most 24h, got ${Number.isFinite(untilMs) ? `${untilMs} ms` : quote(untilText)}`);
  }
  const isJson = options.has('json');
  const sim = createSimulation({ ...scenario, seed }, seed);
  runWithinBudget(sim, untilMs, isJson ? limits.maxJsonEvents : limits.maxEvents, isJson);
  if (isJson) return toJson(sim, limits.maxJsonBytes);
  return formatSummary(scenario.name, seed, sim.metrics());
}

/**
 * Runs to `untilMs` in chunks of simulated time, checking the log's length after each chunk (the same steps
 * fire in the same order as one `runUntil`, so the output does not change).
 */
function runWithinBudget(sim: Simulation, untilMs: number, maxEvents: number, isJson: boolean): void {
  for (let t = Math.min(CHUNK_MS, untilMs); ; t = Math.min(t + CHUNK_MS, untilMs)) {
    sim.runUntil(t);
    if (sim.log.length > maxEvents) {
      const json = isJson ? ' with --json' : '';
      throw new CliError(
        `run: the run logged more than ${maxEvents} events${json} by ${formatClock(sim.nowMs)} of simulated time; shorten --until or the scenario${isJson ? ', or leave out --json for the summary' : ''}`,
      );
    }
    if (t >= untilMs) return;
  }
}

/** `{scenario, metrics, events}` as JSON.stringify prints it, built one event at a time within a byte budget. */
function toJson(sim: Simulation, maxBytes: number): string {
  const head = `{"scenario":${JSON.stringify(sim.scenario)},"metrics":${JSON.stringify(sim.metrics())},"events":[`;
  const events = new OutputBudget(
    () => `run: the --json output would be larger than ${megabytes(maxBytes)}; shorten --until or the scenario, or leave out --json for the summary`,
    maxBytes - head.length - 2,
  );
  for (const event of sim.log.events) events.push(JSON.stringify(event));
  return `${head}${events.parts.join(',')}]}`;
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 2 ** 32 - 1) throw new CliError(`--seed: expected an integer 0-4294967295, got ${quote(text)}`);
  return Number(text);
}
