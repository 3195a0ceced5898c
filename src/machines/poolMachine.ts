/**
 * Pool-level machines: one per unit kind (tables, staff, kitchen stations, the pantry of ingredients), each
 * owning its units as plain data and following them through their lifecycle at human speed.
 *
 * The core computes (docs/architecture.md, "Lifecycles and statecharts"): the models in `src/sim` decide
 * every step of every unit and log it. A pool machine does not run the pool's algorithms again; it reads
 * the steps back from the log (`unitStepsFromLog`), checks each against the chart with a named guard, and
 * keeps `unit id -> lifecycle state` in its context. Its limit changes go to the core too: the named action
 * `applyLimits` hands the command to `applyCommand` (the pool's own `setLimits`), records what the core
 * logged for it, then follows the steps it caused (a smaller max retires idle units at once; those steps
 * are in the log right after `limit.changed`).
 *
 * States: `serving` (follows steps, takes limit changes) and `closed` (final, once the service is over and
 * every fact has been followed). Events are commands named `domain.verb`:
 * - `unit.step` (one step of one unit): a step of another kind is not this pool's and is ignored; a step
 *   the chart has is taken (`isNewUnit` -> `addUnit`, `isChartStep` -> `moveUnit`); any other step (an
 *   unknown unit, a second creation, an event the unit's state has no transition for) is refused and
 *   reported: kept in `context.illegalSteps` and emitted as `step.illegal`. The unit stays as it was.
 * - `log.follow`: reads the facts the simulation logged since the last read and sends itself one
 *   `unit.step` per step of its kind, in log order.
 * - `limits.set`: a command of this pool's kind that `commandProblem` accepts is applied through the core
 *   (`applyLimits`, then `log.follow`); a command of another kind, or one the core refuses, changes
 *   nothing and is reported in `context.lastRefusal` and as `limits.refused`.
 * - `service.close`: to `closed` when the simulation has finished and every fact has been followed.
 *
 * For a replayable run (time travel, forks) the driver applies commands through its timeline; give the
 * machine that route as `input.apply`. By default it calls `applyCommand` on `input.sim` directly.
 *
 * @example
 * const sim = createSimulation(scenarioOrThrow(builtInScenarios.tables), 7);
 * const pool = createActor(tablePoolMachine, { input: { sim } }).start();
 * sim.runUntil(20 * 60_000);
 * pool.send({ type: 'log.follow' });            // every table's state now
 * pool.send({ type: 'limits.set', command: { kind: 'tables', changes: { small: { min: 1, max: 2 } } } });
 * pool.getSnapshot().context.units;             // idle small tables over 2 are now 'retired'
 */
import { assertEvent, assign, enqueueActions, not, raise, setup } from 'xstate';
import { applyCommand, commandProblem, type LimitCommand, type LimitCommandKind } from '../sim/commands.ts';
import type { SimEvent } from '../sim/events.ts';
import type { CompiledLifecycle } from '../sim/lifecycle.ts';
import { BLOCK_CHART, FD_CHART, TABLE_CHART, WORKER_CHART } from '../sim/lifecycles.ts';
import type { LimitsInForce } from '../sim/limitsInForce.ts';
import type { Simulation } from '../sim/simulation.ts';
import { unitStepsFromLog, type UnitKind, type UnitStep } from './unitSteps.ts';

/** What a pool machine is started with. */
export interface PoolInput {
  /** The simulation whose units the pool follows (the caller moves it on; the machine reads its log). */
  sim: Simulation;
  /** How a limit command reaches the core; defaults to `applyCommand(sim, command)`. Returns null or the refusal. */
  apply?: (command: LimitCommand) => string | null;
}

/** A step the chart does not have, as the pool reported it. */
export interface IllegalStep {
  step: UnitStep;
  /** The unit's state when the step came, or null for a unit the pool does not know. */
  state: string | null;
  reason: string;
}

/** A limit change the core applied, with the facts it logged for it (limit.changed, retirements, ...). */
export interface LimitChangeRecord {
  atMs: number;
  command: LimitCommand;
  facts: SimEvent[];
}

/** A pool machine's context: units as plain data, the limits in force, and what it reported. */
export interface PoolContext<S extends string, L> {
  sim: Simulation;
  apply: (command: LimitCommand) => string | null;
  /** Every unit seen so far, retired and freed ones included: unit id -> lifecycle state. */
  units: Readonly<Record<number, S>>;
  /** The pool's limits in force (null when the scenario lacks the kind). */
  limits: L | null;
  /** Facts of the simulation's log read so far. */
  followedCount: number;
  /** Steps taken (creations included). */
  stepCount: number;
  /** Steps refused, in arrival order. */
  illegalSteps: IllegalStep[];
  /** Limit changes applied, in order. */
  limitChanges: LimitChangeRecord[];
  /** Why the last limit command was refused, or null after one was applied. */
  lastRefusal: string | null;
}

