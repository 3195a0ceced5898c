import { existsSync, statSync } from 'node:fs';
import { builtInScenarios, formatProblems, parseScenario, type Scenario } from '../sim/index.ts';
import { CliError } from './cliError.ts';
import { InputTooLargeError, megabytes, quote, readFailure, readFileText } from './io.ts';

/** Largest scenario file we read (a scenario is a few KB; this only stops accidents). */
const MAX_FILE_BYTES = 5_000_000;

/**
 * Reads and validates a scenario file, or a built-in scenario by id (`dinner-service`, `tables`, ...) when no
 * file of that name exists. Every problem becomes a one-line CliError naming the file and the field.
 * Only regular files are read (not a directory, a device such as /dev/zero, or a pipe), and at most
 * {@link MAX_FILE_BYTES} of them; a leading UTF-8 byte-order mark is skipped.
 */
export function loadScenario(pathOrId: string): Scenario {
  if (!existsSync(pathOrId) && Object.hasOwn(builtInScenarios, pathOrId)) {
    const r = parseScenario(builtInScenarios[pathOrId]);
    if (!r.ok) throw new CliError(`built-in scenario ${pathOrId}: ${formatProblems(r.problems)}`);
    return r.scenario;
  }
  const name = quote(pathOrId);
  const cannotRead = (why: string) => {
    const ids = Object.keys(builtInScenarios).join(', ');
    return new CliError(`cannot read scenario file ${name}: ${why} (built-in scenarios: ${ids})`);
  };
  let text: string;
  try {
    const stats = statSync(pathOrId);
    if (stats.isDirectory()) throw cannotRead('it is a directory');
    if (!stats.isFile()) throw cannotRead('not a regular file (expected a scenario JSON file)');
    text = readFileText(pathOrId, MAX_FILE_BYTES);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof InputTooLargeError) {
      throw new CliError(`${name}: file is larger than ${megabytes(MAX_FILE_BYTES)}; a scenario is a small JSON file`);
    }
    throw cannotRead(readFailure(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(`${name}: not valid JSON: nested too deeply (a scenario is a few levels deep)`);
    throw new CliError(`${name}: not valid JSON: ${(e as Error).message}`);
  }
  let r: ReturnType<typeof parseScenario>;
  try {
    r = parseScenario(json);
  } catch (e) {
    // Validation walks the input; input nested deeper than the stack allows cannot be a scenario.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new CliError(`${name}: nested too deeply to be a scenario (a scenario is a few levels deep)`);
    throw e;
  }
  if (!r.ok) throw new CliError(`${name}: ${formatProblems(r.problems)}`);
  return r.scenario;
}
