import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table, Tooltip, Empty, Alert, List, Badge, Spin } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Deadline, Todos } from '../../api/types';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { PageTitle } from '../../layout/AppLayout';
import { recordPath } from '../../modules';
import { formatDate, formatNumber } from '../../format';
import type { LateByUnit } from '../../../common/core-api';
import { MODULE_LABELS } from '../../../common/labels';

const Dashboard = lazy(() => import('./Dashboard'));

/** Roles that only read: their home summarises what is late by unit instead of a to-do list they cannot act on. */
const READ_ONLY = new Set(['leader', 'viewer']);

/** What is late, by unit and module, for a reader who follows up rather than acts. */
function LateByUnitPanel() {
  const { t, lang } = useT();
  const late = useApi<LateByUnit>('/api/v1/todos/late-by-unit');
  return (
    <Card title={t('home.late')} size="small" data-testid="late-by-unit">
      <Table
        rowKey={(r) => `${r.unitId}:${r.module}`}
        size="middle"
        loading={late.loading}
        dataSource={late.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.lateNone')} /> }}
        columns={[
          { title: t('home.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('home.lateModule'), dataIndex: 'module', render: (v: string) => MODULE_LABELS[v]?.[lang] ?? v },
          { title: t('home.lateOverdue'), dataIndex: 'overdue', width: 120, align: 'right', render: (v: number) => (v ? <b style={{ color: '#b91c1c' }}>{v}</b> : 0) },
          { title: t('home.lateDueSoon'), dataIndex: 'dueSoon', width: 140, align: 'right' },
          { title: t('home.lateOldest'), dataIndex: 'oldest', width: 160, render: (v: string) => formatDate(v, lang) },
        ]}
      />
    </Card>
  );
}

/** 工作台: the user's to-dos across modules (deadlines and module tasks) with counts; leaders see the dashboard first. */
export default function Home() {
  const { me, can } = useAuth();
  const { t, lang, colon } = useT();
  const readOnly = !!me && me.roles.length > 0 && me.roles.every((r) => READ_ONLY.has(r.role));
  const todos = useApi<Todos>(readOnly ? null : '/api/v1/todos');
  const c = todos.data?.counts;

  // The unit column only when the list spans several units (a liaison's are all their own unit's).
  const manyUnits = new Set((todos.data?.deadlines ?? []).map((d) => d.unitId)).size > 1;
  const columns = [
    {
      title: t('home.todo'),
      dataIndex: 'title',
      render: (v: string, d: Deadline) => {
        const href = recordPath(d.entity, d.entityId);
        return href ? <Link to={href}>{v}</Link> : v;
      },
    },
    ...(manyUnits ? [{ title: t('home.unit'), dataIndex: 'unitName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' }] : []),
    {
      title: t('home.due'),
      dataIndex: 'dueDate',
      width: lang === 'en' ? 290 : 250,
      render: (_: string, d: Deadline) => <DeadlineBadge dueDate={d.dueDate} state={d.state} provisional={d.provisional} basis={d.basis} explain={d.explain} />,
    },
    {
      title: t('home.basis'),
      dataIndex: 'basis',
      width: 150,
      ellipsis: true,
      render: (v: string, d: Deadline) => (
        <Tooltip title={<div style={{ lineHeight: 1.7 }}><div>{v}</div><div>{t('home.computation')}{colon}{d.explain}</div></div>}>
          <span>{v} <InfoCircleOutlined className="fz-muted" /></span>
        </Tooltip>
      ),
    },
  ];

  const todoPanel = (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="todo-counts">
        {[
          ['overdue', c?.overdue, '#b91c1c'],
          ['dueSoon', c?.dueSoon, '#c2410c'],
          ['open', c?.open, '#1f5fbf'],
          ['tasks', c?.tasks, '#374151'],
        ].map(([k, v, color]) => (
          <Col span={6} key={k as string}>
            <Card size="small">
              <Statistic title={t(`home.${k}`)} value={v === undefined ? '—' : formatNumber(v as number, lang)} styles={{ content: { color: color as string } }} loading={todos.loading && !todos.data} />
            </Card>
          </Col>
        ))}
      </Row>
      {todos.error && <Alert type="error" showIcon title={todos.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col span={(todos.data?.items.length ?? 0) > 0 ? 18 : 24}>
          <Card title={t('home.todo')} size="small" data-testid="todo-list">
            <Table<Deadline>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={todos.data?.deadlines ?? []}
              loading={todos.loading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTodo')} /> }}
            />
          </Card>
        </Col>
        {(todos.data?.items.length ?? 0) > 0 && (
          <Col span={6}>
            <Card title={t('home.moduleItems')} size="small" data-testid="todo-items">
              <List
                dataSource={todos.data?.items ?? []}
                renderItem={(i) => (
                  <List.Item extra={<Badge count={i.count} overflowCount={999} />}>
                    <Link to={i.href} className="fz-todo-item">{i.title}</Link>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );

  return (
    <div data-testid="page-home">
      <PageTitle title={t('home.title')} extra={<span className="fz-muted">{t('home.welcome', { name: me?.displayName })}</span>} />
      {can('home.dashboard') && (
        <Suspense fallback={<Spin />}>
          <Dashboard />
        </Suspense>
      )}
      {readOnly ? <LateByUnitPanel /> : todoPanel}
    </div>
  );
}
