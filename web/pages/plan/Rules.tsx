import { Card, List, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { PageTitle } from '../../layout/AppLayout';
import { STATUS_COLORS } from './i18n';

/** 状态规则: how task statuses are derived and how progress rolls up (served by the server, which applies them). */
export default function RulesPage() {
  const { t } = useT();
  const r = useApi<{ statuses: { order: number; status: string; label: string; rule: string }[]; rollUp: string[] }>('/api/v1/plan/rules');
  return (
    <>
      <PageTitle title={t('plan.nav.rules')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <List
          data-testid="status-rules"
          loading={r.loading}
          dataSource={r.data?.statuses ?? []}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta avatar={<Tag color={STATUS_COLORS[s.status]}>{s.order}. {s.label}</Tag>} description={s.rule} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('plan.plan.rollUp')}>
        {(r.data?.rollUp ?? []).map((x) => <Typography.Paragraph key={x}>{x}</Typography.Paragraph>)}
      </Card>
    </>
  );
}
