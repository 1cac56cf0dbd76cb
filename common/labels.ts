/**
 * The one place where the platform's codes get their zh/en names: every audited action, every
 * entity (record kind), every field (database column or form field; camelCase is looked up as
 * snake_case) and the common status values. The audit log, record history, settings and form error
 * messages (web and API) read them from here, so a reader never meets `approve_review`,
 * `normative_document` or `filing_due`.
 *
 * Each table is `code|中文|English`, one line per code.
 */

/** A zh/en pair. */
export interface Label {
  zh: string;
  en: string;
}
/** A UI or API language. */
export type Lang = 'zh' | 'en';

function table(lines: string): Record<string, Label> {
  const out: Record<string, Label> = {};
  for (const line of lines.trim().split('\n')) {
    const [code, zh, en] = line.split('|');
    out[code] = { zh, en };
  }
  return out;
}

/** Audited actions (`audit_log.action`). */
export const ACTION_LABELS = table(`
accept|受理|Accept
accept_judgment|服判息诉|Accept the judgment
add|添加|Add
add_comment|添加意见|Add a comment
add_expert|添加专家论证|Add expert review
add_hearing|添加听证|Add a hearing
amend|修改|Amend
answer|答复|Answer
approve_review|审核通过|Approve
archive|归档|Archive
assign|交办|Assign
claim|认领|Claim
close|办结|Close
comment_close|结束征求意见|Close comments
comment_open|开始征求意见|Open comments
comments|征求意见|Comments
compute|计算得分|Compute scores
conclude|作出结论|Conclude
confirmation_applied|申请司法确认|Apply for confirmation
contact|答复前沟通|Contact before reply
create|新增|Create
decide|作出决定|Decide
define|设定|Define
deliberate|集体讨论|Deliberate
dispose_comment|处理意见|Dispose of a comment
draft|起草|Draft
effective|生效|Take effect
exam|考试|Exam
execute|执行|Execute
expert|专家论证|Expert review
extend|延期|Extend
failed|调解不成|Mediation failed
fair_competition|公平竞争审查|Fair-competition review
feedback|反馈|Feedback
file|报备|File
file_defence|提交答辩状|File a defence
filing_accepted|备案通过|Filing accepted
filing_supplied|补正备案材料|Filing supplied
filing_suspended|备案中止|Filing suspended
flag_amend|提出修改意见|Ask for amendment
grant|授予|Grant
hearing|听证|Hearing
import|导入|Import
invalidate|宣布失效|Invalidate
investigate|调查|Investigate
issue|发布|Issue
judgment|裁判|Judgment
judgment_served|裁判文书送达|Judgment served
launch|启动|Launch
legal_review|法制审核|Legal review
legality_conclusion|合法性审查结论|Legality conclusion
login|登录|Sign in
logout|退出|Sign out
members|调整成员|Members
move_field|调整执法领域|Move field
notice|告知|Notice
object|提出异议|Object
objection_dismissed|异议不成立|Objection dismissed
open_comment|开始征求意见|Open comments
opinion|出具意见|Opinion
party_consent|当事人同意|Party consent
performance|履行|Performance
plaintiff_appeal|原告上诉|Plaintiff appeals
progress|报告进展|Report progress
publish|公开|Publish
quality_review|质量评估|Quality review
receive|接收|Receive
receive_application|收到申请|Receive application
receive_notification|收到通知|Receive notification
refuse|不予受理|Refuse
refused|不予援助|Refused
register|登记|Register
renew|换证|Renew
renewed|已换证|Renewed
repeal|废止|Repeal
reply|答复|Reply
report|报告|Report
report_sent|报告已报送|Report sent
request|申请|Request
resume|恢复|Resume
review|审核|Review
risk|风险评估|Risk assessment
sample|抽取案卷|Sample files
satisfaction|满意度反馈|Satisfaction
score|评分|Score
second_reply|再次答复|Second reply
second_satisfaction|再次满意度反馈|Second satisfaction
send_copy|发送副本|Send a copy
send_legality|送合法性审查|Send for legality review
serve|送达|Serve
set_attendance|登记出席|Record attendance
submit|提交|Submit
submit_review|提交审核|Submit for review
succeeded|调解成功|Mediation succeeded
suspend|中止|Suspend
suspension|中止|Suspension
training|培训|Training
transfer|移送|Transfer
transferred_out|已移送|Transferred out
update|修改|Update
delete|删除|Delete
lock|锁定|Lock
seed_org|载入演示数据|Demo loaded
seed_rollup|载入演示数据（上级城市）|Demo city loaded
revoke|撤销|Revoke
reset_password|重置密码|Reset password
change_password|修改密码|Change password
upload|上传附件|Upload
remove|删除|Remove
return|退回|Return
freeze|定稿|Freeze
approve|审核通过|Approve
secrecy|保密审查|Secrecy review
withdraw|撤回|Withdraw
compliance|登记履行情况|Record compliance
deemed_accepted|视为受理|Deemed accepted
generate|生成|Generate
implementation_list|登记纳入实施清单|Record the implementation list
lead_returned|主办单位退回|Returned by the lead unit
links|更新关联事项|Update the links
open|查阅|Open
rectify|登记整改|Record the rectification
regenerate|重新生成|Regenerate
register_supervision|登记“互联网+监管”系统注册|Record registration on the supervision system
set_co_units|设置配合单位|Set the co-operating units
superseded|被新版替代|Superseded
unit_note|填写单位说明|Add the unit's note
`);