export type PoolMachineEvent =
  | { type: 'unit.step'; step: UnitStep }
  | { type: 'log.follow' }
  | { type: 'limits.set'; command: LimitCommand }
  | { type: 'service.close' };

/** What a pool machine emits (listen with `actor.on(type, handler)`). */
export type PoolEmitted =
  | { type: 'step.illegal'; illegal: IllegalStep }
  | { type: 'limits.changed'; change: LimitChangeRecord }
  | { type: 'limits.refused'; command: LimitCommand; refusal: string };

/** What makes one pool machine: its unit kind, its chart, and where its limits live. */
interface PoolSpec<S extends string, E extends string, L> {
  /** Machine id, e.g. 'tablePool'. */
  id: string;
  kind: UnitKind;
  chart: CompiledLifecycle<S, E>;
  commandKind: LimitCommandKind;
  limitsOf: (limits: LimitsInForce) => L | undefined;
}

/** The chart's target for `event` from `state`, or undefined when it has no such transition. */
function targetOf<S extends string, E extends string>(chart: CompiledLifecycle<S, E>, state: S, event: string): S | undefined {
  const row = chart.next[state] as Readonly<Record<string, S | undefined>>;
  return Object.hasOwn(row, event) ? row[event] : undefined;
}

/** Why `step` is refused by a pool whose units are `units` (see the module comment). */
function illegalReason<S extends string, E extends string>(chart: CompiledLifecycle<S, E>, units: Readonly<Record<number, S>>, step: UnitStep): IllegalStep {
  const state = Object.hasOwn(units, step.unitId) ? units[step.unitId] : null;
  let reason: string;
  if (step.event === null) reason = `${step.kind} ${step.unitId} already exists`;
  else if (state === null) reason = `${step.kind} ${step.unitId} is unknown (${step.event} before it was created)`;
  else reason = `${chart.id} lifecycle: state '${state}' has no transition on '${step.event}'`;
  return { step, state, reason };
}

