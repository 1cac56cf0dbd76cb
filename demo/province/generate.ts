/**
 * The province-scale dataset: one province (示范省 990000) with its cities, ~150 districts/counties,
 * each district's units, users and one year of records in every large module, in a typical district's
 * proportions (about 1 M enforcement cases, 200 k mediation disputes, 40 k normative documents, 6 k plan
 * tasks with ~65 k ledger entries, 60 k legal-aid cases… at full volume).
 *
 * How: the org tree and users are a few hundred rows written from here; every record table is ONE
 * `insert … select` per table over `generate_series`, so the rows are made inside the database (no
 * round trip per row, no COPY stream to feed: a million cases is one statement). Every value — ids
 * included — is a function of (seed, table, district code, row number) through md5, so a seed gives the
 * same database byte for byte, on PostgreSQL and on PGlite. Derived facts that have rules (a plan task's
 * done date, current deadline and to-do) are then computed by the plan module's own `refreshTask`.
 *
 * Independent of the Zhongzhan demo (河南省 41…): other codes, other names, other accounts; both can
 * live in one database.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/index.js';
import { hashPassword } from '../../server/core/auth/password.js';
import { loadCalendar } from '../../server/core/calendar/index.js';
import { refreshTask } from '../../server/modules/plan/service.js';
import '../../server/modules/plan/schema.js';
import {
  ACTIVITIES, CAUSES, CITIES, DEPARTMENTS, DISPUTE_TYPES, DISTRICT_STEMS, ENFORCERS, GIVEN, ISSUERS, JUSTICE, KEY_WORKS, PROVINCE,
  RECON_OUTCOMES, RECON_TYPES, SUB0, SUBS, SUIT_OUTCOMES, SURNAMES, UNITS,
} from './names.js';

/** What to generate. */
export interface ProvinceOptions {
  /** Same seed → same data (default 1). */
  seed?: number;
  /** Cities (default 18). */
  cities?: number;
  /** Districts/counties in all, spread over the cities (default 150). */
  districts?: number;
  /** Share of a typical district's yearly volume of records (default 1 = full scale; 0.05 for a bench). */
  volume?: number;
  /** The year of the records (default 2020, the demo's report year). */
  year?: number;
  /** Password of every generated account (default the demo's). */
  password?: string;
  /** scrypt cost for the one password hash shared by all accounts. */
  scryptN?: number;
  /** Progress lines (default silent). */
  log?: (line: string) => void;
}

/** Records per district per year at volume 1 (a district's size then varies 0.6–1.4× by seed). */
export const PER_DISTRICT = {
  enforcement_cases: 6667,
  mediation_disputes: 1333,
  normative_documents: 267,
  legalaid_cases: 400,
  learning_activities: 120,
  reconsideration_cases: 40,
  lawsuits: 25,
  enforcement_officers_per_unit: 12,
  lawyers: 20,
};
/** Plan shape per district (not scaled by volume: a district has one plan of 40 tasks). */
export const PLAN = { keyWorks: KEY_WORKS.length, tasksPerKeyWork: 4 };
/** Mediation committees per district: one per subdistrict office and one community committee per subdistrict. */
const COMMITTEES = SUBS * 2;

/** A generated region (the district list is what tests and benches act on). */
export interface GenRegion {
  id: string;
  code: string;
  name: string;
  path: string;
  level: 'province' | 'city' | 'district';
}

/** What was generated. */
export interface ProvinceResult {
  province: GenRegion;
  cities: GenRegion[];
  districts: GenRegion[];
  /** Rows per table. */
  counts: Record<string, number>;
  /** Seconds per step. */
  timings: Record<string, number>;
  /** Accounts: `o<code>` office and `l<code>` leader of every region, `u<code>` liaison and `h<code>` unit head of each district. */
  password: string;
}

