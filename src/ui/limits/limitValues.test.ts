import { describe, expect, it } from 'vitest';
import { applyCommand, builtInScenarios, createSimulation, scenarioOrThrow, type LimitsInForce, type Scenario } from '../../sim/index.ts';
import { limitGroups, type LimitField } from './limitFields.ts';
import { commandFor, currentValueOf, resetCommands, scenarioValueOf, scenarioWith } from './limitValues.ts';

const dinner: Scenario = scenarioOrThrow(builtInScenarios['dinner-service']);
const groups = limitGroups(dinner);
const field = (id: string): LimitField => groups.flatMap((g) => [...g.live, ...g.setup]).find((f) => f.id === id) as LimitField;
const inForce = (): LimitsInForce => createSimulation(dinner).limits();

describe('currentValueOf() and scenarioValueOf()', () => {
  it('read a live field from the limits in force, a setup field from the scenario', () => {
    const limits: LimitsInForce = { ...inForce(), manager: { connection: 3, memory: 1_024, fd: 5, thread: 2 } };
    expect(currentValueOf(field('limit-manager-memory'), limits, dinner)).toBe(1_024);
    expect(scenarioValueOf(field('limit-manager-memory'), dinner)).toBe(65_536);
    expect(currentValueOf(field('limit-tables-small-max'), limits, dinner)).toBe(12);
    expect(currentValueOf(field('limit-staff-rejectionPolicy'), limits, dinner)).toBe('callerRuns');
    expect(currentValueOf(field('limit-stations-heap-policy'), limits, dinner)).toBe('FIRST');
    expect(currentValueOf(field('limit-shelf-maxBytes'), limits, dinner)).toBe(12_288);
  });

  it('fall back to the scenario when the limits lack the kind', () => {
    expect(currentValueOf(field('limit-ingredients-hardLimit'), {}, dinner)).toBe(64);
  });
});

describe('commandFor()', () => {
  const limits = inForce();

  it('gives a table class whole, with the other bound in force', () => {
    expect(commandFor(field('limit-tables-small-max'), 16, limits, dinner)).toEqual({ kind: 'tables', changes: { small: { min: 4, max: 16 } } });
    expect(commandFor(field('limit-tables-large-min'), 1, limits, dinner)).toEqual({ kind: 'tables', changes: { large: { min: 1, max: 2 } } });
    expect(commandFor(field('limit-tables-acquireTimeoutMs'), 60_000, limits, dinner)).toEqual({ kind: 'tables', changes: { acquireTimeoutMs: 60_000 } });
  });

  it('gives staff, stations and shelf changes one field at a time', () => {
    expect(commandFor(field('limit-staff-queueCapacity'), 'unbounded', limits, dinner)).toEqual({ kind: 'staff', changes: { queueCapacity: 'unbounded' } });
    expect(commandFor(field('limit-staff-allowCoreTimeout'), true, limits, dinner)).toEqual({ kind: 'staff', changes: { allowCoreTimeout: true } });
    expect(commandFor(field('limit-stations-gcThresholdBytes'), 0, limits, dinner)).toEqual({ kind: 'stations', changes: { gcThresholdBytes: 0 } });
    expect(commandFor(field('limit-shelf-maxEntries'), 4, limits, dinner)).toEqual({ kind: 'shelf', changes: { maxEntries: 4 } });
  });

  it('gives both descriptor limits, as setrlimit takes them', () => {
    expect(commandFor(field('limit-ingredients-softLimit'), 10, limits, dinner)).toEqual({ kind: 'ingredients', softLimit: 10, hardLimit: 64 });
    expect(commandFor(field('limit-ingredients-hardLimit'), 32, limits, dinner)).toEqual({ kind: 'ingredients', softLimit: 24, hardLimit: 32 });
  });

  it('names the manager’s resource', () => {
    expect(commandFor(field('limit-manager-fd'), 12, limits, dinner)).toEqual({ kind: 'manager', resource: 'fd', limit: 12 });
  });

  it('builds commands the simulation accepts', () => {
    const sim = createSimulation(dinner);
    expect(applyCommand(sim, commandFor(field('limit-tables-small-max'), 16, sim.limits(), dinner))).toBeNull();
    expect(sim.limits().tables?.small).toEqual({ min: 4, max: 16 });
    expect(applyCommand(sim, commandFor(field('limit-shelf-maxBytes'), 4_096, sim.limits(), dinner))).toBeNull();
    expect(sim.limits().shelf).toEqual({ maxEntries: 10, maxBytes: 4_096 });
  });
});

