import type { EventLog } from './events.ts';
import type { Random } from './random.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * The world a model lives in, passed in rather than reached for: the virtual clock and scheduler, the one
 * seeded random source, and the event log. Every model of the simulation shares one context.
 */
export interface SimContext {
  readonly scheduler: Scheduler;
  readonly rng: Random;
  readonly log: EventLog;
}
