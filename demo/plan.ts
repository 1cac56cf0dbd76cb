import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import type { z } from 'zod';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import type { ScoreInput } from '../common/plan.js';
import { addEntry, addKeyWork, createPlan, createTask, publishPlan, reviewEntry, updateEntry } from '../server/modules/plan/service.js';
import { assessedUnits, computeRound, createScheme, publishRound, reviewRound, scoreItems } from '../server/modules/plan/assess.js';

/** The demo office's actor (王晓丽, 依法治区办), built from its grants like any request's. */
export async function demoActor(db: Kysely<Database>, username = 'office'): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
  return buildActor(db, u, 'demo');
}

/**
 * How a task went in 2020: `ok:MM-DD` completed on time; `late:MM-DD` completed after its deadline;
 * `open` still in progress at year end (shows overdue); `q` reported every quarter on time and completed
 * 12-25; `qlate` the third-quarter report came late; `ret:MM-DD` the first completion report was
 * returned for lack of evidence and accepted after correction.
 * An `open` task was still in progress at the 2020 year end and was completed in early 2021.
 */
type Story = string;
type ScoreIn = z.infer<typeof ScoreInput>;
/** [task, lead unit, co-units, deadline ('Q' = quarterly), expected outcome, leader, story] */
type T = [string, string, string[], string, string, string, Story];

