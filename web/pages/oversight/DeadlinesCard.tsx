import { Card, Table } from 'antd';
import type { RecordDeadline } from '../../../common/core-api';
import { useT } from '../../i18n';
import { DeadlineBadge } from '../../components/DeadlineBadge';

/** A record's statutory deadlines (core presenter): what is due, when, its state, basis and computation on hover. */
export function DeadlinesCard({ deadlines }: { deadlines: RecordDeadline[] }) {
  const { t } = useT();
  if (!deadlines.length) return null;
  return (
    <Card size="small" title={t('oversight.deadlines.title')} style={{ marginTop: 16 }}>
      <Table size="small" rowKey="id" pagination={false} dataSource={deadlines} data-testid="record-deadlines"
        columns={[
          { title: t('oversight.deadlines.what'), dataIndex: 'title' },
          { title: t('oversight.deadlines.due'), dataIndex: 'dueDate', width: 260, render: (_: string, d) => (
            <DeadlineBadge dueDate={d.dueDate} state={d.state} provisional={d.provisional} basis={d.basis} explain={d.explain} showDate />
          ) },
        ]} />
    </Card>
  );
}
