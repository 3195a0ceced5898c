/**
 * The headless command line: `npm run -s sim -- <command> ...`. Prints only the command's output; bad input
 * exits with code 2 and one line on stderr saying what was wrong and what was expected.
 */
import { CliError } from './cliError.ts';
import { runCommand } from './runCommand.ts';

const USAGE = `usage: npm run -s sim -- <command> [options]

commands:
  run <scenario.json | built-in id> [--seed N] [--until DURATION] [--json]
      Runs a scenario on the virtual clock. Built-in ids: dinner-service, tables, staff,
      ingredients, manager, food-hall. DURATION is like 90m, 1h30m, 45s or plain ms.
      Prints a summary, or with --json one object {scenario, metrics, events}.`;

const COMMANDS: Record<string, (argv: readonly string[]) => string> = {
  run: runCommand,
};

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new CliError(`unknown command "${command}" (expected one of: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
    process.stdout.write(`${handler(rest)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`sim: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`sim: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = main(process.argv.slice(2));
