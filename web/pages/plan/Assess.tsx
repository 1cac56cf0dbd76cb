import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Table, Tabs, Tag, App, Empty, Tree } from 'antd';
import { useWorkYear, YearSelect } from '../../components/YearSelect';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PageTitle } from '../../layout/AppLayout';

interface Round { id: string; kind: string; title: string; periodFrom: string; periodTo: string; weight: number; status: 'scoring' | 'reviewed' | 'published' }
interface Scheme { id: string; year: number; title: string; totalPoints: number; tree: TreeNode[]; rounds: Round[] }
interface TreeNode { id: string; title: string; level: number; points: number | null; method: string | null; children: TreeNode[] }
interface ResultRow { unitId: string; unitName: string; total: number; vetoed: boolean; rank: number }
interface SheetLine { itemId: string; indicator: string; subIndicator: string; title: string; method: string; points: number | null; awarded: number | null; vetoed: boolean | null; reason: string | null }
interface ReadyLine { itemId: string; title: string; method: string; points: number | null; current: number | null; missingPoints: number; todo: string[]; lost: string[] }

interface UiNode { key: string; title: string; children: UiNode[] }
const toTree = (nodes: TreeNode[], t: (k: string, o?: Record<string, unknown>) => string, paren: (s: string) => string): UiNode[] =>
  nodes.map((n) => ({ key: n.id, title: `${n.title}${n.level === 3 ? paren(`${n.method ? t(`plan.assess.method.${n.method}`) : ''}${n.points ? ` ${t('plan.assess.nPoints', { n: n.points })}` : ''}`) : ''}`, children: toTree(n.children, t, paren) }));

