import { useState } from 'react';
import { Alert, Card, Empty, List, Spin } from 'antd';
import type { z } from 'zod';
import type { HandlingReportSummaryOut, PublicHandlingReportOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../format';
import { PublicShell, usePublicRegion } from '../enforcement/PublicShell';
import { ReportView } from './ReportView';

type Summary = z.infer<typeof HandlingReportSummaryOut>;
type Report = z.infer<typeof PublicHandlingReportOut>;

/** Published handling reports of suggestions and proposals on the portal (代表法 第五十一条: 「应当予以公开」). */
export default function PublicReportsPage() {
  const { t, lang } = useT();
  const { region, regionName } = usePublicRegion();
  const list = useApi<{ items: Summary[] }>(region ? '/api/v1/public/oversight-reports' : null, { region: region ?? '', pageSize: 50 });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  const rep = useApi<Report>(id ? `/api/v1/public/oversight-reports/${id}` : null);
  return (
    <PublicShell title={t('oversight.reports.publicTitle')} region={region} regionName={regionName} testId="page-public-oversight-reports">
      {region === '' && <Alert type="info" showIcon title={t('enforcement.public.noRegion')} />}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {region && (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <Card size="small" style={{ width: 300, flex: 'none' }}>
            <List size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: <Empty description={t('oversight.reports.publicEmpty')} /> }}
              renderItem={(r) => (
                <List.Item onClick={() => setChosen(r.id)} style={{ cursor: 'pointer', fontWeight: r.id === id ? 600 : 400 }} data-testid="public-report-item">
                  <List.Item.Meta title={r.title} description={formatDate(r.publishedOn, lang)} />
                </List.Item>
              )} />
          </Card>
          <div style={{ flex: 1, minWidth: 0 }}>
            {id && !rep.data && <Spin />}
            {rep.data && (
              <>
                <h2 style={{ textAlign: 'center' }} data-testid="public-report-title">{rep.data.title}</h2>
                <ReportView figures={rep.data.figures} body={rep.data.body} foreword={rep.data.foreword} />
              </>
            )}
          </div>
        </div>
      )}
    </PublicShell>
  );
}
