// Node-side checks of one solution file before any browser is involved: size, text, then the engine's
// parseSolutionFile. A bad file becomes a one-line message; the other files are still graded.
import { readFileSync, statSync } from 'node:fs';


function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Reads a solution file as text, or says why it cannot be one.
 * @param {string} path
 * @param {number} maxBytes the size limit: the engine's MAX_SOLUTION_BYTES (the app refuses larger files too)
 */
export function readSolutionText(path, maxBytes) {
  if (!Number.isFinite(maxBytes)) throw new Error('the grading engine gives no MAX_SOLUTION_BYTES: bundle it again (npm run grade does)');
  let stats;
  try {
    stats = statSync(path);
  } catch (e) {
    return { ok: false, message: e?.code === 'ENOENT' ? 'no such file' : `cannot read it: ${e?.message ?? e}` };
  }
  if (!stats.isFile()) return { ok: false, message: 'not a file' };
  if (stats.size > maxBytes) {
    return { ok: false, message: `too large: ${size(stats.size)} (a solution file is at most ${maxBytes / 1024} KiB)` };
  }
  const bytes = readFileSync(path);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `not a text file: binary data (a zero byte at byte ${nul})` };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'not a text file: it is not valid UTF-8' };
  }
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/** The `challenge` and `engine` fields when the text is a JSON object that has them (for the report). */
function claimedFields(text) {
  try {
    const data = JSON.parse(text);
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return {
        challenge: typeof data.challenge === 'string' ? data.challenge : null,
        engine: typeof data.engine === 'string' ? data.engine : null,
      };
    }
  } catch {
    // not JSON: the parse message says so
  }
  return { challenge: null, engine: null };
}

/**
 * Checks one file with the engine.
 * @returns {{ ok: true, text: string, solution: object, challenge: object, solutionEngine: string }
 *   | { ok: false, message: string, challenge: string | null, solutionEngine: string | null }}
 */
export function checkSolutionFile(path, engine) {
  const read = readSolutionText(path, engine.mod.MAX_SOLUTION_BYTES);
  if (!read.ok) return { ok: false, message: read.message, challenge: null, solutionEngine: null };
  const claimed = claimedFields(read.text);
  const known = engine.challenges.some((c) => c.id === claimed.challenge);
  let parsed;
  try {
    parsed = engine.mod.parseSolutionFile(read.text, engine.challenges);
  } catch (e) {
    parsed = { ok: false, message: `the engine could not read it: ${e?.message ?? e}` };
  }
  if (!parsed.ok) {
    return { ok: false, message: parsed.message, challenge: known ? claimed.challenge : null, solutionEngine: claimed.engine };
  }
  return { ok: true, text: read.text, solution: parsed.solution, challenge: parsed.challenge, solutionEngine: parsed.solution.engine };
}
