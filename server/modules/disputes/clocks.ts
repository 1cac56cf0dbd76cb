/**
 * Every statutory clock of the disputes module, as core DeadlineSpecs with the article that sets
 * them. Pure functions: the services store them with `setDeadline`, the tests check them on
 * hand-computed dates. Periods are counted from the day after the event (民法典 第201条); natural-day
 * and month periods whose last day is a rest day or holiday roll to the next working day
 * (行政复议法(2023) 第88条第一款 and (2017) 第40条 → 民事诉讼法 第85条; 行诉解释 第48条).
 * Working days: the 2023 law's 三日/五日/七日/十日 (第88条第二款); the 2017 law's 五日/七日 only (第40条).
 */
import { addMonths, computeDeadline, type Computed, type DeadlineSpec, type Pause, type WorkCalendar } from '../../core/calendar/index.js';
import type { LawVersion } from '../../../common/disputes.js';
import type { Bilingual } from '../../core/deadlines/index.js';

/** A clock: the spec and its legal basis. */
export interface Clock {
  kind: string;
  title: Bilingual;
  spec: DeadlineSpec;
  basis: string;
  priority?: number;
}

/** Deadline priority of the 15-day defence: the highest in the product. */
export const DEFENCE_PRIORITY = 100;

const law = (v: LawVersion) => (v === '2023' ? '《行政复议法》(2023年修订)' : '《行政复议法》(2017年修正)');

/**
 * Application period (申请期限): 60 days from knowing of the act (2023法 第20条 / 2017法 第9条), rolled over a
 * holiday. Not informed of the right: from learning it, at most one year (2023法 第20条第二款) or two years
 * (2017: 实施条例 第17条) from knowing the act. Absolute cut-off, 2023 law: 5 years, 20 for immovables (第21条).
 */
export function applicationPeriod(
  cal: WorkCalendar,
  c: { lawVersion: LawVersion; knewDate: string; informedOfRights: boolean; rightsKnownDate?: string | null; actDate?: string | null; immovable: boolean },
): { due: string; explain: string; basis: string; cutoff?: string } {
  // 2023法 第20条第一款 / 2017法 第9条第一款: 自知道或者应当知道该行政行为之日起六十日内.
  const ordinary = computeDeadline(cal, { from: c.knewDate, unit: 'ND', n: 60, rollOver: true });
  let due = ordinary.due;
  let explain = ordinary.explain.zh;
  let basis = c.lawVersion === '2023' ? `${law('2023')}第二十条：自知道或者应当知道该行政行为之日起六十日内提出行政复议申请` : `${law('2017')}第九条：自知道该具体行政行为之日起六十日内提出行政复议申请`;
  if (!c.informedOfRights) {
    const maxYears = c.lawVersion === '2023' ? 1 : 2;
    const cap = addMonths(c.knewDate, 12 * maxYears);
    if (c.rightsKnownDate) {
      const fromRights = computeDeadline(cal, { from: c.rightsKnownDate, unit: 'ND', n: 60, rollOver: true });
      due = fromRights.due < cap ? fromRights.due : cap;
      explain = `未告知申请权利和期限：自知道申请权利和期限之日(${c.rightsKnownDate})起六十日(${fromRights.due})，但自知道行政行为之日起最长不超过${maxYears}年(${cap})，取${due}`;
    } else {
      due = cap;
      explain = `未告知申请权利和期限，尚未知道：自知道行政行为之日(${c.knewDate})起最长${maxYears}年，至${cap}`;
    }
    basis = c.lawVersion === '2023' ? `${law('2023')}第二十条第二款` : '《行政复议法实施条例》第十七条';
  }
  let cutoff: string | undefined;
  if (c.lawVersion === '2023' && c.actDate) {
    // 2023法 第21条: 不动产二十年，其他五年，自行政行为作出之日起.
    cutoff = addMonths(c.actDate, 12 * (c.immovable ? 20 : 5));
    if (cutoff < due) {
      due = cutoff;
      explain += `；自行政行为作出之日(${c.actDate})起超过${c.immovable ? 20 : 5}年不予受理，最迟${cutoff}`;
    }
    basis += `；第二十一条`;
  }
  return { due, explain, basis, cutoff };
}

