import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import { buildActor } from '../server/core/scope/index.js';
import { createReport, transitionReport, updateReport } from '../server/modules/report/service.js';
import { registerAllMetrics } from '../server/modules/index.js';
import { DEFAULT_BLOCKS, confirmClaims, type ReportMeta } from '../server/modules/report/template.js';

/**
 * The 2020 annual report of 中站区 as it was issued (焦中政文〔2021〕3号, 签发人 赵红兵, 2021-02-25),
 * taken through review, 保密审查, submission and publication by the office — after every module's
 * 2020 records exist, so its frozen figures are the records' figures.
 */
export async function seedDemoReport(db: Kysely<Database>) {
  registerAllMetrics();
  const user = await db.selectFrom('users').selectAll().where('username', '=', 'office').executeTakeFirstOrThrow();
  const office = await buildActor(db, user, 'demo');
  const row = await createReport(db, office, { regionCode: '410803', year: 2020 });
  const meta: ReportMeta = {
    issuer: '焦作市中站区人民政府',
    docNumber: '焦中政文〔2021〕3号',
    signer: '赵红兵',
    title: '中站区人民政府关于2020年度法治政府建设工作情况的报告',
    addressee: '市政府',
    signature: '焦作市中站区人民政府',
    issueDate: '2021-02-25',
    printOrg: '中站区人民政府办公室',
    printDate: '2021-02-25',
  };
  // The report as issued: the seed's text (it had no separate paragraph on the principal leaders' duties), with
  // the office's own statements confirmed for 2020, and the missing part acknowledged with the reason.
  const blocks = DEFAULT_BLOCKS.filter((b) => b.id !== 'p-1-6').map((b) => ({ ...b, text: confirmClaims(b.text, 2020) }));
  await updateReport(db, office, row.id, {
    meta, blocks,
    acknowledgements: [{ key: 'missing_part:leaders', reason: '党政主要负责人履行推进法治建设第一责任人职责情况已在区委全面依法治区委员会2020年度述法报告中专题报告，本报告第一部分“加强组织领导”一节已作概述' }],
  });
  await transitionReport(db, office, row.id, { action: 'submit_review' });
  await transitionReport(db, office, row.id, { action: 'approve_review' });
  await transitionReport(db, office, row.id, { action: 'submit', secrecyReviewer: '区委保密办 王敏', secrecyOpinion: '经审查，报告不涉及国家秘密和工作秘密，同意公开。' });
  await transitionReport(db, office, row.id, { action: 'publish', publicUrl: 'http://www.zhongzhan.gov.cn/fzzf/2021/0325/report2020.html', publishedOn: '2021-03-25' });
}
