import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, Row, Button, DatePicker, Space, Tag, Alert, Table, Modal, Form, Input, Radio, Popconfirm, App, Spin } from 'antd';
import { LeftOutlined, RightOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { z } from 'zod';
import { DateStr } from '../../../common/schemas';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { CalendarDay, CalendarOverride } from '../../api/types';
import { monthGrid, shiftMonth } from '../../components/monthGrid';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, todayStr } from '../../format';

const OverrideForm = z.object({ day: DateStr, kind: z.enum(['workday', 'holiday']), reason: z.string().trim().min(2).max(100) });

/** 工作日历: month grid of holidays, 调休 make-up days and local overrides; add/remove overrides. */
export default function CalendarPage() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(sp.get('month') ?? '') ? sp.get('month')! : todayStr().slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const cal = useApi<{ days: CalendarDay[]; coveredUntil: number }>('/api/v1/calendar', { year: y, month: m });
  const [reloadKey, setReloadKey] = useState(0);
  const overrides = useApi<{ items: CalendarOverride[] }>('/api/v1/calendar/overrides', { _r: reloadKey });
  const [adding, setAdding] = useState(false);
  const sf = useSchemaForm(OverrideForm);
  const go = (ym: string) => setSp((p) => { p.set('month', ym); return p; });
  const reloadAll = () => {
    setReloadKey((k) => k + 1);
    cal.reload();
  };
  const weekdays = t('adminPages.calendar.weekdays', { returnObjects: true }) as unknown as string[];
  const cells = monthGrid(cal.data?.days ?? []);
  const tagOf = (d: CalendarDay) => {
    if (d.kind === 'holiday') return <Tag color="red">{t('adminPages.calendar.tagHoliday')}</Tag>;
    if (d.kind === 'makeup') return <Tag color="blue">{t('adminPages.calendar.tagMakeup')}</Tag>;
    if (d.kind.startsWith('override')) return <Tag color={d.workday ? 'green' : 'orange'}>{t('adminPages.calendar.tagLocal')}·{d.workday ? t('adminPages.calendar.tagMakeup') : t('adminPages.calendar.tagHoliday')}</Tag>;
    return null;
  };
  const provisional = cal.data?.days.some((d) => d.provisional);

  return (
    <>
      <PageTitle title={t('adminPages.calendar.title')} extra={<span className="fz-muted">{cal.data && t('adminPages.calendar.coveredUntil', { year: cal.data.coveredUntil })}</span>} />
      <Row gutter={16}>
        <Col span={16}>
          <Card
            size="small"
            title={
              <Space>
                <Button icon={<LeftOutlined />} onClick={() => go(shiftMonth(month, -1))} aria-label="prev" />
                <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && go(d.format('YYYY-MM'))} data-testid="calendar-month" format={lang === 'zh' ? 'YYYY年M月' : 'YYYY-MM'} />
                <Button icon={<RightOutlined />} onClick={() => go(shiftMonth(month, 1))} aria-label="next" />
              </Space>
            }
            extra={
              <Space size={4} wrap>
                <Tag color="red">{t('adminPages.calendar.holiday')}</Tag>
                <Tag color="blue">{t('adminPages.calendar.makeup')}</Tag>
                <Tag color="orange">{t('adminPages.calendar.overrideHoliday')}</Tag>
                <Tag color="green">{t('adminPages.calendar.overrideWorkday')}</Tag>
              </Space>
            }
          >
            {provisional && <Alert type="warning" showIcon title={t('adminPages.calendar.provisional', { year: y })} style={{ marginBottom: 12 }} />}
            {cal.loading && !cal.data ? (
              <Spin />
            ) : (
              <div className="fz-cal" data-testid="calendar-grid">
                {weekdays.map((w) => <div key={w} className="fz-cal-head">{w}</div>)}
                {cells.map((d, i) =>
                  d ? (
                    <div key={d.date} className={`fz-cal-cell ${d.kind}`} data-date={d.date} data-kind={d.kind} title={d.name}>
                      <div className="num">{Number(d.date.slice(8))}</div>
                      <span className="tag">{tagOf(d)}</span>
                      {d.name && <div className="name">{d.name}</div>}
                    </div>
                  ) : (
                    <div key={`b${i}`} className="fz-cal-cell blank" />
                  ),
                )}
              </div>
            )}
            <div className="fz-muted" style={{ marginTop: 12, fontSize: 12 }}>{t('adminPages.calendar.hint')}</div>
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('adminPages.calendar.overrides')} extra={<Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="override-add">{t('adminPages.calendar.addOverride')}</Button>}>
            <Table<CalendarOverride>
              size="small"
              rowKey="day"
              dataSource={overrides.data?.items ?? []}
              loading={overrides.loading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="override-table"
              columns={[
                { title: t('adminPages.calendar.day'), dataIndex: 'day', render: (v: string) => <a onClick={() => go(v.slice(0, 7))}>{formatDate(v, lang)}</a> },
                { title: t('adminPages.calendar.kind'), dataIndex: 'kind', render: (v: string) => (v === 'workday' ? <Tag color="green">{t('adminPages.calendar.asWorkday')}</Tag> : <Tag color="orange">{t('adminPages.calendar.asHoliday')}</Tag>) },
                { title: t('adminPages.calendar.reason'), dataIndex: 'reason' },
                {
                  title: '', key: 'x', width: 60,
                  render: (_: unknown, o) => (
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={async () => {
                      const r = await api.del<{ deadlinesMoved: number }>(`/api/v1/calendar/overrides/${o.day}`);
                      void message.success(t('adminPages.calendar.removed', { count: r.deadlinesMoved }));
                      reloadAll();
                    }}>
                      <Button type="link" danger size="small">{t('common.delete')}</Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal open={adding} title={t('adminPages.calendar.addOverride')} onCancel={() => setAdding(false)} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'override-save' } as never} destroyOnHidden>
        <SchemaForm
          sf={sf}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'holiday', day: `${month}-01` }}
          onSubmit={async (v) => {
            const r = await api.put<{ deadlinesMoved: number }>(`/api/v1/calendar/overrides/${v.day}`, { kind: v.kind, reason: v.reason });
            void message.success(t('adminPages.calendar.saved', { count: r.deadlinesMoved }));
            setAdding(false);
            go(v.day.slice(0, 7));
            reloadAll();
          }}
        >
          <DateField name="day" label={t('adminPages.calendar.day')} required />
          <Form.Item name="kind" label={t('adminPages.calendar.kind')} required>
            <Radio.Group options={[{ value: 'holiday', label: t('adminPages.calendar.asHoliday') }, { value: 'workday', label: t('adminPages.calendar.asWorkday') }]} />
          </Form.Item>
          <Form.Item name="reason" label={t('adminPages.calendar.reason')} required>
            <Input maxLength={100} id="override-reason" />
          </Form.Item>
        </SchemaForm>
      </Modal>
    </>
  );
}
