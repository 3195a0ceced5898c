/**
 * The learner's challenge drafts as data: what is kept in the browser (`boh.challenges`), how it is read
 * back (validated; whatever cannot be used is set aside, never lost, never a crash), and how it changes
 * (pure functions returning a new value).
 *
 * Stored shape (version 1):
 * `{ version: 1, drafts: { [id]: { settings, code, previous? } }, passed: id[] }`: `settings` by setting
 * path, `code` the editor's text (null without a code slot), `previous` what the last wholesale
 * replacement (reset, opened file, share link) replaced, so it can be put back; `passed` the challenges
 * whose solution passed in this browser.
 *
 * @example
 * let d = emptyDrafts();
 * d = setSetting(d, 'friday-rush', 'tables.small.max', 10);
 * d = replaceDraft(d, 'friday-rush', { settings: {}, code: null }); // previous = the one with 10
 */
import { z } from 'zod';
import type { SettingValue } from '../../challenge/types.ts';

export const DRAFTS_KEY = 'boh.challenges';
export const CORRUPT_DRAFTS_PREFIX = 'boh.challenges.corrupt-';
export const DRAFTS_VERSION = 1;
/** The longest code kept (characters), as a solution file allows. */
export const MAX_CODE_CHARS = 65_536;

export interface DraftContent {
  settings: Record<string, SettingValue>;
  code: string | null;
}

export interface Draft extends DraftContent {
  previous?: DraftContent;
}

export interface Drafts {
  version: typeof DRAFTS_VERSION;
  drafts: Record<string, Draft>;
  passed: string[];
}

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
const content = {
  settings: z.record(z.string().max(200), z.union([z.number().refine(Number.isFinite), z.string().max(200), z.boolean()])),
  code: z.string().max(MAX_CODE_CHARS).nullable(),
};
const draftSchema = z.strictObject({ ...content, previous: z.strictObject(content).optional() });

export function emptyDrafts(): Drafts {
  return { version: DRAFTS_VERSION, drafts: {}, passed: [] };
}

export interface ReadDrafts {
  drafts: Drafts;
  /** True when some or all of the stored text could not be used: copy it aside, then store the cleaned drafts. */
  shouldSetAside: boolean;
  /** What to tell the learner (`{key}` = where the text was copied), or null. */
  notice: string | null;
}

/** Reads stored text: every draft that is valid is kept; anything else is reported for setting aside. */
export function readStoredDrafts(text: string | null): ReadDrafts {
  if (text === null) return { drafts: emptyDrafts(), shouldSetAside: false, notice: null };
  const whole = (why: string): ReadDrafts => ({
    drafts: emptyDrafts(),
    shouldSetAside: true,
    notice: `Your saved challenge drafts could not be read (${why}). They were kept aside in this browser’s storage as “{key}”, and you start afresh.`,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return whole('not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return whole('not an object');
  const doc = data as Record<string, unknown>;
  if (doc.version !== DRAFTS_VERSION) return whole(`version ${JSON.stringify(doc.version)}, expected ${DRAFTS_VERSION}`);
  const drafts = emptyDrafts();
  const lost: string[] = [];
  if (typeof doc.drafts === 'object' && doc.drafts !== null && !Array.isArray(doc.drafts)) {
    for (const [key, value] of Object.entries(doc.drafts)) {
      const parsed = draftSchema.safeParse(value);
      if (id.safeParse(key).success && parsed.success) drafts.drafts[key] = parsed.data as Draft;
      else lost.push(key.slice(0, 60));
    }
  } else if (doc.drafts !== undefined) lost.push('drafts');
  if (Array.isArray(doc.passed)) drafts.passed = [...new Set(doc.passed.filter((p): p is string => id.safeParse(p).success))].sort();
  const isPassedClean = Array.isArray(doc.passed) && drafts.passed.length === doc.passed.length;
  const hasUnknownKeys = Object.keys(doc).some((k) => k !== 'version' && k !== 'drafts' && k !== 'passed');
  if (lost.length === 0 && isPassedClean && !hasUnknownKeys) return { drafts, shouldSetAside: false, notice: null };
  return {
    drafts,
    shouldSetAside: true,
    notice:
      lost.length > 0
        ? `Part of your saved challenge drafts could not be read (${lost.join(', ')}). The saved text was kept aside as “{key}”; the rest is here.`
        : 'Part of your saved challenge progress could not be read. The saved text was kept aside as “{key}”; the rest is here.',
  };
}

export function serializeDrafts(drafts: Drafts): string {
  return JSON.stringify(drafts);
}

/** The first free `boh.challenges.corrupt-<n>` key. */
export function nextCorruptKey(existing: readonly string[]): string {
  const taken = new Set(existing);
  let n = 1;
  while (taken.has(`${CORRUPT_DRAFTS_PREFIX}${n}`)) n++;
  return `${CORRUPT_DRAFTS_PREFIX}${n}`;
}

function withDraft(drafts: Drafts, challengeId: string, draft: Draft): Drafts {
  return { ...drafts, drafts: { ...drafts.drafts, [challengeId]: draft } };
}

function sameContent(a: DraftContent, b: DraftContent): boolean {
  return a.code === b.code && JSON.stringify(Object.entries(a.settings).sort()) === JSON.stringify(Object.entries(b.settings).sort());
}

/** One setting changed (`base` = the draft's content when there is none stored yet). */
export function setSetting(drafts: Drafts, challengeId: string, path: string, value: SettingValue, base: DraftContent): Drafts {
  const draft = drafts.drafts[challengeId] ?? base;
  if (draft.settings[path] === value) return drafts;
  return withDraft(drafts, challengeId, { ...draft, settings: { ...draft.settings, [path]: value } });
}

/** The code changed (`base` as for {@link setSetting}). */
export function setCode(drafts: Drafts, challengeId: string, code: string, base: DraftContent): Drafts {
  const draft = drafts.drafts[challengeId] ?? base;
  if (draft.code === code) return drafts;
  return withDraft(drafts, challengeId, { ...draft, code: code.slice(0, MAX_CODE_CHARS) });
}

/**
 * Replaces the whole draft (reset, an opened file, a share link), keeping what it replaced as `previous`
 * when that differs, so it can be put back. `current` = what the learner sees now.
 */
export function replaceDraft(drafts: Drafts, challengeId: string, next: DraftContent, current: DraftContent): Drafts {
  if (sameContent(next, current)) return drafts;
  return withDraft(drafts, challengeId, { settings: { ...next.settings }, code: next.code, previous: { settings: { ...current.settings }, code: current.code } });
}

/** Puts the replaced draft back (and keeps the one it replaces as `previous`, so it can be swapped again). */
export function restorePrevious(drafts: Drafts, challengeId: string): Drafts {
  const draft = drafts.drafts[challengeId];
  if (!draft?.previous) return drafts;
  return withDraft(drafts, challengeId, { ...draft.previous, previous: { settings: draft.settings, code: draft.code } });
}

/** Records that a challenge passed in this browser. */
export function markPassed(drafts: Drafts, challengeId: string): Drafts {
  if (drafts.passed.includes(challengeId)) return drafts;
  return { ...drafts, passed: [...drafts.passed, challengeId].sort() };
}
