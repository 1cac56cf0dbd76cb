import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { exportXlsx } from '../server/core/excel/index.js';
import { runImport } from '../server/core/excel/routes.js';
import { regionByCode, unitsByNameIn } from '../server/modules/org/lookup.js';
import { powerImport, powerSheet, type PowerSheetRow } from '../server/modules/powers/excel.js';
import { listPowers, transferPower } from '../server/modules/powers/service.js';
import { createService, publishService } from '../server/modules/powers/services.js';
import { listTasks } from '../server/modules/plan/service.js';
import { demoActor } from './advisors.js';
import { DEPARTMENTS, SUBDISTRICTS } from './org.js';

/** How many items each department keeps, by category label (a legacy list still says 行政审批 for licences). */
const CATEGORY_MIX: [string, number][] = [
  ['行政处罚', 44], ['行政检查', 8], ['行政强制', 4], ['行政审批', 5], ['行政确认', 3], ['行政给付', 1], ['行政征收', 1], ['行政奖励', 1], ['其他行政权力', 1],
];
/** Subjects each department's items are about, for readable names. */
const SUBJECTS: Record<string, string> = {
  区城市管理局: '城市市容和环境卫生', 区市场监督管理局: '食品安全', 区住房和城乡建设局: '建筑市场', 区教育局: '民办教育', 区卫生健康委员会: '医疗机构',
  区生态环境分局: '大气污染防治', 区交通运输局: '道路运输', 区农业农村局: '农产品质量安全', 区自然资源和规划局: '土地管理', 区应急管理局: '安全生产',
  区人力资源和社会保障局: '劳动保障', 区民政局: '社会组织', 区水利局: '水资源', 区文化广电和旅游局: '文化市场', 焦作市公安局中站分局: '治安管理',
};
const LAWS: Record<string, string> = {
  行政处罚: '《行政处罚法》第八条及有关单行法律法规罚则条款', 行政检查: '有关法律法规监督检查条款', 行政强制: '《行政强制法》第九条及有关单行法律',
  行政审批: '《行政许可法》第十二条及有关单行法律法规', 行政确认: '有关法律法规确认登记条款', 行政给付: '有关法律法规给付条款',
  行政征收: '有关法律法规征收条款', 行政奖励: '有关法律法规表彰奖励条款', 其他行政权力: '有关法律法规',
  公共服务事项: '有关法律法规及政策规定',
};
const VERB: Record<string, string> = {
  行政处罚: '对违反{s}管理规定行为的处罚', 行政检查: '{s}监督检查', 行政强制: '{s}领域查封、扣押', 行政审批: '{s}相关许可', 行政确认: '{s}相关确认登记',
  行政给付: '{s}相关补助发放', 行政征收: '{s}相关费用征收', 行政奖励: '{s}工作表彰奖励', 其他行政权力: '{s}相关备案', 公共服务事项: '{s}政策咨询服务',
};

/**
 * Real item names for the first items of a category in some departments' lists (the rest keep generated
 * names): the items the "一件事" services bundle (企业开办、新生儿出生、不动产登记).
 */
const REAL_NAMES: Record<string, Record<string, string[]>> = {
  区市场监督管理局: { 行政审批: ['企业设立、变更、注销登记', '食品经营许可'] },
  焦作市公安局中站分局: { 其他行政权力: ['公章刻制备案'], 行政确认: ['出生登记（户口登记）'] },
  区人力资源和社会保障局: { 行政确认: ['用人单位社会保险登记', '社会保障卡申领核验'] },
  区医疗保障局: { 行政确认: ['参保单位医疗保险登记', '城乡居民基本医疗保险参保登记'] },
  区卫生健康委员会: { 行政确认: ['出生医学证明签发'] },
  区自然资源和规划局: { 行政确认: ['不动产登记'], 其他行政权力: ['不动产登记资料查询'] },
  区住房和城乡建设局: { 其他行政权力: ['存量房交易合同网签备案'] },
};