describe('resetCommands()', () => {
  it('is empty when every live limit is the scenario’s', () => {
    expect(resetCommands(groups, inForce(), dinner)).toEqual([]);
  });

  it('restores only what differs: whole table classes, both descriptor limits, one command per manager resource', () => {
    const limits = inForce();
    const changed: LimitsInForce = {
      ...limits,
      tables: { ...(limits.tables as NonNullable<LimitsInForce['tables']>), medium: { min: 2, max: 9 }, resetMs: 1_000 },
      staff: { ...(limits.staff as NonNullable<LimitsInForce['staff']>), queueCapacity: 'unbounded' },
      ingredients: { softLimit: 10, hardLimit: 64 },
      manager: { connection: 40, memory: 1, fd: 2, thread: 12 },
    };
    expect(resetCommands(groups, changed, dinner)).toEqual([
      { kind: 'tables', changes: { medium: { min: 2, max: 6 }, resetMs: 90_000 } },
      { kind: 'staff', changes: { queueCapacity: 8 } },
      { kind: 'ingredients', softLimit: 24, hardLimit: 64 },
      { kind: 'manager', resource: 'memory', limit: 65_536 },
      { kind: 'manager', resource: 'fd', limit: 24 },
    ]);
  });

  it('asks a lowered hard limit back (EPERM), then brings the soft limit back as far as the hard one allows', () => {
    const limits = { ...inForce(), ingredients: { softLimit: 10, hardLimit: 16 } };
    expect(resetCommands(groups, limits, dinner)).toEqual([
      { kind: 'ingredients', softLimit: 24, hardLimit: 64 },
      { kind: 'ingredients', softLimit: 16, hardLimit: 16 },
    ]);
    const sim = createSimulation(dinner);
    expect(applyCommand(sim, { kind: 'ingredients', softLimit: 10, hardLimit: 16 })).toBeNull();
    const refusals = resetCommands(groups, sim.limits(), dinner).map((c) => applyCommand(sim, c));
    expect(refusals).toEqual(['ingredients: EPERM: raising the hard limit needs privilege (an unprivileged process may only lower it)', null]);
    expect(sim.limits().ingredients).toEqual({ softLimit: 16, hardLimit: 16 });
  });

  it('brings a changed simulation back to the scenario’s limits', () => {
    const sim = createSimulation(dinner);
    const before = sim.limits();
    expect(applyCommand(sim, { kind: 'stations', changes: { memoryLimitBytes: 1_024, staleAfterMs: 0 } })).toBeNull();
    expect(applyCommand(sim, { kind: 'staff', changes: { corePoolSize: 1, rejectionPolicy: 'abort' } })).toBeNull();
    for (const command of resetCommands(groups, sim.limits(), dinner)) expect(applyCommand(sim, command)).toBeNull();
    expect(sim.limits()).toEqual(before);
  });
});

describe('scenarioWith()', () => {
  it('changes the setup fields in a copy', () => {
    const input = scenarioWith(dinner, [
      { field: field('limit-stations-pools-small-blockSize'), value: 32 },
      { field: field('limit-stations-heap-policy'), value: 'BEST' },
      { field: field('limit-stations-heap-coalesce'), value: false },
    ]);
    expect(input.stations?.pools?.small).toEqual({ blockSize: 32, blockCount: 16 });
    expect(input.stations?.heap?.policy).toBe('BEST');
    expect(input.stations?.heap?.coalesce).toBe(false);
    expect(input.tables).toEqual(dinner.tables);
    expect(dinner.stations?.pools.small.blockSize).toBe(64);
    expect(dinner.stations?.heap.policy).toBe('FIRST');
  });
});
