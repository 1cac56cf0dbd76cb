import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { Button, Descriptions, Form, Input, Modal, Radio, Select, Space, Spin, Table, Tag, App, Typography, Upload, type UploadFile } from 'antd';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { EntryInput } from '../../../common/plan';
import { useT } from '../../i18n';
import { api, ApiError, upload } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RecordDetail, AttachmentsPanel } from '../../components/RecordDetail';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { todayStr } from '../../format';
import { ReviewTag, TaskStatusTag } from './shared';
import type { z } from 'zod';
import type { EntryOut, ObligationOut, TaskDetailOut } from '../../../common/plan';

/** Response contracts of the plan API (common/plan.ts). */
type EntryItem = z.infer<typeof EntryOut>;
type Obligation = z.infer<typeof ObligationOut>;
type TaskDetail = z.infer<typeof TaskDetailOut>;

/** Report or correct an entry (EntryInput, the server's schema). */
function EntryModal({ taskId, entry, periods, onClose, onSaved }: { taskId: string; entry: EntryItem | null; periods: TaskDetail['periods']; onClose(): void; onSaved(): void }) {
  const { t, colon, semi } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(EntryInput);
  // Evidence goes with the report, in the same form: the files are sent once the entry is saved.
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Modal open title={entry ? t('plan.entry.edit') : t('plan.entry.report')} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'entry-save' } as never} destroyOnHidden width={640}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={entry ? { entryDate: entry.entryDate, periodEnd: entry.periodEnd, text: entry.text, claimedStatus: entry.claimedStatus } : { entryDate: todayStr(), claimedStatus: 'in_progress' }}
        onSubmit={async (v) => {
          const saved = entry ? (await api.put(`/api/v1/plan/entries/${entry.id}`, v), { id: entry.id }) : await api.post<{ id: string }>(`/api/v1/plan/tasks/${taskId}/entries`, v);
          const failed: string[] = [];
          for (const f of files) {
            try {
              await upload(`/api/v1/files/plan_entry/${saved.id}`, f.originFileObj as File, { fileName: f.name });
            } catch (e) {
              failed.push(`${f.name}${colon}${e instanceof ApiError ? e.message : String(e)}`);
            }
          }
          if (failed.length) void message.warning(`${t('plan.entry.evidenceFailed')} ${failed.join(semi)}`, 8);
          else void message.success(entry ? t('plan.entry.resubmitted') : t('plan.entry.saved'));
          onSaved();
        }}
      >
        {entry?.reviewComment && <Typography.Paragraph type="danger">{t('plan.entry.comment')}{colon}{entry.reviewComment}</Typography.Paragraph>}
        <DateField name="entryDate" label={t('plan.entry.date')} required />
        {periods.length > 0 && (
          <Form.Item name="periodEnd" label={t('plan.entry.period')} extra={t('plan.entry.periodHint')}>
            <Select allowClear data-testid="entry-period" options={periods.map((p) => ({ value: p.periodEnd, label: `${p.periodStart} ~ ${p.periodEnd}` }))} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('plan.entry.text')} required><Input.TextArea id="entry-text" rows={5} /></Form.Item>
        <Form.Item name="claimedStatus" label={t('plan.entry.claimed')} required>
          <Radio.Group options={[{ value: 'in_progress', label: t('plan.entry.in_progress') }, { value: 'done', label: t('plan.entry.done') }]} data-testid="entry-claimed" />
        </Form.Item>
        <Form.Item label={t('plan.entry.evidence')} extra={t('plan.entry.evidenceHint')}>
          <Upload
            multiple
            fileList={files}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls,.ofd"
            beforeUpload={(f) => {
              setFiles((fs) => [...fs, { uid: f.uid, name: f.name, originFileObj: f, status: 'done' } as UploadFile]);
              return false;
            }}
            onRemove={(f) => setFiles((fs) => fs.filter((x) => x.uid !== f.uid))}
          >
            <Button icon={<UploadOutlined />} data-testid="entry-evidence">{t('plan.entry.evidencePick')}</Button>
          </Upload>
        </Form.Item>
      </SchemaForm>
    </Modal>
  );
}

