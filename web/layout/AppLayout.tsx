import { useMemo, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Layout, Menu, Dropdown, Breadcrumb, Avatar, Space, App } from 'antd';
import {
  HomeOutlined, TeamOutlined, AuditOutlined, SafetyCertificateOutlined, EyeOutlined, CustomerServiceOutlined,
  FileTextOutlined, SettingOutlined, UserOutlined, DownOutlined, LockOutlined, GlobalOutlined, LogoutOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth';
import { useT, setLang } from '../i18n';
import { webModules, type NavGroup } from '../modules';
import { activeEntry, breadcrumbs, roleKey, visibleNav } from './nav';
import { JobsMenu } from '../components/JobsMenu';

const GROUP_ICONS: Record<NavGroup, ReactNode> = {
  lead: <TeamOutlined />,
  decisions: <AuditOutlined />,
  enforcement: <SafetyCertificateOutlined />,
  oversight: <EyeOutlined />,
  services: <CustomerServiceOutlined />,
  report: <FileTextOutlined />,
  admin: <SettingOutlined />,
};

/** The signed-in layout: grouped side navigation, header with region/unit and user menu, breadcrumbs. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  const { t, lang, colon, list } = useT();
  const loc = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const groups = useMemo(() => visibleNav(webModules, me?.abilities ?? {}), [me]);
  const active = activeEntry(webModules, loc.pathname);
  const selected = loc.pathname === '/' ? '/' : (active?.entry.path ?? '');
  const trail = breadcrumbs(webModules, loc.pathname);

  const items = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    ...groups.map((g) => ({
      key: `group:${g.group}`,
      icon: GROUP_ICONS[g.group],
      label: t(`nav.group.${g.group}`),
      children: g.entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{t(e.labelKey)}</Link> })),
    })),
  ];

  const userMenu = {
    items: [
      { key: 'password', icon: <LockOutlined />, label: t('user.changePassword') },
      { key: 'lang', icon: <GlobalOutlined />, label: t('user.language') },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('user.signOut') },
    ],
    onClick: async ({ key }: { key: string }) => {
      if (key === 'password') void navigate('/password');
      if (key === 'lang') await setLang(lang === 'zh' ? 'en' : 'zh');
      if (key === 'logout') {
        await logout();
        void message.success(t('user.signedOut'));
        void navigate('/login', { replace: true });
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={232} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
        <div className="fz-brand" title={t('app.name')}>
          <span className="fz-brand-logo">法</span>
          <span>{t('app.short')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={groups.map((g) => `group:${g.group}`)}
          items={items}
          data-testid="side-nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="fz-header">
          <div className="fz-header-ctx" data-testid="header-context">
            <span>{t('header.region')}{colon}<b>{me?.regionName ?? t('header.noUnit')}</b></span>
            <span>{t('header.unit')}{colon}<b>{me?.unitName ?? t('header.noUnit')}</b></span>
          </div>
          <Space size={0}>
          <JobsMenu />
          <Dropdown menu={userMenu} trigger={['click']}>
            <a onClick={(e) => e.preventDefault()} data-testid="user-menu" style={{ color: '#111827' }}>
              <Space>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
                <span>{me?.displayName}</span>
                <span className="fz-muted">{(me?.roles ?? []).map((r) => t(roleKey(r))).filter((v, i, a) => a.indexOf(v) === i).join(list)}</span>
                <DownOutlined />
              </Space>
            </a>
          </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="fz-content">
          {trail.length > 1 && (
            <Breadcrumb
              className="fz-breadcrumb"
              data-testid="breadcrumbs"
              items={trail.map((c, i) => ({ title: c.path && i < trail.length - 1 ? <Link to={c.path}>{t(c.labelKey)}</Link> : t(c.labelKey) }))}
            />
          )}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** A page heading with optional actions on the right. */
export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="fz-page-title">
      <h1>{title}</h1>
      {extra && <Space>{extra}</Space>}
    </div>
  );
}
