import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Dropdown, Progress, Space, Typography } from 'antd';
import { CloudDownloadOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useT } from '../i18n';
import { formatDateTime } from '../format';

/** A long operation as the server reports it (GET /api/v1/jobs). */
export interface Job {
  id: string;
  kind: string;
  title: string | null;
  status: 'running' | 'done' | 'failed';
  progress: number;
  total: number | null;
  error: string | null;
  createdAt: string;
  fileName: string | null;
}

/** Percent done of a job (0 when its size is unknown). */
export function jobPercent(j: Pick<Job, 'status' | 'progress' | 'total'>): number {
  if (j.status === 'done') return 100;
  if (!j.total) return 0;
  return Math.min(99, Math.round((j.progress / j.total) * 100));
}

/**
 * The header's "后台任务" menu: the user's long operations (report rendering, exports) with progress;
 * polls while any runs, so a user can leave a page and come back for the file. Pages start a job and
 * call `refreshJobs()` to show it at once.
 */
export function JobsMenu() {
  const { t, lang } = useT();
  const [jobs, setJobs] = useState<Job[]>([]);
  const load = useCallback(async () => {
    try {
      setJobs((await api.get<{ items: Job[] }>('/api/v1/jobs')).items);
    } catch {
      /* the shell handles session loss */
    }
  }, []);
  useEffect(() => {
    void load();
    const onRefresh = () => void load();
    window.addEventListener('fazhi:jobs', onRefresh);
    return () => window.removeEventListener('fazhi:jobs', onRefresh);
  }, [load]);
  const running = jobs.filter((j) => j.status === 'running').length;
  useEffect(() => {
    const id = window.setInterval(() => void load(), running ? 1500 : 30_000);
    return () => window.clearInterval(id);
  }, [running, load]);

  const items = jobs.length
    ? jobs.slice(0, 8).map((j) => ({
        key: j.id,
        label: (
          <div style={{ width: 340 }} data-testid="job-item">
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text ellipsis style={{ maxWidth: 240 }}>{j.title ?? j.kind}</Typography.Text>
              {j.status === 'done' && j.fileName && (
                <Button size="small" type="link" icon={<CloudDownloadOutlined />} href={`/api/v1/jobs/${j.id}/download`}>
                  {t('jobs.download')}
                </Button>
              )}
            </Space>
            {j.status === 'failed' ? (
              <Typography.Text type="danger">{j.error ?? t('jobs.failed')}</Typography.Text>
            ) : (
              <Progress percent={jobPercent(j)} size="small" status={j.status === 'running' ? 'active' : 'success'} />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(j.createdAt, lang)}</Typography.Text>
          </div>
        ),
      }))
    : [{ key: 'none', label: <span className="fz-muted">{t('jobs.none')}</span>, disabled: true }];

  return (
    <Dropdown menu={{ items }} trigger={['click']} onOpenChange={(o) => o && void load()}>
      <a onClick={(e) => e.preventDefault()} data-testid="jobs-menu" style={{ color: '#111827', marginRight: 24 }}>
        <Badge count={running} size="small">
          <Space>
            <FieldTimeOutlined />
            <span>{t('jobs.title')}</span>
          </Space>
        </Badge>
      </a>
    </Dropdown>
  );
}

/** Asks the jobs menu to reload (after a page started a job). */
export function refreshJobs() {
  window.dispatchEvent(new Event('fazhi:jobs'));
}
