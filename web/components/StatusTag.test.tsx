import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import '../i18n';
import { StatusTag, statusLabel, type StatusMap } from './StatusTag';

const map: StatusMap = {
  draft: { color: 'default', label: { zh: '草稿', en: 'Draft' } },
  closed: { color: 'green', labelKey: 'deadline.done' },
};

describe('status tag', () => {
  it('labels a status from its literal label or its i18n key, and unknown statuses by their key', () => {
    const t = (k: string) => (k === 'deadline.done' ? '已办结' : k);
    expect(statusLabel(map, 'draft', t, 'zh')).toBe('草稿');
    expect(statusLabel(map, 'draft', t, 'en')).toBe('Draft');
    expect(statusLabel(map, 'closed', t, 'zh')).toBe('已办结');
    expect(statusLabel(map, 'weird', t, 'zh')).toBe('weird');
  });
  it('renders the coloured tag in the UI language', () => {
    const html = renderToStaticMarkup(<StatusTag status="closed" map={map} />);
    expect(html).toContain('已办结');
    expect(html).toContain('data-status="closed"');
    expect(html).toContain('ant-tag-green');
  });
});
