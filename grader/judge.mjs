// Turns what the page showed and what the engine computed into one graded result. Pure: no I/O.
//
// The engine (evaluateSolution in Node) is the authority: the page only counts when it agrees with it, so a
// hand-edited solution file or a tampered page cannot pass. Any disagreement is an error naming the goal.

/**
 * What the grading test read from the page.
 * @typedef {object} PageObservation
 * @property {'pass' | 'fail' | 'error'} status  the verdict's data-status
 * @property {string | null} engine              the verdict's data-engine
 * @property {Array<{ id: string, status: string, message: string }>} goals
 * @property {string | null} codeError           the code-error text, when shown
 * @property {string | null} [runError]          the run-error text (the run itself failed), when shown
 */

/** One line: the first failing goals with their messages. */
function failMessage(goals) {
  const failing = goals.filter((g) => g.status !== 'pass');
  const first = failing[0];
  const more = failing.length > 1 ? ` (and ${failing.length - 1} more: ${failing.slice(1).map((g) => g.id).join(', ')})` : '';
  return `${failing.length} of ${goals.length} goal(s) fail: ${first.id}: ${first.message}${more}`;
}

/**
 * @param {object} input
 * @param {string} input.file
 * @param {string} input.challenge
 * @param {string} input.engineVersion      the grader's ENGINE_VERSION
 * @param {string | null} input.solutionEngine the engine the file names
 * @param {import('../src/challenge/types.ts').Verdict | null} input.verdict the engine's verdict (null if it threw)
 * @param {string | null} [input.engineFailure] why the engine gave no verdict
 * @param {PageObservation | null} input.page
 * @param {string | null} [input.pageFailure] why the page gave no verdict (did not load, refused the file, timed out)
 * @param {string[]} [input.blockedRequests] URLs the grading browser refused (the page tried to reach the network)
 * @param {number} input.durationMs
 */
export function judge(input) {
  const { file, challenge, engineVersion, solutionEngine, verdict, page, durationMs } = input;
  const base = {
    file,
    challenge,
    status: 'error',
    message: '',
    engine: engineVersion,
    solutionEngine: solutionEngine ?? null,
    goals: verdict?.goals ?? [],
    codeError: verdict?.codeError ?? null,
    page: page ?? null,
    durationMs,
  };
  const error = (message) => ({ ...base, status: 'error', message });
  const blocked = input.blockedRequests ?? [];
  if (blocked.length > 0) {
    const more = blocked.length > 1 ? ` (and ${blocked.length - 1} more)` : '';
    return { ...error(`the page tried to reach the network: ${blocked[0]}${more}; the grading browser blocked it`), blockedRequests: blocked.slice(0, 10) };
  }

  if (!verdict) return error(`the engine could not grade it: ${input.engineFailure ?? 'no verdict'}`);
  if (input.pageFailure) {
    const engineSays = verdict.codeError ? `the code failed: ${verdict.codeError}` : `the engine says ${verdict.status}`;
    return error(`${input.pageFailure} (${engineSays})`);
  }
  if (!page) return error('the page gave no verdict');
  if (page.engine !== engineVersion) {
    return error(`the page runs engine ${page.engine ?? '(none)'}; this grader runs engine ${engineVersion} (rebuild the app or export the pack again)`);
  }

  const enginePass = verdict.status === 'pass';
  // When the page's run failed (timed out, crashed) and the engine says fail, the page's own words stay in
  // the message: the learner sees both.
  const pageWords = page.runError ?? page.codeError ?? 'an error with no message';
  const pageSaid = page.status === 'error' && pageWords !== verdict.codeError ? `; the page: ${pageWords}` : '';
  if (page.status === 'error') {
    if (enginePass) {
      return error(`the page and the engine disagree on the verdict: the page reported an error (${page.runError ?? page.codeError ?? 'no message'}) but every goal holds in the engine`);
    }
  } else {
    const pageGoals = new Map(page.goals.map((g) => [g.id, g]));
    for (const goal of verdict.goals) {
      const shown = pageGoals.get(goal.id);
      if (!shown) return error(`the page and the engine disagree on goal ${goal.id}: the page does not show it`);
      if (shown.status !== goal.status) {
        return error(`the page and the engine disagree on goal ${goal.id}: page ${shown.status}, engine ${goal.status} (${goal.message})`);
      }
    }
    const known = new Set(verdict.goals.map((g) => g.id));
    const extra = page.goals.find((g) => !known.has(g.id));
    if (extra) return error(`the page and the engine disagree on goal ${extra.id}: the challenge has no such goal`);
    if ((page.status === 'pass') !== enginePass) {
      return error(`the page and the engine disagree on the verdict: page ${page.status}, engine ${verdict.status}`);
    }
  }

  if (verdict.codeError) return error(`the code failed: ${verdict.codeError}${pageSaid}`);
  if (enginePass) {
    return { ...base, status: 'pass', message: `all ${verdict.goals.length} goal(s) hold on seeds ${verdict.seeds.join(', ')}` };
  }
  return { ...base, status: 'fail', message: `${failMessage(verdict.goals)}${pageSaid}` };
}

/** A result for a file that never reached the page (unreadable, too large, rejected by parseSolutionFile). */
export function fileError({ file, challenge = null, engineVersion, solutionEngine = null, message, durationMs = 0 }) {
  return {
    file,
    challenge,
    status: 'error',
    message,
    engine: engineVersion,
    solutionEngine,
    goals: [],
    codeError: null,
    page: null,
    durationMs,
  };
}
