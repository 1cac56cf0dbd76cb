import { useState } from 'react';
import { Button, DatePicker, Popover, Space, Typography } from 'antd';
import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Years } from '../../../common/core-api';

/**
 * The monthly statistical table a justice bureau reports upward (法律援助 / 人民调解 统计月报表): pick the
 * month, download the workbook of the month and the year to date, computed within the reader's scope.
 * Opens on the last month of the working year (this month in the current year).
 */
export function MonthlyExport({ url, testId }: { url: string; testId: string }) {
  const { t } = useT();
  const years = useApi<Years>('/api/v1/years');
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const working = years.data?.working;
  const fallback = working && working < dayjs().year() ? dayjs(`${working}-12-01`) : dayjs().startOf('month');
  const month = picked ?? fallback;
  const content = (
    <Space orientation="vertical" style={{ width: 260 }}>
      <Typography.Text type="secondary">{t('legalaid.monthly.hint')}</Typography.Text>
      <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => setPicked(d)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} style={{ width: '100%' }} data-testid={`${testId}-month`} />
      <Button type="primary" icon={<DownloadOutlined />} href={`${url}?month=${month.format('YYYY-MM')}`} block data-testid={`${testId}-download`}>
        {t('legalaid.monthly.download')}
      </Button>
    </Space>
  );
  return (
    <Popover content={content} title={t('legalaid.monthly.title')} trigger="click" placement="bottomLeft">
      <Button icon={<BarChartOutlined />} data-testid={testId}>{t('legalaid.monthly.button')}</Button>
    </Popover>
  );
}
