import { CliError } from './cliError.ts';
import { quote } from './io.ts';

/** Parsed command-line: positional arguments and `--flag value` / `--switch` options. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

/**
 * Splits argv into positionals and options. `valueFlags` take a value (`--seed 7` or `--seed=7`);
 * `switches` take none. Anything else starting with `-` is refused with a clear message.
 */
export function parseArgs(argv: readonly string[], command: string, valueFlags: readonly string[], switches: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const known = [...valueFlags, ...switches].map((f) => `--${f}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.replace(/^--?/, '').slice(0, eq > 0 ? eq - (arg.startsWith('--') ? 2 : 1) : undefined);
    if (switches.includes(name)) {
      if (eq > 0) throw new CliError(`--${name}: takes no value, got ${quote(arg)}`);
      options.set(name, true);
    } else if (valueFlags.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CliError(`--${name}: expected a value after it`);
      options.set(name, value);
    } else {
      throw new CliError(`unknown flag ${quote(arg)} for "${command}" (expected ${known || 'no flags'})`);
    }
  }
  return { positionals, options };
}
