/**
 * Units of the limits panel: reading what a learner typed ("8 min", "12 KiB", "40") into the base unit of
 * the scenario (virtual ms, bytes, a count), and writing a value back in the unit a field shows.
 * Pure functions.
 *
 * @example
 * parseLimitText('1.5 min', 'ms', 's')    // { ok: true, value: 90_000 }
 * parseLimitText('12', 'bytes', 'KiB')    // { ok: true, value: 12_288 }
 * formatInUnit(90_000, 'ms', 'min')       // '1.5'
 * describeValue(40_960, 'bytes')          // '40 KiB'
 */

/** What a value counts: virtual milliseconds, bytes, or things (tables, cooks, slots...). */
export type UnitKind = 'ms' | 'bytes' | 'count';

/** The units a field may show its value in. */
export type DisplayUnit = 'ms' | 's' | 'min' | 'h' | 'B' | 'KiB' | 'MiB' | 'GiB' | '';

/** How many base units one display unit is. */
export const UNIT_FACTORS: Readonly<Record<DisplayUnit, number>> = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  B: 1,
  KiB: 1_024,
  MiB: 1_048_576,
  GiB: 1_073_741_824,
  '': 1,
};

/** The display units of each kind, smallest first (the first is the base unit). */
const UNITS_OF: Readonly<Record<UnitKind, readonly DisplayUnit[]>> = {
  ms: ['ms', 's', 'min', 'h'],
  bytes: ['B', 'KiB', 'MiB', 'GiB'],
  count: [''],
};

/** What a learner may type after the number, lower-cased, and the unit it means. */
const UNIT_SPELLINGS: Readonly<Record<UnitKind, Readonly<Record<string, DisplayUnit>>>> = {
  ms: { ms: 'ms', s: 's', sec: 's', secs: 's', second: 's', seconds: 's', m: 'min', min: 'min', mins: 'min', minute: 'min', minutes: 'min', h: 'h', hr: 'h', hour: 'h', hours: 'h' },
  bytes: { b: 'B', byte: 'B', bytes: 'B', k: 'KiB', kb: 'KiB', kib: 'KiB', m: 'MiB', mb: 'MiB', mib: 'MiB', g: 'GiB', gb: 'GiB', gib: 'GiB' },
  count: {},
};

/** The result of reading a field. */
export type ParsedLimit = { ok: true; value: number | 'unbounded' } | { ok: false; message: string };

const NUMBER_WITH_UNIT = /^(-?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-zA-Z]*)$/;
/** Most decimals a shown value keeps. */
const MAX_DECIMALS = 3;

/**
 * Reads `text` as a value of `kind`: a number, optionally followed by a unit (`90 s`, `1.5min`, `12 KiB`);
 * a bare number is in `defaultUnit`. Digit groups may be separated by `_`, `,` or spaces (`1_000`, `4,096`).
 * When `allowsUnbounded`, the words `unbounded`, `none` and `∞` mean no limit.
 * Refuses what is plainly wrong (empty, not a number, an unknown unit, negative, not whole in the base unit)
 * with a message meant for the learner; the simulation judges everything else.
 */
export function parseLimitText(text: string, kind: UnitKind, defaultUnit: DisplayUnit, allowsUnbounded = false): ParsedLimit {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Type a number.' };
  if (allowsUnbounded && /^(unbounded|none|∞)$/i.test(trimmed)) return { ok: true, value: 'unbounded' };
  const match = NUMBER_WITH_UNIT.exec(trimmed.replace(/(?<=\d)[_,\s](?=\d)/g, ''));
  if (match === null) {
    const extra = allowsUnbounded ? ' (or “unbounded”)' : '';
    return { ok: false, message: `“${shorten(trimmed)}” is not a number${extra}.` };
  }
  const [, digits, unitText] = match;
  const unit = unitText === '' ? defaultUnit : UNIT_SPELLINGS[kind][unitText.toLowerCase()];
  if (unit === undefined) {
    return kind === 'count'
      ? { ok: false, message: `Type a plain number, without “${unitText}”.` }
      : { ok: false, message: `Unknown unit “${unitText}” (use ${UNITS_OF[kind].join(', ')}).` };
  }
  const value = Number(digits) * UNIT_FACTORS[unit];
  if (!Number.isFinite(value)) return { ok: false, message: 'That number is too large to use.' };
  if (value < 0) return { ok: false, message: 'Must be 0 or more.' };
  // A decimal times a factor may land a hair off a whole number (0.3 s = 300.00000000000006 ms).
  const whole = Math.round(value);
  if (Math.abs(value - whole) > 1e-6 * Math.max(1, Math.abs(value))) return { ok: false, message: `Must be a whole number${WHOLE_OF[kind]}.` };
  if (!Number.isSafeInteger(whole)) return { ok: false, message: 'That number is too large to use.' };
  return { ok: true, value: whole };
}