/**
 * The demo list as a district would load it: an Excel list of the departments' 1898 powers and the
 * subdistricts' 123 powers and 1 public service (seed §一(四)二是), imported through the list import, then
 * one dated transfer in 2021 (to a subdistrict's comprehensive enforcement) so the list as of a date differs.
 */
export async function seedPowers(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zz = (await regionByCode(db, '410803'))!;
  const rows: PowerSheetRow[] = [];
  const approval = { approvalRef: '中站编〔2019〕21号', approvedOn: '2019-12-20', effectiveOn: '2020-01-01' };
  const depts = DEPARTMENTS.filter((d) => d !== '区政府办公室');
  const perDept = CATEGORY_MIX.reduce((s, [, n]) => s + n, 0); // 68 a department (28 × 68 = 1904), the last trimmed so the list holds 1898
  let total = 0;
  for (const [di, dept] of depts.entries()) {
    const subject = SUBJECTS[dept] ?? dept.replace(/^区|局$|委员会$|分局$/g, '');
    let k = 0;
    for (const [cat, n] of CATEGORY_MIX) {
      for (let j = 0; j < n && total < 1898; j++, k++) {
        const name = REAL_NAMES[dept]?.[cat]?.[j] ?? VERB[cat].replace('{s}', subject).replace('管理管理', '管理') + (n > 1 ? `（第${j + 1}项）` : '');
        rows.push({
          unit: dept, code: `ZZ-${String(di + 1).padStart(2, '0')}-${String(k + 1).padStart(3, '0')}`, name, category: cat, basis: LAWS[cat],
          responsibility: '受理责任、审查责任、决定责任、送达责任、事后监管责任', accountability: '因不履行或不正确履行行政职责，有关法律法规规定的追责情形', ...approval,
        });
        total++;
      }
    }
  }
  void perDept;
  // Subdistricts: 123 powers (15 or 16 each, mostly 行政处罚/行政检查 after the enforcement reform) and 1 public service.
  const subCats = ['行政处罚', '行政检查', '行政处罚', '行政强制', '行政确认', '其他行政权力', '行政处罚', '行政给付'];
  let s = 0;
  for (const [si, [, name]] of SUBDISTRICTS.entries()) {
    const count = si < 3 ? 16 : 15;
    for (let j = 0; j < count; j++, s++) {
      const cat = subCats[j % subCats.length];
      rows.push({
        unit: `${name}办事处`, code: `ZZJD-${si + 1}-${String(j + 1).padStart(3, '0')}`, name: VERB[cat].replace('{s}', ['市容环境', '违法建设', '占道经营', '餐饮油烟', '生活垃圾'][j % 5]) + `（第${j + 1}项）`,
        category: cat, basis: LAWS[cat], responsibility: '受理、调查、决定、送达、执行', accountability: '因不履行或不正确履行行政职责的追责情形', approvalRef: '中站编〔2020〕3号', approvedOn: '2020-04-20', effectiveOn: '2020-05-01',
      });
    }
  }
  rows.push({ unit: '府城街道办事处', code: 'ZZJD-GG-001', name: '城乡居民基本养老保险参保登记服务', category: '公共服务事项', basis: LAWS['公共服务事项'], responsibility: '受理、审核、办结', accountability: '', approvalRef: '中站编〔2020〕3号', approvedOn: '2020-04-20', effectiveOn: '2020-05-01' });
  const buf = await exportXlsx(powerSheet, rows);
  const result = await runImport(db, office, powerImport, buf, false);
  if (result.errors.length) throw new Error(`power list import: ${JSON.stringify(result.errors.slice(0, 3))}`);

  // 2021: 占道经营 penalties of 区城市管理局 go to 府城街道's comprehensive enforcement (dated, approved).
  const fc = (await unitsByNameIn(db, zz.path, ['府城街道办事处'])).get('府城街道办事处')![0];
  const items = await listPowers(db, office, { page: 1, pageSize: 1, order: 'asc', q: 'ZZ-11-001', asOf: '2020-12-31' });
  if (items.items[0]) await transferPower(db, office, items.items[0].id, { toUnitId: fc.id, approvalRef: '中站编〔2021〕2号', approvedOn: '2021-02-20', effectiveOn: '2021-03-01', reason: '街道综合行政执法改革，相关执法事项下放街道综合执法队' });
}

