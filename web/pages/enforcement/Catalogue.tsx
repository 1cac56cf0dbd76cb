import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Tabs, Tag } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { CatalogueSummaryOut, ItemOut, RiskOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import { PageTitle } from '../../layout/AppLayout';
import { clip } from '../../components/clip';

type Item = z.infer<typeof ItemOut>;
type Risk = z.infer<typeof RiskOut>;
const LEVEL_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'green' };

/** 互联网+监管 事项目录 (main/sub items, claims and implementation lists) and the units' violation-risk lists. */
export default function CataloguePage() {
  const { t } = useT();
  const { can } = useAuth();
  const c = (k: string) => t(`enforcement.catalogue.${k}`);
  const [importing, setImporting] = useState<'items' | 'claims' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const summary = useApi<z.infer<typeof CatalogueSummaryOut>>('/api/v1/enforcement/catalogue/summary', { _r: String(reloadKey) });
  // Widths that fit 1440 px: long names are cut with an ellipsis, the full text on hover.
  const itemCols: DataColumn<Item>[] = [
    { key: 'code', title: c('col.code'), sortable: true, width: 150, render: clip(140) },
    { key: 'name', title: c('col.name'), sortable: true, width: 320, render: clip(310) },
    { key: 'main', title: c('col.kind'), width: 80, render: (v: boolean) => (v ? <Tag color="blue">{c('main')}</Tag> : <Tag>{c('sub')}</Tag>) },
    { key: 'competent', title: c('col.competent'), width: 170, render: clip(160) },
    // The units' names are the records' own data, not the page's chrome.
    { key: 'claims', title: c('col.claims'), render: (_: unknown, r) => (r.claims.length ? <span data-record>{r.claims.map((x) => <Tag key={x.id} color={x.implementationListOn ? 'green' : 'default'}>{x.unitName}</Tag>)}</span> : '—') },
  ];
  const riskCols: DataColumn<Risk>[] = [
    { key: 'unitName', title: c('riskCol.unit'), sortable: false, width: 170, render: clip(160) },
    { key: 'riskPoint', title: c('riskCol.riskPoint'), width: 180, render: clip(170) },
    { key: 'forms', title: c('riskCol.forms'), width: 200, render: clip(190) },
    { key: 'legalBasis', title: c('riskCol.legalBasis'), width: 200, render: clip(190) },
    { key: 'consequence', title: c('riskCol.consequence'), width: 180, render: clip(170) },
    { key: 'levelLabel', title: c('riskCol.level'), width: 90, render: (v: string, r) => <Tag color={LEVEL_COLOR[r.level]}>{v}</Tag> },
    { key: 'prevention', title: c('riskCol.prevention'), render: clip(180) },
  ];
  const s = summary.data;
  const toolbar = (
    <Space wrap>
      {can('enforcement.manageCatalogue') && <Button icon={<UploadOutlined />} onClick={() => setImporting('items')} data-testid="items-import">{c('importItems')}</Button>}
      {can('enforcement.claimItems') && <Button icon={<UploadOutlined />} onClick={() => setImporting('claims')} data-testid="claims-import">{c('importClaims')}</Button>}
      <Button icon={<DownloadOutlined />} href="/api/v1/enforcement/catalogue/claims/export" data-testid="claims-export">{c('exportClaims')}</Button>
    </Space>
  );
  return (
    <>
      <PageTitle title={c('title')} />
      {s && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="catalogue-summary">
          <Row gutter={16}>
            {(['mainItems', 'subItems', 'claims', 'claimingUnits', 'mainCovered', 'officersRegistered'] as const).map((k) => (
              <Col span={4} key={k}><Statistic title={c(`summary.${k}`)} value={s[k]} /></Col>
            ))}
          </Row>
        </Card>
      )}
      <Tabs items={[
        {
          key: 'items', label: c('title'),
          children: <DataTable<Item> id="enforcement-items" url="/api/v1/enforcement/catalogue/items" exportUrl="/api/v1/enforcement/catalogue/items/export" rowKey="id" columns={itemCols}
            reloadKey={reloadKey} toolbar={toolbar} filters={[{ key: 'q', label: c('q'), type: 'text' }]} />,
        },
        { key: 'risks', label: c('risks'), children: <DataTable<Risk> id="enforcement-risks" prefix="r" url="/api/v1/enforcement/risks" rowKey="id" columns={riskCols} /> },
      ]} />
      <ImportDialog open={importing !== null} url={importing === 'claims' ? '/api/v1/enforcement/catalogue/claims/import' : '/api/v1/enforcement/catalogue/items/import'}
        title={importing === 'claims' ? c('importClaims') : c('importItems')} onClose={() => setImporting(null)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
