import { Typography } from 'antd';

/** A cell cut to a width with an ellipsis, the full text on hover (lists fit 1440 px; the record's page shows it all). */
export const clip = (width: number) => (v: string | null | undefined) =>
  v ? <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: width }}>{v}</Typography.Text> : '—';