/** Builds a pool machine (see the module comment). */
export function createPoolMachine<S extends string, E extends string, L>(spec: PoolSpec<S, E, L>) {
  const { chart, kind, commandKind } = spec;
  return setup({
    types: {
      context: {} as PoolContext<S, L>,
      events: {} as PoolMachineEvent,
      input: {} as PoolInput,
      emitted: {} as PoolEmitted,
    },
    guards: {
      /** The step is of this pool's unit kind. */
      isOwnStep: ({ event }) => event.type === 'unit.step' && event.step.kind === kind,
      /** A unit comes into being that the pool does not know yet. */
      isNewUnit: ({ context, event }) => event.type === 'unit.step' && event.step.event === null && !Object.hasOwn(context.units, event.step.unitId),
      /** A known unit takes a step its chart has from its state. */
      isChartStep: ({ context, event }) => {
        if (event.type !== 'unit.step' || event.step.event === null || !Object.hasOwn(context.units, event.step.unitId)) return false;
        return targetOf(chart, context.units[event.step.unitId], event.step.event) !== undefined;
      },
      /** The simulation has logged facts the pool has not read. */
      hasNewFacts: ({ context }) => context.sim.log.length > context.followedCount,
      /** The command changes this pool's limits. */
      isOwnCommand: ({ event }) => event.type === 'limits.set' && event.command.kind === commandKind,
      /** The core's checks accept the command (kind in the scenario, values within the schema). */
      isCommandValid: ({ context, event }) => event.type === 'limits.set' && commandProblem(context.sim, event.command) === null,
      /** The service is over and every fact has been followed. */
      isServiceOver: ({ context }) => context.sim.isFinished && context.followedCount === context.sim.log.length,
    },
    actions: {
      addUnit: assign(({ context, event }) => {
        assertEvent(event, 'unit.step');
        return { units: { ...context.units, [event.step.unitId]: chart.initial }, stepCount: context.stepCount + 1 };
      }),
      moveUnit: assign(({ context, event }) => {
        assertEvent(event, 'unit.step');
        const { unitId, event: step } = event.step;
        const to = targetOf(chart, context.units[unitId], step as string) as S;
        return { units: { ...context.units, [unitId]: to }, stepCount: context.stepCount + 1 };
      }),
      reportIllegalStep: enqueueActions(({ context, event, enqueue }) => {
        assertEvent(event, 'unit.step');
        const illegal = illegalReason(chart, context.units, event.step);
        enqueue.assign({ illegalSteps: [...context.illegalSteps, illegal] });
        enqueue.emit({ type: 'step.illegal', illegal });
      }),
      followLog: enqueueActions(({ context, enqueue }) => {
        const { events } = context.sim.log;
        const upTo = events.length;
        // Read from the start: descriptor units are numbered by opening over the whole log.
        const steps = unitStepsFromLog(events, upTo).filter((s) => s.kind === kind && s.logIndex >= context.followedCount);
        enqueue.assign({ followedCount: upTo });
        for (const step of steps) enqueue.raise({ type: 'unit.step', step });
      }),
      applyLimits: assign(({ context, event }) => {
        assertEvent(event, 'limits.set');
        const from = context.sim.log.length;
        const refusal = context.apply(event.command);
        if (refusal !== null) return { lastRefusal: refusal };
        const change: LimitChangeRecord = { atMs: context.sim.nowMs, command: event.command, facts: context.sim.log.events.slice(from) };
        return {
          lastRefusal: null,
          limits: spec.limitsOf(context.sim.limits()) ?? null,
          limitChanges: [...context.limitChanges, change],
        };
      }),
      announceLimits: enqueueActions(({ context, event, enqueue }) => {
        assertEvent(event, 'limits.set');
        if (context.lastRefusal !== null) enqueue.emit({ type: 'limits.refused', command: event.command, refusal: context.lastRefusal });
        else enqueue.emit({ type: 'limits.changed', change: context.limitChanges[context.limitChanges.length - 1] });
      }),
      followNewFacts: raise({ type: 'log.follow' }),
      refuseLimits: enqueueActions(({ context, event, enqueue }) => {
        assertEvent(event, 'limits.set');
        const c = event.command;
        const refusal = c.kind === commandKind ? (commandProblem(context.sim, c) ?? 'refused') : `${spec.id}: ${String(c.kind)} limits belong to another pool (this one takes ${commandKind})`;
        enqueue.assign({ lastRefusal: refusal });
        enqueue.emit({ type: 'limits.refused', command: c, refusal });
      }),
    },
  }).createMachine({
    id: spec.id,
    initial: 'serving',
    context: ({ input }) => ({
      sim: input.sim,
      apply: input.apply ?? ((command: LimitCommand) => applyCommand(input.sim, command)),
      units: {},
      limits: spec.limitsOf(input.sim.limits()) ?? null,
      followedCount: 0,
      stepCount: 0,
      illegalSteps: [],
      limitChanges: [],
      lastRefusal: null,
    }),
    states: {
      serving: {
        description: 'Following its units step by step and taking limit changes',
        tags: ['serving'],
        on: {
          'unit.step': [
            { guard: not('isOwnStep') }, // another pool's unit: not ours, ignored
            { guard: 'isNewUnit', actions: 'addUnit' },
            { guard: 'isChartStep', actions: 'moveUnit' },
            { actions: 'reportIllegalStep' },
          ],
          'log.follow': { guard: 'hasNewFacts', actions: 'followLog' },
          'limits.set': [
            { guard: not('isOwnCommand'), actions: 'refuseLimits' },
            { guard: 'isCommandValid', actions: ['applyLimits', 'announceLimits', 'followNewFacts'] },
            { actions: 'refuseLimits' },
          ],
          'service.close': { guard: 'isServiceOver', target: 'closed' },
        },
      },
      closed: {
        description: 'The service is over: every unit is in its final or resting state',
        type: 'final',
      },
    },
  });
}

/** Tables (the connection pool). */
export const tablePoolMachine = createPoolMachine({ id: 'tablePool', kind: 'table', chart: TABLE_CHART, commandKind: 'tables', limitsOf: (l) => l.tables });
/** Staff (the thread pool's workers). */
export const staffPoolMachine = createPoolMachine({ id: 'staffPool', kind: 'worker', chart: WORKER_CHART, commandKind: 'staff', limitsOf: (l) => l.staff });
/** Kitchen stations (memory blocks of the pools and the heap). */
export const stationPoolMachine = createPoolMachine({ id: 'stationPool', kind: 'block', chart: BLOCK_CHART, commandKind: 'stations', limitsOf: (l) => l.stations });
/** The pantry (the descriptor table's ingredients; units numbered by opening). */
export const pantryMachine = createPoolMachine({ id: 'pantry', kind: 'fd', chart: FD_CHART, commandKind: 'ingredients', limitsOf: (l) => l.ingredients });