/** Acceptance review: 5 working days from receipt; no refusal by then ⇒ deemed accepted on that day. */
export function acceptanceReview(v: LawVersion, from: string, restarted = false): Clock {
  return {
    kind: 'acceptance_review',
    title: restarted ? { zh: '行政复议申请受理审查（补正后）', en: 'Review the reconsideration application for acceptance (after correction)' } : { zh: '行政复议申请受理审查', en: 'Review the reconsideration application for acceptance' },
    // 2023法 第30条 (五日 = 工作日, 第88条); 2017法 第17条 (五日 = 工作日, 第40条).
    spec: { from, unit: 'WD', n: 5 },
    basis:
      v === '2023'
        ? `${law('2023')}第三十条：收到行政复议申请后，应当在五日内进行审查；审查期限届满，未作出不予受理决定的，审查期限届满之日起视为受理${restarted ? '；第三十一条：收到补正材料后依照第三十条处理' : ''}`
        : `${law('2017')}第十七条：收到行政复议申请后，应当在五日内进行审查；除不予受理或告知另行申请外，自复议机构收到之日起即为受理`,
  };
}

/** The applicant's correction period: 10 working days from receiving the notice (2023法 第31条); 2017: the period the notice states, natural days. */
export function correctionSupply(v: LawVersion, receivedNotice: string, periodDays = 10): Clock {
  return v === '2023'
    ? {
        kind: 'correction_supply',
        title: { zh: '申请人补正材料期限', en: 'Applicant to supply the missing materials' },
        // 2023法 第31条: 自收到补正通知之日起十日内 (工作日, 第88条).
        spec: { from: receivedNotice, unit: 'WD', n: 10 },
        basis: `${law('2023')}第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料；无正当理由逾期不补正的，视为申请人放弃行政复议申请`,
      }
    : {
        kind: 'correction_supply',
        title: { zh: '申请人补正材料期限', en: 'Applicant to supply the missing materials' },
        // 实施条例 第29条: 书面通知申请人补正 — the notice sets the period; 十日 is not a working-day period under the 2017 law (第40条).
        spec: { from: receivedNotice, unit: 'ND', n: periodDays, rollOver: true },
        basis: `《行政复议法实施条例》第二十九条：书面通知申请人补正，补正通知载明期限${periodDays}日`,
      };
}

/** Sending the application copy to the respondent: 7 working days from acceptance (ordinary), 3 (simplified). */
export function copyToRespondent(v: LawVersion, procedure: 'ordinary' | 'simplified', accepted: string): Clock {
  const simple = procedure === 'simplified';
  return {
    kind: 'copy_to_respondent',
    title: { zh: '向被申请人发送申请书副本', en: 'Send a copy of the application to the respondent' },
    // 2023法 第48条 七日 / 第54条 三日 (工作日); 2017法 第23条 七日 (工作日).
    spec: { from: accepted, unit: 'WD', n: simple ? 3 : 7 },
    basis:
      v === '2023'
        ? simple
          ? `${law('2023')}第五十四条：适用简易程序的，应当自受理之日起三日内，将申请书副本发送被申请人`
          : `${law('2023')}第四十八条：应当自行政复议申请受理之日起七日内，将申请书副本发送被申请人`
        : `${law('2017')}第二十三条：应当自行政复议申请受理之日起七日内，将申请书副本发送被申请人`,
  };
}

