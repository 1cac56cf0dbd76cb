import '../report/report.css';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Space } from 'antd';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { PublicReport } from '../../../common/report';

/**
 * The region a public page shows: `?region=` in the address, else the region whose reports the portal
 * publishes (the portal is one government's), so links and bookmarks carry it.
 */
export function usePublicRegion(): { region: string | null; regionName: string | null } {
  const [params] = useSearchParams();
  const fromUrl = params.get('region');
  const reports = useApi<{ items: PublicReport[] }>('/api/v1/public/reports');
  // null while the portal's region is still being looked up; '' when there is none.
  const region = fromUrl ?? (reports.data ? (reports.data.items[0]?.regionCode ?? '') : reports.error ? '' : null);
  const regionName = reports.data?.items.find((r) => r.regionCode === region)?.regionName ?? null;
  return { region, regionName };
}

/** The public portal's frame: heading, the portal's sections, sign-in link (no sign-in needed to read). */
export function PublicShell({ title, regionName, region, children, testId }: { title: string; regionName: string | null; region: string | null; children: ReactNode; testId: string }) {
  const { t } = useT();
  const q = region ? `?region=${region}` : '';
  return (
    <div className="fz-public" data-testid={testId}>
      <header className="fz-public-head">
        <div className="fz-public-inner">
          <div>
            <div className="fz-public-title">{regionName ? `${regionName} · ` : ''}{title}</div>
            <Space size="large" className="fz-public-sub">
              <Link style={{ color: '#fff' }} to="/public/reports">{t('enforcement.public.nav.reports')}</Link>
              <Link style={{ color: '#fff' }} to={`/public/enforcement${q}`}>{t('enforcement.public.nav.enforcement')}</Link>
              <Link style={{ color: '#fff' }} to={`/public/powers${q}`}>{t('enforcement.public.nav.powers')}</Link>
              <Link style={{ color: '#fff' }} to={`/public/services${q}`}>{t('powers.public.nav.services')}</Link>
              <Link style={{ color: '#fff' }} to={`/public/oversight-reports${q}`}>{t('powers.public.nav.reports')}</Link>
            </Space>
          </div>
          <Link to="/login" className="fz-public-signin">{t('enforcement.public.signIn')}</Link>
        </div>
      </header>
      <main className="fz-public-inner" style={{ paddingTop: 20, paddingBottom: 40, maxWidth: 1280 }}>{children}</main>
    </div>
  );
}
