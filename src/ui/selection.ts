/**
 * A unit the learner clicked: its kind and id. The lifecycle dialog shows its statechart with its current
 * state lit.
 */
export type UnitKind = 'table' | 'worker' | 'block' | 'fd';

export interface SelectedUnit {
  kind: UnitKind;
  /** tableId, workerId, blockId, or the descriptor number. */
  id: number;
}