/** A deterministic uuid (md5 of the key), the same as SQL `md5(key)::uuid`. */
export function uuidOf(key: string) {
  const h = createHash('md5').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArr = (xs: readonly string[]) => `array[${xs.map(lit).join(',')}]::text[]`;
const intArr = (xs: readonly number[]) => `array[${xs.join(',')}]::int[]`;
/** The k-th of four uniform [0,1) numbers in the row's md5 `h` (k = 0..3). */
const R = (k: number) => `(('x' || substr(x.h, ${1 + 8 * k}, 8))::bit(32)::bigint::float8 / 4294967296.0)`;
/** An element of an SQL array literal chosen by the uniform `r` (salted so two picks from one r differ). */
const pick = (arr: string, len: number, r: string, salt = 1) => `(${arr})[1 + (floor(${r} * ${1000003 * salt})::bigint % ${len})::int]`;

/** Generates the province into `db` (which must be migrated). Refuses when the province exists. */
export async function generateProvince(db: Kysely<Database>, opts: ProvinceOptions = {}): Promise<ProvinceResult> {
  const seed = Math.trunc(opts.seed ?? 1);
  const nCities = Math.max(1, Math.min(opts.cities ?? 18, 99));
  const nDistricts = Math.max(nCities, opts.districts ?? 150);
  const volume = Math.max(0, opts.volume ?? 1);
  const year = Math.trunc(opts.year ?? 2020);
  const password = opts.password ?? 'Demo@2020';
  const log = opts.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    timings[name] = Math.round(performance.now() - t) / 1000;
    log(`  ${name}: ${timings[name].toFixed(1)} s`);
  };
  if (await db.selectFrom('regions').select('id').where('code', '=', PROVINCE.code).executeTakeFirst())
    throw new Error(`province ${PROVINCE.code} already exists in this database`);
  const S = `${seed}`;
  const run = (text: string) => sql.raw(text).execute(db);

  // ---- regions ----
  const province: GenRegion = { id: uuidOf(`${S}:r:${PROVINCE.code}`), code: PROVINCE.code, name: PROVINCE.name, path: PROVINCE.code, level: 'province' };
  const cities: GenRegion[] = [];
  const districts: GenRegion[] = [];
  for (let i = 0; i < nCities; i++) {
    const code = `99${String(i + 1).padStart(2, '0')}00`;
    const name = i < CITIES.length ? CITIES[i] : `第${i + 1}市`;
    cities.push({ id: uuidOf(`${S}:r:${code}`), code, name, path: `${province.path}/${code}`, level: 'city' });
  }
  cities.forEach((c, i) => {
    const n = Math.floor(nDistricts / nCities) + (i < nDistricts % nCities ? 1 : 0);
    for (let k = 0; k < n; k++) {
      const code = `${c.code.slice(0, 4)}${String(k + 1).padStart(2, '0')}`;
      const stem = k < DISTRICT_STEMS.length ? DISTRICT_STEMS[k] : `第${k + 1}`;
      districts.push({ id: uuidOf(`${S}:r:${code}`), code, name: `${stem}${k % 3 === 2 ? '县' : '区'}`, path: `${c.path}/${code}`, level: 'district' });
    }
  });
  const hash = await hashPassword(password, opts.scryptN ?? 2 ** 15);
  await step('regions, units, users', () =>
    db.transaction().execute(async (trx) => {
      const regions = [province, ...cities, ...districts];
      const parentOf = (r: GenRegion) => (r.level === 'province' ? null : r.level === 'city' ? province.id : cities.find((c) => r.path.startsWith(`${c.path}/`))!.id);
      for (let i = 0; i < regions.length; i += 500)
        await trx.insertInto('regions').values(regions.slice(i, i + 500).map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parent_id: parentOf(r), path: r.path }))).execute();
      // The government and justice bureau of the province and each city (their offices' units).
      const upper = [province, ...cities].flatMap((r) => {
        return [
          { id: uuidOf(`${S}:u:${r.code}:0`), region_id: r.id, name: `${r.name}人民政府`, type: 'government' as const, sort: 0 },
          { id: uuidOf(`${S}:u:${r.code}:${JUSTICE}`), region_id: r.id, name: r.level === 'province' ? `${r.name}司法厅` : `${r.name}司法局`, type: 'department' as const, sort: 1 },
        ];
      });
      await trx.insertInto('units').values(upper).execute();
      // Every district's units, in one statement.
      await sql.raw(`
        insert into units (id, region_id, name, type, sort)
        select md5('${S}:u:' || r.code || ':' || (u.j - 1))::uuid, r.id,
          case when r.name like '%县' and u.name like '区%' then '县' || substr(u.name, 2) else u.name end, u.type, u.j - 1
        from regions r
        cross join unnest(${textArr(UNITS.map((u) => u[0]))}, ${textArr(UNITS.map((u) => u[1]))}) with ordinality as u(name, type, j)
        where r.level = 'district' and r.path like '${province.path}/%'`).execute(trx);
      const users: { id: string; username: string; display_name: string; unit_id: string | null; password_hash: string }[] = [];
      const grants: { user_id: string; role: string; region_id: string | null; unit_id: string | null }[] = [];
      const person = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
      let p = seed * 13;
      for (const r of [province, ...cities, ...districts]) {
        const justice = uuidOf(`${S}:u:${r.code}:${JUSTICE}`);
        const add = (prefix: string, role: string, unitId: string | null, onRegion: boolean) => {
          const id = uuidOf(`${S}:user:${prefix}${r.code}`);
          users.push({ id, username: `${prefix}${r.code}`, display_name: person(p++), unit_id: unitId, password_hash: hash });
          grants.push({ user_id: id, role, region_id: onRegion ? r.id : null, unit_id: onRegion ? null : unitId });
        };
        add('o', 'office', justice, true);
        add('l', 'leader', uuidOf(`${S}:u:${r.code}:0`), true);
        if (r.level === 'district') {
          add('u', 'liaison', uuidOf(`${S}:u:${r.code}:${UNITS.findIndex((x) => x[0] === '区城市管理局')}`), false);
          add('h', 'unit_head', uuidOf(`${S}:u:${r.code}:${UNITS.findIndex((x) => x[0] === '区市场监督管理局')}`), false);
        }
      }
      for (let i = 0; i < users.length; i += 500) await trx.insertInto('users').values(users.slice(i, i + 500)).execute();
      for (let i = 0; i < grants.length; i += 500) await trx.insertInto('role_assignments').values(grants.slice(i, i + 500) as never).execute();
    }),
  );

  // ---- records: one statement per table ----
  const Y = year;
  const D0 = `date '${Y}-01-01'`;
  const ND = `(date '${Y + 1}-01-01' - date '${Y}-01-01')`;
  const dist = `dist as (
    select r.id, r.code, r.name like '%县' as county, (0.6 + 0.8 * (('x' || substr(md5('${S}:w:' || r.code), 1, 8))::bit(32)::bigint::float8 / 4294967296.0)) as w
    from regions r where r.level = 'district' and r.path like '${province.path}/%')`;
  /** Rows of a table per district: generate_series sized by the district's weight, with the row's md5 `x.h`. */
  const rows = (tag: string, perDistrict: number) =>
    `from dist d cross join lateral generate_series(1, greatest(1, round(${perDistrict * volume} * d.w))::int) g
     cross join lateral (select md5('${S}:${tag}:' || d.code || ':' || g) as h) x`;
  const unit = (indexExpr: string) => `md5('${S}:u:' || d.code || ':' || (${indexExpr}))::uuid`;
  const person = (r: string) => `${pick(textArr(SURNAMES), SURNAMES.length, r, 3)} || '某'`;

  await step('enforcement: bodies and officers', async () => {
    const enforcers = [...new Set(ENFORCERS)];
    await run(`with ${dist}
      insert into enforcement_bodies (id, region_id, unit_id, kind, legal_basis)
      select md5('${S}:eb:' || d.code || ':' || e.j)::uuid, d.id, ${unit('e.j')},
        case when e.j >= ${SUB0} then 'subdistrict' when (${intArr(UNITS.map((u) => (u[1] === 'enforcement' ? 1 : 0)))})[e.j + 1] = 1 then 'team' else 'department' end,
        '法律、法规授权或依法受委托实施行政执法'
      from dist d cross join unnest(${intArr(enforcers)}) as e(j)`);
    await run(`with ${dist}
      insert into enforcement_officers (id, region_id, unit_id, name, legal_reviewer, legal_qualification, supervision_registered_on, active)
      select md5('${S}:eo:' || d.code || ':' || e.j || ':' || k)::uuid, d.id, ${unit('e.j')},
        (${textArr(SURNAMES)})[1 + (k * 7 + e.j) % ${SURNAMES.length}] || (${textArr(GIVEN)})[1 + (k * 3 + e.j * 5) % ${GIVEN.length}],
        k = 1, k <= 2, case when k % 4 <> 0 then date '${Y}-03-01' + k end, true
      from dist d cross join unnest(${intArr(enforcers)}) as e(j) cross join generate_series(1, ${PER_DISTRICT.enforcement_officers_per_unit}) k`);
  });

  await step('enforcement: cases', () => {
    const causes = (Object.keys(CAUSES) as (keyof typeof CAUSES)[]).map((k) => `when '${k}' then ${pick(textArr(CAUSES[k]), CAUSES[k].length, 'a.r1', 5)}`).join(' ');
    return run(`with ${dist}
      insert into enforcement_cases (id, region_id, unit_id, system, case_no, title, party_name, party_kind, cause, filed_on, status, major,
        investigated_on, decided_on, decision, decision_no, fine, served_on, executed_on, paid_on, closed_on, published_on)
      select b.id, b.rid, b.unit_id, b.sys, b.case_no, b.cause || '案', b.party, b.kind, b.cause, b.filed, b.st, b.sys = 'penalty' and b.r4 < 0.02,
        case when b.st <> 'filed' then b.filed + 1 end, b.dec,
        case when b.dec is null then null
          when b.sys = 'penalty' then case when b.r4 < 0.9 then 'penalty' else 'no_penalty' end
          when b.sys = 'license' then case when b.r4 < 0.95 then 'granted' else 'refused' end
          when b.sys = 'inspection' then case when b.r4 < 0.85 then 'compliant' else 'violation' end
          else 'measure' end,
        case when b.dec is not null then '决〔${Y}〕' || b.seq || '号' end,
        case when b.dec is not null and b.sys = 'penalty' and b.r4 < 0.9 then (100 * (1 + floor(b.r2 * 100000)::int % 200))::numeric end,
        case when b.st in ('served', 'executed', 'closed') then b.dec + 2 end,
        case when b.st in ('executed', 'closed') then b.dec + 12 end,
        case when b.st in ('executed', 'closed') and b.sys = 'penalty' and b.r4 < 0.9 then b.dec + 10 end,
        case when b.st = 'closed' then b.dec + 15 end,
        case when b.dec is not null and b.sys in ('penalty', 'license') then b.dec + floor(b.r1 * 1000)::int % 10 end
      from (
        select a.*, case a.sys ${causes} end as cause,
          case when a.st in ('decided', 'served', 'executed', 'closed') then a.filed + 3 + floor(a.r4 * 40)::int end as dec
        from (
          select md5('${S}:ec:' || d.code || ':' || g)::uuid as id, d.id as rid, lpad(g::text, 6, '0') as seq,
            ${unit(pick(intArr(ENFORCERS), ENFORCERS.length, R(3), 7))} as unit_id,
            '执〔${Y}〕' || lpad(g::text, 6, '0') || '号' as case_no,
            case when ${R(1)} < 0.55 then 'penalty' when ${R(1)} < 0.75 then 'license' when ${R(1)} < 0.95 then 'inspection' else 'coercion' end as sys,
            ${D0} + floor(${R(0)} * ${ND})::int as filed,
            case when ${R(2)} < 0.82 then 'closed' when ${R(2)} < 0.88 then 'executed' when ${R(2)} < 0.92 then 'served' when ${R(2)} < 0.95 then 'decided'
              when ${R(2)} < 0.97 then 'investigating' else 'filed' end as st,
            case when ${R(1)} * 1000 - floor(${R(1)} * 1000) < 0.6 then ${person(R(2))} else ${pick(textArr(['宏达', '鑫源', '华泰', '永盛', '恒通', '润丰', '佳美', '盛世']), 8, R(2), 11)} || '商贸有限公司' end as party,
            case when ${R(1)} * 1000 - floor(${R(1)} * 1000) < 0.6 then 'person' else 'organisation' end as kind,
            ${R(0)} as r1, ${R(1)} as r2, ${R(3)} as r4
          ${rows('ec', PER_DISTRICT.enforcement_cases)}
        ) a
      ) b`);
  });

  await step('mediation: committees, mediators, disputes', async () => {
    await run(`with ${dist}
      insert into mediation_committees (id, region_id, unit_id, name, kind, established_on)
      select md5('${S}:mc:' || d.code || ':' || k)::uuid, d.id, ${unit(`${SUB0} + k % ${SUBS}`)},
        replace((${textArr(UNITS.slice(SUB0).map((u) => u[0]))})[1 + k % ${SUBS}], '办事处', '') || case when k < ${SUBS} then '人民调解委员会' else '社区人民调解委员会' end,
        case when k < ${SUBS} then 'subdistrict' else 'community' end, date '2012-06-01'
      from dist d cross join generate_series(0, ${COMMITTEES - 1}) k`);
    await run(`with ${dist}
      insert into mediation_mediators (id, region_id, unit_id, committee_id, name, full_time)
      select md5('${S}:mm:' || d.code || ':' || k || ':' || m)::uuid, d.id, ${unit(`${SUB0} + k % ${SUBS}`)}, md5('${S}:mc:' || d.code || ':' || k)::uuid,
        (${textArr(SURNAMES)})[1 + (k * 3 + m * 7) % ${SURNAMES.length}] || (${textArr(GIVEN)})[1 + (k + m * 11) % ${GIVEN.length}], m = 0
      from dist d cross join generate_series(0, ${COMMITTEES - 1}) k cross join generate_series(0, 2) m`);
    await run(`with ${dist}
      insert into mediation_disputes (id, region_id, unit_id, committee_id, case_no, dispute_type, source, referred_by, parties, summary, received_on,
        mediator_id, status, agreement_form, agreement_on, agreement, ended_on, advice)
      select a.id, a.rid, md5('${S}:u:' || a.code || ':' || (${SUB0} + a.k % ${SUBS}))::uuid, md5('${S}:mc:' || a.code || ':' || a.k)::uuid, a.case_no, a.t, a.src,
        case a.src when 'court' then '区人民法院' when 'petition' then '区信访局' when 'police' then '区公安分局派出所' end,
        a.p1 || '与' || a.p2, '双方因生活琐事发生纠纷，请求调解', a.recv, md5('${S}:mm:' || a.code || ':' || a.k || ':' || (a.g % 3))::uuid, a.st,
        case when a.st = 'succeeded' then case when a.r4 < 0.25 then 'oral' else 'written' end end,
        case when a.st = 'succeeded' then a.recv + 1 + floor(a.r4 * 1000)::int % 15 end,
        case when a.st = 'succeeded' then '双方自愿达成协议，当场履行完毕' end,
        case when a.st in ('failed', 'refused') then a.recv + 2 + floor(a.r4 * 1000)::int % 20 end,
        case when a.st = 'failed' then '调解不成，已告知当事人可依法申请仲裁或向人民法院起诉' end
      from (
        select md5('${S}:md:' || d.code || ':' || g)::uuid as id, d.id as rid, d.code, g, floor(${R(0)} * ${COMMITTEES})::int as k,
          '调〔${Y}〕' || lpad(g::text, 5, '0') || '号' as case_no,
          ${pick(textArr(DISPUTE_TYPES), DISPUTE_TYPES.length, R(1), 3)} as t,
          case when ${R(1)} < 0.5 then 'application' when ${R(1)} < 0.7 then 'initiative' when ${R(1)} < 0.82 then 'court' when ${R(1)} < 0.9 then 'petition' else 'police' end as src,
          ${person(R(2))} as p1, ${person(R(3))} as p2,
          ${D0} + floor(${R(2)} * ${ND})::int as recv,
          case when ${R(3)} < 0.9 then 'succeeded' when ${R(3)} < 0.95 then 'failed' when ${R(3)} < 0.985 then 'mediating' else 'refused' end as st,
          ${R(0)} as r4
        ${rows('md', PER_DISTRICT.mediation_disputes)}
      ) a`);
  });

  await step('normative documents', () =>
    run(`with ${dist}
      insert into normative_documents (id, region_id, unit_id, issuer_unit_id, title, affects_rights, market_related, source, drafted_on, status,
        doc_number, doc_year, doc_seq, published_on, effective_from, filing_due, filing_status, filed_on, filed_with, ended_on, end_reason)
      select a.id, a.rid, a.u, a.u, a.title, a.r1 < 0.7, a.r1 < 0.2, 'drafted', a.pub - 45, a.st,
        case when a.st <> 'drafting' then a.abbr || '〔${Y}〕' || a.g || '号' end, case when a.st <> 'drafting' then ${Y} end, case when a.st <> 'drafting' then a.g end,
        case when a.st <> 'drafting' then a.pub end, case when a.st <> 'drafting' then a.pub + 30 end,
        case when a.st <> 'drafting' then a.pub + 30 end,
        case when a.st <> 'drafting' then case when a.r2 < 0.92 then 'accepted' else 'pending' end end,
        case when a.st <> 'drafting' and a.r2 < 0.92 then a.pub + 5 + floor(a.r2 * 1000)::int % 35 end,
        case when a.st <> 'drafting' and a.r2 < 0.92 then '上一级人民政府' end,
        case when a.st = 'repealed' then a.pub + 200 end, case when a.st = 'repealed' then '上位法修改，决定废止' end
      from (
        select md5('${S}:nd:' || d.code || ':' || g)::uuid as id, d.id as rid, d.code, g, ${unit(pick(intArr(ISSUERS), ISSUERS.length, R(0), 3))} as u,
          '关于' || ${pick(textArr(['加强', '规范', '推进', '完善', '进一步做好']), 5, R(1), 7)} || ${pick(textArr(['行政执法', '政务服务', '市场监管', '安全生产', '城市管理', '生态环境保护', '社会救助', '营商环境']), 8, R(1), 11)} || '工作的通知' as title,
          case when ${R(2)} < 0.85 then 'in_force' when ${R(2)} < 0.9 then 'repealed' else 'drafting' end as st,
          case when d.county then '县' else '区' end || '政' as abbr,
          ${D0} + floor(${R(3)} * (${ND} - 40))::int as pub,
          ${R(0)} as r1, ${R(1)} as r2
        ${rows('nd', PER_DISTRICT.normative_documents)}
      ) a`),
  );

  await step('plan: plans, key works, tasks, ledger entries', async () => {
    await run(`with ${dist}
      insert into plan_plans (id, region_id, year, kind, title, doc_no, status, published_at, published_by, created_by)
      select md5('${S}:pp:' || d.code)::uuid, d.id, ${Y}, 'gov_work', r.name || '${Y}年度法治政府建设工作安排', null, 'published',
        timestamptz '${Y}-03-01 09:00:00+08', md5('${S}:user:o' || d.code)::uuid, md5('${S}:user:o' || d.code)::uuid
      from dist d join regions r on r.id = d.id`);
    await run(`with ${dist}
      insert into plan_key_works (id, plan_id, region_id, seq, title)
      select md5('${S}:kw:' || d.code || ':' || k)::uuid, md5('${S}:pp:' || d.code)::uuid, d.id, k, (${textArr(KEY_WORKS)})[k]
      from dist d cross join generate_series(1, ${PLAN.keyWorks}) k`);
    const nTasks = PLAN.tasksPerKeyWork;
    await run(`with ${dist}
      insert into plan_tasks (id, plan_id, key_work_id, region_id, unit_id, seq, ord, title, recurrence, due_date)
      select md5('${S}:pt:' || d.code || ':' || k || ':' || s)::uuid, md5('${S}:pp:' || d.code)::uuid, md5('${S}:kw:' || d.code || ':' || k)::uuid, d.id,
        ${unit(`(${intArr(DEPARTMENTS)})[1 + (k * ${nTasks} + s + length(d.code)) % ${DEPARTMENTS.length}]`)}, s, k * 1000 + s,
        (${textArr(KEY_WORKS)})[k] || '重点任务' || s,
        case when (k + s) % 10 < 8 then 'monthly' when (k + s) % 10 = 8 then 'quarterly' else 'none' end,
        case when (k + s) % 10 = 9 then date '${Y}-06-30' else date '${Y}-12-31' end
      from dist d cross join generate_series(1, ${PLAN.keyWorks}) k cross join generate_series(1, ${nTasks}) s`);
    await run(`with ${dist}
      insert into plan_task_units (task_id, unit_id)
      select t.id, ${unit(`(${intArr(DEPARTMENTS)})[1 + (t.seq * 7 + t.ord) % ${DEPARTMENTS.length}]`)}
      from dist d join plan_tasks t on t.region_id = d.id
      where ${unit(`(${intArr(DEPARTMENTS)})[1 + (t.seq * 7 + t.ord) % ${DEPARTMENTS.length}]`)} <> t.unit_id`);
    // Entries: one per period (month / quarter; three for a one-off task), most on time, some late, the last one "done" for most tasks.
    await run(`with ${dist}
      insert into plan_entries (id, task_id, region_id, unit_id, entry_date, period_end, text, claimed_status, review, reviewed_at)
      select md5('${S}:pe:' || t.id || ':' || p.n)::uuid, t.id, t.region_id, t.unit_id,
        least(p.pe - 5 + (floor(x.r * 1000)::int % 6) + case when x.r < 0.12 then 9 else 0 end, date '${Y}-12-31'),
        case when t.recurrence = 'none' then null else p.pe end,
        '第' || p.n || '期工作进展：已按计划推进，相关材料已归档',
        case when p.n = p.last and x.r2 < 0.85 then 'done' else 'in_progress' end, 'accepted', timestamptz '${Y}-12-31 18:00:00+08'
      from dist d join plan_tasks t on t.region_id = d.id
      cross join lateral (
        select n, case t.recurrence when 'monthly' then 12 when 'quarterly' then 4 else 3 end as last,
          case t.recurrence when 'monthly' then (date '${Y}-01-01' + make_interval(months => n) - interval '1 day')::date
            when 'quarterly' then (date '${Y}-01-01' + make_interval(months => 3 * n) - interval '1 day')::date
            else least(t.due_date, (date '${Y}-01-01' + make_interval(months => 2 * n) - interval '1 day')::date) end as pe
        from generate_series(1, case t.recurrence when 'monthly' then 12 when 'quarterly' then 4 else 3 end) n
      ) p
      cross join lateral (select (('x' || substr(md5('${S}:per:' || t.id || ':' || p.n), 1, 8))::bit(32)::bigint::float8 / 4294967296.0) as r,
        (('x' || substr(md5('${S}:pd:' || t.id), 1, 8))::bit(32)::bigint::float8 / 4294967296.0) as r2) x`);
  });

  await step('plan: ledger facts and deadlines (refreshTask)', async () => {
    const cal = await loadCalendar(db);
    const ids = (await db.selectFrom('plan_tasks').select('id').where('region_id', 'in', districts.map((d) => d.id)).orderBy('id').execute()).map((r) => r.id);
    const chunk = 250;
    const work: string[][] = [];
    for (let i = 0; i < ids.length; i += chunk) work.push(ids.slice(i, i + chunk));
    // A few transactions at a time on PostgreSQL; the embedded pool has one connection anyway.
    let next = 0;
    await Promise.all(Array.from({ length: 3 }, async () => {
      while (next < work.length) {
        const c = work[next++];
        await db.transaction().execute(async (trx) => {
          for (const id of c) await refreshTask(trx, id, cal);
        });
      }
    }));
  });

  await step('learning, reconsideration, lawsuits', async () => {
    await run(`with ${dist}
      insert into learning_activities (id, region_id, unit_id, kind, audience, activity_date, topic, participant_count)
      select md5('${S}:la:' || d.code || ':' || g)::uuid, d.id, ${unit(pick(intArr(ISSUERS), ISSUERS.length, R(0), 5))},
        (${textArr(ACTIVITIES.map((a) => a[0]))})[a.k], nullif((${textArr(ACTIVITIES.map((a) => a[1] ?? ''))})[a.k], ''), ${D0} + floor(${R(1)} * ${ND})::int,
        (${textArr(ACTIVITIES.map((a) => a[2]))})[a.k], 10 + floor(${R(2)} * 90)::int
      ${rows('la', PER_DISTRICT.learning_activities)}
      cross join lateral (select 1 + floor(${R(3)} * ${ACTIVITIES.length})::int as k) a`);
    await run(`with ${dist}
      insert into reconsideration_cases (id, region_id, unit_id, case_no, law_version, procedure, applicant_name, applicant_type, act_challenged, case_type,
        knew_date, received_date, apply_deadline, timely, status, acceptance_mode, accepted_date, refused_date, refusal_reason, outcome, decision_date,
        decision_due, closed_within_period)
      select a.id, a.rid, a.u, a.case_no, '${Y >= 2024 ? '2023' : '2017'}', 'ordinary', a.p, 'natural', '行政机关作出的具体行政行为', a.t,
        a.recv - 20, a.recv, a.recv + 40, true, a.st,
        case when a.st in ('accepted', 'closed') then 'decided' end, case when a.st in ('accepted', 'closed') then a.recv + 4 end,
        case when a.st = 'refused' then a.recv + 4 end, case when a.st = 'refused' then '不属于行政复议受案范围' end,
        case when a.st = 'closed' then a.o end, case when a.st = 'closed' then a.recv + 4 + 20 + floor(a.r * 1000)::int % 50 end,
        case when a.st in ('accepted', 'closed') then a.recv + 64 end,
        case when a.st = 'closed' then 20 + floor(a.r * 1000)::int % 50 <= 60 end
      from (
        select md5('${S}:rc:' || d.code || ':' || g)::uuid as id, d.id as rid, ${unit(pick(intArr(DEPARTMENTS), DEPARTMENTS.length, R(0), 3))} as u,
          case when d.county then '县' else '区' end || '府复〔${Y}〕' || g || '号' as case_no, ${person(R(1))} as p,
          ${pick(textArr(RECON_TYPES), RECON_TYPES.length, R(1), 7)} as t, ${pick(textArr(RECON_OUTCOMES), RECON_OUTCOMES.length, R(2), 5)} as o,
          ${D0} + 25 + floor(${R(2)} * (${ND} - 100))::int as recv,
          case when ${R(3)} < 0.8 then 'closed' when ${R(3)} < 0.9 then 'accepted' else 'refused' end as st, ${R(0)} as r
        ${rows('rc', PER_DISTRICT.reconsideration_cases)}
      ) a`);
    const outcomes = textArr(SUIT_OUTCOMES.map((o) => o[0]));
    const lost = `array[${SUIT_OUTCOMES.map((o) => String(o[1])).join(',')}]::boolean[]`;
    await run(`with ${dist}
      insert into lawsuits (id, region_id, unit_id, case_no, court_name, plaintiff_name, plaintiff_type, act_challenged, case_type, filed_date,
        complaint_received_date, defence_filed_date, evidence_submitted, stage, status, last_outcome, last_judgment_kind, last_served_date, final_outcome, lost, closed_date)
      select a.id, a.rid, a.u, a.case_no, '区人民法院', a.p, 'natural', '行政机关作出的具体行政行为', a.t, a.recv - 3, a.recv, a.recv + 14, true, 'first', a.st,
        case when a.st in ('judged', 'closed') then (${outcomes})[a.k] end, case when a.st in ('judged', 'closed') then 'judgment' end,
        case when a.st in ('judged', 'closed') then a.recv + 90 end,
        case when a.st = 'closed' then (${outcomes})[a.k] end, case when a.st = 'closed' then (${lost})[a.k] end,
        case when a.st = 'closed' then a.recv + 110 end
      from (
        select md5('${S}:ls:' || d.code || ':' || g)::uuid as id, d.id as rid, ${unit(pick(intArr(DEPARTMENTS), DEPARTMENTS.length, R(0), 3))} as u,
          '（${Y}）行初' || lpad(g::text, 3, '0') || '号' as case_no, ${person(R(1))} as p, ${pick(textArr(RECON_TYPES), RECON_TYPES.length, R(1), 7)} as t,
          1 + floor(${R(2)} * ${SUIT_OUTCOMES.length})::int as k, ${D0} + floor(${R(2)} * (${ND} - 60))::int as recv,
          case when ${R(3)} < 0.6 then 'closed' when ${R(3)} < 0.75 then 'judged' else 'pending' end as st
        ${rows('ls', PER_DISTRICT.lawsuits)}
      ) a`);
  });

  await step('legal aid: lawyers and cases', async () => {
    await run(`with ${dist}
      insert into legalaid_lawyers (id, region_id, unit_id, name, firm, licence_no, practice_since)
      select md5('${S}:ll:' || d.code || ':' || k)::uuid, d.id, ${unit(String(JUSTICE))},
        (${textArr(SURNAMES)})[1 + (k * 5) % ${SURNAMES.length}] || (${textArr(GIVEN)})[1 + (k * 3) % ${GIVEN.length}],
        (${textArr(['正义', '明理', '公信', '德衡'])})[1 + k % 4] || '律师事务所', '1' || d.code || lpad(k::text, 6, '0'), date '2010-01-01' + k * 90
      from dist d cross join generate_series(1, ${PER_DISTRICT.lawyers}) k`);
    await run(`with ${dist}
      insert into legalaid_cases (id, region_id, unit_id, case_no, origin, case_type, service_form, status, person_name, matter, received_on,
        notifying_organ, mandatory_category, hardship_basis, decided_on, lawyer_id, assigned_on, closed_on, refusal_reasons)
      select a.id, a.rid, ${unit(String(JUSTICE)).replace(/d\.code/g, 'a.code')}, a.case_no, a.origin, a.ct,
        case a.ct when 'criminal' then 'criminal_defence' else 'litigation' end, a.st, a.p, '请求提供法律援助', a.recv,
        case when a.origin = 'notification' then (array['court','procuratorate','police'])[1 + floor(a.r * 1000)::int % 3] end,
        case when a.origin = 'notification' then (array['minor','sensory_disability','mental_capacity','other'])[1 + floor(a.r * 10000)::int % 4] end,
        case when a.origin = 'application' then 'checked' end,
        case when a.origin = 'application' then a.recv + 5 end,
        case when a.st in ('assigned', 'closed') then md5('${S}:ll:' || a.code || ':' || (1 + floor(a.r * 100000)::int % ${PER_DISTRICT.lawyers}))::uuid end,
        case when a.st in ('assigned', 'closed') then a.recv + 6 end,
        case when a.st = 'closed' then a.recv + 60 end,
        case when a.st = 'refused' then '经审查不符合经济困难标准' end
      from (
        select md5('${S}:lc:' || d.code || ':' || g)::uuid as id, d.id as rid, d.code, '援〔${Y}〕' || lpad(g::text, 5, '0') || '号' as case_no,
          case when ${R(0)} < 0.4 then 'notification' else 'application' end as origin,
          case when ${R(0)} < 0.4 then 'criminal' when ${R(1)} < 0.9 then 'civil' else 'administrative' end as ct,
          case when ${R(2)} < 0.85 then 'closed' when ${R(2)} < 0.95 then 'assigned' when ${R(0)} >= 0.4 and ${R(2)} < 0.98 then 'refused' else 'assigned' end as st,
          ${person(R(1))} as p, ${D0} + floor(${R(3)} * (${ND} - 70))::int as recv, ${R(1)} as r
        ${rows('lc', PER_DISTRICT.legalaid_cases)}
      ) a`);
  });

  await step('analyze', () => run('analyze'));
  const counts = await provinceCounts(db, province.path);
  return { province, cities, districts, counts, timings, password };
}

/** Tables the generator fills (and the benches and tests count). */
export const GENERATED_TABLES = [
  'units', 'users', 'enforcement_bodies', 'enforcement_officers', 'enforcement_cases', 'mediation_committees', 'mediation_mediators', 'mediation_disputes',
  'normative_documents', 'plan_plans', 'plan_key_works', 'plan_tasks', 'plan_task_units', 'plan_entries', 'learning_activities', 'reconsideration_cases',
  'lawsuits', 'legalaid_lawyers', 'legalaid_cases', 'deadlines',
] as const;

/** Rows per generated table inside the province's region subtree. */
export async function provinceCounts(db: Kysely<Database>, provincePath = '990000'): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const inProvince = `(select id from regions where path = '${provincePath}' or path like '${provincePath}/%')`;
  for (const t of GENERATED_TABLES) {
    const where =
      t === 'users' ? `unit_id in (select id from units where region_id in ${inProvince})`
      : t === 'plan_task_units' ? `task_id in (select id from plan_tasks where region_id in ${inProvince})`
      : `region_id in ${inProvince}`;
    const r = await sql.raw<{ n: string }>(`select count(*) as n from ${t} where ${where}`).execute(db);
    out[t] = Number(r.rows[0].n);
  }
  return out;
}
