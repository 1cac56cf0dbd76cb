import type { CalendarDay } from '../api/types';

/** Cells of a Monday-first month grid: blanks before the 1st, then each day. */
export function monthGrid(days: CalendarDay[]): (CalendarDay | null)[] {
  if (!days.length) return [];
  const dow = new Date(`${days[0].date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const lead = (dow + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  return cells;
}

/** 'YYYY-MM' of a month shifted by n. */
export function shiftMonth(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
