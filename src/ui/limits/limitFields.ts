/**
 * What the limits panel offers for a scenario: one group per kind the scenario has (tables, staff,
 * ingredients, stations, shelf, manager), each with its live fields (changed while the service runs,
 * through a limit command) and its setup fields (changed by restarting the service with a new scenario).
 * Plain data; reading values and building commands is in `limitValues.ts`.
 *
 * @example
 * const groups = limitGroups(scenario);
 * groups[0].kind === 'tables'; groups[0].live[1].id === 'limit-tables-small-max'
 */
import type { Scenario } from '../../sim/scenario.ts';
import {
  fitPolicyTerms,
  kindTerms,
  limitTerms,
  listOrderTerms,
  rejectionPolicyTerms,
  shelfPolicyTerms,
  type Term,
} from '../vocabulary.ts';
import type { SliderBounds } from './sliderRange.ts';
import { displayUnitFor, type DisplayUnit, type UnitKind } from './units.ts';

/** The kinds of limits, in panel order (the scenario's sections). */
export type LimitKind = 'tables' | 'staff' | 'ingredients' | 'stations' | 'shelf' | 'manager';
export const LIMIT_KINDS: readonly LimitKind[] = ['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager'];

/** A field's value: a number in its base unit, `'unbounded'`, an option, or on/off. */
export type LimitValue = number | 'unbounded' | string | boolean;

interface FieldBase {
  /** The input's id and test id: `limit-tables-small-max`. */
  id: string;
  kind: LimitKind;
  /** The field within its kind, as in ids: `small-max`, `maxPoolSize`. */
  key: string;
  /** Where the value lives in the scenario: `['tables', 'small', 'max']`. */
  scenarioPath: readonly string[];
  term: Term;
  /** One short line under the field ('' for none). */
  hint: string;
  /** `live`: applies now; `setup`: needs a restart of the service. */
  mode: 'live' | 'setup';
}

export interface NumberField extends FieldBase {
  type: 'number';
  unitKind: UnitKind;
  /** The unit the field shows (chosen from the scenario's value); '' for counts. */
  unit: DisplayUnit;
  /** What a count counts ('tables'), shown after the field. */
  noun: string;
  bounds: SliderBounds;
  /** What 0 means, when it is special ('never', 'off'). */
  zeroMeans?: string;
  /** True when the word "unbounded" is a value (the rail's capacity). */
  allowsUnbounded?: boolean;
}

export interface ChoiceField extends FieldBase {
  type: 'choice';
  options: readonly { value: string; term: Term }[];
}

export interface ToggleField extends FieldBase {
  type: 'toggle';
}

export type LimitField = NumberField | ChoiceField | ToggleField;

export interface LimitGroup {
  kind: LimitKind;
  heading: Term;
  live: readonly LimitField[];
  setup: readonly LimitField[];
}

/** The heading of each kind. */
export const KIND_HEADINGS: Readonly<Record<LimitKind, Term>> = {
  tables: kindTerms.connection,
  staff: kindTerms.thread,
  ingredients: kindTerms.fd,
  stations: kindTerms.memory,
  shelf: kindTerms.cache,
  manager: kindTerms.manager,
};

const MINUTE = 60_000;
const KIB = 1_024;
const DAY_MS = 86_400_000;
const TERMS: Readonly<Record<string, Term>> = limitTerms;

interface NumberSpec {
  path: string;
  unitKind: UnitKind;
  min: number;
  max: number;
  floor: number;
  hint: string;
  noun?: string;
  zeroMeans?: string;
  /** The unit shown when the scenario's value is 0. */
  unitForZero?: DisplayUnit;
  allowsUnbounded?: boolean;
}

