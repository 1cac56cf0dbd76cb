import './report.css';
import { useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, List, Spin } from 'antd';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../format';
import type { PublicReport } from '../../../common/report';

/** The public portal (no sign-in): published annual reports, each shown as the server renders it for the public. */
export default function PublicReports() {
  const { id } = useParams();
  const { t } = useT();
  return (
    <div className="fz-public" data-testid="page-public-reports">
      <header className="fz-public-head">
        <div className="fz-public-inner">
          <div>
            <div className="fz-public-title">{t('report.public.title')}</div>
            <div className="fz-public-sub">{t('report.public.subtitle')}</div>
          </div>
          <Link to="/login" className="fz-public-signin">{t('report.public.signIn')}</Link>
        </div>
      </header>
      <main className="fz-public-inner" style={{ paddingTop: 20, paddingBottom: 40 }}>{id ? <PublicReportView id={id} /> : <PublicList />}</main>
    </div>
  );
}

function PublicList() {
  const { t, lang } = useT();
  const list = useApi<{ items: PublicReport[] }>('/api/v1/public/reports');
  return (
    <Card title={t('report.public.list')}>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('report.public.empty')} /> }}
        data-testid="public-list"
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              avatar={<FileTextOutlined style={{ fontSize: 22, color: '#c00' }} />}
              title={<Link to={`/public/reports/${r.id}`} data-testid="public-report-link">{r.title}</Link>}
              description={<><Link to={`/public/regions/${r.regionCode}`} data-testid="public-region-link">{r.regionName}</Link>{` · ${r.publishedOn ? t('report.public.publishedOn', { date: formatDate(r.publishedOn, lang) }) : ''}`}</>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One published report: the server's public HTML (the official layout), sized to its content. */
function PublicReportView({ id }: { id: string }) {
  const { t } = useT();
  const head = useApi<{ items: PublicReport[] }>('/api/v1/public/reports');
  const ref = useRef<HTMLIFrameElement>(null);
  const known = head.data?.items.find((r) => r.id === id);
  const fit = () => {
    const doc = ref.current?.contentDocument;
    if (ref.current && doc?.documentElement) ref.current.style.height = `${doc.documentElement.scrollHeight + 8}px`;
  };
  return (
    <>
      <Link to="/public/reports"><Button icon={<ArrowLeftOutlined />} style={{ marginBottom: 12 }}>{t('report.public.back')}</Button></Link>
      {head.loading && !head.data ? (
        <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>
      ) : !known ? (
        <Alert type="warning" showIcon title={t('report.public.notFound')} data-testid="public-not-found" />
      ) : (
        <iframe ref={ref} title={known.title} src={`/api/v1/public/reports/${encodeURIComponent(id)}`} onLoad={fit} className="fz-public-frame" data-testid="public-report" />
      )}
    </>
  );
}