/** 任务详情: the task, its reporting dates, its ledger entries with evidence, review by the office. */
export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const { t, colon, list } = useT();
  const { message } = App.useApp();
  const task = useApi<TaskDetail>(`/api/v1/plan/tasks/${id}`);
  const [editing, setEditing] = useState<EntryItem | null | undefined>(undefined);
  const [returning, setReturning] = useState<EntryItem | null>(null);
  const [comment, setComment] = useState('');
  if (task.error) return <NotFoundPage message={task.error.message} />;
  if (!task.data) return <Spin />;
  const k = task.data;
  const review = async (e: EntryItem, decision: 'accept' | 'return', c?: string) => {
    try {
      await api.post(`/api/v1/plan/entries/${e.id}/review`, { decision, comment: c });
      void message.success(decision === 'accept' ? t('plan.entry.accepted') : t('plan.entry.returnedMsg'));
      setReturning(null);
      setComment('');
      task.reload();
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <PageTitle title={k.title} />
      <RecordDetail
        key={`${k.id}:${k.entries.length}:${k.entries.map((e) => e.review).join()}`}
        entity="plan_task"
        id={k.id}
        title={<Space>{k.code} {k.title} <TaskStatusTag status={k.status} /></Space>}
        canUpload={false}
        actionLabel={(a) => t(`plan.audit.${a}`, { defaultValue: a })}
        extra={k.canReport && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="entry-report">{t('plan.entry.report')}</Button>}
      >
        <Descriptions column={2} size="small" bordered data-testid="task-descriptions">
          <Descriptions.Item label={t('plan.tasks.plan')} span={2}><Link to={`/plan/plans/${k.planId}`}>{k.planTitle}</Link></Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.keyWork')} span={2}>{k.keyWorkTitle}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.lead')}>{k.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.co')}>{k.coUnits.map((c) => c.name).join(list) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.leader')}>{k.leader ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.recurrence')}>{k.recurrenceLabel}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.due')}>{k.dueDate}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.currentDue')}>{k.currentDue ? <DeadlineBadge dueDate={k.currentDue} /> : k.doneDate ? `${t('plan.status.done')} ${k.doneDate}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.tasks.outcome')} span={2}>{k.expectedOutcome ?? '—'}</Descriptions.Item>
          {k.content && <Descriptions.Item label={t('plan.tasks.content')} span={2}>{k.content}</Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('plan.tasks.obligations')}</Typography.Title>
        <Table<Obligation>
          rowKey="periodEnd"
          size="small"
          pagination={false}
          dataSource={k.obligations}
          columns={[
            { title: t('plan.tasks.period'), render: (_: unknown, o) => `${o.periodStart} ~ ${o.periodEnd}` },
            { title: t('plan.tasks.due'), dataIndex: 'due' },
            { title: t('plan.tasks.metOn'), render: (_: unknown, o) => (o.metOn ? <Space>{o.metOn}<Tag color={o.metOn <= o.due ? 'green' : 'orange'}>{o.metOn <= o.due ? t('plan.tasks.onTime') : t('plan.tasks.late')}</Tag></Space> : <Tag>{t('plan.tasks.missing')}</Tag>) },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('plan.entry.title')}</Typography.Title>
        <Table<EntryItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={k.entries}
          locale={{ emptyText: t('plan.entry.none') }}
          data-testid="entries"
          expandable={{ expandedRowRender: (e) => <AttachmentsPanel entity="plan_entry" id={e.id} canUpload={!!e.canEdit} />, rowExpandable: () => true }}
          columns={[
            { title: t('plan.entry.date'), dataIndex: 'entryDate', width: 110 },
            { title: t('plan.entry.unit'), dataIndex: 'unitName', width: 120 },
            { title: t('plan.entry.text'), dataIndex: 'text', render: (v: string, e) => <div style={{ minWidth: 260 }}>{v}{e.reviewComment && <div className="fz-muted">{t('plan.entry.comment')}{colon}{e.reviewComment}</div>}</div> },
            { title: t('plan.entry.claimed'), dataIndex: 'claimedStatus', width: 90, render: (v: string) => t(`plan.entry.${v}`) },
            { title: t('plan.entry.review'), dataIndex: 'review', width: 90, render: (v: string) => <ReviewTag status={v} /> },
            {
              title: '', render: (_: unknown, e) => (
                <Space direction="vertical" size={4}>
                  {e.canReview && <Button size="small" type="primary" onClick={() => void review(e, 'accept')} data-testid="entry-accept">{t('plan.entry.accept')}</Button>}
                  {e.canReview && <Button size="small" danger onClick={() => setReturning(e)} data-testid="entry-return">{t('plan.entry.return')}</Button>}
                  {e.canEdit && e.review !== 'accepted' && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid="entry-edit">{t('plan.entry.edit')}</Button>}
                </Space>
              ),
            },
          ]}
        />
      </RecordDetail>
      {editing !== undefined && <EntryModal taskId={k.id} entry={editing} periods={k.periods} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); task.reload(); }} />}
      <Modal open={!!returning} title={t('plan.entry.return')} onCancel={() => setReturning(null)} onOk={() => returning && void review(returning, 'return', comment)} okButtonProps={{ disabled: comment.trim().length < 2, 'data-testid': 'return-confirm' } as never} destroyOnHidden>
        <Input.TextArea id="return-comment" rows={4} placeholder={t('plan.entry.commentHint')} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </>
  );
}
