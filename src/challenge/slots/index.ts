/**
 * Every code slot's harness, by id. A challenge's `code.slot` names one; the loader and `evaluateSolution`
 * look it up here.
 */
import type { CodeSlotId } from '../types.ts';
import { batchScheduler } from './batchScheduler.ts';
import type { CodeSlot } from './codeSlot.ts';
import { evictionPolicy } from './evictionPolicy.ts';
import { memoryCleanup } from './memoryCleanup.ts';
import { tableAcquire } from './tableAcquire.ts';

export const codeSlots: Record<CodeSlotId, CodeSlot> = {
  evictionPolicy,
  tableAcquire,
  memoryCleanup,
  batchScheduler,
};