/** 《中站区2020年度法治政府建设工作安排》: 10 key works along the 纲要, 40 tasks. */
export const GOV_WORK: [string, string, T[]][] = [
  ['加强党对法治政府建设的领导', '加强组织领导', [
    ['调整充实区法治政府建设领导小组，明确成员单位职责分工', '区司法局', ['区政府办公室'], '2020-03-31', '印发领导小组调整通知', '区长', 'ok:03-20'],
    ['落实党政主要负责人履行推进法治建设第一责任人职责，年底前述法述职', '区司法局', ['区政府办公室'], '2020-12-31', '形成述法报告', '区长', 'ok:12-18'],
    ['制定印发《2020年中站区全面依法治区工作要点》并分解任务', '区司法局', [], '2020-04-30', '印发工作要点', '常务副区长', 'ok:04-21'],
    ['按季度报送法治政府建设工作推进情况', '区司法局', ['区政府办公室'], 'Q', '季度推进情况报告', '常务副区长', 'q'],
  ]],
  ['依法全面履行政府职能', '依法全面履行政府职能', [
    ['动态调整政府部门权责清单并向社会公布', '区行政审批和政务信息管理局', ['区司法局'], '2020-10-01', '公布调整后的权责清单', '常务副区长', 'late:10-20'],
    ['公布街道办事处行政权力事项和公共服务事项清单', '区行政审批和政务信息管理局', ['府城街道办事处'], '2020-09-30', '公布街道权责清单', '常务副区长', 'ok:09-25'],
    ['推进“双随机、一公开”监管全覆盖，按季度报送抽查结果', '区市场监督管理局', ['区城市管理局'], 'Q', '抽查结果按期公示', '分管副区长', 'qlate'],
    ['完善社会信用体系，推行信用承诺和失信联合惩戒', '区发展和改革委员会', ['区市场监督管理局'], '2020-11-30', '建立信用承诺制度', '分管副区长', 'ok:11-26'],
  ]],
  ['完善依法行政制度体系', '完善依法行政制度体系', [
    ['制定印发《关于进一步加强规范性文件制定和监督管理工作的通知》', '区司法局', [], '2020-05-31', '印发通知', '常务副区长', 'ok:05-22'],
    ['对2019年10月1日前发布的规范性文件开展全面清理', '区司法局', ['区政府办公室'], '2020-11-30', '公布清理结果', '常务副区长', 'ret:11-20'],
    ['落实规范性文件合法性审核和备案审查制度，做到有件必备', '区司法局', [], '2020-12-31', '备案审查台账', '常务副区长', 'ok:12-21'],
    ['建立规范性文件统一登记、统一编号、统一印发制度', '区政府办公室', ['区司法局'], '2020-06-30', '登记编号制度文件', '常务副区长', 'ok:06-24'],
  ]],
  ['推进行政决策科学化民主化法治化', '推进行政决策科学化、民主化、法治化', [
    ['修订《中站区人民政府工作规则》', '区政府办公室', ['区司法局'], '2020-06-30', '印发新修订工作规则', '区长', 'ok:06-19'],
    ['制定《中站区人民政府“三重一大”议事决策规则》', '区政府办公室', ['区司法局'], '2020-07-31', '印发议事决策规则', '区长', 'late:08-14'],
    ['编制并公布年度重大行政决策事项目录', '区政府办公室', ['区发展和改革委员会'], '2020-04-30', '公布决策事项目录', '常务副区长', 'ok:04-28'],
    ['与律师事务所签订政府法律顾问聘用合同，制定法律顾问工作规则和考核办法', '区司法局', [], '2020-03-31', '签订聘用合同并印发工作规则', '常务副区长', 'ok:03-26'],
  ]],
  ['坚持严格规范公正文明执法', '坚持严格规范公正文明执法', [
    ['挂牌成立农业综合行政执法大队和市场监管综合执法大队', '区农业农村局', ['区市场监督管理局'], '2020-06-30', '两支综合执法队伍挂牌', '分管副区长', 'ok:06-12'],
    ['拟定《中站区街道综合行政执法改革工作指导意见（试行）》', '区司法局', ['区城市管理局'], '2020-10-31', '形成指导意见（试行）', '常务副区长', 'ok:10-29'],
    ['全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度', '区司法局', ['区城市管理局', '区市场监督管理局'], '2020-09-30', '三项制度落实台账', '常务副区长', 'ok:09-28'],
    ['开展行政执法案卷评查，评选优秀案卷', '区司法局', [], '2020-12-15', '评查通报', '常务副区长', 'ok:12-10'],
  ]],
  ['强化对行政权力的制约和监督', '强化对行政权力的制约和监督', [
    ['办理人大代表建议和政协提案，按季度通报办理进度', '区政府办公室', [], 'Q', '办复率、满意率双百', '常务副区长', 'q'],
    ['开展政府投资基建项目审计和领导干部经济责任审计', '区审计局', [], '2020-12-20', '审计报告', '区长', 'ok:12-16'],
    ['建立行政相对人违法风险清单制度，开展分级分类防控', '区司法局', ['区城市管理局', '区市场监督管理局'], '2020-08-31', '风险清单', '常务副区长', 'late:09-15'],
    ['推进政务公开标准化规范化，按时发布政府信息公开年度报告', '区政府办公室', ['区行政审批和政务信息管理局'], '2020-03-31', '年度报告按时公布', '常务副区长', 'ok:03-27'],
  ]],
  ['依法有效化解社会矛盾纠纷', '依法有效化解社会矛盾纠纷', [
    ['健全行政复议案件审理机制，探索和解、调解结案方式', '区司法局', [], '2020-12-31', '法定期限内结案率100%', '常务副区长', 'ok:12-22'],
    ['落实行政机关负责人出庭应诉制度，做好行政诉讼应诉工作', '区司法局', [], '2020-12-31', '出庭应诉台账', '常务副区长', 'open'],
    ['推动人民调解委员会街道、村（社区）全覆盖，完善调解员管理办法', '区司法局', ['府城街道办事处'], '2020-09-30', '印发调解员管理办法', '分管副区长', 'ok:09-18'],
    ['推进“诉调对接、访调对接、警调对接”', '区司法局', ['区信访局', '焦作市公安局中站分局'], '2020-11-30', '对接工作机制', '分管副区长', 'late:12-08'],
  ]],
  ['全面提高政府工作人员法治思维和依法行政能力', '全面提高政府工作人员法治思维和依法行政能力', [
    ['建立政府常务会学法制度，全年专题学法不少于4次', '区政府办公室', ['区司法局'], '2020-12-31', '常务会学法4次', '区长', 'ok:12-24'],
    ['组织领导干部依法行政知识测试', '区司法局', [], '2020-11-30', '测试2次', '常务副区长', 'ok:11-19'],
    ['组织行政执法人员培训和公共法律知识考试，完成执法证审核换发', '区司法局', [], '2020-11-30', '执法证换发完成', '常务副区长', 'ok:11-27'],
    ['组织全区领导干部集中观看学习习近平法治思想', '区司法局', ['区政府办公室'], '2020-12-31', '集中学习1次以上', '区长', 'ok:12-11'],
  ]],
  ['改进政务服务，优化法治化营商环境', '全面依法履行政府职能（优化营商环境）', [
    ['印发推进政府职能转变和“放管服”改革2020年重点工作并逐项推进', '区行政审批和政务信息管理局', ['区发展和改革委员会'], '2020-04-30', '印发重点工作', '常务副区长', 'ok:04-16'],
    ['建成投用区政务服务中心，设置企业开办和“一件事”服务专区', '区行政审批和政务信息管理局', [], '2020-09-30', '政务服务中心投用', '常务副区长', 'late:10-16'],
    ['推进“互联网+监管”系统建设，组织单位认领监管事项', '区市场监督管理局', ['区司法局'], '2020-10-31', '监管事项认领完成', '分管副区长', 'ok:10-22'],
    ['加强区、街道、村（社区）三级公共法律服务体系建设', '区司法局', ['府城街道办事处'], '2020-12-31', '三级平台全覆盖', '分管副区长', 'open'],
  ]],
  ['加强法治政府建设考核评价和督促检查', '加强法治政府建设的组织保障和落实机制', [
    ['研究制定依法行政考核细则，实行平时考核与年终考评相结合', '区司法局', [], '2020-05-31', '印发考核细则', '常务副区长', 'ok:05-15'],
    ['建立法治政府建设推进台账，按月调度重点任务进展', '区司法局', [], '2020-12-31', '月度调度台账', '常务副区长', 'ok:12-28'],
    ['开展法治政府建设年中督查，通报督查结果', '区司法局', ['区政府办公室'], '2020-07-31', '督查通报', '常务副区长', 'ok:07-30'],
    ['按时报送和公开年度法治政府建设情况报告', '区司法局', ['区政府办公室'], '2020-12-31', '年度报告按期报送公开', '区长', 'open'],
  ]],
];

