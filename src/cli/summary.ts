import type { SimMetrics } from '../sim/index.ts';

/** Formats virtual ms as m:ss (or h:mm:ss). */
export function formatClock(ms: number): string {
  const totalS = Math.floor(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const SECTION_TITLES: Record<string, string> = {
  parties: 'Parties (requests)',
  tables: 'Tables (connection pool)',
  staff: 'Staff (thread pool)',
  ingredients: 'Ingredients (file descriptors)',
  stations: 'Kitchen stations (memory pools and heap)',
  shelf: 'Warming shelf (cache)',
  manager: 'Manager (resource manager)',
};

/**
 * The human summary of a run: one block per kind, each metric as `name value`; time percentiles as
 * `p50/p95/p99/max` in seconds.
 */
export function formatSummary(name: string, seed: number, metrics: SimMetrics): string {
  const lines = [`${name} · seed ${seed} · ran to ${formatClock(metrics.atMs)} (${metrics.atMs} ms) · ${metrics.eventCount} events`];
  for (const key of ['parties', 'tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager'] as const) {
    const section = metrics[key];
    if (!section) continue;
    lines.push('', SECTION_TITLES[key]);
    for (const [field, value] of Object.entries(section)) lines.push(`  ${field.padEnd(22)} ${formatValue(field, value)}`);
  }
  return lines.join('\n');
}

function formatValue(field: string, value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (value && typeof value === 'object' && 'p50' in value && 'count' in value) {
    const p = value as { count: number; p50: number; p95: number; p99: number; max: number };
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const unit = field.endsWith('Ms') ? 's' : '';
    return `p50 ${s(p.p50)}${unit}  p95 ${s(p.p95)}${unit}  p99 ${s(p.p99)}${unit}  max ${s(p.max)}${unit}  (n=${p.count})`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'none' : JSON.stringify(value);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return String(value);
}
