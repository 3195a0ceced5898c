/**
 * The engine version a solution file records and a grader checks: bump it whenever the simulation, a code-slot
 * harness or the goal evaluation changes in a way that can change a verdict, so an old solution file is
 * refused with a clear message instead of being graded by different rules.
 */
export const ENGINE_VERSION = '1';
