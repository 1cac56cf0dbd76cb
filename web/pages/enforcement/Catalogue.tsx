import { Card, Col, Row, Statistic, Tabs, Tag } from 'antd';
import type { z } from 'zod';
import type { CatalogueSummaryOut, ItemOut, RiskOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';

type Item = z.infer<typeof ItemOut>;
type Risk = z.infer<typeof RiskOut>;
const LEVEL_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'green' };

/** 互联网+监管 事项目录 (main/sub items, claims and implementation lists) and the units' violation-risk lists. */
export default function CataloguePage() {
  const { t } = useT();
  const c = (k: string) => t(`enforcement.catalogue.${k}`);
  const summary = useApi<z.infer<typeof CatalogueSummaryOut>>('/api/v1/enforcement/catalogue/summary');
  const itemCols: DataColumn<Item>[] = [
    { key: 'code', title: c('col.code'), sortable: true },
    { key: 'name', title: c('col.name'), sortable: true },
    { key: 'main', title: c('col.kind'), render: (v: boolean) => (v ? <Tag color="blue">{c('main')}</Tag> : <Tag>{c('sub')}</Tag>) },
    { key: 'competent', title: c('col.competent') },
    { key: 'claims', title: c('col.claims'), render: (_: unknown, r) => r.claims.map((x) => <Tag key={x.id} color={x.implementationListOn ? 'green' : 'default'}>{x.unitName}</Tag>) },
  ];
  const riskCols: DataColumn<Risk>[] = [
    { key: 'unitName', title: c('riskCol.unit'), sortable: false },
    { key: 'riskPoint', title: c('riskCol.riskPoint') },
    { key: 'forms', title: c('riskCol.forms') },
    { key: 'legalBasis', title: c('riskCol.legalBasis') },
    { key: 'consequence', title: c('riskCol.consequence') },
    { key: 'levelLabel', title: c('riskCol.level'), render: (v: string, r) => <Tag color={LEVEL_COLOR[r.level]}>{v}</Tag> },
    { key: 'prevention', title: c('riskCol.prevention') },
  ];
  const s = summary.data;
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
        { key: 'items', label: c('title'), children: <DataTable<Item> id="enforcement-items" url="/api/v1/enforcement/catalogue/items" rowKey="id" columns={itemCols} filters={[{ key: 'q', label: c('q'), type: 'text' }]} /> },
        { key: 'risks', label: c('risks'), children: <DataTable<Risk> id="enforcement-risks" prefix="r" url="/api/v1/enforcement/risks" rowKey="id" columns={riskCols} /> },
      ]} />
    </>
  );
}
