/**
 * A verdict shaped for the goal checklist: per goal its status and reason, and per seed a short mark with
 * its own message; plus the headline. Before the first run, the goals are listed as not run yet.
 *
 * @example
 * verdictHeadline({ kind: 'done', verdict }) // 'Not yet: 1 of 3 goals met on every seed.'
 */
import type { Goal, GoalStatus, Verdict } from '../../challenge/types.ts';

/** Where the run is. `error`: the run itself failed (time limit, crash, cancel): no verdict. */
export type RunState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; verdict: Verdict }
  | { kind: 'error'; message: string; isCancelled: boolean };

/** The verdict element's `data-status`. */
export function verdictStatus(state: RunState): 'idle' | 'running' | 'pass' | 'fail' | 'error' {
  if (state.kind === 'done') return state.verdict.status;
  return state.kind;
}

export interface SeedMark {
  seed: number;
  status: GoalStatus;
  /** "seed 11: passed" / "seed 12: failed": for screen readers and the tooltip. */
  label: string;
  message: string;
}

export interface GoalRow {
  id: string;
  text: string;
  /** null before a run. */
  status: GoalStatus | null;
  message: string;
  seeds: SeedMark[];
}

/** The checklist rows: from the verdict when there is one, else the challenge's goals, not run yet. */
export function goalRows(goals: readonly Pick<Goal, 'id' | 'text'>[], verdict: Verdict | null): GoalRow[] {
  if (verdict === null) return goals.map((g) => ({ id: g.id, text: g.text, status: null, message: 'Not run yet.', seeds: [] }));
  return verdict.goals.map((g) => ({
    id: g.id,
    text: g.text,
    status: g.status,
    message: g.message,
    seeds: g.perSeed.map((s) => ({ seed: s.seed, status: s.status, label: `seed ${s.seed}: ${s.status === 'pass' ? 'passed' : 'failed'}`, message: s.message })),
  }));
}

/** The headline above the checklist. */
export function verdictHeadline(state: RunState): string {
  switch (state.kind) {
    case 'idle':
      return 'Not run yet. Press Run to check every goal on every grading seed.';
    case 'running':
      return 'Running every grading seed…';
    case 'error':
      return state.isCancelled ? 'The run was cancelled.' : 'The run did not finish.';
    case 'done': {
      const met = state.verdict.goals.filter((g) => g.status === 'pass').length;
      const total = state.verdict.goals.length;
      const seeds = state.verdict.seeds.length;
      if (state.verdict.status === 'pass') return `Passed: all ${total} goal${total === 1 ? '' : 's'} met on all ${seeds} seeds.`;
      return `Not yet: ${met} of ${total} goal${total === 1 ? '' : 's'} met on every seed.`;
    }
  }
}