const WHOLE_OF: Readonly<Record<UnitKind, string>> = { ms: ' of milliseconds', bytes: ' of bytes', count: '' };

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** `value / factor` written with at most three decimals when that is exact, else null. */
function exactIn(value: number, factor: number): string | null {
  const scaled = value / factor;
  const rounded = Math.round(scaled * 10 ** MAX_DECIMALS) / 10 ** MAX_DECIMALS;
  return Math.abs(rounded * factor - value) < 1e-6 ? String(rounded) : null;
}

/**
 * The text a field shows for `value`: the bare number in `unit` when it is exact there with at most three
 * decimals, else the value in the base unit with that unit written out (so that reading it back gives the
 * same value): `formatInUnit(12_345, 'bytes', 'KiB') === '12345 B'`.
 */
export function formatInUnit(value: number | 'unbounded', kind: UnitKind, unit: DisplayUnit): string {
  if (value === 'unbounded') return 'unbounded';
  const exact = exactIn(value, UNIT_FACTORS[unit]);
  if (exact !== null) return exact;
  const base = UNITS_OF[kind][0];
  return base === '' ? String(value) : `${value} ${base}`;
}

/**
 * The unit a field shows, chosen once from a typical value: the largest unit the value is at least one of
 * and exact in (three decimals at most); times never in ms or h unless nothing else is exact. `fallback`
 * is used for 0.
 * @example displayUnitFor(480_000, 'ms', 's') === 'min'; displayUnitFor(500, 'ms', 's') === 's'
 */
export function displayUnitFor(value: number, kind: UnitKind, fallback: DisplayUnit): DisplayUnit {
  if (kind === 'count') return '';
  if (value <= 0) return fallback;
  const candidates: readonly DisplayUnit[] = kind === 'ms' ? ['min', 's'] : ['GiB', 'MiB', 'KiB'];
  for (const unit of candidates) {
    const atLeastOne = value >= UNIT_FACTORS[unit] || (kind === 'ms' && unit === 's');
    if (atLeastOne && exactIn(value, UNIT_FACTORS[unit]) !== null) return unit;
  }
  return kind === 'ms' ? 'ms' : 'B';
}

function trimmedNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * A value as a person reads it, in the unit that suits its size (for a slider's `aria-valuetext`):
 * `'8 min'`, `'0.5 s'`, `'40 KiB'`, `'12'`. Times under a second are shown in seconds.
 */
export function describeValue(value: number | 'unbounded', kind: UnitKind): string {
  if (value === 'unbounded') return 'unbounded';
  if (kind === 'count') return String(value);
  if (kind === 'ms') {
    if (value < 60_000) return `${trimmedNumber(value / 1_000, 3)} s`;
    if (value < 3_600_000) return `${trimmedNumber(value / 60_000, 2)} min`;
    return `${trimmedNumber(value / 3_600_000, 2)} h`;
  }
  const units: readonly DisplayUnit[] = ['GiB', 'MiB', 'KiB'];
  const unit = units.find((u) => value >= UNIT_FACTORS[u]) ?? 'B';
  return `${trimmedNumber(value / UNIT_FACTORS[unit], 2)} ${unit}`;
}