/** Record kinds (`audit_log.entity`, attachments, history, deadlines). */
export const ENTITY_LABELS = table(`
advisor|法律顾问|Legal advisor
advisor_assessment|法律顾问考核|Advisor assessment
advisor_engagement|法律顾问聘用合同|Advisor engagement
advisor_review|法律顾问审查事项|Advisor review
advisor_work_log|法律顾问工作日志|Advisor work log
audit|审计项目|Audit
audit_rectification|审计整改事项|Rectification item
decision|重大行政决策|Major decision
decision_catalogue|决策事项目录|Decision catalogue
enforcement_body|执法主体|Enforcement body
enforcement_case|执法案件|Enforcement case
enforcement_certificate|执法证件|Enforcement certificate
enforcement_item_claim|监管事项认领|Supervision item claim
enforcement_officer|执法人员|Enforcement officer
enforcement_review_campaign|案卷评查活动|Case-file review campaign
enforcement_review_file|评查案卷|Reviewed case file
enforcement_review_problem|评查问题|Review problem
enforcement_risk|违法风险点|Violation risk
enforcement_supervision_item|监管事项|Supervision item
lawsuit|行政应诉案件|Lawsuit
learning_activity|学法培训记录|Learning record
legalaid_case|法律援助案件|Legal aid case
legalaid_checkup|法治体检记录|Enterprise check-up
legalaid_help|法律帮助记录|Legal help record
legalaid_lawyer|法律援助律师|Legal aid lawyer
legalaid_team|律师服务团|Lawyer service team
mediation_committee|人民调解委员会|Mediation committee
mediation_dispute|矛盾纠纷|Dispute
mediation_mediator|人民调解员|Mediator
normative_cleanup|规范性文件清理|Document cleanup
normative_doc_review|合法性审核|Legality review
normative_document|规范性文件|Normative document
oversight_assignment|交办记录|Assignment
oversight_item|建议提案|Suggestion or proposal
plan|工作安排|Plan
plan_key_work|重点工作|Key work
plan_task|重点任务|Task
plan_entry|台账进展|Ledger entry
plan_assess_round|考核轮次|Assessment round
plan_assess_scheme|考核细则|Assessment scheme
plan_assess_score|评分记录|Score
power_item|权责清单事项|Power-list item
reconsideration_case|行政复议案件|Reconsideration case
report|年度报告|Annual report
session|会话|Session
setting|系统设置|Setting
unit|单位|Unit
user|用户|User
region|区域|Region
calendar_override|日历调整|Calendar override
file|附件|File
demo|演示数据|Demo data
role_assignment|角色授权|Role grant
`);

