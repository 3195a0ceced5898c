/**
 * Limit commands: a change of one kind's limits while the service runs, as plain data, so that a timeline
 * can record it, replay it, export it and fork on it.
 *
 * `applyCommand(sim, command)` checks the command first (the kind must be in the scenario; every value must
 * pass the scenario schema, merged with the current limits), then hands it to the model's own `setLimits`,
 * which may still refuse it (a table class with min above max, a staff combination Java would reject,
 * `setrlimit` failing with EINVAL or EPERM). The result is null on success, otherwise the message.
 * A refused command changes nothing, except that the descriptor table logs its refusal (`fd.limitRefused`),
 * as `setrlimit` reports its error.
 *
 * @example
 * const refusal = applyCommand(sim, { kind: 'tables', changes: { small: { min: 4, max: 16 } } });
 * // null, and the log holds `limit.changed` for tables.small.max
 * applyCommand(sim, { kind: 'shelf', changes: { maxEntries: 4 } });
 * // null; limit.changed for shelf.maxEntries, then cache.evicted (reason 'evict') for each dish over 4
 * applyCommand(sim, { kind: 'ingredients', softLimit: 10, hardLimit: 1_000_000 });
 * // 'ingredients: EPERM: ...' (raising the hard limit needs privilege)
 */
import type { ResourceKind } from './events.ts';
import type { StationsLimits } from './kitchenMemory.ts';
import { formatProblems, parseScenario, type Scenario, type StaffConfig, type TablesConfig } from './scenario.ts';
import type { Simulation } from './simulation.ts';

/** A change of limits of one kind, applied at one moment of a run. */
export type LimitCommand =
  /** Tables (connection pool): any of the pool's settings; a class is given whole (`{min, max}`). */
  | { kind: 'tables'; changes: Partial<TablesConfig> }
  /** Staff (thread pool): ThreadPoolExecutor's setters. */
  | { kind: 'staff'; changes: Partial<StaffConfig> }
  /** Ingredients (descriptor table): `setrlimit(RLIMIT_NOFILE, {soft, hard})`. */
  | { kind: 'ingredients'; softLimit: number; hardLimit: number }
  /** Kitchen stations (memory): the limit, GC threshold and stale sweep (pools and heap are fixed). */
  | { kind: 'stations'; changes: Partial<StationsLimits> }
  /** Warming shelf (cache): its entry and byte limits (the policy and the largest dish are fixed). */
  | { kind: 'shelf'; changes: { maxEntries?: number; maxBytes?: number } }
  /** The manager's global limit of one resource kind. */
  | { kind: 'manager'; resource: ResourceKind; limit: number };

/**
 * True when `a` and `b` change the same setting (same kind, and the same fields, class or resource), so the
 * later one makes the earlier one moot when both apply at the same instant.
 */
export function isSameSetting(a: LimitCommand, b: LimitCommand): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'ingredients':
      return true;
    case 'manager':
      return b.kind === 'manager' && a.resource === b.resource;
    default: {
      const keysA = Object.keys(a.changes).sort().join();
      const keysB = Object.keys((b as typeof a).changes).sort().join();
      return keysA === keysB;
    }
  }
}

/** The `kind` of every command. */
export type LimitCommandKind = LimitCommand['kind'];

/** Command kinds, in menu order. */
export const LIMIT_COMMAND_KINDS: readonly LimitCommandKind[] = ['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager'];

const TABLE_CLASSES: readonly string[] = ['small', 'medium', 'large'];
const STATIONS_LIMIT_FIELDS: readonly string[] = ['memoryLimitBytes', 'gcThresholdBytes', 'staleAfterMs', 'staleSweepEveryMs'];
const SHELF_LIMIT_FIELDS: readonly string[] = ['maxEntries', 'maxBytes'];
const RESOURCES: readonly string[] = ['connection', 'memory', 'fd', 'thread'];

/** What each `setrlimit` error means here. */
const FD_ERRORS = {
  EINVAL: 'EINVAL: expected whole numbers >= 0 with softLimit <= hardLimit',
  EPERM: 'EPERM: raising the hard limit needs privilege (an unprivileged process may only lower it)',
} as const;

/**
 * Why `command` cannot apply to `sim`, without changing anything: the kind is missing from the scenario, a
 * field is unknown, or a value fails the scenario schema (checked against the limits in force now, so a
 * change that relies on an earlier one is judged correctly). Returns null when the model should decide.
 */
