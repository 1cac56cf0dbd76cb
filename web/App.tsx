import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Button, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider, useAuth } from './auth';
import { useT, addModuleStrings } from './i18n';
import { webModules } from './modules';
import { AppLayout } from './layout/AppLayout';

// Everything but the frame is lazy, so the first load stays small.
const LoginPage = lazy(() => import('./pages/auth/Login').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePassword').then((m) => ({ default: m.ChangePasswordPage })));
const ForbiddenPage = lazy(() => import('./pages/errors/ErrorPages').then((m) => ({ default: m.ForbiddenPage })));
const NotFoundPage = lazy(() => import('./pages/errors/ErrorPages').then((m) => ({ default: m.NotFoundPage })));

for (const m of webModules) addModuleStrings(m.key, m.i18n);

const Home = lazy(() => import('./pages/home/Home'));

/** Shows a friendly page when a lazy chunk fails (e.g. after a deploy) or a page throws. */
class PageBoundary extends Component<{ children: ReactNode; fallback: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Loading() {
  const { t } = useT();
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin />
      <div className="fz-muted" style={{ marginTop: 12 }}>{t('app.loading')}</div>
    </div>
  );
}

function ChunkError() {
  const { t } = useT();
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <h2>{t('error.loadFailed')}</h2>
      <p className="fz-muted">{t('error.chunk')}</p>
      <Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>
    </div>
  );
}

/** Signed-in area: sign-in when needed (then back here), forced password change, then the layout. */
function Protected() {
  const { me } = useAuth();
  const loc = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) {
    const next = loc.pathname + loc.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustChangePassword)
    return (
      <Suspense fallback={<Loading />}>
        <ChangePasswordPage forced />
      </Suspense>
    );
  return (
    <AppLayout>
      <PageBoundary fallback={<ChunkError />} resetKey={loc.pathname}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/password" element={<ChangePasswordPage />} />
            {webModules.flatMap((m) =>
              m.routes.map((r) => <Route key={r.path} path={r.path} element={<Guard ability={r.ability}><r.element /></Guard>} />),
            )}
            <Route path="/403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </PageBoundary>
    </AppLayout>
  );
}

/** A page the user's abilities do not cover shows 403, also when its URL is typed. */
function Guard({ ability, children }: { ability?: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(ability) ? <>{children}</> : <ForbiddenPage />;
}

function Shell() {
  const { lang } = useT();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6, fontSize: 14, fontFamily: FONT_FAMILY }, components: { Layout: { siderBg: '#0f2747', headerBg: '#fff' }, Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1f3a' } } }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<Suspense fallback={<Loading />}><LoginPage /></Suspense>} />
              {webModules.flatMap((m) =>
                (m.publicRoutes ?? []).map((r) => (
                  <Route key={r.path} path={r.path} element={<PageBoundary fallback={<ChunkError />} resetKey={r.path}><Suspense fallback={<Loading />}><r.element /></Suspense></PageBoundary>} />
                )),
              )}
              <Route path="/*" element={<Protected />} />
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The web app. */
/**
 * One font list for both languages: Latin faces first, then CJK sans faces, so Chinese record text on
 * an English page stays in a Hei/sans face instead of falling back to a Kai or Ming face.
 */
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export function App() {
  return <Shell />;
}
