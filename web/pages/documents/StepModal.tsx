import { Modal, Form, Input, InputNumber, Select, Checkbox, App } from 'antd';
import type { z } from 'zod';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';

/** One field of a step form. */
export interface StepField {
  name: string;
  /** Label key under documents.f. */
  label: string;
  type: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'check';
  options?: { value: string; label: string }[];
  required?: boolean;
}

/** A step of the procedure as a dialog: a form on the step's shared zod schema, posted to the step's endpoint. */
export function StepModal<S extends z.ZodType>({ open, title, schema, fields, url, method = 'post', initial, extra, onClose, onDone }: {
  open: boolean; title: string; schema: S; fields: StepField[]; url: string; method?: 'post' | 'put'; initial?: Record<string, unknown>;
  /** Values sent with the form's that the user does not choose (e.g. which filing: `body: 'npc'`). */
  extra?: Record<string, unknown>;
  onClose(): void; onDone(result: unknown): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(schema);
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'step-save' } as never} destroyOnHidden width={600}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onSubmit={async (v) => {
          const body = { ...(v as object), ...extra };
          const r = method === 'put' ? await api.put(url, body) : await api.post(url, body);
          void message.success(t('documents.saved'));
          onDone(r);
        }}
      >
        {fields.map((f) => {
          const label = t(`documents.f.${f.label}`);
          if (f.type === 'date') return <DateField key={f.name} name={f.name} label={label} required={f.required} />;
          if (f.type === 'check') return <Form.Item key={f.name} name={f.name} valuePropName="checked"><Checkbox>{label}</Checkbox></Form.Item>;
          return (
            <Form.Item key={f.name} name={f.name} label={label} required={f.required}>
              {f.type === 'textarea' ? <Input.TextArea rows={3} data-testid={`field-${f.name}`} />
                : f.type === 'number' ? <InputNumber min={0} style={{ width: '100%' }} />
                : f.type === 'select' ? <Select options={f.options} data-testid={`field-${f.name}`} />
                : <Input data-testid={`field-${f.name}`} />}
            </Form.Item>
          );
        })}
      </SchemaForm>
    </Modal>
  );
}