/** One round: results and ranking (office any time, units once published), the unit's sheet and its gap to full marks. */
function RoundPanel({ round, office, unitId, onChanged }: { round: Round; office: boolean; unitId: string | null; onChanged(): void }) {
  const { t, colon, semi } = useT();
  const { message } = App.useApp();
  const visible = office || round.status === 'published';
  const results = useApi<{ items: ResultRow[] }>(visible ? `/api/v1/plan/assess/rounds/${round.id}/results` : null);
  const sheet = useApi<{ total: number; fullMarks: number; vetoed: boolean; lines: SheetLine[] }>(unitId && round.status === 'published' ? `/api/v1/plan/assess/rounds/${round.id}/units/${unitId}/sheet` : null);
  const ready = useApi<{ missingPoints: number; lines: ReadyLine[] }>(unitId ? `/api/v1/plan/assess/rounds/${round.id}/units/${unitId}/readiness` : null);
  const act = async (path: string, ok: (r: Record<string, unknown>) => string) => {
    try {
      const r = await api[path === 'verify' ? 'get' : 'post']<Record<string, unknown>>(`/api/v1/plan/assess/rounds/${round.id}/${path}`);
      void message.success(ok(r));
      results.reload();
      onChanged();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Tag>{round.periodFrom} ~ {round.periodTo}</Tag>
        <Tag>{t('plan.assess.weight')} {round.weight}%</Tag>
        <Tag color={round.status === 'published' ? 'green' : round.status === 'reviewed' ? 'blue' : 'gold'}>{t(`plan.assess.status.${round.status}`)}</Tag>
        {office && round.status === 'scoring' && <Button onClick={() => void act('compute', (r) => t('plan.assess.computed', { count: r.computed }))} data-testid="assess-compute">{t('plan.assess.compute')}</Button>}
        {office && <Button onClick={() => void act('verify', (r) => (r.consistent ? t('plan.assess.consistent') : t('plan.assess.inconsistent', { count: (r.differences as unknown[]).length })))}>{t('plan.assess.verify')}</Button>}
        {office && round.status === 'scoring' && <Button onClick={() => void act('review', () => t('plan.assess.reviewed'))}>{t('plan.assess.review')}</Button>}
        {office && round.status === 'reviewed' && <Button type="primary" onClick={() => void act('publish', () => t('plan.assess.publishedMsg'))}>{t('plan.assess.publish')}</Button>}
      </Space>
      <Row gutter={16}>
        {visible && (
          <Col span={unitId ? 10 : 24}>
            <Card size="small" title={t('plan.assess.results')}>
              <Table<ResultRow> rowKey="unitId" size="small" loading={results.loading} dataSource={results.data?.items ?? []} pagination={{ pageSize: 15 }} data-testid="assess-results"
                columns={[
                  { title: t('plan.assess.rank'), dataIndex: 'rank', width: 60 },
                  { title: t('plan.assess.unit'), dataIndex: 'unitName', render: (v: string, r) => (r.unitId === unitId ? <b>{v}</b> : v) },
                  { title: t('plan.assess.total'), dataIndex: 'total', width: 90, render: (v: number, r) => (r.vetoed ? <Tag color="red">{t('plan.assess.vetoed')}</Tag> : v) },
                ]} />
            </Card>
          </Col>
        )}
        {unitId && (
          <Col span={visible ? 14 : 24}>
            <Card size="small" title={sheet.data ? `${t('plan.assess.sheet')}${colon}${sheet.data.total} / ${sheet.data.fullMarks}` : t('plan.assess.readiness')}>
              {sheet.data ? (
                <Table<SheetLine> rowKey="itemId" size="small" pagination={false} dataSource={sheet.data.lines} data-testid="assess-sheet"
                  columns={[
                    { title: t('plan.assess.item'), dataIndex: 'title' },
                    { title: t('plan.assess.points'), dataIndex: 'points', width: 60, render: (v: number | null) => v ?? '—' },
                    { title: t('plan.assess.awarded'), dataIndex: 'awarded', width: 60, render: (v: number | null, l) => (l.method === 'veto' ? (l.vetoed ? <Tag color="red">{t('plan.assess.vetoed')}</Tag> : '—') : v ?? '—') },
                    { title: t('plan.assess.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
                  ]} />
              ) : (
                <Table<ReadyLine> rowKey="itemId" size="small" pagination={false} dataSource={ready.data?.lines ?? []} loading={ready.loading} data-testid="assess-readiness"
                  title={() => `${t('plan.assess.missing')}${colon}${ready.data?.missingPoints ?? '—'}`}
                  columns={[
                    { title: t('plan.assess.item'), dataIndex: 'title' },
                    { title: t('plan.assess.points'), dataIndex: 'points', width: 60, render: (v: number | null) => v ?? '—' },
                    { title: t('plan.assess.missing'), dataIndex: 'missingPoints', width: 60 },
                    { title: t('plan.assess.todo'), render: (_: unknown, l) => [...l.todo, ...l.lost].join(semi) },
                  ]} />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}

/** 依法行政考核: the year's scheme (indicator tree, rounds with weights), scoring, ranking, and each unit's own view. */
export default function AssessPage() {
  const { t, paren } = useT();
  const { me, can } = useAuth();
  const { year, years, setYear } = useWorkYear();
  const list = useApi<{ items: { id: string; year: number; title: string }[] }>(year ? '/api/v1/plan/assess/schemes' : null, { year: year ?? undefined });
  const schemeId = list.data?.items[0]?.id;
  const scheme = useApi<Scheme>(schemeId ? `/api/v1/plan/assess/schemes/${schemeId}` : null);
  const [tick, setTick] = useState(0);
  const office = can('plan.assess');
  // A unit's own view is for the units assessed (their heads and liaisons); leaders read the results.
  const unitId = office || !can('plan.report') ? null : me?.unitId ?? null;
  return (
    <>
      <PageTitle title={t('plan.assess.title')} extra={<Space>{t('plan.assess.year')}<YearSelect value={year} years={years} onChange={setYear} testId="assess-year" /></Space>} />
      {list.data && !schemeId && <Empty description={t('plan.assess.noScheme')} />}
      {scheme.error && <Alert type="error" showIcon title={scheme.error.message} />}
      {scheme.data && (
        <Row gutter={16}>
          <Col span={7}>
            <Card size="small" title={`${scheme.data.title}${paren(t('plan.assess.nPoints', { n: scheme.data.totalPoints }))}`} data-record>
              <Tree treeData={toTree(scheme.data.tree, t, paren)} defaultExpandAll selectable={false} />
            </Card>
          </Col>
          <Col span={17}>
            <Card size="small">
              <Tabs key={tick} data-record items={scheme.data.rounds.map((r) => ({ key: r.id, label: r.title, children: <RoundPanel round={r} office={office} unitId={unitId} onChanged={() => { scheme.reload(); setTick((x) => x + 1); }} /> }))} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