/** Fields: database columns and form fields (camelCase forms are looked up as snake_case). */
export const FIELD_LABELS = table(`
abandoned_date|放弃日期|date abandoned
acceptance_mode|受理方式|acceptance mode
accepted_date|受理日期|acceptance date
accountability|责任追究|accountability
act_challenged|被申请复议的行政行为|act challenged
act_date|行政行为作出日期|date of the act
active|是否有效|active
activity_date|活动日期|activity date
advice|法律意见|advice
advisor_id|法律顾问|advisor
advisor_name|法律顾问姓名|advisor name
advisor_unit_id|法律顾问单位|advisor's firm
affects_rights|涉及公民权利义务|affects rights
agency_appeal_decision|机关是否上诉|agency appeal decision
agency_appeal_decision_date|上诉决定日期|appeal decision date
agreement|调解协议|agreement
agreement_form|协议形式|agreement form
agreement_on|协议日期|agreement date
alternatives|备选方案|alternatives
answer_date|答复日期|answer date
appeal_by|上诉方|appealed by
appeal_date|上诉日期|appeal date
applicant_contact|申请人联系方式|applicant contact
applicant_name|申请人|applicant
applicant_type|申请人类型|applicant type
apply_deadline|申请期限|application deadline
approved_amount|审定金额|approved amount
archive_checklist|归档清单|archive checklist
archived_on|归档日期|archived on
assessed_on|考核日期|assessed on
assigned_advisor_id|指派法律顾问|assigned advisor
assigned_firm_id|指派律师事务所|assigned firm
assigned_on|指派日期|assigned on
attendees|参加人员|attendees
audience|参加对象|audience
audit_id|审计项目|audit
audit_no|审计文号|audit number
awarded|得分|points awarded
bands|分档|bands
basis|依据|basis
blocks|内容块|blocks
body|执法主体|body
campaign_id|评查活动|campaign
case_id|案件|case
case_no|案号|case number
case_ref|案件编号|case reference
case_type|案件类型|case type
catalogue_id|决策事项目录|catalogue
category|类别|category
cause|案由|cause
cert_no|证件编号|certificate number
certificate_no|证件编号|certificate number
channel|渠道|channel
checked_on|体检日期|checked on
claimed_on|认领日期|claimed on
claimed_status|报告状态|reported status
client_unit_id|委托单位|client unit
closed_date|结案日期|closing date
closed_on|办结日期|closed on
closed_within_period|法定期限内办结|closed within the period
code|代码|code
comment|意见|comment
comment_channel|征求意见渠道|comment channel
comment_closed_on|征求意见结束日期|comments closed on
comment_closes_on|征求意见截止日期|comments close on
comment_count|收到意见数|comments received
comment_ends_on|征求意见截止日期|comments end on
comment_min_closes_on|征求意见最早截止日期|earliest closing date
comment_opened_on|征求意见开始日期|comments opened on
comment_shortened_reason|缩短征求意见期的理由|reason for a shorter comment period
comment_starts_on|征求意见开始日期|comments start on
comment_summary|意见采纳情况|comment summary
comment_waiver|不征求意见的理由|reason for no comment period
comments|意见|comments
comments_due|意见截止日期|comments due
comments_on|征求意见日期|comments on
committee_id|调解委员会|committee
competent|是否合格|competent
complaint_received_date|起诉状副本收到日期|complaint received
completed_on|完成日期|completed on
concluded_by|结论作出人|concluded by
concluded_on|结论日期|concluded on
conclusion|结论|conclusion
confirmation_applied_on|申请司法确认日期|confirmation applied on
confirmation_court|司法确认法院|confirming court
consequence|后果|consequence
contact|联系方式|contact
content|内容|content
contract_no|合同编号|contract number
copy_sent_date|副本发送日期|copy sent on
correction_items|补正事项|items to correct
correction_notice_date|补正通知日期|correction notice date
correction_received_date|补正材料收到日期|correction received on
correction_supplied_date|补正日期|correction supplied on
cost_benefit|成本效益分析|cost-benefit analysis
court|法院|court
court_name|法院|court
created_at|创建时间|created at
created_by|创建人|created by
criteria|评分标准|criteria
decided_on|决定日期|decided on
decision|决定|decision
decision_date|决定日期|decision date
decision_due|决定期限|decision due
decision_no|决定文号|decision number
decision_number|决定文号|decision number
decision_summary|决定要点|decision summary
decisions|决定|decisions
deductions|扣分|deductions
defence_filed_date|答辩状提交日期|defence filed on
delay_reason|延期理由|reason for delay
deliberated_on|审议日期|deliberated on
deliberation_meeting|审议会议|deliberation meeting
deliberation_minutes|会议纪要|minutes
description|说明|description
dispute_type|纠纷类型|dispute type
dissent|不同意见|dissent
doc_code|发文机关代字|issuer code
doc_number|文号|document number
doc_seq|发文序号|document serial
doc_year|发文年份|document year
document_id|规范性文件|document
due_date|完成时限|due date
due_on|期限|due on
effective_date|生效日期|effective date
effective_from|施行日期|effective from
effective_to|有效期至|effective to
end_reason|终止原因|end reason
ended_on|终止日期|ended on
enterprise_id|企业|enterprise
entry_date|报告日期|entry date
established_on|成立日期|established on
evidence_submitted|已提交证据|evidence submitted
exam|考试|exam
executed_on|执行日期|executed on
exemption|免于审查情形|exemption
expert|专家论证|expert review
expert_done_on|专家论证日期|expert review on
expert_not_required_reason|无需专家论证的理由|why no expert review
expert_required|需要专家论证|expert review required
expires_on|到期日期|expires on
extension_approved_date|延期批准日期|extension approved on
extension_approver|延期批准人|extension approved by
extension_days|延长天数|extension days
extension_notice_date|延期通知日期|extension notice date
extension_reason|延期理由|extension reason
fair_competition_conclusion|公平竞争审查结论|fair-competition conclusion
fair_competition_on|公平竞争审查日期|fair-competition review on
fair_competition_opinion|公平竞争审查意见|fair-competition opinion
fee|费用|fee
feedback_published_on|意见采纳情况公布日期|feedback published on
feedback_summary|意见采纳情况|feedback summary
field|执法领域|field
filed_date|立案日期|filing date
filed_on|报备日期|filed on
filed_with|备案机关|filed with
filing_defective|备案材料不全|filing incomplete
filing_due|备案期限|filing due
filing_missing|缺少的备案材料|missing filing items
filing_note|备案说明|filing note
filing_received_on|备案接收日期|filing received on
filing_status|备案状态|filing status
filing_supplied_on|备案补正日期|filing supplied on
filing_supply_due|备案补正期限|filing supply due
final_outcome|最终结果|final outcome
findings|发现的问题|findings
fine|罚款金额|fine
firm|律师事务所|firm
focus|重点|focus
follow_up|后续跟进|follow-up
form|形式|form
formed_on|成立日期|formed on
forms|形式|forms
full_time|专职|full-time
grade|等次|grade
hard|疑难|difficult
hard_reason|疑难原因|why difficult
hardship_basis|经济困难依据|hardship basis
head_conclusion|负责人结论|head's conclusion
hearing|听证|hearing
hours|学时|hours
id|编号|record
id_number|身份证号|ID number
immovable|不动产|immovable property
implementation_list_on|实施清单公布日期|implementation list on
indicators|考核指标|indicators
informed_of_rights|已告知权利|informed of rights
investigated_on|调查日期|investigated on
is_increase|是否增加|increase
issue|问题|issue
issued_before|发布日期早于|issued before
issued_on|发布日期|issued on
issuer_unit_id|制定机关|issuing organ
issues_found|发现问题数|issues found
item_id|事项|item
judgment_served|判决送达|judgment served
kind|类型|kind
knew_date|知道行政行为日期|date known
last_judgment_kind|最近裁判类型|last judgment
last_outcome|最近结果|last outcome
last_served_date|最近送达日期|last served on
late_fee|滞纳金|late fee
late_reason|逾期原因|late reason
launch_basis|立项依据|launch basis
launched_on|立项日期|launched on
law_version|法律版本|law version
lawyer_id|律师|lawyer
lawyer_ids|律师|lawyers
lead_unit_id|主办单位|lead unit
legal_basis|法律依据|legal basis
legal_qualification|法律职业资格|legal qualification
legal_reviewer|法制审核人|legal reviewer
legality_amendments|合法性审查修改意见|legality amendments
legality_concluded_on|合法性审查结论日期|legality concluded on
legality_conclusion|合法性审查结论|legality conclusion
legality_due_on|合法性审查期限|legality review due
legality_opinion|合法性审查意见|legality opinion
legality_review_id|合法性审查|legality review
legality_reviewer|合法性审查人|legality reviewer
legality_sent_on|送审日期|sent for legality review on
level|级别|level
licence_no|执业证号|licence number
list_level|清单层级|list level
listed_on|列入日期|listed on
location|地点|location
lost|败诉|lost
major|重大|major
major_reasons|重大情形|why major
mandatory_category|强制类别|mandatory category
market_related|涉及市场主体|market-related
matter|事项|matter
matter_type|事项类型|matter type
max_total|总分上限|maximum total
mediator_id|调解员|mediator
meeting_kind|会议类型|meeting kind
meeting_name|会议名称|meeting
meeting_on|会议日期|meeting date
meta|其他信息|other details
minutes|会议纪要|minutes
monthly_income|月收入|monthly income
name|名称|name
needs_amendment|需要修改|needs amendment
notes|备注|notes
notice_on|通知日期|notice date
notifying_organ|通知机关|notifying organ
notifying_organ_name|通知机关|notifying organ
number|编号|number
objected_on|异议日期|objected on
objection_opinion|异议审查意见|objection opinion
objection_reasons|异议理由|objection reasons
objection_reviewed_on|异议审查日期|objection reviewed on
objection_upheld|异议成立|objection upheld
officer_id|执法人员|officer
on|日期|date
opinion|意见|opinion
opinion_due|意见期限|opinion due
opinion_on|意见日期|opinion date
origin|来源|origin
outcome|结果|outcome
paid_on|支付日期|paid on
parent_id|上级|parent
participant_count|参加人数|participants
parties|当事人|parties
party_consent_on|当事人同意日期|party consent on
party_consent_ref|当事人同意书|party consent
party_kind|当事人类型|party type
party_name|当事人|party
party_present|当事人到场|party present
party_report_on|当事人报告日期|party report on
party_report_ref|当事人报告|party report
performance_date|履行日期|performance date
performance_due|履行期限|performance due
performance_note|履行情况|performance note
period_end|报告期末|period end
period_from|考核期起|period from
period_to|考核期止|period to
person_name|姓名|name
phone|联系电话|phone
plaintiff_name|原告|plaintiff
plaintiff_type|原告类型|plaintiff type
possible_sentence|可能判处的刑罚|possible sentence
post|职务|post
practice_since|执业起始年份|practising since
predecessor_id|原记录|predecessor
prevention|防控措施|prevention
procedure|程序|procedure
progress|进展|progress
project_name|项目名称|project
proposal_source|提出方式|proposal source
proposers|提出人|proposers
public_url|公开网址|public address
publication_ref|公开载体|publication
published|已公开|published
published_at|公开时间|published at
published_on|公布日期|published on
published_via|公开方式|published via
quality_comment|质量评估意见|quality comment
quality_grade|质量等次|quality grade
quality_reviewed_on|质量评估日期|quality reviewed on
queue_ref|排队号|queue number
reason|事由|reason
reasons|理由|reasons
received_date|收到日期|date received
received_on|收到日期|date received
recommendations|建议|recommendations
referred_by|移送单位|referred by
refusal_reason|不予受理理由|refusal reason
refusal_reasons|不予援助理由|refusal reasons
refused_date|不予受理日期|refused on
reg_seq|登记序号|registration serial
reg_year|登记年份|registration year
region_id|区域|region
replaces_id|替代的记录|replaces
replied_on|答复日期|replied on
reply_text|答复内容|reply
report|报告|report
report_sent_on|报告报送日期|report sent on
reported_on|报告日期|reported on
requested_by|申请人|requested by
requested_on|申请日期|requested on
requirement|要求|requirement
research_summary|调研情况|research summary
respondent_received_date|被申请人收到日期|respondent received on
responsibility|责任|responsibility
result|结果|result
result_class|答复类别|reply class
retrial_application_date|再审申请日期|retrial applied on
return_by|退回期限|return by
return_reason|退回理由|return reason
returned_on|退回日期|returned on
review|审核|review
review_comment|审核意见|review comment
review_conclusion|审查结论|review conclusion
review_due|审查期限|review due
review_opinion|审查意见|review opinion
review_submitted_on|提交审核日期|submitted for review on
reviewed_at|审核时间|reviewed at
reviewed_by|审核人|reviewed by
reviewed_on|审查日期|reviewed on
reviewer|审查人|reviewer
reviewer_id|审查人|reviewer
reviewer_kind|审查人类型|reviewer kind
reviewer_name|审查人|reviewer
rights_known_date|知道权利日期|rights known on
risk_done_on|风险评估日期|risk assessed on
risk_level|风险等级|risk level
risk_measures|防控措施|risk measures
risk_not_required_reason|无需风险评估的理由|why no risk assessment
risk_point|风险点|risk point
risk_report|风险评估报告|risk report
risk_required|需要风险评估|risk assessment required
role|角色|role
round_id|考核轮次|round
rounds|考核轮次|rounds
sample_seed|抽样种子|sample seed
sample_size|抽样数量|sample size
satisfaction|满意度|satisfaction
satisfaction_on|满意度反馈日期|satisfaction on
scheme_id|考核细则|scheme
scope|范围|scope
score|得分|score
scored_at|评分时间|scored at
scored_by|评分人|scored by
scores|得分|scores
second_due_date|再次答复期限|second reply due
second_replied_on|再次答复日期|second reply on
second_reply_text|再次答复内容|second reply
second_result_class|再次答复类别|second reply class
second_satisfaction|再次满意度|second satisfaction
second_satisfaction_on|再次满意度反馈日期|second satisfaction on
secrecy_opinion|保密审查意见|secrecy opinion
secrecy_reviewed_at|保密审查时间|secrecy reviewed at
secrecy_reviewer|保密审查人|secrecy reviewer
served_on|送达日期|served on
service_form|服务形式|service form
session|会次|session
signed_by|签订人|signed by
signed_on|签订日期|signed on
source|来源|source
speaker|主讲人|speaker
speciality|专业领域|speciality
stage|阶段|stage
standard_applied|适用标准|standard applied
start_on|开始日期|start on
started_on|开始日期|started on
state|状态|state
status|状态|status
subject_entity|关联对象类型|subject type
subject_id|关联对象|subject
submitted_amount|送审金额|submitted amount
submitted_at|提交时间|submitted at
submitted_by|提交人|submitted by
subsidy|补贴|subsidy
summary|摘要|summary
supervision_registered_on|监督登记日期|supervision registered on
suspension|中止|suspension
system|制度|system
task_id|重点任务|task
team_id|服务团|team
template_version|模板版本|template version
termination_reason|终止理由|termination reason
text|内容|text
timely|按期|on time
title|标题|title
topic|主题|topic
total|合计|total
training|培训|training
type|类型|type
unit_id|单位|unit
unit_note|单位说明|unit note
updated_at|更新时间|updated at
user_id|用户|user
valid_until|有效期至|valid until
version|版本|version
vetoed|一票否决|vetoed
weight|权重|weight
withdrawn_on|撤回日期|withdrawn on
work_date|工作日期|work date
year|年度|year
respondent_id|被申请人|respondent
respondent|被申请人|respondent
respondent_name|被申请人|respondent
applicant|申请人|applicant
claims|复议请求|requests
facts|事实和理由|facts and reasons
username|用户名|username
display_name|姓名|name
password|密码|password
short_name|简称|short name
sort|排序|order
active_from|设立日期|active from
active_to|撤销日期|active to
must_change_password|须修改密码|must change password
key|设置项|setting
value|值|value
day|日期|date
key_work_id|重点工作|key work
co_unit_ids|配合单位|co-units
leader|分管领导|responsible leader
expected_outcome|预期成果|expected outcome
recurrence|报告周期|reporting cycle
plan_id|计划|plan
doc_no|文号|document number
area|领域|area
measure|考核指标|measure
points|分值|points
method|评分方式|method
guidance|佐证要求|guidance
decided_date|决定日期|decision date
decision_kind|决定类型|decision type
respondent_unit_id|被申请人|respondent
hearing_date|听证日期|hearing date
notice_date|通知日期|notice date
place|地点|place
respondent_head_attended|被申请人负责人出席|respondent's head attended
respondent_attendee|被申请人出席人员|respondent's attendee
date|日期|date
reason_item|中止情形|suspension ground
approved_date|批准日期|approval date
approver|批准人|approver
days|天数|days
period_days|期限天数|period in days
performance_days|履行期限天数|days to perform
unit|单位|unit
evidence|佐证材料|evidence
files|附件|files
`);

