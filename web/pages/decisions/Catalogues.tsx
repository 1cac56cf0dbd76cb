import { useState } from 'react';
import { z } from 'zod';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CatalogueInput, ConsentInput, PublishCatalogueInput, type CatalogueOut } from '../../../common/decisions';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm } from './StepForm';

type Catalogue = CatalogueOut;

/** 决策事项目录 (条例 第三条): the yearly catalogue, the Party committee's consent, publication. */
export default function CataloguesPage() {
  const { t, lang, paren } = useT();
  const { can } = useAuth();
  const manage = can('decisions.manageCatalogue');
  const [form, setForm] = useState<{ kind: 'create' | 'consent' | 'publish'; id?: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const columns: DataColumn<Catalogue>[] = [
    { key: 'year', title: t('decisions.f.year'), sortable: true },
    { key: 'title', title: t('decisions.col.title') },
    { key: 'items', title: t('decisions.catalogues.items') },
    { key: 'partyConsentOn', title: t('decisions.f.partyConsentOn'), render: (v: string | null, c) => (v ? `${formatDate(v, lang)}${paren(c.partyConsentRef ?? '')}` : '—') },
    { key: 'publishedOn', title: t('decisions.f.publishedOn'), render: (v: string | null) => formatDate(v, lang) || '—' },
    ...(manage ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, c: Catalogue) => (
      <Space>
        {!c.publishedOn && <Button size="small" type="link" onClick={() => setForm({ kind: 'consent', id: c.id })}>{t('decisions.catalogues.consent')}</Button>}
        {!c.publishedOn && <Button size="small" type="link" onClick={() => setForm({ kind: 'publish', id: c.id })} data-testid="catalogue-publish">{t('decisions.catalogues.publish')}</Button>}
      </Space>
    ) }] : []),
  ];
  const done = () => { setForm(null); setReloadKey((k) => k + 1); };
  return (
    <>
      <PageTitle title={t('decisions.catalogues.title')} />
      <DataTable<Catalogue> id="decision-catalogues" url="/api/v1/decisions/catalogues" rowKey="id" columns={columns} reloadKey={reloadKey}
        toolbar={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ kind: 'create' })}>{t('decisions.catalogues.create')}</Button> : undefined} />
      {form?.kind === 'create' && (
        <StepForm open title={t('decisions.catalogues.create')} url="/api/v1/decisions/catalogues" schema={CatalogueInput.extend({ year: z.coerce.number().int().min(2000).max(2100) })}
          fields={[{ name: 'year', label: 'year', kind: 'text', required: true }, { name: 'title', label: 'title', kind: 'text', required: true }]}
          initial={{ year: new Date().getFullYear() }} onClose={() => setForm(null)} onDone={done} />
      )}
      {form?.kind === 'consent' && (
        <StepForm open title={t('decisions.catalogues.consent')} url={`/api/v1/decisions/catalogues/${form.id}/consent`} schema={ConsentInput}
          fields={[{ name: 'partyConsentOn', label: 'partyConsentOn', kind: 'date', required: true }, { name: 'partyConsentRef', label: 'partyConsentRef', kind: 'text', required: true }]} onClose={() => setForm(null)} onDone={done} />
      )}
      {form?.kind === 'publish' && (
        <StepForm open title={t('decisions.catalogues.publish')} url={`/api/v1/decisions/catalogues/${form.id}/publish`} schema={PublishCatalogueInput}
          fields={[{ name: 'publishedOn', label: 'publishedOn', kind: 'date', required: true }, { name: 'via', label: 'via', kind: 'text', required: true }]} onClose={() => setForm(null)} onDone={done} />
      )}
    </>
  );
}
