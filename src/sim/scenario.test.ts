import { describe, expect, it } from 'vitest';
import { builtInScenarios } from './builtInScenarios.ts';
import { formatProblems, parseScenario } from './scenario.ts';

function problemsOf(input: unknown): string {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected problems');
  return formatProblems(r.problems);
}

describe('parseScenario()', () => {
  it('fills in defaults and leaves out kinds that are not asked for', () => {
    const r = parseScenario({ name: 'x', tables: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.seed).toBe(1);
    expect(r.scenario.durationMs).toBe(3_600_000);
    expect(r.scenario.tables?.small).toEqual({ min: 4, max: 12 });
    expect(r.scenario.tables?.acquireTimeoutMs).toBe(600_000);
    expect(r.scenario.staff).toBeUndefined();
    expect(r.scenario.workload.phases.map((p) => p.name)).toEqual(['quiet', 'rush', 'late']);
    expect(r.scenario.faults).toEqual({
      unhealthyTableProbability: 0,
      forgottenTableProbability: 0,
      forgottenIngredientProbability: 0,
      forgottenStationProbability: 0,
    });
  });

  it('rejects unknown keys with their full path', () => {
    expect(problemsOf({ name: 'x', staff: { cores: 3 } })).toBe('staff.cores: unknown field (not part of the scenario format)');
    expect(problemsOf({ name: 'x', extra: 1, more: 2 })).toBe('extra, more: unknown field (not part of the scenario format)');
  });

  it('rejects wrong types and out-of-range values saying what was expected', () => {
    expect(problemsOf({ name: 'x', durationMs: '1h' })).toBe('durationMs: expected number, got "1h"');
    expect(problemsOf({ name: 'x', tables: { resetMs: 1.5 } })).toBe('tables.resetMs: expected an integer, got 1.5');
    expect(problemsOf({ name: 'x', tables: { medium: { min: 3, max: 2 } } })).toBe('tables.medium: expected min <= max');
    expect(problemsOf({ name: 'x', staff: { corePoolSize: 5, maxPoolSize: 2 } })).toBe('staff.maxPoolSize: expected maxPoolSize >= corePoolSize');
    expect(problemsOf({ name: 'x', staff: { rejectionPolicy: 'panic' } })).toBe(
      'staff.rejectionPolicy: expected one of "abort", "callerRuns", "discard", "discardOldest", got "panic"',
    );
    expect(problemsOf({ name: 'x', staff: { queueCapacity: -1 } })).toBe('staff.queueCapacity: expected >= 0, got -1');
    expect(problemsOf({ name: 'x', staff: { queueCapacity: 'lots' } })).toBe('staff.queueCapacity: expected an integer 0-1000000 or "unbounded", got "lots"');
    expect(problemsOf({ name: 'x', ingredients: { softLimit: 100, hardLimit: 50 } })).toBe('ingredients.softLimit: expected softLimit <= hardLimit');
    expect(problemsOf({ name: 'x', faults: { forgottenTableProbability: 2 } })).toBe('faults.forgottenTableProbability: expected <= 1, got 2');
    expect(problemsOf({ name: 'x', workload: { partySizes: [{ size: 0, weight: 1 }] } })).toBe('workload.partySizes.0.size: expected >= 1, got 0');
    expect(problemsOf({ name: 'x', workload: { partySizes: [{ size: 2, weight: 0 }] } })).toBe('workload.partySizes: expected at least one weight above 0');
    expect(problemsOf({ name: 'x', durationMs: 1e12 })).toBe('durationMs: expected <= 86400000, got 1000000000000');
  });

  it('rejects input that is not a scenario object at all', () => {
    expect(problemsOf(null)).toBe('(top level): expected object, got null');
    expect(problemsOf([])).toBe('(top level): expected object, got an array of 0');
    expect(problemsOf({})).toBe('name: expected string, got nothing');
  });

  it('accepts every built-in scenario', () => {
    for (const [id, input] of Object.entries(builtInScenarios)) {
      const r = parseScenario(input);
      expect(r.ok ? 'ok' : formatProblems(r.problems), id).toBe('ok');
      if (r.ok) expect(r.scenario.name).toBe(id);
    }
  });
});
