import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { hashPassword } from '../server/core/auth/password.js';
import { recordAudit } from '../server/core/audit/index.js';
import type { Role } from '../common/roles.js';

/** The demo password of every demo account (demo data only; never used outside `fazhi demo`). */
export const DEMO_PASSWORD = 'Demo@2020';

/** Departments of the demo district government (焦作市中站区), in the order of the government's list. */
export const DEPARTMENTS = [
  '区政府办公室', '区发展和改革委员会', '区教育局', '区科技和工业信息化局', '焦作市公安局中站分局', '区民政局', '区司法局', '区财政局',
  '区人力资源和社会保障局', '区自然资源和规划局', '区住房和城乡建设局', '区城市管理局', '区交通运输局', '区农业农村局', '区水利局', '区商务局',
  '区文化广电和旅游局', '区卫生健康委员会', '区退役军人事务局', '区应急管理局', '区审计局', '区市场监督管理局', '区统计局', '区医疗保障局',
  '区信访局', '区生态环境分局', '区林业局', '区城乡一体化示范区管委会', '区行政审批和政务信息管理局',
];
/** Subdistricts of 中站区 with their 9-digit division codes. */
export const SUBDISTRICTS: [string, string][] = [
  ['410803001', '许衡街道'], ['410803002', '府城街道'], ['410803003', '朱村街道'], ['410803004', '龙洞街道'],
  ['410803005', '月山街道'], ['410803006', '冯封街道'], ['410803007', '李封街道'], ['410803008', '王封街道'],
];
/** Enforcement teams. */
export const ENFORCEMENT_TEAMS = ['区城市管理综合执法大队', '区农业综合行政执法大队', '区市场监管综合执法大队'];
/** The government's two legal-advisor law firms (seed §一(二)). */
export const LAW_FIRMS = ['河南纳圣律师事务所', '河南善博律师事务所'];

/** One demo account per role. */
export const DEMO_ACCOUNTS: { username: string; name: string; unit: string | null; role: Role; region?: string; note: string }[] = [
  { username: 'admin', name: '系统管理员', unit: null, role: 'admin', region: '410000', note: '系统管理员 System admin' },
  { username: 'office', name: '王晓丽', unit: '区司法局', role: 'office', region: '410803', note: '依法治区办 Rule-of-law office' },
  { username: 'leader', name: '赵红兵', unit: '区人民政府', role: 'leader', region: '410803', note: '区领导 Leader (read-only)' },
  { username: 'city', name: '李明', unit: null, role: 'viewer', region: '410800', note: '焦作市依法治市办 City viewer' },
  { username: 'head', name: '张建国', unit: '区城市管理局', role: 'unit_head', note: '区城市管理局 局长 Unit head' },
  { username: 'liaison', name: '刘芳', unit: '区城市管理局', role: 'liaison', note: '区城市管理局 联络员 Unit liaison' },
  { username: 'liaison2', name: '陈静', unit: '区市场监督管理局', role: 'liaison', note: '区市场监督管理局 联络员 Unit liaison' },
  { username: 'street', name: '孙丽', unit: '府城街道办事处', role: 'liaison', note: '府城街道 联络员 Subdistrict liaison' },
  { username: 'advisor', name: '周律师', unit: '河南纳圣律师事务所', role: 'advisor', note: '政府法律顾问 Legal advisor' },
  { username: 'officer', name: '吴强', unit: '区城市管理综合执法大队', role: 'officer', note: '执法人员 Enforcement officer' },
  { username: 'aid', name: '郑雅琴', unit: '区司法局', role: 'liaison', note: '区法律援助中心 受理员 Legal aid centre clerk' },
];

/** Whether the database already holds the demo district. */
export async function hasDemoOrg(db: Kysely<Database>) {
  return !!(await db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirst());
}

/**
 * Creates 河南省 › 焦作市 › 中站区 (410803), its departments, subdistrict offices, enforcement teams,
 * law firms, a mediation committee per subdistrict, and one account per role — in one transaction.
 */
export async function seedDemoOrg(db: Kysely<Database>, cfg: Config) {
  const hash = await hashPassword(DEMO_PASSWORD, cfg.scryptN);
  await db.transaction().execute(async (trx) => {
    const audit = { userId: null, name: 'fazhi demo', ip: 'cli' };
    const region = async (code: string, name: string, level: Database['regions']['level'], parent?: { id: string; path: string }) => {
      const row = await trx
        .insertInto('regions')
        .values({ code, name, level, parent_id: parent?.id ?? null, path: parent ? `${parent.path}/${code}` : code })
        .returning(['id', 'path'])
        .executeTakeFirstOrThrow();
      return row;
    };
    const henan = await region('410000', '河南省', 'province');
    const jiaozuo = await region('410800', '焦作市', 'city', henan);
    const zz = await region('410803', '中站区', 'district', jiaozuo);
    const units = new Map<string, string>();
    let sort = 0;
    const unit = async (name: string, type: string, regionId: string, shortName?: string) => {
      const row = await trx
        .insertInto('units')
        .values({ name, type, region_id: regionId, short_name: shortName ?? null, sort: sort++, active_from: '2019-01-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      units.set(name, row.id);
      return row.id;
    };
    await unit('区人民政府', 'government', zz.id, '区政府');
    for (const d of DEPARTMENTS) await unit(d, 'department', zz.id);
    for (const t of ENFORCEMENT_TEAMS) await unit(t, 'enforcement', zz.id);
    for (const f of LAW_FIRMS) await unit(f, 'law_firm', zz.id);
    await unit('中站区人民法院', 'court', zz.id);
    await unit('区人大常委会', 'npc', zz.id);
    await unit('区政协', 'cppcc', zz.id);
    for (const [code, name] of SUBDISTRICTS) {
      const sub = await region(code, name, 'subdistrict', zz);
      await unit(`${name}办事处`, 'subdistrict', sub.id);
      await unit(`${name}人民调解委员会`, 'mediation', sub.id);
    }
    const regionIds: Record<string, string> = { '410000': henan.id, '410800': jiaozuo.id, '410803': zz.id };
    for (const a of DEMO_ACCOUNTS) {
      const user = await trx
        .insertInto('users')
        .values({ username: a.username, display_name: a.name, unit_id: a.unit ? units.get(a.unit)! : null, password_hash: hash, must_change_password: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_assignments')
        .values({ user_id: user.id, role: a.role, region_id: a.region ? regionIds[a.region] : null, unit_id: a.region ? null : units.get(a.unit!)! })
        .execute();
    }
    await recordAudit(trx, audit, { entity: 'demo', action: 'seed_org', regionId: zz.id, after: { units: units.size, accounts: DEMO_ACCOUNTS.length } });
  });
}
