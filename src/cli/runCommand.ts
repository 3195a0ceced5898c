import { createSimulation } from '../sim/index.ts';
import { parseArgs } from './args.ts';
import { CliError } from './cliError.ts';
import { parseDuration } from './duration.ts';
import { loadScenario } from './loadScenario.ts';
import { formatSummary } from './summary.ts';

const DAY_MS = 24 * 3_600_000;

/**
 * `run <scenario.json|built-in id> [--seed N] [--until DURATION] [--json]`: runs a scenario headless and
 * returns what to print: a summary, or with `--json` one JSON object `{scenario, metrics, events}`.
 */
export function runCommand(argv: readonly string[]): string {
  const { positionals, options } = parseArgs(argv, 'run', ['seed', 'until'], ['json']);
  if (positionals.length !== 1) {
    throw new CliError(`run: expected one scenario file (or a built-in id), got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  }
  const scenario = loadScenario(positionals[0]);
  const seed = options.has('seed') ? parseSeed(String(options.get('seed'))) : scenario.seed;
  const untilMs = options.has('until') ? parseDuration(String(options.get('until')), '--until') : scenario.durationMs;
  if (untilMs < 0 || untilMs > DAY_MS) throw new CliError(`--until: expected at most 24h, got ${untilMs} ms`);
  const sim = createSimulation({ ...scenario, seed }, seed);
  sim.runUntil(untilMs);
  if (options.has('json')) {
    return JSON.stringify({ scenario: sim.scenario, metrics: sim.metrics(), events: sim.log.events });
  }
  return formatSummary(scenario.name, seed, sim.metrics());
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 2 ** 32 - 1) throw new CliError(`--seed: expected an integer 0-4294967295, got "${text}"`);
  return Number(text);
}
