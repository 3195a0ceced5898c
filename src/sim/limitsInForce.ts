/**
 * The limits in force at a point of a run: the scenario's, as changed by every limit command applied so far.
 * What a limits panel shows and edits (`Simulation.limits()`); plain data, safe to keep.
 */
import type { ResourceKind } from './events.ts';
import type { StationsLimits } from './kitchenMemory.ts';
import type { StaffConfig, TablesConfig } from './scenario.ts';

export interface LimitsInForce {
  tables?: TablesConfig;
  staff?: StaffConfig;
  ingredients?: { softLimit: number; hardLimit: number };
  stations?: StationsLimits;
  shelf?: { maxEntries: number; maxBytes: number };
  manager?: Record<ResourceKind, number>;
}
