import type { MetricRecord } from '../../../common/report';

/** Records per unit and per month — only meaningful when each record counts once toward the value. */
export function breakdown(records: MetricRecord[], noUnit: string) {
  const units = new Map<string, number>();
  const months = Array.from({ length: 12 }, () => 0);
  for (const r of records) {
    const u = r.unitName || noUnit;
    units.set(u, (units.get(u) ?? 0) + 1);
    const m = r.date ? Number(r.date.slice(5, 7)) : 0;
    if (m >= 1 && m <= 12) months[m - 1]++;
  }
  return { units: [...units.entries()].sort((a, b) => b[1] - a[1]), months };
}
