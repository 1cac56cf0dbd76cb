import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Select } from 'antd';
import type { Years } from '../../common/core-api';
import { useApi } from '../api/useApi';
import { useT } from '../i18n';

/**
 * The year a page shows, kept in the URL (`?year=`): the user's choice, else the year being worked on
 * (the report year, from `GET /api/v1/years`), never a calendar year with no data. `null` while loading.
 */
export function useWorkYear(): { year: number | null; years: number[]; setYear: (y: number) => void } {
  const [params, setParams] = useSearchParams();
  const info = useApi<Years>('/api/v1/years');
  const fromUrl = Number(params.get('year'));
  const chosen = Number.isInteger(fromUrl) && fromUrl >= 2000 && fromUrl <= 2100 ? fromUrl : null;
  const year = chosen ?? info.data?.working ?? null;
  const setYear = (y: number) =>
    setParams(
      (p) => {
        p.set('year', String(y));
        return p;
      },
      { replace: true },
    );
  // Put the opened year in the URL, so a shared link opens the same year.
  useEffect(() => {
    if (!chosen && info.data) setYear(info.data.working);
  }, [chosen, info.data]);
  const years = [...new Set([...(info.data?.years ?? []), ...(year ? [year] : [])])].sort((a, b) => b - a);
  return { year, years, setYear };
}

/** The one year picker of the platform: the years with records, newest first. */
export function YearSelect({ value, years, onChange, testId }: { value: number | null; years: number[]; onChange: (y: number) => void; testId?: string }) {
  const { lang } = useT();
  return (
    <Select
      value={value ?? undefined}
      loading={value === null}
      style={{ width: 110 }}
      data-testid={testId ?? 'year-select'}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: lang === 'zh' ? `${y}年` : String(y) }))}
    />
  );
}