/** 《中站区人民政府推进政府职能转变和“放管服”改革2020年重点工作》: 6 major items, 35 minor, 23 departments. */
export const REFORM: [string, [string, string, string[]][]][] = [
  ['深化行政审批制度改革', [
    ['全面梳理公布区级政务服务事项清单', '区行政审批和政务信息管理局', []],
    ['推行企业开办“一网通办”，开办时间压缩至3个工作日以内', '区市场监督管理局', ['区人力资源和社会保障局']],
    ['深化工程建设项目审批制度改革', '区住房和城乡建设局', ['区自然资源和规划局']],
    ['推进投资项目在线审批监管平台应用', '区发展和改革委员会', []],
    ['落实证明事项告知承诺制', '区司法局', []],
    ['清理规范行政审批中介服务事项', '区行政审批和政务信息管理局', ['区财政局']],
  ]],
  ['优化营商环境', [
    ['落实减税降费政策，建立涉企收费目录清单', '区财政局', []],
    ['开展民营企业“法治体检”', '区司法局', ['区商务局']],
    ['优化获得用水用气报装流程', '区住房和城乡建设局', []],
    ['提升不动产登记便利度', '区自然资源和规划局', []],
    ['推进“稳就业”政策兑现', '区人力资源和社会保障局', []],
    ['规范招投标和政府采购活动', '区财政局', ['区发展和改革委员会']],
  ]],
  ['加强事中事后监管', [
    ['推进“双随机、一公开”监管全覆盖', '区市场监督管理局', []],
    ['推进“互联网+监管”，认领监管事项目录', '区市场监督管理局', ['区司法局']],
    ['加强安全生产和应急领域执法监管', '区应急管理局', []],
    ['加强生态环境领域执法监管', '区生态环境分局', []],
    ['加强食品药品安全监管', '区市场监督管理局', ['区卫生健康委员会']],
    ['加强交通运输领域执法监管', '区交通运输局', []],
  ]],
  ['推进“互联网+政务服务”', [
    ['推动政务服务事项网上可办率达到90%以上', '区行政审批和政务信息管理局', []],
    ['推进电子证照归集应用', '区行政审批和政务信息管理局', ['焦作市公安局中站分局']],
    ['推动医保业务网上办、掌上办', '区医疗保障局', []],
    ['推进社会保障卡“一卡通”应用', '区人力资源和社会保障局', []],
    ['推动不动产登记网上申请', '区自然资源和规划局', []],
    ['推行涉税业务“非接触式”办理', '区财政局', []],
  ]],
  ['推进“一件事”集成服务改革', [
    ['在全市率先推行“一件事”集成服务，高频事项并联办理', '区行政审批和政务信息管理局', []],
    ['推行新生儿出生“一件事”', '区卫生健康委员会', ['区医疗保障局', '焦作市公安局中站分局']],
    ['推行退役军人服务“一件事”', '区退役军人事务局', []],
    ['推行企业注销“一件事”', '区市场监督管理局', []],
    ['推行教育入学“一件事”', '区教育局', []],
    ['推行城市管理审批“一件事”', '区城市管理局', []],
  ]],
  ['提升政务服务效能', [
    ['建成投用区政务服务中心，推行“一窗受理”', '区行政审批和政务信息管理局', []],
    ['推行政务服务“好差评”制度', '区行政审批和政务信息管理局', ['区信访局']],
    ['推进民政服务事项就近办理', '区民政局', []],
    ['推进农业农村服务事项下沉', '区农业农村局', []],
    ['推进统计数据共享', '区统计局', ['区科技和工业信息化局']],
  ]],
];

