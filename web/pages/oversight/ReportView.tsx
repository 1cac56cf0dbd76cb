import { Card, Descriptions, Table, Typography } from 'antd';
import type { HandlingFigures, HandlingReportFigures } from '../../../common/oversight';
import { useT } from '../../i18n';

/** The handling report's figures (generated from the records) and its text. */
export function ReportView({ figures, body, foreword }: { figures: HandlingReportFigures; body: string[]; foreword: string }) {
  const { t, paren } = useT();
  const g = (k: string) => t(`oversight.reports.fig.${k}`);
  const pct = (v: number | null) => (v === null ? g('noData') : `${v}%`);
  const rows: { key: string; label: string; f: HandlingFigures }[] = [
    { key: 'npc', label: g('npc'), f: figures.npc }, { key: 'cppcc', label: g('cppcc'), f: figures.cppcc }, { key: 'total', label: g('total'), f: figures.total },
  ];
  const classes = (c: HandlingFigures['classes']) => `${c.A} / ${c.B} / ${c.C} / ${c.D}`;
  return (
    <>
      <Card size="small" title={g('text')} data-testid="report-text">
        {foreword && <Typography.Paragraph>{foreword}</Typography.Paragraph>}
        {body.map((p, i) => <Typography.Paragraph key={i}>{p}</Typography.Paragraph>)}
      </Card>
      <Card size="small" title={g('title')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="key" pagination={false} dataSource={rows} data-testid="report-figures"
          columns={[
            { title: g('kind'), dataIndex: 'label' },
            { title: g('received'), render: (_: unknown, r) => r.f.received, align: 'right' },
            { title: g('replied'), render: (_: unknown, r) => r.f.replied, align: 'right' },
            { title: g('inHand'), render: (_: unknown, r) => r.f.inHand, align: 'right' },
            { title: g('onTimeRate'), render: (_: unknown, r) => `${pct(r.f.onTimeRate)}${paren(r.f.onTime)}`, align: 'right' },
            { title: g('contactRate'), render: (_: unknown, r) => pct(r.f.contactRate), align: 'right' },
            { title: g('classes'), render: (_: unknown, r) => classes(r.f.classes), align: 'right' },
            { title: g('satisfactionRate'), render: (_: unknown, r) => pct(r.f.satisfactionRate), align: 'right' },
          ]} />
        <Descriptions size="small" column={4} style={{ marginTop: 12 }}>
          <Descriptions.Item label={g('satisfied')}>{figures.total.satisfaction.satisfied}</Descriptions.Item>
          <Descriptions.Item label={g('basically')}>{figures.total.satisfaction.basically}</Descriptions.Item>
          <Descriptions.Item label={g('unsatisfied')}>{figures.total.satisfaction.unsatisfied}</Descriptions.Item>
          <Descriptions.Item label={g('second')}>{figures.total.secondReplies}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={g('units')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="unitId" pagination={false} dataSource={figures.units} data-testid="report-units"
          columns={[
            { title: g('unit'), dataIndex: 'unitName' },
            { title: g('received'), dataIndex: 'received', align: 'right', width: 100 },
            { title: g('replied'), dataIndex: 'replied', align: 'right', width: 100 },
            { title: g('onTime'), dataIndex: 'onTime', align: 'right', width: 100 },
            { title: g('classes'), render: (_: unknown, r) => classes(r.classes), align: 'right', width: 150 },
            { title: g('satisfactionRate'), render: (_: unknown, r) => pct(r.satisfactionRate), align: 'right', width: 110 },
          ]} />
      </Card>
    </>
  );
}
