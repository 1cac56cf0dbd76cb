import { Modal, Form, Input, Select, Checkbox, App } from 'antd';
import { z } from 'zod';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';

/** One field of a step form: its form name (path), label key under `decisions.f`, and kind. */
export interface FieldSpec {
  name: string | (string | number)[];
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'check';
  options?: { value: string | boolean; label: string }[];
  required?: boolean;
}

/**
 * A modal form for one procedure step, bound to the step's shared zod schema; server refusals
 * (409 naming the article, 400 naming the field) show on the form.
 */
export function StepForm({ open, title, url, schema, fields, initial, onClose, onDone, labelPrefix = 'decisions.f' }: {
  open: boolean;
  title: string;
  url: string;
  schema: z.ZodType;
  fields: FieldSpec[];
  initial?: Record<string, unknown>;
  onClose(): void;
  onDone(body: unknown): void;
  /** i18n prefix of the field labels. */
  labelPrefix?: string;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(schema);
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'step-save' } as never} destroyOnHidden width={640}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onSubmit={async (v) => {
          const body = await api.post(url, v);
          void message.success(t('common.saved', { defaultValue: t('decisions.actions.done') }));
          onDone(body);
        }}
      >
        {fields.map((f) => {
          const key = Array.isArray(f.name) ? f.name.join('.') : f.name;
          const label = t(`${labelPrefix}.${f.label}`);
          const id = `step-${key.replace(/\./g, '-')}`;
          if (f.kind === 'date') return <DateField key={key} name={f.name} label={label} required={f.required} />;
          if (f.kind === 'check')
            return (
              <Form.Item key={key} name={f.name} valuePropName="checked">
                <Checkbox id={id}>{label}</Checkbox>
              </Form.Item>
            );
          return (
            <Form.Item key={key} name={f.name} label={label} required={f.required}>
              {f.kind === 'select' ? (
                <Select id={id} showSearch={{ optionFilterProp: 'label' }} options={f.options as never} />
              ) : f.kind === 'textarea' ? (
                <Input.TextArea id={id} rows={3} />
              ) : (
                <Input id={id} />
              )}
            </Form.Item>
          );
        })}
      </SchemaForm>
    </Modal>
  );
}
