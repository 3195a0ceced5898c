/**
 * The shape of a limit command (`commands.ts`) as data from outside (a link, a lesson file, a solution
 * file): known kinds and fields only, of the right types, within the scenario schema's outer bounds. The
 * model judges the rest when the command is applied (`applyCommand`), as it does for the page's own.
 */
import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Virtual ms: up to a week (a longer service is not a scenario anyone runs). */
const ms = int(0, 7 * 24 * 3_600_000);

const tableClass = z.strictObject({ min: int(0, 10_000), max: int(0, 10_000) });

/** Any `LimitCommand` of `commands.ts`, strictly. */
export const limitCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tables'),
    changes: z
      .strictObject({
        small: tableClass,
        medium: tableClass,
        large: tableClass,
        acquireTimeoutMs: ms,
        createMs: ms,
        resetMs: ms,
        idleTimeoutMs: ms,
        maxLifetimeMs: ms,
        leakDetectionMs: ms,
        housekeepingMs: ms,
        validateAfterIdleMs: ms,
      })
      .partial(),
  }),
  z.strictObject({
    kind: z.literal('staff'),
    changes: z
      .strictObject({
        corePoolSize: int(0, 1_000),
        maxPoolSize: int(0, 1_000),
        queueCapacity: z.union([int(0, 1_000_000), z.literal('unbounded')]),
        keepAliveMs: ms,
        rejectionPolicy: z.enum(['abort', 'callerRuns', 'discard', 'discardOldest']),
        allowCoreTimeout: z.boolean(),
      })
      .partial(),
  }),
  z.strictObject({ kind: z.literal('ingredients'), softLimit: int(0, 1_048_576), hardLimit: int(0, 1_048_576) }),
  z.strictObject({
    kind: z.literal('stations'),
    changes: z.strictObject({ memoryLimitBytes: int(0, 2 ** 40), gcThresholdBytes: int(0, 2 ** 40), staleAfterMs: ms, staleSweepEveryMs: ms }).partial(),
  }),
  z.strictObject({ kind: z.literal('shelf'), changes: z.strictObject({ maxEntries: int(0, 1_000_000), maxBytes: int(0, 2 ** 40) }).partial() }),
  z.strictObject({ kind: z.literal('manager'), resource: z.enum(['connection', 'memory', 'fd', 'thread']), limit: int(0, 2 ** 40) }),
]);

