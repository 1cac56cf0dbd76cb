import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { hashPassword } from '../server/core/auth/password.js';
import { recordAudit } from '../server/core/audit/index.js';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import { AppError } from '../server/core/errors/index.js';
import { createReport, transitionReport, updateReport } from '../server/modules/report/service.js';
import { DEFAULT_BLOCKS, type Block, type ReportMeta } from '../server/modules/report/template.js';
import { syncReportDeadlines } from '../server/modules/rollup/deadlines.js';
import { registerAllMetrics } from '../server/modules/index.js';
import { DEMO_PASSWORD } from './org.js';

/**
 * The city above the demo district (焦作市) with four sibling districts holding a little data each, so the
 * city's roll-up, its late-report list and the portal across levels show something real. 中站区 itself is
 * left as its demo made it, except that its report's submission is dated as the seed report was issued.
 *
 * Small hand-made facts (2020, and 2019 for the year-over-year column):
 * - enforcement cases filed in 2020: 解放区 12, 马村区 3, 山阳区 7, 修武县 40 (an outlier), 市本级 5;
 * - closed lawsuits (lost): 解放区 4 (1), 马村区 1 (1), 山阳区 5 (0), 修武县 2 (0) — the districts' rates
 *   25 %, 100 %, 0 %, 0 % average 31.3 %, but the four together lost 2 of 12: 16.7 %;
 * - annual reports, all long since submitted and published as a real city's 2020 year is closed: 解放区 on
 *   time; 马村区 (8 March 2021), 山阳区 (19 March) and 修武县 (14 April, published after the 1 April
 *   deadline) late; the city's own report is a draft naming rolled-up figures. ("Overdue, never
 *   submitted" is a state of the rules tests, not of the demo: a city home that said 2,100 days overdue
 *   would not read like a real city.)
 */
export const SIBLINGS = [
  { code: '410802', name: '解放区', short: '焦解', cases: [12, 9], suits: [true, false, false, false], report: { submitted: '2021-02-26', published: '2021-03-20' } },
  { code: '410804', name: '马村区', short: '焦马', cases: [3, 4], suits: [true], report: { submitted: '2021-03-08', published: '2021-03-30' } },
  { code: '410811', name: '山阳区', short: '焦山', cases: [7, 6], suits: [false, false, false, false, false], report: { submitted: '2021-03-19', published: '2021-03-31' } },
  { code: '410821', name: '修武县', short: '修', cases: [40, 31], suits: [false, false], report: { submitted: '2021-04-14', published: '2021-04-20', lateReason: '报告经县政府常务会议审议后报送，公开时间晚于规定期限' } },
] as const;

/** Accounts of the city: its 依法治市办 (office) and a city leader. */
export const CITY_ACCOUNTS = [
  { username: 'city_office', name: '马丽娟', role: 'office' as const, note: '焦作市依法治市办 City office' },
  { username: 'city_leader', name: '郑国强', role: 'leader' as const, note: '焦作市领导 City leader (read-only)' },
];

const dayOf = (year: number, i: number, n: number) => {
  const d = new Date(Date.UTC(year, 0, 10 + Math.floor((i * 340) / Math.max(n, 1))));
  return d.toISOString().slice(0, 10);
};