export function commandProblem(sim: Simulation, command: LimitCommand): string | null {
  const s = sim.scenario;
  switch (command.kind) {
    case 'tables':
      if (!sim.tables || !s.tables) return missing('tables', 'connection pool');
      if (!isRecord(command.changes)) return 'tables: expected an object of changes';
      for (const [key, value] of Object.entries(command.changes)) {
        // The pool takes a class whole, and the schema would fill a missing value with its default.
        if (value === undefined) return `tables.${key}: expected a value`;
        if (TABLE_CLASSES.includes(key) && !(isRecord(value) && typeof value.min === 'number' && typeof value.max === 'number')) {
          return `tables.${key}: expected { min, max }`;
        }
      }
      return schemaProblem(s, { tables: { ...sim.tables.limits(), ...command.changes } });
    case 'staff':
      if (!sim.staff || !s.staff) return missing('staff', 'thread pool');
      if (!isRecord(command.changes)) return 'staff: expected an object of changes';
      return schemaProblem(s, { staff: { ...sim.staff.limits(), ...command.changes } });
    case 'ingredients':
      if (!sim.ingredients) return missing('ingredients', 'descriptor table');
      // The model judges the values itself and logs its refusal (fd.limitRefused), as setrlimit does.
      if (typeof command.softLimit !== 'number' || typeof command.hardLimit !== 'number') return 'ingredients: expected numbers softLimit and hardLimit';
      return null;
    case 'stations': {
      if (!sim.stations || !s.stations) return missing('stations', 'memory');
      if (!isRecord(command.changes)) return 'stations: expected an object of changes';
      const unknown = Object.keys(command.changes).find((k) => !STATIONS_LIMIT_FIELDS.includes(k));
      if (unknown !== undefined) return `stations.${unknown}: fixed at the start (changeable: ${STATIONS_LIMIT_FIELDS.join(', ')})`;
      return schemaProblem(s, { stations: { ...s.stations, ...sim.stations.limits(), ...command.changes } });
    }
    case 'shelf': {
      if (!sim.shelf || !s.shelf) return missing('shelf', 'cache');
      if (!isRecord(command.changes)) return 'shelf: expected an object of changes';
      const unknown = Object.keys(command.changes).find((k) => !SHELF_LIMIT_FIELDS.includes(k));
      if (unknown !== undefined) return `shelf.${unknown}: fixed at the start (changeable: ${SHELF_LIMIT_FIELDS.join(', ')})`;
      if (s.shelf.policy === 'UNBOUNDED') return 'shelf: the UNBOUNDED shelf has no limit to change (it never evicts)';
      const changes = Object.fromEntries(Object.entries(command.changes).filter(([, v]) => v !== undefined));
      return schemaProblem(s, { shelf: { ...s.shelf, ...sim.shelf.limits(), ...changes } });
    }
    case 'manager':
      if (!sim.manager || !s.manager) return missing('manager', 'resource manager');
      if (!RESOURCES.includes(command.resource)) return `manager.resource: expected one of ${RESOURCES.join(', ')}`;
      if (typeof command.limit !== 'number') return 'manager.limit: expected a number';
      return schemaProblem(s, { manager: { ...s.manager, limits: { ...sim.manager.limitsInForce(), [command.resource]: command.limit } } });
    default:
      return `unknown command kind "${(command as { kind?: unknown }).kind}" (expected one of ${LIMIT_COMMAND_KINDS.join(', ')})`;
  }
}

/**
 * Applies `command` to `sim` at its current virtual time. Returns null when it applied (the model logged
 * `limit.changed` or `fd.limitChanged` for what changed), or the refusal message (nothing changed).
 */
export function applyCommand(sim: Simulation, command: LimitCommand): string | null {
  const problem = commandProblem(sim, command);
  if (problem !== null) return problem;
  switch (command.kind) {
    case 'tables':
      return prefixed('tables', sim.tables?.setLimits(command.changes));
    case 'staff':
      return prefixed('staff', sim.staff?.setLimits(command.changes));
    case 'ingredients': {
      const result = sim.ingredients?.setLimits(command.softLimit, command.hardLimit);
      return result === undefined || result === 'ok' ? null : `ingredients: ${FD_ERRORS[result]}`;
    }
    case 'stations':
      return prefixed('stations', sim.stations?.setLimits(command.changes));
    case 'shelf':
      return prefixed('shelf', sim.shelf?.setLimits(command.changes));
    case 'manager':
      sim.manager?.setLimit(command.resource, command.limit);
      return null;
  }
}

function missing(kind: string, realTerm: string): string {
  return `${kind}: this scenario has no ${kind} (${realTerm}) to change`;
}

function prefixed(kind: string, message: string | null | undefined): string | null {
  if (message === null || message === undefined) return null;
  return message.startsWith(`${kind}:`) || message.startsWith(`${kind}.`) ? message : `${kind}: ${message}`;
}

/** The scenario schema's verdict on `scenario` with some sections replaced, or null. */
function schemaProblem(scenario: Scenario, sections: Partial<Scenario>): string | null {
  const result = parseScenario({ ...scenario, ...sections });
  return result.ok ? null : formatProblems(result.problems);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
