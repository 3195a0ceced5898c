/**
 * The end-of-night report: what the whole service came to, one section per kind the scenario has, each with a
 * few figures and one plain sentence, under a headline for the night. Pure: no DOM, no runes.
 *
 * Counts come from the log's facts, folded with the charts' own readers (waits: `waitWindows.ts`, errors by
 * kind: `errorBuckets.ts` / `notable.ts`); peaks of memory and open ingredients are replayed from the log
 * (exact, not sampled); the heap's fragmentation, which no fact carries, is the highest sampled reading of
 * `series`. Limits are the ones in force at the end (the scenario's, as changed by `limit.changed` and
 * `fd.limitChanged`).
 *
 * @example
 * const report = nightReport(scenario, sim.log.events, sim.series);
 * report.headline; // 'A fair night, with a few problems: 2 parties gave up waiting and 1 ingredient was left out.'
 */
import type { RejectionPolicy, SimEvent } from '../../sim/events.ts';
import type { Gauges, Scenario } from '../../sim/index.ts';
import { ERROR_KINDS } from '../charts/notable.ts';
import { groupDigits } from '../../challenge/goals.ts';
import { errorReader, errorTotals } from '../charts/errorBuckets.ts';
import { waitReader, windowAt } from '../charts/waitWindows.ts';
import { formatBytes, formatDuration, formatPercent, plural } from '../format.ts';
import { kindTerms, rejectionPolicyTerms, reportTerms as t, type Term } from '../vocabulary.ts';

/** How a figure reads: fine, worth watching, a problem, or just information. */
export type FigureTone = 'good' | 'warn' | 'bad' | 'plain';

export interface Figure {
  readonly key: string;
  readonly label: Term;
  /** The value as written: `32`, `7 min`, `16.4 KiB of 40 KiB`, `36%`. */
  readonly value: string;
  readonly tone: FigureTone;
}

export type SectionKey = 'connection' | 'thread' | 'memory' | 'fd' | 'cache' | 'manager';

export interface ReportSection {
  readonly key: SectionKey;
  readonly heading: Term;
  readonly figures: readonly Figure[];
  /** One plain sentence on how this kind did. */
  readonly verdict: string;
  /** The worst tone among the figures ('plain' when all are plain). */
  readonly tone: FigureTone;
}

export interface NightReport {
  /** One sentence for the whole night. */
  readonly headline: string;
  readonly tone: 'good' | 'warn' | 'bad';
  readonly sections: readonly ReportSection[];
}

/** The words shown with a tone's marker, so a tone never rests on colour alone ('' for plain). */
export const toneWords: Readonly<Record<FigureTone, string>> = { good: 'fine', warn: 'watch', bad: 'problem', plain: '' };

/** The marker drawn before a tone's word ('' for plain). */
export const toneMarks: Readonly<Record<FigureTone, string>> = { good: '✓', warn: '!', bad: '✕', plain: '' };

/** A share of failures at or below this is worth watching; above it, a problem. */
export const WARN_SHARE = 0.1;

/** `failed` out of `total`: none is fine, a small share is worth watching, more is a problem. */
export function failureTone(failed: number, total: number): FigureTone {
  if (failed <= 0) return 'good';
  return total > 0 && failed / total <= WARN_SHARE ? 'warn' : 'bad';
}

/** A peak against its limit: below 80% is fine, below 95% worth watching, from 95% a problem. */
export function peakTone(peak: number, limit: number | null): FigureTone {
  if (limit === null || limit <= 0) return 'plain';
  const ratio = peak / limit;
  return ratio >= 0.95 ? 'bad' : ratio >= 0.8 ? 'warn' : 'good';
}

/** Leaks: none is fine, any is worth watching (the service went on, but something was never given back). */
function leakTone(count: number): FigureTone {
  return count > 0 ? 'warn' : 'good';
}

const TONE_RANK: Readonly<Record<FigureTone, number>> = { plain: 0, good: 1, warn: 2, bad: 3 };

