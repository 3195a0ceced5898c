import { describe, expect, it } from 'vitest';
import { builtInScenarios, parseScenario, scenarioOrThrow, type Scenario } from '../../sim/index.ts';
import { getIn, limitGroups, type LimitField, type NumberField } from './limitFields.ts';

const scenario = (id: string): Scenario => scenarioOrThrow(builtInScenarios[id]);
const ids = (fields: readonly LimitField[]) => fields.map((f) => f.id);
const byId = (s: Scenario, id: string) => limitGroups(s).flatMap((g) => [...g.live, ...g.setup]).find((f) => f.id === id) as NumberField;

describe('limitGroups()', () => {
  it('offers every kind of the dinner service, in panel order, with its live and setup fields', () => {
    const groups = limitGroups(scenario('dinner-service'));
    expect(groups.map((g) => g.kind)).toEqual(['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager']);
    expect(groups.map((g) => `${g.heading.label} · ${g.heading.real}`)).toEqual([
      'Tables · connection pool',
      'Staff · thread pool',
      'Ingredients · file descriptors',
      'Kitchen stations · memory',
      'Warming shelf · cache',
      'The manager · resource manager',
    ]);
    const [tables, staff, ingredients, stations, shelf, manager] = groups;
    expect(ids(tables.live)).toEqual([
      'limit-tables-small-min',
      'limit-tables-small-max',
      'limit-tables-medium-min',
      'limit-tables-medium-max',
      'limit-tables-large-min',
      'limit-tables-large-max',
      'limit-tables-acquireTimeoutMs',
      'limit-tables-createMs',
      'limit-tables-resetMs',
      'limit-tables-idleTimeoutMs',
      'limit-tables-maxLifetimeMs',
      'limit-tables-leakDetectionMs',
      'limit-tables-housekeepingMs',
      'limit-tables-validateAfterIdleMs',
    ]);
    expect(tables.setup).toEqual([]);
    expect(ids(staff.live)).toEqual([
      'limit-staff-corePoolSize',
      'limit-staff-maxPoolSize',
      'limit-staff-queueCapacity',
      'limit-staff-keepAliveMs',
      'limit-staff-rejectionPolicy',
      'limit-staff-allowCoreTimeout',
    ]);
    expect(ids(ingredients.live)).toEqual(['limit-ingredients-softLimit', 'limit-ingredients-hardLimit']);
    expect(ids(ingredients.setup)).toEqual(['limit-ingredients-reservedCount', 'limit-ingredients-staleAfterMs']);
    expect(ids(stations.live)).toEqual([
      'limit-stations-memoryLimitBytes',
      'limit-stations-gcThresholdBytes',
      'limit-stations-staleAfterMs',
      'limit-stations-staleSweepEveryMs',
    ]);
    expect(ids(stations.setup)).toEqual([
      'limit-stations-pools-small-blockSize',
      'limit-stations-pools-small-blockCount',
      'limit-stations-pools-medium-blockSize',
      'limit-stations-pools-medium-blockCount',
      'limit-stations-heap-heapSize',
      'limit-stations-heap-policy',
      'limit-stations-heap-listOrder',
      'limit-stations-heap-coalesce',
    ]);
    expect(ids(shelf.live)).toEqual(['limit-shelf-maxEntries', 'limit-shelf-maxBytes']);
    expect(ids(shelf.setup)).toEqual(['limit-shelf-policy', 'limit-shelf-maxEntryBytes']);
    expect(ids(manager.live)).toEqual(['limit-manager-connection', 'limit-manager-memory', 'limit-manager-fd', 'limit-manager-thread']);
  });

  it('offers only the kinds a single-kind scenario has', () => {
    expect(limitGroups(scenario('tables')).map((g) => g.kind)).toEqual(['tables']);
    expect(limitGroups(scenario('staff')).map((g) => g.kind)).toEqual(['staff']);
    expect(limitGroups(scenario('manager')).map((g) => g.kind)).toEqual(['ingredients', 'manager']);
  });

  it('moves an unbounded shelf’s sizes to its setup (no limit to change while it runs)', () => {
    const shelf = limitGroups(scenario('unbounded-shelf')).find((g) => g.kind === 'shelf');
    expect(shelf?.live).toEqual([]);
    expect(ids(shelf?.setup ?? [])).toEqual(['limit-shelf-policy', 'limit-shelf-maxEntries', 'limit-shelf-maxBytes', 'limit-shelf-maxEntryBytes']);
  });

  it('shows each number in a unit that suits the scenario’s value', () => {
    const s = scenario('dinner-service');
    const units = (id: string) => [byId(s, id).unitKind, byId(s, id).unit, byId(s, id).noun];
    expect(units('limit-tables-small-max')).toEqual(['count', '', 'tables']);
    expect(units('limit-tables-acquireTimeoutMs')).toEqual(['ms', 'min', '']);
    expect(units('limit-tables-validateAfterIdleMs')).toEqual(['ms', 's', '']);
    expect(units('limit-tables-housekeepingMs')).toEqual(['ms', 's', '']);
    expect(units('limit-stations-memoryLimitBytes')).toEqual(['bytes', 'KiB', '']);
    expect(units('limit-stations-pools-small-blockSize')).toEqual(['bytes', 'B', '']);
    expect(units('limit-manager-memory')).toEqual(['bytes', 'KiB', '']);
    expect(units('limit-staff-queueCapacity')).toEqual(['count', '', 'tickets']);
    expect(byId(s, 'limit-staff-queueCapacity').allowsUnbounded).toBe(true);
    expect(byId(s, 'limit-tables-acquireTimeoutMs').zeroMeans).toBe('wait forever');
  });

  it('names each choice’s options in both words', () => {
    const staff = limitGroups(scenario('staff'))[0];
    const policy = staff.live.find((f) => f.id === 'limit-staff-rejectionPolicy');
    expect(policy?.type === 'choice' && policy.options.map((o) => `${o.value}: ${o.term.label} (${o.term.real})`)).toEqual([
      'abort: refuse the order (abort)',
      'callerRuns: the server cooks it (caller runs)',
      'discard: drop the ticket (discard)',
      'discardOldest: drop the oldest ticket (discard oldest)',
    ]);
  });

  it('gives each number field the bounds of the scenario schema', () => {
    for (const id of ['dinner-service', 'unbounded-shelf']) {
      const s = scenario(id);
      const fields = limitGroups(s).flatMap((g) => [...g.live, ...g.setup]).filter((f): f is NumberField => f.type === 'number');
      for (const field of fields) {
        const path = field.scenarioPath.join('.');
        const withValue = (value: number) => {
          const copy = structuredClone(s) as unknown as Record<string, Record<string, unknown>>;
          const parent = getIn(copy, field.scenarioPath.slice(0, -1)) as Record<string, unknown>;
          parent[field.scenarioPath[field.scenarioPath.length - 1]] = value;
          const result = parseScenario(copy);
          return result.ok ? [] : result.problems.filter((p) => p.path === path).map((p) => p.message);
        };
        expect(withValue(field.bounds.schemaMax + 1), `${path} above max`).toContain(`expected <= ${field.bounds.schemaMax}, got ${field.bounds.schemaMax + 1}`);
        expect(withValue(field.bounds.schemaMin - 1), `${path} below min`).toContain(`expected >= ${field.bounds.schemaMin}, got ${field.bounds.schemaMin - 1}`);
      }
    }
  });
});
