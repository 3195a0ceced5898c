// Shapes and writers for the grading report: results.json, junit.xml and the summary table.
// Plain Node, no dependencies: it runs in the repo and in an exported pack.

/** @typedef {'pass' | 'fail' | 'error'} SolutionStatus */

/**
 * One graded solution, as results.json lists it.
 * @typedef {object} SolutionResult
 * @property {string} file          the path as given (relative to where the grader ran)
 * @property {string | null} challenge the challenge id (null when the file could not be read)
 * @property {SolutionStatus} status pass: every goal holds; fail: graded, a goal does not hold;
 *                                   error: could not be graded (bad file, learner code failed, page and engine disagree)
 * @property {string} message        one line
 * @property {string} engine         the engine version that graded it
 * @property {string | null} solutionEngine the engine version the file says it was made with
 * @property {Array<object>} goals   per goal: id, text, status, message, perSeed
 * @property {string | null} codeError
 * @property {object | null} page    what the page showed: status, goals, codeError
 * @property {number} durationMs
 */

const STATUS_ORDER = { error: 0, fail: 1, pass: 2 };

/** Counts per status. */
export function summarize(solutions) {
  const summary = { total: solutions.length, pass: 0, fail: 0, error: 0 };
  for (const s of solutions) summary[s.status] += 1;
  return summary;
}

/** Sorted by challenge, then file (stable output whatever order the workers finished in). */
export function sortResults(solutions) {
  return [...solutions].sort(
    (a, b) => (a.challenge ?? '').localeCompare(b.challenge ?? '') || a.file.localeCompare(b.file),
  );
}

/** The results.json document. */
export function resultsDocument(solutions, { engine, shard = null, startedAt, durationMs }) {
  const sorted = sortResults(solutions);
  return {
    format: 'back-of-house/grading-results',
    version: 1,
    engine,
    shard,
    startedAt,
    durationMs,
    summary: summarize(sorted),
    solutions: sorted,
  };
}

// XML 1.0 allows only these characters; anything else (binary garbage in a message) is dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or text node. */
export function xmlEscape(value) {
  return String(value)
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms) => (Math.max(0, ms) / 1000).toFixed(3);

/** The lines a failing solution's <failure> body lists: every failing goal with its message. */
export function failureLines(result) {
  const lines = [];
  if (result.codeError) lines.push(`code: ${result.codeError}`);
  for (const goal of result.goals ?? []) {
    if (goal.status !== 'pass') lines.push(`${goal.id}: ${goal.message}`);
  }
  if (lines.length === 0) lines.push(result.message);
  return lines;
}

/**
 * JUnit XML: one testsuite per challenge, one testcase per solution. A fail is a <failure> listing the failing
 * goals; an error is an <error> with its message. Files whose challenge is unknown go to the suite "(unreadable)".
 */
export function junitXml(solutions, { name = 'back-of-house grading', timestamp } = {}) {
  const suites = new Map();
  for (const result of sortResults(solutions)) {
    const key = result.challenge ?? '(unreadable)';
    if (!suites.has(key)) suites.set(key, []);
    suites.get(key).push(result);
  }
  const total = summarize(solutions);
  const totalTime = solutions.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${xmlEscape(name)}" tests="${total.total}" failures="${total.fail}" errors="${total.error}" time="${seconds(totalTime)}">`,
  );
  for (const [suite, results] of suites) {
    const counts = summarize(results);
    const time = results.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    const stamp = timestamp ? ` timestamp="${xmlEscape(timestamp)}"` : '';
    out.push(
      `  <testsuite name="${xmlEscape(suite)}" tests="${counts.total}" failures="${counts.fail}" errors="${counts.error}" skipped="0" time="${seconds(time)}"${stamp}>`,
    );
    for (const r of results) {
      const open = `    <testcase classname="${xmlEscape(suite)}" name="${xmlEscape(r.file)}" time="${seconds(r.durationMs ?? 0)}"`;
      if (r.status === 'pass') {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      const tag = r.status === 'fail' ? 'failure' : 'error';
      const body = r.status === 'fail' ? failureLines(r).join('\n') : [r.message, ...failureLines(r).filter((l) => l !== r.message)].join('\n');
      out.push(`      <${tag} message="${xmlEscape(r.message)}" type="${tag === 'failure' ? 'goals' : 'error'}">${xmlEscape(body)}</${tag}>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function cut(text, width) {
  const flat = String(text).replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

/** A plain-text table: file, challenge, status, time, message; then the totals. */
export function summaryTable(solutions, { width = 120 } = {}) {
  const rows = sortResults(solutions).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || 0);
  const fileW = Math.min(40, Math.max(4, ...rows.map((r) => r.file.length)));
  const chW = Math.min(24, Math.max(9, ...rows.map((r) => (r.challenge ?? '-').length)));
  const fixed = fileW + chW + 6 + 8 + 8;
  const msgW = Math.max(20, width - fixed);
  const line = (f, c, s, t, m) => `${f.padEnd(fileW)}  ${c.padEnd(chW)}  ${s.padEnd(6)}  ${t.padStart(6)}  ${m}`;
  const out = [line('file', 'challenge', 'status', 'time', 'message'), '-'.repeat(Math.min(width, fixed + 20))];
  for (const r of rows) {
    const file = r.file.length > fileW ? `…${r.file.slice(-(fileW - 1))}` : r.file;
    out.push(line(file, cut(r.challenge ?? '-', chW), r.status.toUpperCase(), `${((r.durationMs ?? 0) / 1000).toFixed(1)}s`, cut(r.message, msgW)));
  }
  const s = summarize(solutions);
  out.push('', `${s.total} solution(s): ${s.pass} pass, ${s.fail} fail, ${s.error} error`);
  return out.join('\n');
}
