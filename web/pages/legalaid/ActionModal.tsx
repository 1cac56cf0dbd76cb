import { useState, type ReactNode } from 'react';
import { Button, Modal } from 'antd';
import type { z } from 'zod';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { api } from '../../api/client';

/**
 * A button opening a form validated by the step's zod schema (from `common/`), posting it, and
 * handing the answer back (server field errors land on the fields).
 */
export function ActionModal<S extends z.ZodType, R = unknown>(p: {
  label: string; title?: string; schema: S; url: string; initialValues?: Record<string, unknown>; primary?: boolean; testId?: string;
  onDone: (r: R) => void; children: ReactNode; width?: number;
}) {
  const [open, setOpen] = useState(false);
  const sf = useSchemaForm(p.schema);
  return (
    <>
      <Button type={p.primary ? 'primary' : 'default'} onClick={() => setOpen(true)} data-testid={p.testId}>{p.label}</Button>
      <Modal open={open} title={p.title ?? p.label} onCancel={() => setOpen(false)} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': `${p.testId ?? 'action'}-save` } as never} destroyOnHidden width={p.width ?? 600}>
        <SchemaForm sf={sf} layout="vertical" preserve={false} initialValues={p.initialValues}
          onSubmit={async (v) => {
            const r = await api.post<R>(p.url, v);
            setOpen(false);
            p.onDone(r);
          }}>
          {p.children}
        </SchemaForm>
      </Modal>
    </>
  );
}
