/**
 * Values of the limits panel's fields: reading them from the limits in force and the scenario, turning a new
 * value into the limit command that applies it, the commands that restore the scenario's limits, and the
 * scenario a setup change restarts with. Pure functions over plain data.
 *
 * @example
 * commandFor(field('limit-tables-small-max'), 16, limits)
 * // { kind: 'tables', changes: { small: { min: 4, max: 16 } } }
 */
import type { LimitCommand } from '../../sim/commands.ts';
import type { ResourceKind } from '../../sim/events.ts';
import type { LimitsInForce } from '../../sim/limitsInForce.ts';
import type { Scenario, ScenarioInput } from '../../sim/scenario.ts';
import { getIn, type LimitField, type LimitGroup, type LimitValue } from './limitFields.ts';

/** Where a live field's value sits in {@link LimitsInForce} (the manager's without `limits`). */
function livePath(field: LimitField): readonly string[] {
  return field.kind === 'manager' ? ['manager', field.scenarioPath[2]] : field.scenarioPath;
}

/** The field's value in the scenario (what "reset" restores). */
export function scenarioValueOf(field: LimitField, scenario: Scenario): LimitValue {
  return getIn(scenario, field.scenarioPath) as LimitValue;
}

/** The value in force: for a live field from `limits` (the scenario's when `limits` lacks it), else the scenario's. */
export function currentValueOf(field: LimitField, limits: LimitsInForce, scenario: Scenario): LimitValue {
  if (field.mode === 'live') {
    const value = getIn(limits, livePath(field));
    if (value !== undefined) return value as LimitValue;
  }
  return scenarioValueOf(field, scenario);
}

/** The command that sets live `field` to `value`, the kind's other limits staying as they are in force. */
export function commandFor(field: LimitField, value: LimitValue, limits: LimitsInForce, scenario: Scenario): LimitCommand {
  const [, first, second] = field.scenarioPath;
  switch (field.kind) {
    case 'tables': {
      if (second === undefined) return { kind: 'tables', changes: { [first]: value } };
      // A class is given whole.
      const cls = (limits.tables ?? scenario.tables)?.[first as 'small' | 'medium' | 'large'] ?? { min: 0, max: 0 };
      return { kind: 'tables', changes: { [first]: { ...cls, [second]: value } } };
    }
    case 'staff':
      return { kind: 'staff', changes: { [first]: value } };
    case 'ingredients': {
      const now = limits.ingredients ?? scenario.ingredients ?? { softLimit: 0, hardLimit: 0 };
      const next = { softLimit: now.softLimit, hardLimit: now.hardLimit, [first]: value as number };
      return { kind: 'ingredients', softLimit: next.softLimit, hardLimit: next.hardLimit };
    }
    case 'stations':
      return { kind: 'stations', changes: { [first]: value } };
    case 'shelf':
      return { kind: 'shelf', changes: { [first]: value } };
    case 'manager':
      return { kind: 'manager', resource: second as ResourceKind, limit: value as number };
  }
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * The commands that bring the live limits back to the scenario's: one per kind that differs (one per
 * resource for the manager), changing only what differs. None when nothing does. A lowered hard descriptor
 * limit is asked back (the simulation refuses: EPERM), followed by the soft limit alone.
 */
export function resetCommands(groups: readonly LimitGroup[], limits: LimitsInForce, scenario: Scenario): LimitCommand[] {
  const commands: LimitCommand[] = [];
  for (const group of groups) {
    const changed = group.live.filter((f) => differs(currentValueOf(f, limits, scenario), scenarioValueOf(f, scenario)));
    if (changed.length === 0) continue;
    switch (group.kind) {
      case 'manager':
        for (const f of changed) commands.push(commandFor(f, scenarioValueOf(f, scenario), limits, scenario));
        break;
      case 'ingredients': {
        const fd = scenario.ingredients as NonNullable<Scenario['ingredients']>;
        const now = limits.ingredients ?? fd;
        commands.push({ kind: 'ingredients', softLimit: fd.softLimit, hardLimit: fd.hardLimit });
        // Raising a lowered hard limit fails (EPERM, as setrlimit does): then bring the soft limit back as
        // near as the hard limit in force allows.
        const softWithin = Math.min(fd.softLimit, now.hardLimit);
        if (fd.hardLimit > now.hardLimit && softWithin !== now.softLimit) {
          commands.push({ kind: 'ingredients', softLimit: softWithin, hardLimit: now.hardLimit });
        }
        break;
      }
      default: {
        const changes: Record<string, unknown> = {};
        // A table class is restored whole; other fields one by one.
        for (const f of changed) changes[f.scenarioPath[1]] = getIn(scenario, f.scenarioPath.slice(0, 2));
        commands.push({ kind: group.kind, changes } as LimitCommand);
      }
    }
  }
  return commands;
}

function setIn(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = root;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
}

/** The scenario with some setup fields changed (what the service restarts with). `scenario` is not changed. */
export function scenarioWith(scenario: Scenario, changes: readonly { field: LimitField; value: LimitValue }[]): ScenarioInput {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const { field, value } of changes) setIn(copy, field.scenarioPath, value);
  return copy as unknown as ScenarioInput;
}