function worst(tones: readonly FigureTone[]): FigureTone {
  let w: FigureTone = 'plain';
  for (const tone of tones) if (TONE_RANK[tone] > TONE_RANK[w]) w = tone;
  return w;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** `once`, `twice`, `3 times`. */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** The last value a `limit.changed` of `kind`/`field` set, or `initial` when none did. */
function settingAtEnd<T extends number | string>(log: readonly SimEvent[], kind: string, field: string, initial: T): T | number | string {
  let value: T | number | string = initial;
  for (const e of log) if (e.type === 'limit.changed' && e.kind === kind && e.field === field) value = e.to;
  return value;
}

/** How many facts of each type the log holds. */
function countTypes(log: readonly SimEvent[]): (type: SimEvent['type']) => number {
  const counts = new Map<string, number>();
  for (const e of log) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return (type) => counts.get(type) ?? 0;
}

/** Most bytes of counter space in use at once, replayed from the blocks handed out and given back. */
export function peakMemoryBytes(log: readonly SimEvent[], scenario: Scenario): number {
  const pools = scenario.stations?.pools;
  if (!pools) return 0;
  const live = new Map<number, number>();
  let used = 0;
  let peak = 0;
  for (const e of log) {
    if (e.type === 'pool.allocated' || e.type === 'heap.allocated') {
      const bytes = e.type === 'heap.allocated' ? e.size : e.poolClass === 'small' ? pools.small.blockSize : pools.medium.blockSize;
      live.set(e.blockId, bytes);
      used += bytes;
      if (used > peak) peak = used;
    } else if (e.type === 'pool.freed' || e.type === 'heap.freed' || e.type === 'memory.reclaimed') {
      const bytes = live.get(e.blockId);
      if (bytes === undefined) continue;
      live.delete(e.blockId);
      used -= bytes;
    }
  }
  return peak;
}

/** Most ingredients out at once (the house's reserved descriptors included), replayed from opens and closes. */
export function peakOpenIngredients(log: readonly SimEvent[], reservedCount: number): number {
  let open = reservedCount;
  let peak = open;
  for (const e of log) {
    if (e.type === 'fd.opened') open++;
    else if (e.type === 'fd.closed' || e.type === 'fd.staleClosed') open--;
    if (open > peak) peak = open;
  }
  return peak;
}

/** The end-of-night report of a whole service (see the module comment). */
export function nightReport(scenario: Scenario, log: readonly SimEvent[], series: readonly Gauges[]): NightReport {
  const count = countTypes(log);
  const errors = errorTotals(errorReader(scenario.durationMs).read(log, log.length).state, ERROR_KINDS);
  /** Problems for the headline, each with its tone. */
  const problems: { text: string; tone: FigureTone }[] = [];
  const sections: ReportSection[] = [];
  const section = (key: SectionKey, figures: Figure[], verdict: string): void => {
    sections.push({ key, heading: kindTerms[key], figures, verdict, tone: worst(figures.map((f) => f.tone)) });
  };

  if (scenario.tables) {
    const arrived = count('party.arrived');
    const seated = count('table.acquired');
    const timedOut = errors.timeout;
    const turnedAway = count('acquire.refused');
    const waits = waitReader().read(log, log.length).state;
    // One window over the whole night: every party seated up to the end.
    const endMs = Math.max(scenario.durationMs, waits.times[waits.times.length - 1] ?? 0);
    const all = windowAt(waits, endMs, endMs + 1);
    const longest = waits.waits.reduce((m, w) => Math.max(m, w), 0);
    const timeoutMs = Number(settingAtEnd(log, 'tables', 'acquireTimeoutMs', scenario.tables.acquireTimeoutMs));
    const lostTone = failureTone(timedOut + turnedAway, arrived);
    const p95Tone: FigureTone = timeoutMs > 0 && all.p95 !== null && all.p95 >= 0.75 * timeoutMs ? 'warn' : 'plain';
    const figures: Figure[] = [
      { key: 'seated', label: t.seated, value: groupDigits(seated), tone: 'plain' },
      { key: 'gaveUp', label: t.gaveUp, value: groupDigits(timedOut), tone: failureTone(timedOut, arrived) },
    ];
    if (turnedAway > 0) figures.push({ key: 'turnedAway', label: t.turnedAway, value: groupDigits(turnedAway), tone: failureTone(turnedAway, arrived) });
    const heldTooLong = count('table.leakSuspected');
    if (heldTooLong > 0) figures.push({ key: 'heldTooLong', label: t.heldTooLong, value: groupDigits(heldTooLong), tone: 'warn' });
    figures.push(
      { key: 'waitP50', label: t.waitP50, value: all.p50 === null ? '–' : formatDuration(all.p50), tone: 'plain' },
      { key: 'waitP95', label: t.waitP95, value: all.p95 === null ? '–' : formatDuration(all.p95), tone: p95Tone },
    );
    let verdict: string;
    if (arrived === 0) verdict = 'No party came tonight.';
    else if (timedOut === 0 && turnedAway === 0) {
      verdict = longest === 0 ? 'Every party was seated at once; no one had to wait.' : `Every party was seated; the longest wait was ${formatDuration(longest)}.`;
    } else {
      const parts: string[] = [];
      if (timedOut > 0) parts.push(`${plural(timedOut, 'party', 'parties')} gave up waiting: more tables or a longer wait would have kept them.`);
      if (turnedAway > 0) parts.push(`${plural(turnedAway, 'party', 'parties')} found no table big enough (no table fits).`);
      verdict = parts.join(' ');
    }
    if (heldTooLong > 0) verdict += ` ${plural(heldTooLong, 'table was', 'tables were')} held so long that a leak was suspected.`;
    if (timedOut > 0) problems.push({ text: `${plural(timedOut, 'party', 'parties')} gave up waiting`, tone: lostTone });
    if (turnedAway > 0) problems.push({ text: `${plural(turnedAway, 'party was', 'parties were')} turned away`, tone: lostTone });
    section('connection', figures, verdict);
  }

  if (scenario.staff) {
    const submitted = count('task.submitted');
    const cooked = count('task.completed');
    const refused = errors.rejection;
    const callerRan = count('task.callerRan');
    const policy = settingAtEnd(log, 'staff', 'rejectionPolicy', scenario.staff.rejectionPolicy) as RejectionPolicy;
    const policyTerm = rejectionPolicyTerms[policy] ?? { label: policy, real: policy };
    const capacity = settingAtEnd<number | 'unbounded'>(log, 'staff', 'queueCapacity', scenario.staff.queueCapacity);
    const railSize = typeof capacity === 'number' ? capacity : null;
    let longestRail = 0;
    for (const e of log) if (e.type === 'task.queued' && e.queueLength > longestRail) longestRail = e.queueLength;
    const refusedTone = failureTone(refused, submitted);
    const isDropped = policy === 'discard' || policy === 'discardOldest';
    const figures: Figure[] = [
      { key: 'cooked', label: t.cooked, value: groupDigits(cooked), tone: 'plain' },
      {
        key: 'refused',
        label: { label: `Orders refused (${policyTerm.label})`, real: `rejected tasks (${policy})` },
        value: groupDigits(refused),
        tone: refusedTone,
      },
    ];
    if (policy === 'callerRuns' || callerRan > 0) {
      figures.push({ key: 'callerRan', label: t.callerRan, value: groupDigits(callerRan), tone: callerRan > 0 ? 'warn' : 'good' });
    }
    figures.push({
      key: 'longestRail',
      label: t.longestRail,
      value: railSize === null || railSize === 0 ? groupDigits(longestRail) : `${groupDigits(longestRail)} of ${groupDigits(railSize)}`,
      tone: railSize === null || railSize === 0 ? 'plain' : peakTone(longestRail, railSize),
    });
    let verdict: string;
    if (submitted === 0) verdict = 'No order reached the kitchen.';
    else if (refused > 0) {
      verdict =
        `${plural(refused, 'order was', 'orders were')} ${isDropped ? 'dropped' : 'refused'} when the rail was full (${policyTerm.real}): ` +
        'more cooks or a longer rail would have taken them.';
    } else if (callerRan > 0) {
      verdict = `Every order was cooked, but the servers cooked ${plural(callerRan, 'order', 'orders')} themselves when the rail was full (caller runs), holding up the front of house.`;
    } else if (longestRail === 0) verdict = 'Every order was cooked; each went straight to a free cook.';
    else verdict = `Every order was cooked; the rail never held more than ${railSize === null || railSize === 0 ? plural(longestRail, 'ticket', 'tickets') : `${longestRail} of ${railSize} tickets`}.`;
    if (refused > 0) problems.push({ text: `${plural(refused, 'order was', 'orders were')} ${isDropped ? 'dropped' : 'refused'}`, tone: refusedTone });
    section('thread', figures, verdict);
  }

  if (scenario.stations) {
    // The error chart's "out of room" counts the manager's refusals too: those belong to the manager's section.
    const failed = errors.oom - count('limit.exceeded');
    const attempts = count('pool.allocated') + count('heap.allocated') + failed;
    const leaked = count('memory.leaked');
    const peak = peakMemoryBytes(log, scenario);
    const limit = Number(settingAtEnd(log, 'memory', 'memoryLimitBytes', scenario.stations.memoryLimitBytes));
    let fragmentation = 0;
    for (const g of series) if (g.stations && g.stations.heap.externalFragmentation > fragmentation) fragmentation = g.stations.heap.externalFragmentation;
    const failedTone = failureTone(failed, attempts);
    const figures: Figure[] = [
      { key: 'allocFailed', label: t.allocFailed, value: groupDigits(failed), tone: failedTone },
      { key: 'peakMemory', label: t.peakMemory, value: `${formatBytes(peak)} of ${formatBytes(limit)}`, tone: peakTone(peak, limit) },
      { key: 'peakFragmentation', label: t.peakFragmentation, value: formatPercent(fragmentation), tone: fragmentation >= 0.5 ? 'warn' : 'plain' },
      { key: 'blocksLeaked', label: t.blocksLeaked, value: groupDigits(leaked), tone: leakTone(leaked) },
    ];
    let verdict: string;
    if (failed > 0) {
      verdict = `${plural(failed, 'request for counter space', 'requests for counter space')} failed (out of memory): a higher memory limit or less scattered free space would have served ${failed === 1 ? 'it' : 'them'}.`;
    } else if (leaked > 0) {
      verdict = `Every request for counter space was served, but ${plural(leaked, 'block was', 'blocks were')} never cleared (a leak).`;
    } else verdict = `Every request for counter space was served; at most ${formatBytes(peak)} of ${formatBytes(limit)} was in use.`;
    if (failed > 0) problems.push({ text: `${plural(failed, 'request for counter space', 'requests for counter space')} failed`, tone: failedTone });
    if (leaked > 0) problems.push({ text: `${plural(leaked, 'station was', 'stations were')} left uncleared`, tone: 'warn' });
    section('memory', figures, verdict);
  }

  if (scenario.ingredients) {
    const emfile = errors.emfile;
    const leaked = count('fd.leaked');
    const peak = peakOpenIngredients(log, scenario.ingredients.reservedCount);
    let softLimit = scenario.ingredients.softLimit;
    for (const e of log) if (e.type === 'fd.limitChanged') softLimit = e.softLimit;
    const emfileTone = failureTone(emfile, count('fd.opened') + emfile);
    const figures: Figure[] = [
      { key: 'emfile', label: t.emfile, value: groupDigits(emfile), tone: emfileTone },
      { key: 'fdLeaked', label: t.fdLeaked, value: groupDigits(leaked), tone: leakTone(leaked) },
      { key: 'peakOpen', label: t.peakOpen, value: `${groupDigits(peak)} of ${groupDigits(softLimit)}`, tone: peakTone(peak, softLimit) },
    ];
    const leakClause = `${plural(leaked, 'ingredient was', 'ingredients were')} left out at closing (a leak)`;
    let verdict: string;
    if (emfile > 0) {
      verdict = `The pantry was full ${times(emfile)} (EMFILE): more slots or putting ingredients back sooner would have avoided it${leaked > 0 ? `, and ${leakClause}` : ''}.`;
    } else if (leaked > 0) verdict = `The pantry never ran out, but ${leakClause}.`;
    else verdict = `The pantry never ran out; at most ${peak} of ${softLimit} slots were in use.`;
    if (emfile > 0) problems.push({ text: `the pantry was full ${times(emfile)}`, tone: emfileTone });
    if (leaked > 0) problems.push({ text: `${plural(leaked, 'ingredient was', 'ingredients were')} left out`, tone: 'warn' });
    section('fd', figures, verdict);
  }

  if (scenario.shelf) {
    const hits = count('cache.hit');
    const lookups = hits + count('cache.miss');
    let evictions = 0;
    for (const e of log) if (e.type === 'cache.evicted' && e.reason === 'evict') evictions++;
    const ratio = lookups === 0 ? 0 : hits / lookups;
    const figures: Figure[] = [
      { key: 'hitRatio', label: t.hitRatio, value: lookups === 0 ? '–' : formatPercent(ratio), tone: 'plain' },
      { key: 'evictions', label: t.evictions, value: groupDigits(evictions), tone: 'plain' },
    ];
    const made = evictions === 0 ? 'no dish had to make room' : `${plural(evictions, 'dish was', 'dishes were')} pushed off to make room (evictions)`;
    const verdict = lookups === 0 ? 'No order asked the shelf for a dish.' : `${formatPercent(ratio)} of orders were served warm from the shelf; ${made}.`;
    section('cache', figures, verdict);
  }

  if (scenario.manager) {
    const refused = count('limit.exceeded');
    const asked = count('resource.allocated') + refused;
    const refusedTone = failureTone(refused, asked);
    const figures: Figure[] = [{ key: 'limitRefused', label: t.limitRefused, value: groupDigits(refused), tone: refusedTone }];
    const job = scenario.manager.batchJob;
    let batchPart = '';
    if (job) {
      const total = Math.ceil(job.itemCount / job.batchSize);
      const done = count('batch.completed');
      figures.push({ key: 'batches', label: t.batches, value: `${done} of ${total}`, tone: count('batch.failed') > 0 ? 'warn' : 'plain' });
      batchPart = `; ${done} of ${plural(total, 'catering batch', 'catering batches')} done`;
    }
    let cleanups = 0;
    for (const e of log) if (e.type === 'cleanup.ran' && e.mode === 'immediate') cleanups++;
    figures.push({ key: 'cleanups', label: t.cleanups, value: groupDigits(cleanups), tone: cleanups > 0 ? 'warn' : 'plain' });
    const verdict =
      refused > 0
        ? `The manager refused ${plural(refused, 'request', 'requests')} at its global limits (limit exceeded)${batchPart}.`
        : `Everything stayed within the manager's limits${batchPart}.`;
    if (refused > 0) problems.push({ text: `${plural(refused, 'request was', 'requests were')} refused at the manager's limits`, tone: refusedTone });
    section('manager', figures, verdict);
  }

  // The night is as bad as its worst figure: a failure, a leak, or a peak at (or near) its limit.
  const tone = worst([...problems.map((p) => p.tone), ...sections.map((s) => s.tone)]);
  let headline: string;
  if (tone !== 'warn' && tone !== 'bad') headline = 'A smooth night: nothing was refused, nothing ran out and nothing was left behind.';
  else if (problems.length === 0) {
    const close = sections.filter((s) => s.tone === 'warn' || s.tone === 'bad').map((s) => s.heading.label.toLowerCase());
    headline = `A close night: nothing was refused or left behind, but ${joinWords(close)} came near ${close.length === 1 ? 'its limit' : 'their limits'}.`;
  } else {
    const list = joinWords(problems.map((p) => p.text));
    headline = tone === 'bad' ? `A hard night: ${list}.` : `A fair night, with a few problems: ${list}.`;
  }
  return { headline, tone: tone === 'bad' || tone === 'warn' ? tone : 'good', sections };
}
