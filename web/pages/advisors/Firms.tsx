import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { EngagementInput, type AdvisorOut, type AssessmentOut, type EngagementOut } from '../../../common/advisors';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatNumber } from '../../format';
import { StepForm } from '../decisions/StepForm';

type Engagement = EngagementOut;
type Advisor = AdvisorOut;
type Assessment = AssessmentOut;

/** 法律顾问聘用与考核: engagement contracts, the advisors with their qualifications, the annual assessment. */
export default function FirmsPage() {
  const { t, lang, colon, semi } = useT();
  const { can } = useAuth();
  const [engaging, setEngaging] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const firms = useApi<{ items: { id: string; name: string }[] }>(engaging ? '/api/v1/units' : null, { type: 'law_firm' });
  const assessments = useApi<{ items: Assessment[] }>('/api/v1/advisors/assessments');
  const f = (k: string) => t(`advisors.f.${k}`);
  const engagementCols: DataColumn<Engagement>[] = [
    { key: 'firmName', title: f('firmId'), sortable: true },
    { key: 'contractNo', title: f('contractNo') },
    { key: 'periodFrom', title: `${f('periodFrom')} — ${f('periodTo')}`, sortable: true, render: (_: string, e) => `${formatDate(e.periodFrom, lang)} — ${formatDate(e.periodTo, lang)}` },
    { key: 'fee', title: f('fee'), sortable: true, render: (v: number) => formatNumber(v, lang, { minimumFractionDigits: 2 }) },
    { key: 'scope', title: f('scope'), defaultHidden: true },
  ];
  const peopleCols: DataColumn<Advisor>[] = [
    { key: 'name', title: f('name'), sortable: true },
    { key: 'unitName', title: f('unit'), sortable: true },
    { key: 'kind', title: f('kind'), render: (v: string) => <Tag>{v === 'public_lawyer' ? t('advisors.firms.publicLawyer') : t('advisors.firms.firmLawyer')}</Tag> },
    { key: 'certificateNo', title: f('certificateNo') },
    { key: 'speciality', title: f('speciality') },
  ];
  return (
    <>
      <PageTitle title={t('advisors.firms.title')} />
      <h3>{t('advisors.firms.engagements')}</h3>
      <DataTable<Engagement> id="advisor-engagements" url="/api/v1/advisors/engagements" rowKey="id" columns={engagementCols} reloadKey={reloadKey} prefix="e_"
        filters={[{ key: 'year', label: f('year'), type: 'select', width: 120, options: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ value: String(y), label: String(y) })) }]}
        toolbar={can('advisors.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEngaging(true)}>{t('advisors.firms.engage')}</Button> : undefined} />
      <h3 style={{ marginTop: 24 }}>{t('advisors.firms.people')}</h3>
      <DataTable<Advisor> id="advisor-people" url="/api/v1/advisors/people" rowKey="id" columns={peopleCols} prefix="p_" filters={[{ key: 'q', label: f('name'), type: 'text' }]} />
      <Card size="small" title={t('advisors.firms.assessments')} style={{ marginTop: 24 }}>
        <Table<Assessment> size="small" rowKey="id" pagination={false} dataSource={assessments.data?.items ?? []} loading={assessments.loading} data-testid="advisor-assessments"
          columns={[
            { title: f('year'), dataIndex: 'year' },
            { title: f('firmId'), dataIndex: 'firmName' },
            { title: f('total'), dataIndex: 'total', render: (v: number, a) => `${v} / ${a.maxTotal}` },
            { title: f('grade'), dataIndex: 'gradeLabel' },
            { title: f('assessedOn'), dataIndex: 'assessedOn', render: (v: string) => formatDate(v, lang) },
            { title: f('comment'), dataIndex: 'comment' },
          ]}
          expandable={{ expandedRowRender: (a) => a.criteria.map((c) => `${c.name}${colon}${c.score}/${c.max}`).join(semi) }} />
      </Card>
      {engaging && (
        <StepForm open labelPrefix="advisors.f" title={t('advisors.firms.engage')} url="/api/v1/advisors/engagements"
          schema={z.preprocess((v) => ({ ...(v as object), fee: Number((v as { fee?: unknown }).fee) }), EngagementInput)}
          fields={[
            { name: 'firmId', label: 'firmId', kind: 'select', options: (firms.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
            { name: 'contractNo', label: 'contractNo', kind: 'text', required: true },
            { name: 'signedOn', label: 'signedOn', kind: 'date', required: true },
            { name: 'periodFrom', label: 'periodFrom', kind: 'date', required: true },
            { name: 'periodTo', label: 'periodTo', kind: 'date', required: true },
            { name: 'fee', label: 'fee', kind: 'text', required: true },
            { name: 'scope', label: 'scope', kind: 'textarea', required: true },
          ]}
          onClose={() => setEngaging(false)} onDone={() => { setEngaging(false); setReloadKey((k) => k + 1); }} />
      )}
    </>
  );
}
