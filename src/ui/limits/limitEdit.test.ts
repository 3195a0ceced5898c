import { describe, expect, it } from 'vitest';
import { applyCommand, builtInScenarios, createSimulation, scenarioOrThrow, type LimitCommand, type Scenario } from '../../sim/index.ts';
import { commitLive, planSetup } from './limitEdit.ts';
import { limitGroups, type LimitField, type NumberField } from './limitFields.ts';

const dinner: Scenario = scenarioOrThrow(builtInScenarios['dinner-service']);
const groups = limitGroups(dinner);
const field = (id: string): LimitField => groups.flatMap((g) => [...g.live, ...g.setup]).find((f) => f.id === id) as LimitField;
const numberField = (id: string) => field(id) as NumberField;
const setupOf = (kind: string) => groups.find((g) => g.kind === kind)?.setup ?? [];

describe('commitLive()', () => {
  it('refuses plainly wrong text itself, without asking the simulation', () => {
    const sent: LimitCommand[] = [];
    const apply = (c: LimitCommand) => (sent.push(c), null);
    const limits = createSimulation(dinner).limits();
    expect(commitLive(numberField('limit-tables-small-max'), 'twelve', limits, dinner, apply)).toBe('“twelve” is not a number.');
    expect(commitLive(numberField('limit-tables-small-max'), '-3', limits, dinner, apply)).toBe('Must be 0 or more.');
    expect(commitLive(numberField('limit-tables-small-max'), '3.5', limits, dinner, apply)).toBe('Must be a whole number.');
    expect(sent).toEqual([]);
  });

  it('sends a readable value in the field’s unit', () => {
    const sent: LimitCommand[] = [];
    const limits = createSimulation(dinner).limits();
    expect(commitLive(numberField('limit-tables-acquireTimeoutMs'), '2', limits, dinner, (c) => (sent.push(c), null))).toBeNull();
    expect(commitLive(numberField('limit-stations-memoryLimitBytes'), '20', limits, dinner, (c) => (sent.push(c), null))).toBeNull();
    expect(sent).toEqual([
      { kind: 'tables', changes: { acquireTimeoutMs: 120_000 } },
      { kind: 'stations', changes: { memoryLimitBytes: 20_480 } },
    ]);
  });

  it('sends nothing for the value already in force', () => {
    const sent: LimitCommand[] = [];
    const limits = createSimulation(dinner).limits();
    expect(commitLive(numberField('limit-tables-small-max'), '12', limits, dinner, (c) => (sent.push(c), 'never asked'))).toBeNull();
    expect(commitLive(numberField('limit-staff-queueCapacity'), '8', limits, dinner, (c) => (sent.push(c), 'never asked'))).toBeNull();
    expect(sent).toEqual([]);
  });

  it('passes on the simulation’s refusals in plain words: min above max, out of the schema’s range, EPERM', () => {
    const sim = createSimulation(dinner);
    const apply = (c: LimitCommand) => applyCommand(sim, c);
    expect(commitLive(numberField('limit-tables-small-min'), '20', sim.limits(), dinner, apply)).toBe(
      'Small tables kept set (small · min) cannot be more than Small tables at most (small · max).',
    );
    expect(commitLive(numberField('limit-tables-small-max'), '20000', sim.limits(), dinner, apply)).toBe(
      'Small tables at most (small · max): 10,000 is the largest allowed, not 20,000.',
    );
    expect(commitLive(numberField('limit-ingredients-hardLimit'), '128', sim.limits(), dinner, apply)).toBe(
      'Pantry slots at most (hard limit) can only go down while the service runs: raising it needs privilege (EPERM).',
    );
    expect(commitLive(numberField('limit-tables-resetMs'), '25 h', sim.limits(), dinner, apply)).toBe(
      'Time to bus a table (reset on release): 24 h is the largest allowed, not 25 h.',
    );
    expect(commitLive(numberField('limit-staff-maxPoolSize'), '0', sim.limits(), dinner, apply)).toBe(
      'Cooks at most (max pool size): 1 is the smallest allowed, not 0. Cooks at most (max pool size) cannot be less than Cooks on shift (core pool size).',
    );
    // In the systems words, when the page shows them.
    const systems = (t: { label: string; real: string }) => `${t.real} (${t.label.toLowerCase()})`;
    expect(commitLive(numberField('limit-tables-small-max'), '20000', sim.limits(), dinner, apply, systems)).toBe(
      'small · max (small tables at most): 10,000 is the largest allowed, not 20,000.',
    );
    expect(sim.limits().tables?.small).toEqual({ min: 4, max: 12 });
    expect(sim.limits().ingredients).toEqual({ softLimit: 24, hardLimit: 64 });
  });
});

describe('planSetup()', () => {
  it('is the scenario with the drafted values when they are valid', () => {
    const plan = planSetup(setupOf('stations'), dinner, { 'limit-stations-heap-heapSize': '16' }, { 'limit-stations-heap-policy': 'WORST' });
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.scenario.stations?.heap).toEqual({ ...dinner.stations?.heap, heapSize: 16_384, policy: 'WORST' });
    }
  });

  it('marks fields whose text is not a value, and restarts nothing', () => {
    const plan = planSetup(setupOf('stations'), dinner, { 'limit-stations-pools-small-blockCount': 'many', 'limit-stations-heap-heapSize': '16' }, {});
    expect(plan).toEqual({ ok: false, fieldErrors: { 'limit-stations-pools-small-blockCount': '“many” is not a number.' }, message: 'Fix the marked fields first.' });
  });

  it('gives the schema’s verdict, to the field it names when it names one', () => {
    const plan = planSetup(setupOf('stations'), dinner, { 'limit-stations-pools-small-blockSize': '0' }, {});
    expect(plan).toEqual({
      ok: false,
      fieldErrors: { 'limit-stations-pools-small-blockSize': 'Prep counter size (small block size): 1 B is the smallest allowed, not 0 B.' },
      message: 'Prep counter size (small block size): 1 B is the smallest allowed, not 0 B.',
    });
    const crossed = planSetup(setupOf('stations'), dinner, { 'limit-stations-pools-small-blockSize': '2 KiB' }, {});
    expect(crossed).toEqual({
      ok: false,
      fieldErrors: {},
      message: 'Prep counter size (small block size) cannot be more than Cooking station size (medium block size).',
    });
  });
});
