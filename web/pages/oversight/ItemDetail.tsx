import { useParams } from 'react-router-dom';
import { Card, Descriptions, Table, Tag } from 'antd';
import type { z } from 'zod';
import type { ItemOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Item = z.infer<typeof ItemOut>;

/** One suggestion/proposal: its assignment, co-units' opinions, contacts and replies. */
export default function ItemDetailPage() {
  const { id } = useParams();
  const { t, lang } = useT();
  const { data } = useApi<Item>(`/api/v1/oversight/items/${id}`);
  const d = (k: string) => t(`oversight.d.${k}`);
  if (!data) return null;
  const date = (v: string | null) => formatDate(v, lang) || '—';
  return (
    <>
      <PageTitle title={data.title} />
      <Card size="small">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('oversight.items.col.kind')}>{data.kindLabel}（{data.number}）</Descriptions.Item>
          <Descriptions.Item label={d('session')}>{data.session}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.proposers')}>{data.proposers.join('、')}</Descriptions.Item>
          <Descriptions.Item label={d('category')}>{data.category}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.receivedOn')}>{date(data.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.status')}><Tag>{data.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.lead')}>{data.leadUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={d('assignedOn')}>{date(data.assignedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.items.col.dueDate')}>{date(data.dueDate)}{data.hard ? `（${d('hard')}：${data.hardReason}）` : ''}</Descriptions.Item>
          <Descriptions.Item label={d('repliedOn')}>{date(data.repliedOn)}</Descriptions.Item>
          <Descriptions.Item label={d('resultClass')}>{data.resultClass ? t(`oversight.resultClass.${data.resultClass}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={d('satisfaction')}>{data.satisfactionLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={d('reply')} span={2}>{data.reply ?? '—'}</Descriptions.Item>
          {data.secondDueDate && <Descriptions.Item label={d('secondDueDate')}>{date(data.secondDueDate)}</Descriptions.Item>}
          {data.secondDueDate && <Descriptions.Item label={d('secondRepliedOn')}>{date(data.secondRepliedOn)}</Descriptions.Item>}
          {data.secondReply && <Descriptions.Item label={d('secondReply')} span={2}>{data.secondReply}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={d('assignments')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={data.assignments}
          columns={[
            { title: d('unit'), dataIndex: 'unitName' },
            { title: d('role'), dataIndex: 'role', render: (v: string) => t(`oversight.role.${v}`) },
            { title: d('assignedOn'), dataIndex: 'assignedOn', render: date },
            { title: d('returnBy'), dataIndex: 'returnBy', render: (v: string | null, a) => (a.status === 'returned' ? <Tag color="warning">{d('returned')}：{a.returnReason}</Tag> : date(v)) },
            { title: d('opinionDue'), dataIndex: 'opinionDue', render: date },
            { title: d('opinion'), dataIndex: 'opinion', render: (v: string | null, a) => (v ? `${v}（${date(a.opinionOn)}）` : '—') },
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
    </>
  );
}