/** The demo year's plans, created, published and reported on through the plan service. */
export async function seedPlanDemo(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db);
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const uid = (n: string) => {
    const id = units.get(n);
    if (!id) throw new Error(`demo unit missing: ${n}`);
    return id;
  };

  // 法治政府建设工作安排
  const gov = await createPlan(db, office, { year: 2020, kind: 'gov_work', title: '中站区2020年度法治政府建设工作安排', docNo: '中政办〔2020〕12号' });
  const stories: { id: string; lead: string; due: string; story: Story }[] = [];
  for (const [kwTitle, area, tasks] of GOV_WORK) {
    const kw = await addKeyWork(db, office, gov.id, { title: kwTitle, area });
    for (const [title, lead, co, due, outcome, leader, story] of tasks) {
      const t = await createTask(db, office, {
        keyWorkId: kw.id, title, unitId: uid(lead), coUnitIds: co.map(uid), leader, expectedOutcome: outcome,
        recurrence: due === 'Q' ? 'quarterly' : 'none', dueDate: due === 'Q' ? '2020-12-31' : due,
      });
      stories.push({ id: t.id, lead, due, story });
    }
  }
  await publishPlan(db, office, gov.id);
  for (const s of stories) await tell(db, office, s.id, uid(s.lead), s.story);

  // 放管服改革重点工作 (claimed by the departments; every item reported done by year end)
  const reform = await createPlan(db, office, { year: 2020, kind: 'reform', title: '中站区人民政府推进政府职能转变和“放管服”改革2020年重点工作', docNo: '中政〔2020〕8号' });
  const reformTasks: { id: string; lead: string; n: number }[] = [];
  let n = 0;
  for (const [major, minors] of REFORM) {
    const kw = await addKeyWork(db, office, reform.id, { title: major, area: '全面依法履行政府职能' });
    for (const [title, lead, co] of minors) {
      const t = await createTask(db, office, { keyWorkId: kw.id, title, unitId: uid(lead), coUnitIds: co.map(uid), recurrence: 'none', dueDate: '2020-12-31', leader: '常务副区长' });
      reformTasks.push({ id: t.id, lead, n: n++ });
    }
  }
  await publishPlan(db, office, reform.id);
  for (const t of reformTasks) await tell(db, office, t.id, uid(t.lead), t.n % 9 === 4 ? 'open' : `ok:12-${String(10 + (t.n % 15)).padStart(2, '0')}`);

  await seedAssessment(db, office);
}

/** Plays a task's story through the ledger (the office reports on the lead unit's behalf and reviews). */
async function tell(db: Kysely<Database>, office: Actor, taskId: string, unitId: string, story: Story) {
  const report = async (date: string, text: string, claimedStatus: 'in_progress' | 'done', decision: 'accept' | 'return' | null = 'accept', comment?: string) => {
    const e = await addEntry(db, office, taskId, { entryDate: `2020-${date}`, text, claimedStatus, unitId });
    if (decision) await reviewEntry(db, office, e.id, { decision, comment });
    return e;
  };
  const [kind, date] = story.split(':');
  if (kind === 'ok' || kind === 'late') {
    const [m] = date.split('-').map(Number);
    if (m > 2) await report(`${String(m - 1).padStart(2, '0')}-15`, '已制定工作方案，明确责任人和时间节点，正在推进。', 'in_progress');
    await report(date, kind === 'ok' ? '已按要求完成，相关文件和佐证材料已上传。' : '因疫情防控影响进度滞后，现已完成，相关材料已上传。', 'done');
  } else if (kind === 'ret') {
    const e = await report(date, '已完成，报请审核。', 'done', 'return', '请补充清理结果公布文件和目录');
    await updateEntry(db, office, e.id, { entryDate: `2020-${date}`, text: '已完成清理，保留58件、废止18件、宣布失效19件，清理结果已公布。', claimedStatus: 'done' });
    await reviewEntry(db, office, e.id, { decision: 'accept' });
  } else if (kind === 'open') {
    // Not finished in 2020: carried into the next year (跨年度推进) and completed in its first quarter,
    // as a real district closes its year — nothing of 2020 is left open years later.
    await report('06-30', '已启动，正在按计划推进。', 'in_progress');
    await report('11-30', '主体工作基本完成，部分事项跨年度推进。', 'in_progress');
    const e = await addEntry(db, office, taskId, { entryDate: '2021-03-26', text: '跨年度推进事项已于2021年一季度全部完成，相关材料已上传。', claimedStatus: 'done', unitId });
    await reviewEntry(db, office, e.id, { decision: 'accept' });
  } else if (kind === 'q' || kind === 'qlate') {
    await report('03-27', '一季度工作已按期推进并报送。', 'in_progress');
    await report('06-24', '二季度工作已按期推进并报送。', 'in_progress');
    await report(kind === 'q' ? '09-25' : '10-20', kind === 'q' ? '三季度工作已按期推进并报送。' : '三季度情况补报（滞后）。', 'in_progress');
    await report('12-25', '全年任务已完成。', 'done');
  }
}