/** Seeds the city's sibling districts, accounts, records and reports (after the 中站区 demo report exists). */
export async function seedRollupDemo(db: Kysely<Database>, cfg: Config) {
  registerAllMetrics();
  const hash = await hashPassword(DEMO_PASSWORD, cfg.scryptN);
  const city = await db.selectFrom('regions').select(['id', 'path', 'name']).where('code', '=', '410800').executeTakeFirstOrThrow();
  const offices = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const unit = async (name: string, type: string, regionId: string) =>
      (await trx.insertInto('units').values({ name, type, region_id: regionId, active_from: '2019-01-01' }).returning('id').executeTakeFirstOrThrow()).id;
    const user = async (username: string, name: string, unitId: string, role: 'office' | 'leader', regionId: string) => {
      const u = await trx.insertInto('users').values({ username, display_name: name, unit_id: unitId, password_hash: hash, must_change_password: false }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('role_assignments').values({ user_id: u.id, role, region_id: regionId }).execute();
      return u.id;
    };
    // The city's own level: its justice bureau (the 依法治市办 sits there) and urban management bureau.
    const cityJustice = await unit('焦作市司法局', 'department', city.id);
    const cityUrban = await unit('焦作市城市管理局', 'department', city.id);
    for (const a of CITY_ACCOUNTS) await user(a.username, a.name, cityJustice, a.role, city.id);
    let caseNo = 0;
    const cases = async (regionId: string, unitId: string, prefix: string, year: number, n: number) => {
      for (let i = 0; i < n; i++) {
        const filed = dayOf(year, i, n);
        const decided = i % 2 === 0 ? filed : null;
        await trx.insertInto('enforcement_cases').values({
          region_id: regionId, unit_id: unitId, system: i % 3 === 0 ? 'inspection' : 'penalty', case_no: `${prefix}罚〔${year}〕${++caseNo}号`,
          title: i % 2 ? '占道经营' : '违规设置户外广告', party_name: `当事人${caseNo}`, party_kind: i % 4 === 0 ? 'organisation' : 'person',
          filed_on: filed, status: decided ? 'closed' : 'investigating', decided_on: decided, closed_on: decided,
          decision: decided ? (i % 3 === 0 ? 'compliant' : 'penalty') : null,
        } as never).execute();
      }
    };
    await cases(city.id, cityUrban, '焦城管', 2020, 5);
    await cases(city.id, cityUrban, '焦城管', 2019, 2);

    for (const s of SIBLINGS) {
      const existing = await trx.selectFrom('regions').select('id').where('code', '=', s.code).executeTakeFirst();
      const regionId = existing?.id ?? (await trx.insertInto('regions').values({ code: s.code, name: s.name, level: 'district', parent_id: city.id, path: `${city.path}/${s.code}` }).returning('id').executeTakeFirstOrThrow()).id;
      const gov = await unit(`${s.name}人民政府`, 'government', regionId);
      const justice = await unit(`${s.name}司法局`, 'department', regionId);
      const urban = await unit(`${s.name}城市管理局`, 'department', regionId);
      offices.set(s.code, await user(`office_${s.code}`, `${s.name}依法治区办`, justice, 'office', regionId));
      await cases(regionId, urban, `${s.short}城管`, 2020, s.cases[0]);
      await cases(regionId, urban, `${s.short}城管`, 2019, s.cases[1]);
      for (const [i, lost] of s.suits.entries()) {
        const received = dayOf(2020, i, s.suits.length + 2);
        const closed = dayOf(2020, i + 2, s.suits.length + 2);
        await trx.insertInto('lawsuits').values({
          region_id: regionId, unit_id: i % 2 ? gov : urban, case_no: `（2020）豫0821行初${100 + i}号`, court_name: '修武县人民法院', plaintiff_name: `原告${i + 1}`,
          plaintiff_type: 'natural', act_challenged: '行政处罚决定', case_type: '行政处罚', complaint_received_date: received, stage: 'first', status: 'closed',
          last_outcome: lost ? '撤销' : '驳回诉讼请求', last_judgment_kind: 'judgment', last_served_date: closed, effective_date: closed,
          final_outcome: lost ? '撤销' : '驳回诉讼请求', lost, closed_date: closed,
        } as never).execute();
      }
    }
    await recordAudit(trx, { userId: null, name: 'fazhi demo', ip: 'cli' }, { entity: 'demo', action: 'seed_rollup', regionId: city.id, after: { districts: SIBLINGS.length, accounts: CITY_ACCOUNTS.length + SIBLINGS.length } });
  });

  const actorOf = async (userId: string) => buildActor(db, await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow(), 'demo');
  const backdate = async (reportId: string, day: string) => {
    const at = `${day}T16:00:00+08:00`;
    await db.updateTable('reports').set({ submitted_at: at, secrecy_reviewed_at: at }).where('id', '=', reportId).execute();
    await db.updateTable('report_snapshots').set({ taken_at: at }).where('report_id', '=', reportId).where('kind', '=', 'submission').execute();
  };
  // The demo district's report was issued and reported on 25 February 2021 (焦中政文〔2021〕3号).
  const zz = await db.selectFrom('reports as r').innerJoin('regions as g', 'g.id', 'r.region_id').select('r.id').where('g.code', '=', '410803').where('r.year', '=', 2020).executeTakeFirst();
  if (zz) await backdate(zz.id, '2021-02-25');

  for (const s of SIBLINGS) {
    const office = await actorOf(offices.get(s.code)!);
    const row = await createReport(db, office, { regionCode: s.code, year: 2020 });
    const meta: ReportMeta = {
      issuer: `焦作市${s.name}人民政府`, docNumber: `${s.short}政文〔2021〕${s.code.slice(-1)}号`, signer: '李华', title: `${s.name}人民政府关于2020年度法治政府建设工作情况的报告`,
      addressee: '市政府', signature: `焦作市${s.name}人民政府`, issueDate: s.report.submitted, printOrg: `${s.name}人民政府办公室`, printDate: s.report.submitted,
    };
    await updateReport(db, office, row.id, { meta });
    await transitionReport(db, office, row.id, { action: 'submit_review' });
    await transitionReport(db, office, row.id, { action: 'approve_review' });
    await submitAcknowledging(db, office, row.id, { action: 'submit', secrecyReviewer: `${s.name}委保密办`, secrecyOpinion: '经审查，报告不涉及国家秘密和工作秘密，同意公开。' });
    await transitionReport(db, office, row.id, { action: 'publish', publicUrl: `http://www.jiaozuo.gov.cn/${s.code}/fzzf/2020.html`, publishedOn: s.report.published, ...('lateReason' in s.report ? { lateReason: s.report.lateReason } : {}) });
    await backdate(row.id, s.report.submitted);
  }

  // The city's own report: the same template, with a paragraph naming rolled-up and own-level figures.
  const cityOffice = await db.selectFrom('users').select('id').where('username', '=', 'city_office').executeTakeFirstOrThrow();
  const actor = await actorOf(cityOffice.id);
  const report = await createReport(db, actor, { regionCode: '410800', year: 2020 }, { addressee: '省政府', signature: '焦作市人民政府', issuer: '焦作市人民政府', printOrg: '焦作市人民政府办公室', title: '焦作市人民政府关于2020年度法治政府建设工作情况的报告' });
  const rollupBlock: Block = {
    id: 'city-rollup', kind: 'p', parts: ['measures'], lead: '（一）全市行政执法和行政应诉情况。',
    text: '全市各县区共立案行政执法案件{{below.enforcement.casesFiled}}件，市本级立案{{own.enforcement.casesFiled}}件；全市共审结行政诉讼案件{{disputes.litigation.closed}}件，行政诉讼败诉率{{disputes.litigation.lossRate}}。',
  };
  const blocks = [...DEFAULT_BLOCKS];
  blocks.splice(blocks.findIndex((b) => b.id === 'h-1') + 1, 0, rollupBlock);
  await updateReport(db, actor, report.id, { blocks });
  await syncReportDeadlines(db);
}

/**
 * Submits a sibling district's report as its office would: the small demo districts keep only a few
 * modules on the platform, so each remaining warning (no data, unconfirmed claim, missing part) is
 * acknowledged with the office's reason, which the submission snapshot records.
 */
async function submitAcknowledging(db: Kysely<Database>, actor: Actor, id: string, args: Parameters<typeof transitionReport>[3]) {
  try {
    return await transitionReport(db, actor, id, args);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'REPORT_WARNINGS_UNRESOLVED') throw e;
    const open = (e.details as { warnings: { key: string }[] }).warnings;
    const reason = '本区该项工作尚未在平台登记，报告如实说明；相关内容以本区书面材料为准';
    return transitionReport(db, actor, id, { ...args, acknowledgements: open.map((w) => ({ key: w.key, reason })) } as Parameters<typeof transitionReport>[3]);
  }
}
