/**
 * The annual-report deadline of a region towards the region above it (a district's report to its city,
 * a city's to its province), kept as a deadline of the region above on the shared calendar.
 */
import type { Db } from '../../db/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { regionsWithParentAt } from '../org/lookup.js';
import { computeDeadline, loadCalendar, type DeadlineSpec, type WorkCalendar } from '../../core/calendar/index.js';

/** Legal basis of the reporting deadline, cited (REFERENCE §1.2; the article number is not confirmed). */
export const REPORT_DUE_BASIS =
  '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）：市、县、乡党委和政府应当于每年3月1日之前向上一级党委和政府报告上一年度法治政府建设情况；期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（《中华人民共和国民法典》第二百零三条）';

/**
 * "Before 1 March" of the next year: the last day is the last day of February — two months from 31
 * December (民法典 第二百零二条: no corresponding day, the month's last day) — moved past a holiday (第二百零三条).
 */
export const reportDueSpec = (year: number): DeadlineSpec => ({ from: `${year}-12-31`, unit: 'M', n: 2, rollOver: true });

/** The deadline of a year's report, computed on the calendar. */
export async function reportDue(db: Db, year: number, cal?: WorkCalendar) {
  return computeDeadline(cal ?? (await loadCalendar(db)), reportDueSpec(year));
}

/** Entity and kind of a region's report deadline in the deadlines table. */
export const REPORT_DUE_ENTITY = 'region_annual_report';
const kindOf = (year: number) => `annual_report_${year}`;

/** Marks a region's report of a year as reported (called when the report is submitted). */
export async function closeReportDue(trx: Db, regionId: string, year: number) {
  await closeDeadline(trx, REPORT_DUE_ENTITY, regionId, kindOf(year));
}

/**
 * Brings the report deadlines up to date: for every year in which some report exists and every city or
 * district, an open deadline of the region above while the region's report is not submitted, closed once
 * it is. Returns how many deadlines are open. Run by the scheduled job and after the demo is loaded.
 */
export async function syncReportDeadlines(db: Db, opts: { years?: number[] } = {}): Promise<number> {
  const years = opts.years ?? (await db.selectFrom('reports').select('year').distinct().orderBy('year').execute()).map((r) => r.year);
  if (!years.length) return 0;
  const cal = await loadCalendar(db);
  const regions = await regionsWithParentAt(db, ['city', 'district']);
  const reported = await db.selectFrom('reports').select(['region_id', 'year']).where('submitted_at', 'is not', null).where('year', 'in', years).execute();
  const done = new Set(reported.map((r) => `${r.region_id}|${r.year}`));
  let open = 0;
  for (const year of years)
    for (const r of regions) {
      if (done.has(`${r.id}|${year}`)) {
        await closeReportDue(db, r.id, year);
        continue;
      }
      open++;
      await setDeadline(db, {
        module: 'rollup', entity: REPORT_DUE_ENTITY, entityId: r.id, kind: kindOf(year),
        title: { zh: `${r.name}${year}年度法治政府建设情况报告待报送`, en: `${r.name}: the ${year} rule-of-law government report is due` },
        regionId: r.parent_id!, unitId: null, spec: reportDueSpec(year), basis: REPORT_DUE_BASIS,
      }, cal);
    }
  return open;
}
