import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Spin, Statistic, Table, Row, Col } from 'antd';
import type { z } from 'zod';
import type { CampaignOut, ReviewFileOut, UnitAverageOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { GRADE_STATUS } from './status';
import { ScoreModal } from './ScoreModal';
import { ActionModal } from '../oversight/ActionModal';
import { ImportDialog } from '../../components/ImportDialog';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { CampaignInput, DEFAULT_CRITERIA, RectifyInput } from '../../../common/enforcement';

type Campaign = z.infer<typeof CampaignOut>;
type File = z.infer<typeof ReviewFileOut>;
type UnitAvg = z.infer<typeof UnitAverageOut>;

/** 案卷评查: the office's campaigns, the sampled files with scores, grades and problems, and unit rankings. */
export default function ReviewsPage() {
  const { t, lang, colon, paren, bracket } = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const campaigns = useApi<{ items: Campaign[] }>('/api/v1/enforcement/reviews/campaigns');
  const [picked, setPicked] = useState<string | null>(null);
  const [scoring, setScoring] = useState<File | null>(null);
  const [creating, setCreating] = useState(false);
  const [rectifying, setRectifying] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const current = picked ?? campaigns.data?.items[0]?.id ?? null;
  const files = useApi<{ items: File[] }>(current ? `/api/v1/enforcement/reviews/campaigns/${current}/files` : null);
  const units = useApi<{ items: UnitAvg[] }>(current && can('enforcement.manageReviews') ? `/api/v1/enforcement/reviews/campaigns/${current}/units` : null);
  const r = (k: string) => t(`enforcement.reviews.${k}`);
  const c = campaigns.data?.items.find((x) => x.id === current);
  const sample = async () => {
    try {
      await api.post(`/api/v1/enforcement/reviews/campaigns/${current}/sample`);
      files.reload();
      campaigns.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <PageTitle title={r('title')} extra={campaigns.data?.items.length ? (
        <Space>
          <Select style={{ width: 320 }} value={current ?? undefined} onChange={setPicked} options={campaigns.data.items.map((x) => ({ value: x.id, label: `${x.title}` }))} />
          {can('enforcement.manageReviews') && c && c.files < c.sampleSize && <Button onClick={sample} data-testid="review-sample">{r('sample')}</Button>}
          {c && <Button icon={<DownloadOutlined />} href={`/api/v1/enforcement/reviews/campaigns/${c.id}/scores/export`} data-testid="scores-export">{r('exportScores')}</Button>}
          {can('enforcement.manageReviews') && c?.status === 'open' && c.files > 0 && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="scores-import">{r('importScores')}</Button>}
          {can('enforcement.manageReviews') && <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-create">{r('create')}</Button>}
        </Space>
      ) : can('enforcement.manageReviews') ? <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-create">{r('create')}</Button> : undefined} />
      {!campaigns.data ? <Spin /> : !campaigns.data.items.length ? <Card><Empty description={r('none')} /></Card> : (
        <>
          {c && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col span={6}><Statistic title={r('files')} value={c.files} /></Col>
                <Col span={6}><Statistic title={r('scored')} value={c.scored} /></Col>
                <Col span={6}><Statistic title={r('excellent')} value={c.excellent} /></Col>
                <Col span={6}><Statistic title={r('seed')} value={c.sampleSeed} /></Col>
              </Row>
            </Card>
          )}
          <Card size="small" title={r('files')}>
            <Table<File> rowKey="id" size="small" loading={!files.data} dataSource={files.data?.items ?? []} pagination={{ pageSize: 20 }} data-testid="review-files"
              expandable={{
                rowExpandable: (f) => f.problems.length > 0,
                expandedRowRender: (f) => (
                  <ul style={{ margin: 0 }}>{f.problems.map((p) => (
                    <li key={p.id}>{bracket(p.categoryLabel)}{p.criterion}{colon}{p.description}{paren(`−${p.deduction}`)}
                      {p.rectifiedOn ? ` ✓ ${formatDate(p.rectifiedOn, lang)}${colon}${p.measure ?? ''}` : <> · {r('dueOn')} {formatDate(p.dueOn, lang)} <Button size="small" type="link" onClick={() => setRectifying(p.id)}>{r('rectify')}</Button></>}
                    </li>
                  ))}</ul>
                ),
              }}
              columns={[
                { key: 'caseNo', title: r('col.caseNo'), dataIndex: 'caseNo' },
                { key: 'caseTitle', title: r('col.caseTitle'), dataIndex: 'caseTitle' },
                { key: 'unit', title: r('col.unit'), dataIndex: 'unitName' },
                { key: 'score', title: r('col.score'), dataIndex: 'score', render: (v: number | null) => v ?? '—' },
                { key: 'grade', title: r('col.grade'), dataIndex: 'grade', render: (v: string | null) => (v ? <StatusTag status={v} map={GRADE_STATUS} /> : '—') },
                { key: 'reviewer', title: r('col.reviewer'), dataIndex: 'reviewer', render: (v: string | null) => v ?? '—' },
                { key: 'reviewedOn', title: r('col.reviewedOn'), dataIndex: 'reviewedOn', render: (v: string | null) => formatDate(v, lang) || '—' },
                { key: 'problems', title: r('col.problems'), render: (_: unknown, f) => f.problems.length },
                ...(can('enforcement.manageReviews') && c?.status === 'open' ? [{
                  key: 'actions', title: r('col.actions'),
                  render: (_: unknown, f: File) => <Button size="small" type={f.score === null ? 'primary' : 'default'} onClick={() => setScoring(f)} data-testid={`score-${f.caseNo}`}>{f.score === null ? r('score') : r('rescore')}</Button>,
                }] : []),
              ]} />
          </Card>
          {units.data && (
            <Card size="small" title={r('units')} style={{ marginTop: 16 }}>
              <Table<UnitAvg> rowKey="unitId" size="small" pagination={false} dataSource={units.data.items} columns={[
                { key: 'rank', title: r('col.rank'), dataIndex: 'rank' },
                { key: 'unit', title: r('col.unit'), dataIndex: 'unitName' },
                { key: 'files', title: r('col.count'), dataIndex: 'files' },
                { key: 'average', title: r('col.average'), dataIndex: 'average' },
                { key: 'grade', title: r('col.grade'), dataIndex: 'grade', render: (v: string) => <StatusTag status={v} map={GRADE_STATUS} /> },
              ]} />
            </Card>
          )}
        </>
      )}
      {scoring && c && <ScoreModal campaign={c} file={scoring} onClose={() => setScoring(null)} onDone={() => { setScoring(null); files.reload(); campaigns.reload(); units.reload(); }} />}
      {creating && (
        <ActionModal title={r('create')} url="/api/v1/enforcement/reviews/campaigns" schema={CampaignInput}
          initial={{ year: new Date().getFullYear(), criteria: c?.criteria ?? DEFAULT_CRITERIA, bands: c?.bands ?? { excellent: 90, pass: 60 }, sampleSize: 20, sampleSeed: `${new Date().getFullYear()}-${Math.random().toString(36).slice(2, 8)}` }}
          fields={[
            { name: 'year', label: r('year'), kind: 'integer' },
            { name: 'title', label: r('campaignTitle'), kind: 'text', required: true },
            { name: 'sampleSize', label: r('size'), kind: 'integer' },
            { name: 'sampleSeed', label: r('seed'), kind: 'text', required: true },
          ]}
          onClose={() => setCreating(false)} onDone={(b) => { setCreating(false); setPicked((b as { id: string }).id); campaigns.reload(); }} />
      )}
      {c && (
        <ImportDialog open={importing} url={`/api/v1/enforcement/reviews/campaigns/${c.id}/scores/import`} title={r('importScores')} onClose={() => setImporting(false)}
          onDone={() => { files.reload(); campaigns.reload(); units.reload(); }} />
      )}
      {rectifying && (
        <ActionModal title={r('rectify')} url={`/api/v1/enforcement/reviews/problems/${rectifying}/rectify`} schema={RectifyInput}
          fields={[{ name: 'on', label: r('rectifiedOn'), kind: 'date', required: true }, { name: 'measure', label: r('measure'), kind: 'textarea', required: true }]}
          onClose={() => setRectifying(null)} onDone={() => { setRectifying(null); files.reload(); }} />
      )}
    </>
  );
}
