import { useState, type ReactNode } from 'react';
import { Form, Alert, type FormInstance, type FormProps } from 'antd';
import { z } from 'zod';
import i18next from 'i18next';
import { ApiError } from '../api/client';
import { fieldErrorMap, localiseIssues } from '../../common/messages';
import { punct } from '../format';

/** A field error addressed by path (`grants.0.unitId` or `['grants', 0, 'unitId']`). */
export interface PathIssue {
  path: string | readonly PropertyKey[];
  message: string;
}

/** antd field name from a path: `'grants.0.unitId'` → `['grants', 0, 'unitId']`. */
export function toName(path: string | readonly PropertyKey[]): (string | number)[] {
  const parts = typeof path === 'string' ? (path ? path.split('.') : []) : path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return parts.map((p) => (typeof p === 'number' ? p : /^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Groups issues (client zod issues or server `details.fields`) into antd `setFields` entries, one
 * per field, all messages kept. Issues without a path are returned separately (form-level).
 */
export function issuesToFields(issues: readonly PathIssue[]): { fields: { name: (string | number)[]; errors: string[] }[]; formLevel: string[] } {
  const byKey = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const formLevel: string[] = [];
  for (const i of issues) {
    const name = toName(i.path);
    if (!name.length) {
      formLevel.push(i.message);
      continue;
    }
    const key = name.join('.');
    const f = byKey.get(key) ?? { name, errors: [] };
    if (!f.errors.includes(i.message)) f.errors.push(i.message);
    byKey.set(key, f);
  }
  return { fields: [...byKey.values()], formLevel };
}

/** Empty strings from cleared inputs become undefined, so optional schema fields accept them. */
export function blankToUndefined<T>(values: T): T {
  if (Array.isArray(values)) return values.map(blankToUndefined) as T;
  if (values && typeof values === 'object' && !(values instanceof Date) && Object.getPrototypeOf(values) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) out[k] = v === '' ? undefined : blankToUndefined(v);
    return out as T;
  }
  return values;
}

/** The state of a schema-bound form (create with `useSchemaForm`, pass to `<SchemaForm sf>`). */
export interface SchemaFormState<S extends z.ZodType> {
  form: FormInstance;
  schema: S;
  submitting: boolean;
  formError: string | null;
  /** Shows server or client issues on their fields (and the rest above the form). */
  applyIssues(issues: readonly PathIssue[], message?: string): void;
  setSubmitting(v: boolean): void;
  setFormError(v: string | null): void;
}

/** Binds a zod schema (usually from `common/schemas.ts`) to an antd form. */
export function useSchemaForm<S extends z.ZodType>(schema: S): SchemaFormState<S> {
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  return {
    form,
    schema,
    submitting,
    formError,
    setSubmitting,
    setFormError,
    applyIssues(issues, message) {
      const { fields, formLevel } = issuesToFields(issues);
      form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
      // The server's message (it names the fields) stays above the form; client issues sit on fields only.
      const top = [message, ...formLevel].filter(Boolean);
      setFormError(top.length ? top.join(punct(i18next.language === 'en' ? 'en' : 'zh').semi) : null);
    },
  };
}

/**
 * A form validated by a zod schema on submit (client) and by the server (its `details.fields` land on
 * the same fields). `onSubmit` gets the parsed values; throw an ApiError from it to show server errors.
 */
export function SchemaForm<S extends z.ZodType>({
  sf,
  onSubmit,
  children,
  ...props
}: { sf: SchemaFormState<S>; onSubmit: (values: z.output<S>) => Promise<void> | void; children: ReactNode } & Omit<FormProps, 'form' | 'onFinish'>) {
  const finish = async (raw: unknown) => {
    sf.setFormError(null);
    // Messages name the field in the UI language, the same words the API answers with (common/messages.ts).
    const lang = i18next.language === 'en' ? 'en' : 'zh';
    const values = blankToUndefined(raw);
    const parsed = sf.schema.safeParse(values, { error: fieldErrorMap(lang) });
    if (!parsed.success) {
      sf.applyIssues(localiseIssues(parsed.error.issues, values, lang).map((i) => ({ path: i.path, message: i.message })));
      return;
    }
    sf.setSubmitting(true);
    try {
      await onSubmit(parsed.data);
    } catch (e) {
      if (e instanceof ApiError) sf.applyIssues(e.fields, e.message);
      else sf.setFormError(String(e));
    } finally {
      sf.setSubmitting(false);
    }
  };
  return (
    <Form form={sf.form} onFinish={finish} {...props}>
      {sf.formError && <Alert type="error" showIcon title={sf.formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {children}
    </Form>
  );
}