function getIn(root: unknown, path: readonly string[]): unknown {
  let at = root;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function base(path: string, mode: 'live' | 'setup', hint: string): FieldBase {
  const scenarioPath = path.split('.');
  const kind = scenarioPath[0] as LimitKind;
  // The manager's limits sit under `limits`; the id names only the resource.
  const key = (kind === 'manager' ? scenarioPath.slice(2) : scenarioPath.slice(1)).join('-');
  const term = TERMS[path];
  if (term === undefined) throw new Error(`limitFields: no term for ${path}`);
  return { id: `limit-${kind}-${key}`, kind, key, scenarioPath, term, hint, mode };
}

function numberField(scenario: Scenario, mode: 'live' | 'setup', spec: NumberSpec): NumberField {
  const b = base(spec.path, mode, spec.hint);
  const scenarioValue = getIn(scenario, b.scenarioPath);
  const typical = typeof scenarioValue === 'number' ? scenarioValue : 0;
  const fallback: DisplayUnit = spec.unitForZero ?? (spec.unitKind === 'ms' ? 'min' : spec.unitKind === 'bytes' ? 'KiB' : '');
  return {
    ...b,
    type: 'number',
    unitKind: spec.unitKind,
    unit: displayUnitFor(typical, spec.unitKind, fallback),
    noun: spec.noun ?? '',
    bounds: { kind: spec.unitKind, schemaMin: spec.min, schemaMax: spec.max, floor: spec.floor },
    ...(spec.zeroMeans === undefined ? {} : { zeroMeans: spec.zeroMeans }),
    ...(spec.allowsUnbounded ? { allowsUnbounded: true } : {}),
  };
}

function choiceField(path: string, mode: 'live' | 'setup', hint: string, terms: Readonly<Record<string, Term>>): ChoiceField {
  return { ...base(path, mode, hint), type: 'choice', options: Object.entries(terms).map(([value, term]) => ({ value, term })) };
}

function toggleField(path: string, mode: 'live' | 'setup', hint: string): ToggleField {
  return { ...base(path, mode, hint), type: 'toggle' };
}

const count = (path: string, floor: number, noun: string, hint: string, max = 10_000, min = 0): NumberSpec => ({ path, unitKind: 'count', min, max, floor, noun, hint });
const duration = (path: string, floor: number, hint: string, extra: Partial<NumberSpec> = {}): NumberSpec => ({ path, unitKind: 'ms', min: 0, max: DAY_MS, floor, hint, ...extra });
const bytes = (path: string, floor: number, hint: string, max: number, min = 0): NumberSpec => ({ path, unitKind: 'bytes', min, max, floor, hint });

function tablesGroup(s: Scenario): LimitGroup {
  // The hints of the first class say it for all three.
  const classes = (['small', 'medium', 'large'] as const).flatMap((c) => [
    numberField(s, 'live', count(`tables.${c}.min`, 8, 'tables', c === 'small' ? 'Kept set even when nobody sits there.' : '')),
    numberField(s, 'live', count(`tables.${c}.max`, 8, 'tables', c === 'small' ? 'Beyond this, parties wait at the host stand.' : '')),
  ]);
  const timers = [
    duration('tables.acquireTimeoutMs', 10 * MINUTE, 'Then the party leaves. 0 = wait forever.', { zeroMeans: 'wait forever' }),
    duration('tables.createMs', 2 * MINUTE, 'Opening a new connection takes time.', { unitForZero: 's' }),
    duration('tables.resetMs', 5 * MINUTE, 'Before the next party can sit there.', { unitForZero: 's' }),
    duration('tables.idleTimeoutMs', 30 * MINUTE, 'Only tables beyond those kept set. 0 = never.', { zeroMeans: 'never' }),
    duration('tables.maxLifetimeMs', 60 * MINUTE, 'Taken away when next free. 0 = never.', { zeroMeans: 'never' }),
    duration('tables.leakDetectionMs', 60 * MINUTE, 'Suspected leak. 0 = off.', { zeroMeans: 'off' }),
    duration('tables.housekeepingMs', 2 * MINUTE, 'Clears idle tables, sets missing ones.', { min: 1_000, unitForZero: 's' }),
    duration('tables.validateAfterIdleMs', 10_000, 'Checked for a wobble before seating.', { unitForZero: 's' }),
  ].map((spec) => numberField(s, 'live', spec));
  return { kind: 'tables', heading: KIND_HEADINGS.tables, live: [...classes, ...timers], setup: [] };
}

function staffGroup(s: Scenario): LimitGroup {
  return {
    kind: 'staff',
    heading: KIND_HEADINGS.staff,
    live: [
      numberField(s, 'live', count('staff.corePoolSize', 10, 'cooks', 'Stay even when there is nothing to cook.', 1_000)),
      numberField(s, 'live', count('staff.maxPoolSize', 10, 'cooks', 'Extra staff are called in when the rail is full.', 1_000, 1)),
      numberField(s, 'live', {
        ...count('staff.queueCapacity', 32, 'tickets', '0 = hand each ticket to a free cook; “unbounded” = no end.', 1_000_000),
        allowsUnbounded: true,
      }),
      numberField(s, 'live', duration('staff.keepAliveMs', 10 * MINUTE, 'Extra staff idle this long leave.')),
      choiceField('staff.rejectionPolicy', 'live', 'When no cook and no rail space is left.', rejectionPolicyTerms),
      toggleField('staff.allowCoreTimeout', 'live', 'After the keep-alive time, like extra staff.'),
    ],
    setup: [],
  };
}

function ingredientsGroup(s: Scenario): LimitGroup {
  return {
    kind: 'ingredients',
    heading: KIND_HEADINGS.ingredients,
    live: [
      numberField(s, 'live', count('ingredients.softLimit', 64, 'slots', 'Taking one more fails with EMFILE.', 1_048_576)),
      numberField(s, 'live', count('ingredients.hardLimit', 128, 'slots', 'Lowering is allowed; raising needs privilege (EPERM).', 1_048_576)),
    ],
    setup: [
      numberField(s, 'setup', count('ingredients.reservedCount', 8, 'slots', 'stdin, stdout and stderr at opening.', 1_024)),
      numberField(s, 'setup', duration('ingredients.staleAfterMs', 30 * MINUTE, 'Tidied on EMFILE. 0 = off.', { zeroMeans: 'off' })),
    ],
  };
}

function stationsGroup(s: Scenario): LimitGroup {
  const GIB = 2 ** 30;
  return {
    kind: 'stations',
    heading: KIND_HEADINGS.stations,
    live: [
      numberField(s, 'live', bytes('stations.memoryLimitBytes', 64 * KIB, 'Pools and banquet area together.', 2 ** 40)),
      numberField(s, 'live', { ...bytes('stations.gcThresholdBytes', 64 * KIB, 'Collects forgotten stations. 0 = off.', 2 ** 40), zeroMeans: 'off' }),
      numberField(s, 'live', duration('stations.staleAfterMs', 10 * MINUTE, 'Reclaimed by the sweep. 0 = off.', { zeroMeans: 'off' })),
      numberField(s, 'live', duration('stations.staleSweepEveryMs', 5 * MINUTE, 'How often the sweep runs.')),
    ],
    setup: [
      numberField(s, 'setup', bytes('stations.pools.small.blockSize', 256, 'Each prep counter (small pool block).', GIB, 1)),
      numberField(s, 'setup', count('stations.pools.small.blockCount', 32, 'counters', 'Small pool blocks.', 1_000_000)),
      numberField(s, 'setup', bytes('stations.pools.medium.blockSize', 4 * KIB, 'Each cooking station (medium pool block).', GIB, 1)),
      numberField(s, 'setup', count('stations.pools.medium.blockCount', 32, 'stations', 'Medium pool blocks.', 1_000_000)),
      numberField(s, 'setup', bytes('stations.heap.heapSize', 64 * KIB, 'For large dishes and overflow (heap).', GIB, 1)),
      choiceField('stations.heap.policy', 'setup', 'How the free list is searched.', fitPolicyTerms),
      choiceField('stations.heap.listOrder', 'setup', 'How the free list is kept.', listOrderTerms),
      toggleField('stations.heap.coalesce', 'setup', 'Merge a freed chunk with free neighbours.'),
    ],
  };
}

function shelfGroup(s: Scenario): LimitGroup {
  const isUnbounded = s.shelf?.policy === 'UNBOUNDED';
  return {
    kind: 'shelf',
    heading: KIND_HEADINGS.shelf,
    // An unbounded shelf has no limit to change while it runs.
    live: isUnbounded
      ? []
      : [
          numberField(s, 'live', count('shelf.maxEntries', 32, 'dishes', '0 = no count limit (LRU only).', 1_000_000)),
          numberField(s, 'live', { ...bytes('shelf.maxBytes', 32 * KIB, 'LRU only. 0 = no size limit.', 2 ** 40), zeroMeans: 'no limit' }),
        ],
    setup: [
      choiceField('shelf.policy', 'setup', 'Which dish is evicted.', shelfPolicyTerms),
      ...(isUnbounded ? [numberField(s, 'setup', count('shelf.maxEntries', 32, 'dishes', '0 = no count limit (LRU only).', 1_000_000))] : []),
      ...(isUnbounded ? [numberField(s, 'setup', bytes('shelf.maxBytes', 32 * KIB, 'LRU only. 0 = no size limit.', 2 ** 40))] : []),
      numberField(s, 'setup', { ...bytes('shelf.maxEntryBytes', 8 * KIB, 'LRU only. 0 = as big as the shelf.', 2 ** 40), zeroMeans: 'as big as the shelf' }),
    ],
  };
}

function managerGroup(s: Scenario): LimitGroup {
  return {
    kind: 'manager',
    heading: KIND_HEADINGS.manager,
    live: [
      numberField(s, 'live', count('manager.limits.connection', 32, 'tables', 'Checked before every booking.', 1_000_000)),
      numberField(s, 'live', bytes('manager.limits.memory', 64 * KIB, 'Bytes of counter space, over all bookings.', 2 ** 40)),
      numberField(s, 'live', count('manager.limits.fd', 64, 'ingredients', 'Open descriptors, over all bookings.', 1_048_576)),
      numberField(s, 'live', count('manager.limits.thread', 16, 'cooks', 'Threads, over all bookings.', 100_000)),
    ],
    setup: [],
  };
}

const GROUP_OF: Readonly<Record<LimitKind, (s: Scenario) => LimitGroup>> = {
  tables: tablesGroup,
  staff: staffGroup,
  ingredients: ingredientsGroup,
  stations: stationsGroup,
  shelf: shelfGroup,
  manager: managerGroup,
};

/** The groups of fields for the kinds `scenario` has, in panel order. */
export function limitGroups(scenario: Scenario): LimitGroup[] {
  return LIMIT_KINDS.filter((kind) => scenario[kind] !== undefined).map((kind) => GROUP_OF[kind](scenario));
}

/** The value at `path` in `root` (a scenario or the limits in force), or undefined. */
export { getIn };