/**
 * "一件事" integrated services (seed §一(五)一是: 「在全市率先推行“一件事”集成服务改革，设置了企业开办服务专区和
 * “一件事”服务专区」), drafted and published by the office through the services, bundling current items of
 * the list above and linked to the 放管服 reform tasks they deliver.
 */
export async function seedServices(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zz = (await regionByCode(db, '410803'))!;
  const unitId = async (name: string) => (await unitsByNameIn(db, zz.path, [name])).get(name)![0].id;
  const item = async (name: string) => {
    const r = await listPowers(db, office, { page: 1, pageSize: 5, order: 'asc', q: name, asOf: '2020-06-30' });
    const hit = r.items.find((p) => p.name === name);
    if (!hit) throw new Error(`demo power item ${name} not found`);
    return hit.id;
  };
  const task = async (q: string) => {
    const r = await listTasks(db, office, { page: 1, pageSize: 5, order: 'asc', q, kind: 'reform', year: 2020 });
    return r.items.map((t) => t.id).slice(0, 1);
  };
  const services: { code: string; name: string; lead: string; window: string; items: string[]; documents: string[]; days: number; task?: string; publishedOn?: string; description: string }[] = [
    {
      code: 'ZZYJS-001', name: '企业开办“一件事”', lead: '区行政审批和政务信息管理局', window: '区政务服务中心一楼企业开办服务专区（综合受理窗口）',
      items: ['企业设立、变更、注销登记', '公章刻制备案', '用人单位社会保险登记', '参保单位医疗保险登记'],
      documents: ['企业开办“一表通”申请表', '全体股东（投资人）身份证明', '住所（经营场所）使用证明', '法定代表人、董事、监事和经理的任职文件'],
      days: 1, task: '高频事项并联办理', publishedOn: '2020-06-30',
      description: '营业执照、公章刻制、社保和医保登记一窗受理、并联办理，一次领取。',
    },
    {
      code: 'ZZYJS-002', name: '新生儿出生“一件事”', lead: '区卫生健康委员会', window: '区政务服务中心二楼“一件事”服务专区',
      items: ['出生医学证明签发', '出生登记（户口登记）', '城乡居民基本医疗保险参保登记', '社会保障卡申领核验'],
      documents: ['父母双方居民身份证', '户口簿', '结婚证', '医疗机构出具的分娩记录'],
      days: 5, task: '新生儿出生', publishedOn: '2020-09-15',
      description: '出生医学证明、户口登记、医保参保和社保卡申领一次申请、信息共享、结果快递到家。',
    },
    {
      code: 'ZZYJS-003', name: '二手房交易和不动产登记“一件事”', lead: '区自然资源和规划局', window: '区政务服务中心不动产登记综合窗口',
      items: ['存量房交易合同网签备案', '不动产登记', '不动产登记资料查询'],
      documents: ['不动产登记申请书', '买卖双方身份证明', '不动产权属证书', '存量房买卖合同'],
      days: 5,
      description: '交易备案、不动产转移登记和资料查询一窗办理（草拟中，待与税务部门联调后发布）。',
    },
  ];
  for (const s of services) {
    const row = await createService(db, office, {
      code: s.code, name: s.name, leadUnitId: await unitId(s.lead), window: s.window, documents: s.documents, promisedDays: s.days,
      powerItemIds: await Promise.all(s.items.map(item)), taskIds: s.task ? await task(s.task) : [], description: s.description,
    });
    if (s.publishedOn) await publishService(db, office, row.id, { publishedOn: s.publishedOn });
  }
}
