import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Form, Input, Button, Alert, Dropdown } from 'antd';
import { UserOutlined, LockOutlined, GlobalOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useT, setLang } from '../../i18n';
import { ApiError } from '../../api/client';

/** Only same-app paths may be returned to after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Sign-in page: the server's own error messages (wrong password, lockout, throttling). */
export function LoginPage() {
  const { me, login, expired } = useAuth();
  const { t, lang } = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (me) return <Navigate to={next} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username, v.password);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fz-login">
      <div>
        <div className="fz-login-brand">{t('app.name')}</div>
        <Card className="fz-login-card" variant="borderless" styles={{ body: { padding: '32px 36px' } }}>
          <div className="fz-login-title">
            <h1>{t('login.title')}</h1>
          </div>
          {expired && !error && <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} data-testid="login-expired" />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.username') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.password') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <div className="fz-muted" style={{ marginTop: 20, fontSize: 12, lineHeight: 1.7 }}>{t('login.footer')}</div>
          <div style={{ marginTop: 8, fontSize: 13 }}>
            <a href="/public/reports" data-testid="login-public">{t('login.public')}</a>
          </div>
          <div style={{ textAlign: 'right', marginTop: 8 }}>
            <Dropdown
              menu={{ items: [{ key: 'zh', label: '中文' }, { key: 'en', label: 'English' }], onClick: ({ key }) => void setLang(key as 'zh' | 'en'), selectedKeys: [lang] }}
            >
              <Button type="link" size="small" icon={<GlobalOutlined />} data-testid="login-lang">
                {lang === 'zh' ? '中文' : 'English'}
              </Button>
            </Dropdown>
          </div>
        </Card>
      </div>
    </div>
  );
}
