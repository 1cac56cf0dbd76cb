import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Spin, Table, Tag } from 'antd';
import type { z } from 'zod';
import {
  AssignInput, ContactInput, CONTACT_METHODS, OpinionInput, RESULT_CLASSES, ReplyInput, ReturnInput, SATISFACTION, SatisfactionInput, type ItemOut,
} from '../../../common/oversight';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { useRecord } from './useRecord';
import type { Unit } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { NotFoundPage } from '../errors/ErrorPages';
import { ActionModal, type ActionField } from './ActionModal';
import { DeadlinesCard } from './DeadlinesCard';

type Item = z.infer<typeof ItemOut>;
type Step = { key: string; url: string; schema: z.ZodType; fields: ActionField[]; initial?: Record<string, unknown> };
const opts = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.entries(o).map(([value, v]) => ({ value, label: v[lang] }));

/** One suggestion/proposal: its assignment, co-units' opinions, contacts, replies, and the steps the user may take. */
export default function ItemDetailPage() {
  const { id = '' } = useParams();
  const nav = useNavigate();
  const { t, lang, colon, list, paren } = useT();
  const res = useRecord<Item>(`/api/v1/oversight/items/${id}`);
  const [step, setStep] = useState<Step | null>(null);
  const units = useApi<{ items: Unit[] }>(res.data?.abilities.assign ? '/api/v1/units' : null);
  const d = (k: string) => t(`oversight.d.${k}`);
  const a = (k: string) => t(`oversight.actions.${k}`);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  const data = res.data;
  if (!data) return <Spin />;
  const date = (v: string | null) => formatDate(v, lang) || '—';
  const unitOpts = (units.data?.items ?? []).filter((u) => u.type !== 'region' && !u.activeTo).map((u) => ({ value: u.id, label: u.name }));
  const second = data.status === 'reopened';
  const base = `/api/v1/oversight/items/${data.id}`;
  const steps: Step[] = [
    ...(data.abilities.assign ? [{
      key: 'assign', url: `${base}/assign`, schema: AssignInput, initial: { coUnitIds: [], hard: false },
      fields: [
        { name: 'leadUnitId', label: d('leadUnit'), kind: 'select', options: unitOpts, required: true },
        { name: 'coUnitIds', label: d('coUnits'), kind: 'multi', options: unitOpts },
        { name: 'assignedOn', label: d('assignedOn'), kind: 'date', required: true },
        { name: 'hard', label: d('hard'), kind: 'check' },
        { name: 'hardReason', label: d('hardReason'), kind: 'textarea' },
      ],
    } satisfies Step] : []),
    ...(data.abilities.contact ? [{
      key: 'contact', url: `${base}/contacts`, schema: ContactInput, initial: { method: 'face_to_face' },
      fields: [
        { name: 'contactedOn', label: d('contactedOn'), kind: 'date', required: true },
        { name: 'method', label: d('method'), kind: 'select', options: opts(CONTACT_METHODS, lang) },
        { name: 'note', label: d('note'), kind: 'textarea' },
      ],
    } satisfies Step] : []),
    ...(data.abilities.reply ? [{
      key: second ? 'secondReply' : 'reply', url: `${base}/reply`, schema: ReplyInput, initial: { resultClass: 'A' },
      fields: [
        { name: 'repliedOn', label: d('repliedOn'), kind: 'date', required: true },
        { name: 'resultClass', label: d('resultClass'), kind: 'select', options: opts(RESULT_CLASSES, lang) },
        { name: 'reply', label: d('reply'), kind: 'textarea', required: true },
      ],
    } satisfies Step] : []),
    ...(data.abilities.satisfaction ? [{
      key: 'satisfaction', url: `${base}/satisfaction`, schema: SatisfactionInput, initial: { satisfaction: 'satisfied' },
      fields: [
        { name: 'recordedOn', label: d('satisfactionOn'), kind: 'date', required: true },
        { name: 'satisfaction', label: d('satisfaction'), kind: 'select', options: opts(SATISFACTION, lang) },
      ],
    } satisfies Step] : []),
  ];
  const assignmentStep = (asg: Item['assignments'][number], kind: 'return' | 'opinion'): Step => kind === 'return'
    ? { key: 'return', url: `/api/v1/oversight/assignments/${asg.id}/return`, schema: ReturnInput, fields: [
      { name: 'returnedOn', label: d('returnedOn'), kind: 'date', required: true },
      { name: 'reason', label: d('returnReason'), kind: 'textarea', required: true },
    ] }
    : { key: 'opinion', url: `/api/v1/oversight/assignments/${asg.id}/opinion`, schema: OpinionInput, fields: [
      { name: 'opinionOn', label: d('opinionOn'), kind: 'date', required: true },
      { name: 'opinion', label: d('opinion'), kind: 'textarea', required: true },
    ] };
  return (
    <>
      <PageTitle title={<span data-record>{data.title}</span>} extra={<Space wrap>{steps.map((s) => <Button key={s.key} type="primary" onClick={() => setStep(s)} data-testid={`item-${s.key}`}>{a(s.key)}</Button>)}</Space>} />
      <Card size="small">
        <Descriptions size="small" column={2} bordered data-testid="item-descriptions">
          <Descriptions.Item label={t('oversight.items.col.kind')}>{data.kindLabel}{paren(t(`oversight.numberOf.${data.kind}`, { n: data.number }))}</Descriptions.Item>
          <Descriptions.Item label={d('session')}>{data.session}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.proposers')}>{data.proposers.join(list)}</Descriptions.Item>
          <Descriptions.Item label={d('category')}>{data.category}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.receivedOn')}>{date(data.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.status')}><Tag data-testid="item-status">{data.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.lead')}>{data.leadUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={d('assignedOn')}>{date(data.assignedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.dueDate')}><span data-testid="item-due">{date(data.dueDate)}</span>{data.hard ? paren(`${d('hard')}${colon}${data.hardReason}`) : ''}</Descriptions.Item>
          <Descriptions.Item label={d('repliedOn')}>{date(data.repliedOn)}</Descriptions.Item>
          <Descriptions.Item label={d('resultClass')}>{data.resultClass ? t(`oversight.resultClass.${data.resultClass}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={d('satisfaction')}>{data.satisfaction ? t(`oversight.satisfaction.${data.satisfaction}`) : '—'}</Descriptions.Item>
          {data.content && <Descriptions.Item label={d('content')} span={2}>{data.content}</Descriptions.Item>}
          <Descriptions.Item label={d('reply')} span={2}>{data.reply ?? '—'}</Descriptions.Item>
          {data.secondDueDate && <Descriptions.Item label={d('secondDueDate')}>{date(data.secondDueDate)}</Descriptions.Item>}
          {data.secondDueDate && <Descriptions.Item label={d('secondRepliedOn')}>{date(data.secondRepliedOn)}</Descriptions.Item>}
          {data.secondReply && <Descriptions.Item label={d('secondReply')} span={2}>{data.secondReply}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <DeadlinesCard deadlines={data.deadlines} />
      <Card size="small" title={d('assignments')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={data.assignments} locale={{ emptyText: d('none') }} data-testid="item-assignments"
          columns={[
            { title: d('unit'), dataIndex: 'unitName' },
            { title: d('role'), dataIndex: 'role', render: (v: string) => t(`oversight.role.${v}`) },
            { title: d('assignedOn'), dataIndex: 'assignedOn', render: date },
            { title: d('returnBy'), dataIndex: 'returnBy', render: (v: string | null, r) => (r.status === 'returned' ? <Tag color="warning">{d('returned')}{colon}{r.returnReason}</Tag> : date(v)) },
            { title: d('opinionDue'), dataIndex: 'opinionDue', render: date },
            { title: d('opinion'), dataIndex: 'opinion', render: (v: string | null, r) => (v ? `${v}${paren(date(r.opinionOn))}` : '—') },
            { title: d('actions'), key: 'actions', render: (_: unknown, r) => (
              <Space>
                {r.canGiveOpinion && <Button size="small" onClick={() => setStep(assignmentStep(r, 'opinion'))} data-testid={`assignment-opinion-${r.role}`}>{a('opinion')}</Button>}
                {r.canReturn && <Button size="small" danger onClick={() => setStep(assignmentStep(r, 'return'))} data-testid={`assignment-return-${r.role}`}>{a('return')}</Button>}
              </Space>
            ) },
          ]} />
      </Card>
      <Card size="small" title={d('contacts')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={data.contacts} locale={{ emptyText: d('none') }}
          columns={[
            { title: d('contactedOn'), dataIndex: 'contactedOn', render: date },
            { title: d('method'), dataIndex: 'methodLabel' },
            { title: d('note'), dataIndex: 'note' },
          ]} />
      </Card>
      {step && (
        <ActionModal title={a(step.key)} url={step.url} schema={step.schema} fields={step.fields} initial={step.initial} onClose={() => setStep(null)}
          onDone={(body) => {
            setStep(null);
            // After a return the unit may no longer see the item.
            if (step.key === 'return' && !(body as { itemVisible?: boolean }).itemVisible) void nav('/oversight/items');
            else if (step.key === 'return') res.reload();
            // Every other step answers with the item: show it at once.
            else res.set(body as Item);
          }} />
      )}
    </>
  );
}
