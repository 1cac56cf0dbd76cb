import { sql, type Kysely } from 'kysely';

/**
 * Major administrative decisions (重大行政决策), 《重大行政决策程序暂行条例》(国务院令第713号):
 * the yearly catalogue (第3条) and each decision's procedure, with the invariants of its steps as
 * CHECK constraints (the service enforces the order and names the article when it refuses).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table decision_catalogues (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      party_consent_on date,
      party_consent_ref text,
      published_on date,
      published_via text,
      created_at timestamptz not null default now(),
      unique (region_id, year),
      -- 第三条: 经同级党委同意后向社会公布
      check (published_on is null or (party_consent_on is not null and published_on >= party_consent_on and published_via is not null))
    );

    create table decisions (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      catalogue_id uuid references decision_catalogues(id),
      title text not null,
      category text not null check (category in ('public_policy','plan','resources','construction','other')),
      proposal_source text not null check (proposal_source in ('leader','department','npc_cppcc','public')),
      launch_basis text not null,
      launched_on date not null,
      state text not null default 'launched' check (state in (
        'launched','drafted','public_comment','comment_closed','expert_done','risk_done',
        'legality_review','legality_amend','legality_failed','legality_passed','decided','rejected','published','evaluated')),
      research_summary text,
      cost_benefit text,
      alternatives text,
      drafted_on date,
      comment_starts_on date,
      comment_ends_on date,
      comment_channel text,
      comment_shortened_reason text,
      feedback_published_on date,
      feedback_summary text,
      expert_required boolean,
      expert_not_required_reason text,
      expert_done_on date,
      risk_required boolean,
      risk_not_required_reason text,
      risk_level text check (risk_level in ('low','medium','high')),
      risk_report text,
      risk_measures text,
      risk_done_on date,
      legality_reviewer text check (legality_reviewer in ('office','advisor')),
      legality_sent_on date,
      legality_due_on date,
      legality_review_id uuid,
      legality_conclusion text check (legality_conclusion in ('lawful','unlawful','lawful_if_amended')),
      legality_opinion text,
      legality_concluded_on date,
      legality_amendments text,
      meeting_kind text check (meeting_kind in ('executive','plenary')),
      meeting_name text,
      meeting_on date,
      minutes text,
      dissent text,
      head_conclusion text,
      outcome text check (outcome in ('approved','rejected')),
      decided_on date,
      party_report_on date,
      party_report_ref text,
      published_on date,
      published_via text,
      archived_on date,
      archive_checklist jsonb,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      -- 第十五条: 不少于30日，缩短须说明理由
      check (comment_ends_on is null or comment_ends_on - comment_starts_on >= 30 or comment_shortened_reason is not null),
      check (comment_ends_on is null or comment_ends_on > comment_starts_on),
      check (feedback_published_on is null or (feedback_summary is not null and feedback_published_on >= comment_ends_on)),
      check (expert_done_on is null or expert_required is not null),
      check (expert_required is distinct from false or expert_not_required_reason is not null),
      check (risk_required is distinct from false or risk_not_required_reason is not null),
      check (risk_required is distinct from true or (risk_report is not null and risk_level is not null)),
      -- 第二十五条、第二十六条: 审查时间一般不少于7个工作日 (checked with the calendar in the service)
      check (legality_sent_on is null or (legality_reviewer is not null and legality_due_on > legality_sent_on)),
      check (legality_reviewer is distinct from 'advisor' or legality_review_id is not null),
      -- 第二十五条: 未经合法性审查或者经审查不合法的，不得提交决策机关讨论
      check (decided_on is null or (legality_conclusion in ('lawful','lawful_if_amended') and decided_on >= legality_concluded_on)),
      check (legality_conclusion is distinct from 'lawful_if_amended' or decided_on is null or legality_amendments is not null),
      -- 第三十条: 常务会议或者全体会议讨论，不同意见如实载明
      check (decided_on is null or (meeting_kind is not null and minutes is not null and dissent is not null and outcome is not null and meeting_on = decided_on)),
      -- 第三十一条、第三十二条: 出台前向党委请示报告，公布
      check (published_on is null or (outcome = 'approved' and party_report_on is not null and party_report_on <= published_on and published_on >= decided_on and published_via is not null)),
      check (state not in ('decided','published','evaluated') or outcome = 'approved'),
      check (state <> 'rejected' or outcome = 'rejected'),
      check (state not in ('published','evaluated') or published_on is not null)
    );
    create index decisions_region_idx on decisions (region_id, state);
    create index decisions_unit_idx on decisions (unit_id);
    create index decisions_decided_idx on decisions (decided_on);

    create table decision_comments (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      received_on date not null,
      commenter text not null,
      content text not null,
      disposition text check (disposition in ('adopted','partly','not_adopted')),
      reason text,
      created_at timestamptz not null default now(),
      check (disposition is null or reason is not null)
    );
    create index decision_comments_idx on decision_comments (decision_id);

    create table decision_hearings (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      held_on date not null,
      place text not null,
      participants_published_on date not null,
      materials_sent_on date not null,
      participants text not null,
      record text not null,
      created_at timestamptz not null default now(),
      -- 第十六条: 听证会材料应当于召开听证会7日前送达听证参加人；名单提前公布
      check (held_on - materials_sent_on >= 7),
      check (participants_published_on < held_on)
    );

    create table decision_experts (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      name text not null,
      organisation text not null,
      field text not null,
      opinion text not null,
      -- 第十九条: 书面论证意见应当署名、盖章; 第二十条: 不得选择有直接利害关系的专家
      signed boolean not null check (signed),
      no_conflict boolean not null check (no_conflict),
      disposition text not null check (disposition in ('adopted','partly','not_adopted')),
      reason text not null,
      given_on date not null,
      created_at timestamptz not null default now()
    );

    create table decision_evaluations (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      evaluated_on date not null,
      trigger text not null check (trigger in ('below_expectation','public_opinion','deemed_necessary')),
      evaluator text not null,
      findings text not null,
      recommendation text not null check (recommendation in ('continue','adjust','suspend')),
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