/** Modules, as a reader knows them (dashboards group their figures by these). */
export const MODULE_LABELS = table(`
plan|年度工作安排与考核|Annual plan and assessment
learning|学法与培训|Law study and training
decisions|重大行政决策|Major decisions
advisors|政府法律顾问|Legal advisors
documents|规范性文件|Normative documents
enforcement|行政执法|Administrative enforcement
oversight|建议提案与审计|Suggestions, proposals and audits
powers|权责清单|Power list
disputes|行政复议与应诉|Reconsideration and litigation
legalaid|法律援助|Legal aid
mediation|人民调解|People's mediation
report|年度报告|Annual report
rollup|汇总统计|Roll-up
org|区域与单位|Regions and units
core|平台|Platform
`);

/** Status and kind values shown in before/after views. */
export const VALUE_LABELS = table(`
accepted|已通过|accepted
active|有效|active
approved|已批准|approved
assigned|已交办|assigned
closed|已办结|closed
concluded|已结论|concluded
decided|已决定|decided
done|已完成|done
draft|草稿|draft
drafted|已起草|drafted
drafting|起草中|drafting
executed|已执行|executed
failed|未成功|failed
filed|已备案|filed
granted|已批准|granted
imported|已导入|imported
in_force|现行有效|in force
in_progress|推进中|in progress
in_review|审核中|in review
invalidated|已失效|invalidated
investigating|调查中|investigating
judged|已裁判|judged
launched|已启动|launched
mediating|调解中|mediating
noticed|已告知|noticed
objected|有异议|objected
open|进行中|open
pending|待审核|pending
planned|计划中|planned
published|已公开|published
received|已收到|received
refused|不予受理|refused
registered|已登记|registered
renewed|已换证|renewed
reopened|重新办理|reopened
repealed|已废止|repealed
replied|已答复|replied
reported|已报告|reported
returned|已退回|returned
reviewed|已审核|reviewed
scoring|评分中|scoring
served|已送达|served
submitted|已提交|submitted
succeeded|成功|succeeded
suspended|已中止|suspended
valid|有效|valid
expired|已失效|expired
overdue|逾期|overdue
due_soon|临期|due soon
not_started|未启动|not started
`);