/** The respondent's answer: 10 working days (2023 ordinary), 5 (2023 simplified), 10 natural days (2017). */
export function respondentAnswer(v: LawVersion, procedure: 'ordinary' | 'simplified', received: string): Clock {
  if (v === '2017')
    return {
      kind: 'answer',
      title: { zh: '被申请人提出书面答复并提交证据', en: 'Respondent to answer in writing and submit its evidence' },
      // 2017法 第23条: 十日 — a natural-day period under the 2017 law (only 五日、七日 are working days, 第40条).
      spec: { from: received, unit: 'ND', n: 10, rollOver: true },
      basis: `${law('2017')}第二十三条：被申请人应当自收到申请书副本之日起十日内，提出书面答复，并提交作出具体行政行为的证据、依据`,
    };
  const simple = procedure === 'simplified';
  return {
    kind: 'answer',
    title: { zh: '被申请人提出书面答复并提交证据', en: 'Respondent to answer in writing and submit its evidence' },
    // 2023法 第48条 十日 / 第54条 五日 (工作日, 第88条).
    spec: { from: received, unit: 'WD', n: simple ? 5 : 10 },
    basis: simple
      ? `${law('2023')}第五十四条：被申请人应当自收到申请书副本之日起五日内，提出书面答复，并提交证据、依据`
      : `${law('2023')}第四十八条：被申请人应当自收到申请书副本之日起十日内，提出书面答复，并提交证据、依据`,
  };
}

/**
 * The decision: 60 days from acceptance (ordinary), extendable once by ≤30 with approval and written
 * notice; 30 days (2023 simplified, no extension). Suspensions pause the clock.
 */
export function decision(v: LawVersion, procedure: 'ordinary' | 'simplified', accepted: string, pauses: Pause[] = [], extensionDays?: number | null): Clock {
  const simple = procedure === 'simplified';
  const spec: DeadlineSpec = { from: accepted, unit: 'ND', n: simple ? 30 : 60, rollOver: true };
  if (pauses.length) spec.pauses = pauses;
  if (extensionDays) spec.extension = { unit: 'ND', n: extensionDays, reason: '经批准延长' };
  return {
    kind: 'decision',
    title: { zh: '作出行政复议决定', en: 'Decide the reconsideration' },
    // 2023法 第62条; 2017法 第31条; 中止期间不计入 (2023法 第39条, 实施条例 第41条).
    spec,
    basis:
      v === '2023'
        ? simple
          ? `${law('2023')}第六十二条第二款：适用简易程序的，应当自受理申请之日起三十日内作出行政复议决定`
          : `${law('2023')}第六十二条：应当自受理申请之日起六十日内作出行政复议决定；情况复杂的，经行政复议机构负责人批准，可以适当延长，并书面告知当事人，延长期限最多不超过三十日`
        : `${law('2017')}第三十一条：应当自受理申请之日起六十日内作出行政复议决定；情况复杂的，经行政复议机关负责人批准，可以适当延长，并告知申请人和被申请人，但延长期限最多不超过三十日`,
  };
}

/** 2023法 第41条: 中止 under 第39条 items 1, 2, 4 lasting 60 days ⇒ 终止. */
export function suspensionLimit(from: string): Clock {
  return {
    kind: 'suspension_limit',
    title: { zh: '中止满六十日原因仍未消除的，应当终止行政复议', en: 'Terminate the reconsideration if the cause of suspension persists after 60 days' },
    spec: { from, unit: 'ND', n: 60, rollOver: true },
    basis: `${law('2023')}第四十一条第五项：依照第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除的，行政复议机关决定终止行政复议`,
  };
}

/** Compliance report on an opinion letter: 60 days from receipt (2023法 第76条; 实施条例 第57条). */
export function opinionCompliance(v: LawVersion, received: string): Clock {
  return {
    kind: 'compliance',
    title: { zh: '报送行政复议意见书落实情况', en: 'Report how the reconsideration opinion was carried out' },
    spec: { from: received, unit: 'ND', n: 60, rollOver: true },
    basis:
      v === '2023'
        ? `${law('2023')}第七十六条：有关机关应当自收到行政复议意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送行政复议机关`
        : '《行政复议法实施条例》第五十七条：有关机关应当自收到行政复议意见书之日起60日内将纠正相关行政违法行为或者做好善后工作的情况通报行政复议机构',
  };
}

