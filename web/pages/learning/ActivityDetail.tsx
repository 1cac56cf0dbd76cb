import { useParams } from 'react-router-dom';
import { Descriptions, Spin, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { RecordDetail } from '../../components/RecordDetail';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import type { z } from 'zod';
import type { ActivityDetailOut } from '../../../common/learning';

/** One activity with its attendance and materials (attachments). */
export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t, paren } = useT();
  const a = useApi<z.infer<typeof ActivityDetailOut>>(`/api/v1/learning/activities/${id}`);
  if (a.error) return <NotFoundPage message={a.error.message} />;
  if (!a.data) return <Spin />;
  const x = a.data;
  return (
    <>
      <PageTitle title={x.topic} />
      <RecordDetail entity="learning_activity" id={x.id} title={t('learning.detail.title')} canUpload={x.canEdit}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('learning.list.date')}>{x.date}</Descriptions.Item>
          <Descriptions.Item label={t('learning.list.kind')}>{x.kindLabel}{x.audienceLabel ? paren(x.audienceLabel) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('learning.list.unit')}>{x.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('learning.list.participants')}>{x.participants}</Descriptions.Item>
          <Descriptions.Item label={t('learning.list.speaker')}>{x.speaker ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('learning.list.location')}>{x.location ?? '—'}</Descriptions.Item>
          {x.notes && <Descriptions.Item label={t('learning.list.notes')} span={2}>{x.notes}</Descriptions.Item>}
        </Descriptions>
        {x.attendees.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('learning.detail.attendees')}{paren(x.attendees.length)}</Typography.Title>
            <Table<z.infer<typeof ActivityDetailOut>["attendees"][number]> rowKey="id" size="small" dataSource={x.attendees} pagination={{ pageSize: 20 }}
              columns={[
                { title: t('learning.detail.name'), dataIndex: 'name' },
                { title: t('learning.list.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
                { title: t('learning.detail.score'), dataIndex: 'score', render: (v: number | null) => v ?? '—' },
                { title: t('learning.detail.passed'), dataIndex: 'passed', render: (v: boolean | null) => (v === null ? '—' : v ? '✓' : '✗') },
              ]} />
          </>
        )}
      </RecordDetail>
    </>
  );
}
