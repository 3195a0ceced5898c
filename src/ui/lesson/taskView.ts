/**
 * A task's check ({@link TaskResult} of `src/lessons/lessonRuns.ts`) as the checklist the player shows: one row
 * per goal and per limit to keep, each met or not, with the value the run reached, written in its unit.
 * Pure.
 *
 * @example
 * goalRows(result)[0] // { label: [...], isMet: false, text: '3 at 60:00 (needs <= 0)' }
 */
import { formatClock, type Constraint } from '../../lessons/lessonSchema.ts';
import { formatNumber, type TaskResult } from '../../lessons/lessonRuns.ts';
import type { Inline } from '../../lessons/markdown.ts';
import { formatBytes, formatDuration } from '../format.ts';

/**
 * A value of a metric or limit path in its unit: times (`...Ms`), sizes (`...Bytes`, the memory budget),
 * ratios (`...Ratio`, as a percentage to one decimal) or a number.
 */
export function formatPathValue(path: string, value: number): string {
  const last = path.split('.').filter((p) => !/^p\d+$/.test(p) && p !== 'mean' && p !== 'max' && p !== 'min').pop() ?? path;
  if (/Ms$/.test(last)) return formatDuration(value);
  if (/Ratio$/.test(last)) return `${Math.round(value * 1000) / 10}%`;
  if (/Bytes$/.test(last) || path === 'manager.memory' || path === 'manager.limits.memory') return formatBytes(value);
  return formatNumber(value);
}

const OP_WORDS: Readonly<Record<string, string>> = { '<=': 'at most', '<': 'below', '>=': 'at least', '>': 'above', '==': 'exactly' };

export interface ChecklistRow {
  label: Inline[];
  isMet: boolean;
  /** What the run shows for it: `3 at 60:00 (needs at most 0)`, `kept (at most 40)`. */
  text: string;
}

/** One row per goal: met or not at the task's time, with the value there. */
export function goalRows(result: TaskResult): ChecklistRow[] {
  const at = formatClock(result.atMs);
  return result.goals.map((g) => {
    const c = g.condition;
    const needs = `${OP_WORDS[c.op]} ${formatPathValue(c.metric, c.value)}`;
    const text = g.actual === null ? `not measured in this run (needs ${needs})` : `${formatPathValue(c.metric, g.actual)} at ${at} (needs ${needs})`;
    return { label: c.label, isMet: g.isMet, text };
  });
}

/** The words of a constraint when the lesson gives none: `manager.connection at most 40`. */
export function constraintText(c: Constraint): string {
  const parts: string[] = [];
  if (c.atLeast !== null) parts.push(`at least ${formatPathValue(c.limit, c.atLeast)}`);
  if (c.atMost !== null) parts.push(`at most ${formatPathValue(c.limit, c.atMost)}`);
  return `${c.limit} ${parts.join(' and ')}`;
}

/** One row per limit to keep: kept all along, or how far it went. */
export function limitRows(result: TaskResult): ChecklistRow[] {
  return result.limits.map((l) => {
    const c = l.constraint;
    const label: Inline[] = c.label ?? [{ kind: 'text', text: constraintText(c) }];
    if (l.lowest === null || l.highest === null) return { label, isMet: false, text: 'not a limit of this run' };
    const broken: string[] = [];
    if (c.atMost !== null && l.highest > c.atMost) broken.push(`reaches ${formatPathValue(c.limit, l.highest)}, above ${formatPathValue(c.limit, c.atMost)}`);
    if (c.atLeast !== null && l.lowest < c.atLeast) broken.push(`drops to ${formatPathValue(c.limit, l.lowest)}, below ${formatPathValue(c.limit, c.atLeast)}`);
    if (broken.length > 0) return { label, isMet: false, text: `broken: ${broken.join('; ')}` };
    const range = l.lowest === l.highest ? formatPathValue(c.limit, l.highest) : `${formatPathValue(c.limit, l.lowest)} to ${formatPathValue(c.limit, l.highest)}`;
    return { label, isMet: true, text: `kept (${range})` };
  });
}

/** The verdict of a check in one sentence, for the live region. */
export function verdictText(result: TaskResult): string {
  const at = formatClock(result.atMs);
  if (result.isMet) return `Task done: every goal is met at ${at}${result.limits.length > 0 ? ' and every limit was kept' : ''}.`;
  const goalsLeft = result.goals.filter((g) => !g.isMet).length;
  const limitsBroken = result.limits.filter((l) => !l.isMet).length;
  const parts: string[] = [];
  if (goalsLeft > 0) parts.push(`${goalsLeft} goal${goalsLeft === 1 ? '' : 's'} not met at ${at}`);
  if (limitsBroken > 0) parts.push(`${limitsBroken} limit${limitsBroken === 1 ? '' : 's'} broken`);
  return `Not yet: ${parts.join(', and ')}. Change the limits and check again.`;
}