/** `respondentUnitId` → `respondent_unit_id`. */
export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** An action's name, or undefined when it has none. */
export function actionLabel(action: string, lang: Lang): string | undefined {
  return ACTION_LABELS[action]?.[lang];
}

/** A record kind's name, or undefined when it has none. */
export function entityLabel(entity: string, lang: Lang): string | undefined {
  return ENTITY_LABELS[entity]?.[lang];
}

/** A field's name (column or form field), or undefined when it has none. */
export function fieldLabel(field: string, lang: Lang): string | undefined {
  return (FIELD_LABELS[field] ?? FIELD_LABELS[snakeCase(field)])?.[lang];
}

/** A status or kind value's name, or undefined when it has none. */
export function valueLabel(value: string, lang: Lang): string | undefined {
  return VALUE_LABELS[value]?.[lang];
}

/** Whether a field is chosen rather than typed (ids, dates, kinds): "请选择…" instead of "请填写…". */
export function isPickField(field: string): boolean {
  const s = snakeCase(field);
  return /(_id|_ids|_date|_on|_type|_kind|^kind|^type|^date|^year|_year|^status|^procedure|^category|^outcome|^unit)$/.test(s) || s === 'respondent';
}

/**
 * A record's name for a reader, from its own row (audit before/after): its title, name, number or
 * case number — never its id.
 */
export function recordTitle(row: unknown): string | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const r = row as Record<string, unknown>;
  for (const k of ['title', 'name', 'doc_number', 'case_no', 'project_name', 'topic', 'matter', 'display_name', 'username', 'party_name', 'applicant_name', 'plaintiff_name', 'person_name', 'text', 'key']) {
    const v = r[k];
    if (typeof v === 'string' && v.trim()) return v.length > 60 ? `${v.slice(0, 60)}…` : v;
  }
  // A yearly record (an annual report, a scheme) is known by its year.
  if (typeof r.year === 'number') return String(r.year);
  return undefined;
}
