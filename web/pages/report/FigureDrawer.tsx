import { Link } from 'react-router-dom';
import { Alert, Descriptions, Drawer, Table, Tag } from 'antd';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../format';
import { recordPath } from '../../modules';
import type { Figure, FigureRecords, MetricRecord } from '../../../common/report';

/** The records behind one figure: the metric's definition and its list of records, each linking to its page. */
export function FigureDrawer({ reportId, figure, frozen, onClose }: { reportId: string; figure: Figure | null; frozen: boolean; onClose(): void }) {
  const { t, lang } = useT();
  const data = useApi<FigureRecords>(figure ? `/api/v1/reports/${reportId}/figures/${encodeURIComponent(figure.metricId)}/records` : null);
  // Only this figure's answer: never the previous figure's definition while the new one loads.
  const mine = figure && data.data?.metric.id === figure.metricId ? data.data : null;
  const recs = mine?.records ?? [];
  return (
    <Drawer open={!!figure} onClose={onClose} width={640} title={t('report.figure.title')} destroyOnHidden>
      {figure && (
        <div data-testid="figure-drawer">
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('report.figure.metric')}>
              {figure.label}
            </Descriptions.Item>
            <Descriptions.Item label={t('report.figure.module')}>{figure.module}</Descriptions.Item>
            <Descriptions.Item label={t('report.figure.value')}>
              {figure.noData ? <Tag color="red">{t('report.figure.noData')}</Tag> : <b data-testid="figure-value">{figure.text}</b>}
            </Descriptions.Item>
            <Descriptions.Item label={t('report.figure.definition')}>
              <span data-testid="figure-definition">{mine?.metric.definition ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          {figure.state === 'no_data' && <Alert type="warning" showIcon title={t('report.figure.noDataWhy', { module: figure.module })} style={{ marginTop: 16 }} data-testid="figure-nodata-why" />}
          {figure.state === 'zero' && <Alert type="warning" showIcon title={t('report.figure.zeroWhy', { module: figure.module })} style={{ marginTop: 16 }} />}
          {data.error && <Alert type="error" showIcon title={data.error.message} style={{ marginTop: 16 }} />}
          {frozen && !figure.noData && <Alert type="info" showIcon title={t('report.figure.frozenNote', { text: figure.text })} style={{ marginTop: 16 }} />}
          {!figure.noData && (
            <>
              <h3 style={{ margin: '20px 0 8px' }}>{t('report.figure.records', { count: recs.length })}</h3>
              <Table<MetricRecord>
                rowKey={(r) => `${r.entity}:${r.id}`}
                size="small"
                loading={data.loading}
                dataSource={recs}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="figure-records"
                columns={[
                  {
                    title: t('report.figure.record'),
                    dataIndex: 'label',
                    render: (v: string, r) => {
                      const href = recordPath(r.entity, r.id);
                      return href ? <Link to={href}>{v}</Link> : <span title={t('report.figure.noModulePage')}>{v}</span>;
                    },
                  },
                  { title: t('report.figure.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
                  { title: t('report.figure.date'), dataIndex: 'date', width: 130, render: (v: string | null) => (v ? formatDate(v, lang) : '—') },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
