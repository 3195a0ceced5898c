/**
 * The headless command line: `npm run -s sim -- <command> ...`. Prints only the command's output; bad input
 * exits with code 2 and one line on stderr saying what was wrong and what was expected.
 */
import { isatty } from 'node:tty';
import { cacheCommand } from './cacheCommand.ts';
import { builtInScenarioIds } from '../sim/index.ts';
import { CliError } from './cliError.ts';
import { InputTooLargeError, megabytes, oneLine, quote, readFailure, readFdText } from './io.ts';
import { mallocCommand } from './mallocCommand.ts';
import { pagingCommand } from './pagingCommand.ts';
import { runCommand } from './runCommand.ts';

const USAGE = `usage: npm run -s sim -- <command> [options]

commands:
  run <scenario.json | built-in id> [--seed N] [--until DURATION] [--json]
      Runs a scenario on the virtual clock. Built-in ids: ${builtInScenarioIds.join(', ')}.
      DURATION is like 90m, 1h30m, 45s or plain ms.
      Prints a summary, or with --json one object {scenario, metrics, events}.

  malloc [OSTEP malloc.py flags] [--json]
      The free-list allocator with malloc.py's flags (-S -b -H -a -p -l -C -A -c -n -r -P -s);
      -p NEXT is ours. Same answers as malloc.py; --json prints one entry per op.

  paging [OSTEP paging-policy.py flags] [--json]
      Page replacement with paging-policy.py's flags (-a -f -n -p -b -C -m -s -N -c); policies FIFO,
      LRU, MRU, OPT, UNOPT, RAND, CLOCK, and SECOND_CHANCE (the classic clock) of ours.

  cache [--json] < ops.json
      The warming shelf's LRU (lru-cache semantics) on {"options": {...}, "ops": [...]} from stdin.`;

const COMMANDS: Record<string, (argv: readonly string[]) => string> = {
  run: runCommand,
  malloc: mallocCommand,
  paging: pagingCommand,
  cache: (argv) => cacheCommand(argv, readStdin()),
};

/** The most standard input the `cache` command reads (an op list of a few hundred thousand ops). */
const MAX_STDIN_BYTES = 16_000_000;

/**
 * All of standard input (the `cache` command's op list), at most {@link MAX_STDIN_BYTES}; a terminal with
 * nothing piped, a directory, a closed descriptor or too much input gives a CliError.
 */
function readStdin(): string {
  if (isatty(0)) throw new CliError('cache: expected the op list as JSON on standard input (cache < ops.json)');
  const expected = 'expected the op list as JSON on standard input: cache < ops.json';
  try {
    return readFdText(0, MAX_STDIN_BYTES);
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      throw new CliError(`cache: standard input is larger than ${megabytes(MAX_STDIN_BYTES)} (expected a JSON op list; split it into smaller runs)`);
    }
    throw new CliError(`cache: cannot read standard input, ${readFailure(e)} (${expected})`);
  }
}

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    // Asked for, the usage is the output; given nothing to do, it explains the mistake on stderr.
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  try {
    // Own keys only: `toString`, `constructor` or `__proto__` are not commands.
    if (!Object.hasOwn(COMMANDS, command)) {
      throw new CliError(`unknown command ${quote(command)} (expected one of: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
    }
    process.stdout.write(`${COMMANDS[command](rest)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`sim: ${oneLine(e.message)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`sim: internal error: ${oneLine(String((e as Error | undefined)?.message ?? e))}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = main(process.argv.slice(2));