// ---------------- litigation ----------------

/** 行政诉讼法 第67条: defence and evidence 15 days after receiving the complaint copy — the highest-priority alert. */
export function defence(received: string): Clock {
  return {
    kind: 'defence',
    title: { zh: '行政应诉：提交答辩状及作出行政行为的证据、依据', en: 'Lawsuit: file the defence with the evidence and legal basis of the act' },
    spec: { from: received, unit: 'ND', n: 15, rollOver: true },
    basis: '《行政诉讼法》第六十七条：被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状（逾期视为没有相应证据，第三十四条）',
    priority: DEFENCE_PRIORITY,
  };
}

/** 行政诉讼法 第85条: appeal 15 days from service of a judgment, 10 of a ruling. */
export function appealDecision(kind: 'judgment' | 'ruling', served: string): Clock {
  return {
    kind: 'appeal_decision',
    title: kind === 'judgment' ? { zh: '决定是否上诉（判决）', en: 'Decide whether to appeal (judgment)' } : { zh: '决定是否上诉（裁定）', en: 'Decide whether to appeal (ruling)' },
    spec: { from: served, unit: 'ND', n: kind === 'judgment' ? 15 : 10, rollOver: true },
    basis:
      kind === 'judgment'
        ? '《行政诉讼法》第八十五条：不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉'
        : '《行政诉讼法》第八十五条：不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉',
    priority: 50,
  };
}

/** Performance of an effective judgment within the period it sets (行政诉讼法 第94、96条). */
export function performance(effective: string, days: number): Clock {
  return {
    kind: 'performance',
    title: { zh: '履行生效裁判', en: 'Carry out the final judgment' },
    spec: { from: effective, unit: 'ND', n: days, rollOver: true },
    basis: `《行政诉讼法》第九十四条：当事人必须履行人民法院发生法律效力的判决、裁定、调解书；第九十六条：行政机关拒绝履行的，人民法院可以采取执行措施（裁判确定的履行期限${days}日）`,
    priority: 40,
  };
}

/** 行诉解释 第110条: retrial application within 6 months after the judgment takes effect. */
export function retrialPeriod(effective: string): Clock {
  return {
    kind: 'retrial_period',
    title: { zh: '申请再审期限', en: 'Time limit to apply for retrial' },
    spec: { from: effective, unit: 'M', n: 6, rollOver: true },
    basis: '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百一十条：当事人申请再审的，应当在判决、裁定或者调解书发生法律效力后六个月内提出',
  };
}

/** The court's own periods, shown for reference on the case clock (they are the court's duty, not the agency's). */
export function courtPeriods(c: { filedDate: string | null; appealDate: string | null }): Clock[] {
  const out: Clock[] = [];
  if (c.filedDate)
    out.push({
      kind: 'court_first_instance',
      title: { zh: '一审审理期限（法院，参考）', en: 'First-instance trial period (court, for reference)' },
      spec: { from: c.filedDate, unit: 'M', n: 6, rollOver: true },
      basis: '《行政诉讼法》第八十一条：人民法院应当在立案之日起六个月内作出第一审判决',
    });
  if (c.appealDate)
    out.push({
      kind: 'court_second_instance',
      title: { zh: '二审审理期限（法院，参考）', en: 'Second-instance trial period (court, for reference)' },
      spec: { from: c.appealDate, unit: 'M', n: 3, rollOver: true },
      basis: '《行政诉讼法》第八十八条：人民法院审理上诉案件，应当在收到上诉状之日起三个月内作出终审判决（以上诉日期估算）',
    });
  return out;
}

/** Computes a clock on a calendar (for checks inside services and for reference entries). */
export function computeClock(cal: WorkCalendar, clock: Clock): Computed {
  return computeDeadline(cal, clock.spec);
}
