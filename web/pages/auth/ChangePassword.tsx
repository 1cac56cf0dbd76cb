import { z } from 'zod';
import { useNavigate } from 'react-router-dom';
import { Card, Form, Input, Button, Alert, App } from 'antd';
import { passwordProblems } from '../../../common/roles';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { PageTitle } from '../../layout/AppLayout';

/** Change password; `forced` when the server says the initial password must be changed first. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { me, refresh, logout } = useAuth();
  const { t, lang } = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const schema = z
    .object({
      currentPassword: z.string().min(1, { message: t('form.required') }),
      newPassword: z.string().min(1, { message: t('form.required') }),
      confirm: z.string().min(1, { message: t('form.required') }),
    })
    .superRefine((v, ctx) => {
      for (const p of passwordProblems(v.newPassword, me?.username)) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: p[lang] });
      if (v.confirm !== v.newPassword) ctx.addIssue({ code: 'custom', path: ['confirm'], message: t('password.mismatch') });
    });
  const sf = useSchemaForm(schema);

  const form = (
    <SchemaForm
      sf={sf}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onSubmit={async (v) => {
        await api.post('/api/v1/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
        void message.success(t('password.done'));
        await refresh();
        if (!forced) void navigate('/');
      }}
    >
      <Form.Item name="currentPassword" label={t('password.current')}>
        <Input.Password autoComplete="current-password" id="currentPassword" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.next')} extra={t('password.policy')}>
        <Input.Password autoComplete="new-password" id="newPassword" />
      </Form.Item>
      <Form.Item name="confirm" label={t('password.confirm')}>
        <Input.Password autoComplete="new-password" id="confirmPassword" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sf.submitting} data-testid="password-submit">
        {t('password.submit')}
      </Button>
      {forced && (
        <Button type="link" onClick={() => void logout()} style={{ marginLeft: 8 }}>
          {t('user.signOut')}
        </Button>
      )}
    </SchemaForm>
  );

  if (forced)
    return (
      <div className="fz-login">
        <Card className="fz-login-card" style={{ width: 480 }} title={t('password.title')}>
          <Alert type="info" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} data-testid="password-forced" />
          {form}
        </Card>
      </div>
    );
  return (
    <>
      <PageTitle title={t('password.title')} />
      <Card>{form}</Card>
    </>
  );
}
