/**
 * Test helper: a fresh simulation context (clock, seeded random source, empty log).
 */
import type { SimContext } from '../context.ts';
import { EventLog } from '../events.ts';
import { createRandom } from '../random.ts';
import { Scheduler } from '../scheduler.ts';

export function createTestContext(seed = 1): SimContext {
  return { scheduler: new Scheduler(), rng: createRandom(seed), log: new EventLog() };
}
