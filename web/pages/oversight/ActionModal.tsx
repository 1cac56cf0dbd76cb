import { Modal, Form, Input, InputNumber, Select, Checkbox, App } from 'antd';
import type { z } from 'zod';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';

/** Holds a form value without showing it. */
function Carried(_: { value?: unknown }) {
  return null;
}

/** One field of an action form: its form name, label (already translated) and kind. */
export interface ActionField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'multi' | 'check' | 'number' | 'integer' | 'tags';
  options?: { value: string; label: string }[];
  required?: boolean;
}

/**
 * A modal for one step of a suggestion or an audit, bound to the step's shared zod schema; the server's
 * refusals (409 naming the rule, 400 naming the field) show on the form.
 */
export function ActionModal({ title, url, schema, fields, initial, onClose, onDone }: {
  title: string;
  url: string;
  schema: z.ZodType;
  fields: ActionField[];
  initial?: Record<string, unknown>;
  onClose(): void;
  onDone(body: unknown): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(schema);
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'action-save' } as never} destroyOnHidden width={640}>
      <SchemaForm sf={sf} layout="vertical" preserve={false} initialValues={initial}
        onSubmit={async (v) => {
          const body = await api.post(url, v);
          void message.success(t('common.saved'));
          onDone(body);
        }}>
        {/* Values set by the page but not edited here (a campaign's criteria, its grade bands) travel with the form. */}
        {Object.keys(initial ?? {}).filter((k) => !fields.some((f) => f.name === k)).map((k) => (
          <Form.Item key={k} name={k} hidden noStyle><Carried /></Form.Item>
        ))}
        {fields.map((f) => {
          const id = `action-${f.name}`;
          if (f.kind === 'date') return <DateField key={f.name} name={f.name} label={f.label} required={f.required} />;
          if (f.kind === 'check')
            return (
              <Form.Item key={f.name} name={f.name} valuePropName="checked">
                <Checkbox id={id}>{f.label}</Checkbox>
              </Form.Item>
            );
          return (
            <Form.Item key={f.name} name={f.name} label={f.label} required={f.required}>
              {f.kind === 'select' || f.kind === 'multi' ? (
                <Select id={id} mode={f.kind === 'multi' ? 'multiple' : undefined} allowClear showSearch={{ optionFilterProp: 'label' }} options={f.options} />
              ) : f.kind === 'tags' ? (
                <Select id={id} mode="tags" open={false} tokenSeparators={['、', ',', '，', ' ']} />
              ) : f.kind === 'number' || f.kind === 'integer' ? (
                <InputNumber id={id} style={{ width: '100%' }} min={0} precision={f.kind === 'integer' ? 0 : 2} />
              ) : f.kind === 'textarea' ? (
                <Input.TextArea id={id} rows={4} />
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
