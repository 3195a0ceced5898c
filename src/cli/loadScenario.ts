import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtInScenarios, formatProblems, parseScenario, type Scenario } from '../sim/index.ts';
import { CliError } from './cliError.ts';

/** Largest scenario file we read (a scenario is a few KB; this only stops accidents). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads and validates a scenario file, or a built-in scenario by id (`dinner-service`, `tables`, ...) when no
 * file of that name exists. Every problem becomes a one-line CliError naming the file and the field.
 */
export function loadScenario(pathOrId: string): Scenario {
  if (!existsSync(pathOrId) && Object.hasOwn(builtInScenarios, pathOrId)) {
    const r = parseScenario(builtInScenarios[pathOrId]);
    if (!r.ok) throw new CliError(`built-in scenario ${pathOrId}: ${formatProblems(r.problems)}`);
    return r.scenario;
  }
  let text: string;
  try {
    if (statSync(pathOrId).size > MAX_FILE_BYTES) throw new CliError(`${pathOrId}: file is larger than 5 MB; a scenario is a small JSON file`);
    text = readFileSync(pathOrId, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    const ids = Object.keys(builtInScenarios).join(', ');
    throw new CliError(`cannot read scenario file "${pathOrId}": ${why} (built-in scenarios: ${ids})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${pathOrId}: not valid JSON: ${(e as Error).message}`);
  }
  const r = parseScenario(json);
  if (!r.ok) throw new CliError(`${pathOrId}: ${formatProblems(r.problems)}`);
  return r.scenario;
}
