import '../report/report.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, FileTextOutlined, TableOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate, formatMetric } from '../../format';
import type { OpenFigures, PortalReport, PortalReports } from '../../../common/rollup';

/**
 * The public portal of one region (no sign-in): the published annual reports of the region and of every
 * region beneath it, searchable, each report's figures as open data (CSV and JSON, with definitions).
 */
export default function PublicPortal() {
  const { code = '' } = useParams();
  const { t, lang } = useT();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [figures, setFigures] = useState<PortalReport | null>(null);
  const all = useApi<PortalReports>(`/api/v1/public/regions/${encodeURIComponent(code)}/reports`);
  const list = useApi<PortalReports>(`/api/v1/public/regions/${encodeURIComponent(code)}/reports`, { q: q || undefined, year: year ?? undefined });
  const name = all.data?.region.name ?? '';
  const years = [...new Set((all.data?.items ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const items = (list.data?.items ?? []).filter((r) => !region || r.regionCode === region);
  return (
    <div className="fz-public" data-testid="page-public-portal">
      <header className="fz-public-head">
        <div className="fz-public-inner">
          <div>
            <div className="fz-public-title">{name ? t('rollup.portal.title', { region: name }) : '\u00a0'}</div>
            <div className="fz-public-sub">{t('rollup.portal.subtitle')}</div>
          </div>
          <Link to="/login" className="fz-public-signin">{t('report.public.signIn')}</Link>
        </div>
      </header>
      <main className="fz-public-inner" style={{ paddingTop: 20, paddingBottom: 40 }}>
        <Link to="/public/reports"><Button style={{ marginBottom: 12 }}>{t('rollup.portal.back')}</Button></Link>
        {all.error && <Alert type="error" showIcon title={all.error.status === 404 ? t('rollup.portal.notFound') : all.error.message} />}
        {!all.error && (
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Input.Search allowClear placeholder={t('rollup.portal.search')} style={{ width: 280 }} onSearch={(v) => setQ(v.trim())} data-testid="portal-search" />
              <Select value={year ?? ''} style={{ width: 130 }} onChange={(v) => setYear(v === '' ? null : Number(v))}
                options={[{ value: '', label: t('rollup.portal.allYears') }, ...years.map((y) => ({ value: y, label: lang === 'zh' ? `${y}年度` : String(y) }))]} />
              <Select value={region ?? ''} style={{ width: 150 }} onChange={(v) => setRegion(v || null)} data-testid="portal-region"
                options={[{ value: '', label: t('rollup.portal.allRegions') }, ...(all.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))]} />
            </Space>
            <List
              loading={list.loading}
              dataSource={items}
              locale={{ emptyText: <Empty description={t('rollup.portal.empty')} /> }}
              data-testid="portal-list"
              renderItem={(r) => (
                <List.Item
                  data-testid="portal-item"
                  data-region={r.regionCode}
                  actions={[
                    <Button key="f" size="small" icon={<TableOutlined />} onClick={() => setFigures(r)} data-testid="portal-figures">{t('rollup.portal.figures')}</Button>,
                    <a key="c" href={`/api/v1/public/reports/${r.id}/figures/csv`} download data-testid="portal-csv"><DownloadOutlined /> {t('rollup.portal.csv')}</a>,
                    <a key="j" href={`/api/v1/public/reports/${r.id}/figures`} target="_blank" rel="noreferrer">{t('rollup.portal.json')}</a>,
                  ]}
                >
                  <List.Item.Meta
                    avatar={<FileTextOutlined style={{ fontSize: 22, color: '#c00' }} />}
                    title={<Link to={`/public/reports/${r.id}`} data-testid="portal-report-link">{r.title}</Link>}
                    description={
                      <Space size={8}>
                        <Tag color={r.own ? 'red' : 'blue'}>{r.own ? t('rollup.portal.own') : t('rollup.portal.beneath')}</Tag>
                        <span>{r.regionName}</span>
                        {r.publishedOn && <span>{t('rollup.portal.publishedOn', { date: formatDate(r.publishedOn, lang) })}</span>}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        <FiguresModal report={figures} onClose={() => setFigures(null)} />
      </main>
    </div>
  );
}

/** A published report's figures with their definitions. */
function FiguresModal({ report, onClose }: { report: PortalReport | null; onClose(): void }) {
  const { t, lang } = useT();
  const data = useApi<OpenFigures>(report ? `/api/v1/public/reports/${report.id}/figures` : null);
  return (
    <Modal open={!!report} onCancel={onClose} footer={null} width={960} title={report ? t('rollup.portal.figuresTitle', { title: report.title }) : ''} destroyOnHidden>
      {report && (
        <Table<OpenFigures['figures'][number]>
          rowKey="key"
          size="small"
          loading={data.loading}
          dataSource={data.data?.figures ?? []}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          data-testid="portal-figure-table"
          columns={[
            { title: t('rollup.portal.label'), dataIndex: 'label', width: 220 },
            { title: t('rollup.portal.value'), dataIndex: 'value', width: 110, render: (v: number | null, f) => formatMetric(v, f.unit, lang) },
            { title: t('rollup.portal.definition'), dataIndex: 'definition' },
          ]}
        />
      )}
    </Modal>
  );
}
