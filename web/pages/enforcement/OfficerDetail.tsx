import { useParams } from 'react-router-dom';
import { Card, Descriptions, Spin, Table, Tag } from 'antd';
import type { z } from 'zod';
import type { OfficerDetailOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { RecordDetail } from '../../components/RecordDetail';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Officer = z.infer<typeof OfficerDetailOut>;

/** 执法人员: certificates (with renewals), qualification exams and training hours — one officer's record in one place. */
export default function OfficerDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  const res = useApi<Officer>(`/api/v1/enforcement/officers/${id}`);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!res.data) return <Spin />;
  const p = res.data;
  const o = (k: string) => t(`enforcement.officers.${k}`);
  return (
    <>
      <PageTitle title={`${p.name}（${p.unitName}）`} />
      <RecordDetail entity="enforcement_officer" id={p.id} title={t('enforcement.officerDetail')} canUpload={p.canEdit} actionLabel={(a) => t(`enforcement.step.${a}`, { defaultValue: a })}>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label={o('col.unit')}>{p.unitName}</Descriptions.Item>
          <Descriptions.Item label={o('col.certNo')}>{p.certNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={o('col.reviewer')}>{p.legalReviewer ? o('yes') : o('no')}</Descriptions.Item>
          <Descriptions.Item label={o('col.registered')}>{formatDate(p.supervisionRegisteredOn, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={o('col.hours')}>{p.trainingHours}</Descriptions.Item>
        </Descriptions>
        <Card size="small" title={o('cert.title')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.certificates} columns={[
            { key: 'no', title: o('cert.certNo'), dataIndex: 'certNo' },
            { key: 'kind', title: o('cert.kind'), dataIndex: 'kindLabel' },
            { key: 'field', title: o('cert.field'), dataIndex: 'field' },
            { key: 'issued', title: o('cert.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v, lang) },
            { key: 'expires', title: o('cert.expiresOn'), dataIndex: 'expiresOn', render: (v: string) => formatDate(v, lang) },
            { key: 'status', title: o('cert.status'), dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'valid' ? 'green' : 'default'}>{v}</Tag> },
          ]} />
        </Card>
        <Card size="small" title={o('exams')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.exams} columns={[
            { key: 'date', title: t('enforcement.f.on'), dataIndex: 'examDate', render: (v: string) => formatDate(v, lang) },
            { key: 'part', title: o('cert.kind'), dataIndex: 'part', render: (v: string) => o(`part.${v}`) },
            { key: 'score', title: t('enforcement.reviews.col.score'), dataIndex: 'score' },
            { key: 'passed', title: t('enforcement.reviews.col.grade'), dataIndex: 'passed', render: (v: boolean) => (v ? o('passed') : o('failed')) },
          ]} />
        </Card>
        <Card size="small" title={o('trainings')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.trainings} columns={[
            { key: 'date', title: t('enforcement.f.on'), dataIndex: 'trainedOn', render: (v: string) => formatDate(v, lang) },
            { key: 'topic', title: t('enforcement.f.title'), dataIndex: 'topic' },
            { key: 'hours', title: o('col.hours'), dataIndex: 'hours' },
          ]} />
        </Card>
      </RecordDetail>
    </>
  );
}