/** The 2020 assessment (考核细则): routine and year-end rounds, every district unit scored, reviewed and published. */
async function seedAssessment(db: Kysely<Database>, office: Actor) {
  const s = await createScheme(db, office, {
    year: 2020,
    title: '中站区2020年度依法行政考核细则',
    indicators: [
      { title: '推进法治政府建设组织领导', children: [
        { title: '责任落实', items: [
          { title: '主要负责人履行推进法治建设第一责任人职责', method: 'manual', points: 10, guidance: '提交述法报告、专题研究会议纪要' },
          { title: '按时报送法治政府建设推进台账', method: 'auto', measure: 'plan.onTimeEntryRate', points: 20 },
        ] },
        { title: '任务完成', items: [
          { title: '承担的法治政府建设重点任务按期完成', method: 'auto', measure: 'plan.completionRate', points: 30 },
        ] },
      ] },
      { title: '依法行政工作实效', children: [
        { title: '制度与执法', items: [
          { title: '规范性文件合法性审核、备案和清理', method: 'manual', points: 15, guidance: '提交审核意见、备案报告' },
          { title: '行政执法三项制度落实', method: 'manual', points: 15, guidance: '提交公示截图、法制审核记录' },
          { title: '学法用法和执法人员培训', method: 'manual', points: 10, guidance: '提交学法记录、培训签到表' },
        ] },
        { title: '否决事项', items: [
          { title: '发生重大行政违法案件、造成恶劣社会影响的', method: 'veto' },
        ] },
      ] },
    ],
    rounds: [
      { kind: 'routine', title: '2020年上半年平时考核', periodFrom: '2020-01-01', periodTo: '2020-06-30', weight: 40 },
      { kind: 'year_end', title: '2020年度年终考评', periodFrom: '2020-07-01', periodTo: '2020-12-31', weight: 60 },
    ],
  });
  const items = await db.selectFrom('plan_assess_indicators').select(['id', 'method', 'points', 'title']).where('scheme_id', '=', s.id).where('level', '=', 3).orderBy('seq').execute();
  const rounds = await db.selectFrom('plan_assess_rounds').select(['id']).where('scheme_id', '=', s.id).orderBy('period_from').execute();
  const units = await assessedUnits(db, office, s.id);
  for (const [ri, r] of rounds.entries()) {
    await computeRound(db, office, r.id);
    const sheet = units.flatMap((u, ui) => items.flatMap((it): ScoreIn[] => {
      if (it.method === 'veto') return [{ unitId: u.id, itemId: it.id, vetoed: false }];
      if (it.method !== 'manual') return [];
      // A deterministic spread of deductions, each with its reason.
      const ded = ((ui + 1) * it.title.length + ri) % 4 === 0 ? 2 : (ui + ri * 2 + it.title.length) % 6 === 1 ? 1 : 0;
      return [{ unitId: u.id, itemId: it.id, awarded: Number(it.points) - ded, reason: ded ? `${it.title}佐证材料不完整，扣${ded}分` : undefined }];
    }));
    await scoreItems(db, office, r.id, sheet);
    await reviewRound(db, office, r.id);
    await publishRound(db, office, r.id);
  }
}
