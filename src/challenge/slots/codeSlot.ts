/**
 * The contract between a code-slot harness and the learner's function. A harness is a small deterministic
 * simulation (seeded, virtual time) that calls the learner's function at each decision and measures what
 * follows; it never sees how the function is run (a Web Worker in the browser, a `node:vm` context in the
 * grader): it gets `call`, which passes plain-data copies in and returns a plain-data copy out.
 */
import type { CodeSlotId } from '../types.ts';

/** The learner's code failed: it threw, did not compile, or ran past its time limit. */
export class LearnerCodeError extends Error {
  override name = 'LearnerCodeError';
}

/** The learner's function returned something its contract does not allow (the message says what and why). */
export class ContractError extends Error {
  override name = 'ContractError';
}

/** What one harness run measured: metric values (goal `metric` paths) and fact counts (goal `event`s). */
export interface SlotRun {
  metrics: Record<string, number>;
  eventCounts: Record<string, number>;
}

export interface SlotRunOptions {
  seed: number;
  /** The challenge's params merged over the slot's defaults (settings may override some). */
  params: Record<string, number>;
  /** Calls the learner's function with copies of `args`; throws LearnerCodeError when it fails. */
  call: (...args: unknown[]) => unknown;
}

export interface CodeSlot {
  id: CodeSlotId;
  /** The name the learner's function must have (`chooseVictim`). */
  functionName: string;
  /** Shown above the editor: `chooseVictim(dishes, nowMs) → key`. */
  signature: string;
  /** The contract in plain words, shown beside the editor. */
  contract: string;
  /** Every param with its default. */
  defaults: Record<string, number>;
  /** Runs the harness; throws ContractError on a return the contract forbids, LearnerCodeError passes through. */
  run(options: SlotRunOptions): SlotRun;
}
