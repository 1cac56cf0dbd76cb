import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { ServiceInput, SERVICE_LIMITS, type PowerOut, type ServiceOut } from '../../../common/powers';
import type { z } from 'zod';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';

type Service = z.infer<typeof ServiceOut>;
type Opt = { value: string; label: string };
type Page<T> = { items: T[] };

/** A select that searches an endpoint as the user types (power items, plan tasks), keeping the chosen options. */
function SearchSelect({ id, url, toOpt, initial, value, onChange }: {
  id: string; url: string; toOpt: (row: any) => Opt; initial: Opt[]; value?: string[]; onChange?: (v: string[]) => void;
}) {
  const [opts, setOpts] = useState<Opt[]>(initial);
  const [known, setKnown] = useState<Map<string, Opt>>(() => new Map(initial.map((o) => [o.value, o])));
  const search = async (q: string) => {
    const r = await api.get<Page<unknown>>(url, { q: q || undefined, pageSize: 30 });
    const found = r.items.map(toOpt);
    setKnown((k) => new Map([...k, ...found.map((o) => [o.value, o] as const)]));
    const chosen = (value ?? []).map((v) => known.get(v)).filter((o): o is Opt => !!o);
    setOpts([...chosen, ...found.filter((o) => !(value ?? []).includes(o.value))]);
  };
  useEffect(() => { void search(''); }, []);
  return <Select id={id} mode="multiple" showSearch={{ filterOption: false, onSearch: (q) => void search(q) }} value={value} onChange={onChange} options={opts} allowClear />;
}

/** Drafting or editing a "一件事": its items from the current power list, window, documents asked once, promised time and linked reform tasks. */
export function ServiceForm({ service, onClose, onDone }: { service?: Service; onClose(): void; onDone(s: Service): void }) {
  const { t, colon, paren } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(ServiceInput);
  const units = useApi<{ items: Unit[] }>('/api/v1/units');
  const f = (k: string) => t(`powers.services.f.${k}`);
  const unitOpts = (units.data?.items ?? []).filter((u) => u.type !== 'region' && !u.activeTo).map((u) => ({ value: u.id, label: u.name }));
  const initial = service
    ? { code: service.code, name: service.name, leadUnitId: service.leadUnitId, window: service.window, documents: service.documents, promisedDays: service.promisedDays,
      powerItemIds: service.items.map((i) => i.id), taskIds: service.tasks.map((x) => x.id), description: service.description }
    : { documents: [], powerItemIds: [], taskIds: [], promisedDays: 5 };
  return (
    <Modal open title={service ? `${t('powers.services.edit')}${colon}${service.name}` : t('powers.services.create')} onCancel={onClose} onOk={() => sf.form.submit()}
      okButtonProps={{ loading: sf.submitting, 'data-testid': 'service-save' } as never} destroyOnHidden width={760}>
      <SchemaForm sf={sf} layout="vertical" preserve={false} initialValues={initial}
        onSubmit={async (v) => {
          const body = service ? await api.put<Service>(`/api/v1/powers/services/${service.id}`, v) : await api.post<Service>('/api/v1/powers/services', v);
          void message.success(t('common.saved'));
          onDone(body);
        }}>
        <Form.Item name="code" label={f('code')} required><Input id="service-code" /></Form.Item>
        <Form.Item name="name" label={f('name')} required><Input id="service-name" /></Form.Item>
        <Form.Item name="leadUnitId" label={f('leadUnitId')} required><Select id="service-leadUnitId" showSearch={{ optionFilterProp: 'label' }} options={unitOpts} /></Form.Item>
        <Form.Item name="window" label={f('window')} required><Input id="service-window" /></Form.Item>
        <Form.Item name="documents" label={f('documents')} required><Select id="service-documents" mode="tags" open={false} tokenSeparators={['；', ';', '\n']} /></Form.Item>
        <Form.Item name="promisedDays" label={f('promisedDays')} required><InputNumber id="service-promisedDays" min={1} max={SERVICE_LIMITS.maxPromisedDays} precision={0} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="powerItemIds" label={f('powerItemIds')} required>
          <SearchSelect id="service-powerItemIds" url="/api/v1/powers"
            toOpt={(p: z.infer<typeof PowerOut>) => ({ value: p.id, label: `${p.code} ${p.name}${paren(p.unitName)}` })}
            initial={(service?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}${paren(i.unitName)}` }))} />
        </Form.Item>
        <Form.Item name="taskIds" label={f('taskIds')}>
          <SearchSelect id="service-taskIds" url="/api/v1/plan/tasks"
            toOpt={(x: { id: string; title: string; unitName: string }) => ({ value: x.id, label: `${x.title}${paren(x.unitName)}` })}
            initial={(service?.tasks ?? []).map((x) => ({ value: x.id, label: x.title }))} />
        </Form.Item>
        <Form.Item name="description" label={f('description')}><Input.TextArea id="service-description" rows={3} /></Form.Item>
      </SchemaForm>
    </Modal>
  );
}
