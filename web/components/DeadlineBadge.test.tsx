import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from '../i18n';
import { DeadlineBadge, deadlineState } from './DeadlineBadge';

describe('deadline badge', () => {
  it('is overdue after the due date, due soon within 3 days, open before', () => {
    expect(deadlineState('2020-10-09', false, '2020-10-10')).toBe('overdue');
    expect(deadlineState('2020-10-13', false, '2020-10-10')).toBe('due_soon');
    expect(deadlineState('2020-10-10', false, '2020-10-10')).toBe('due_soon');
    expect(deadlineState('2020-10-14', false, '2020-10-10')).toBe('open');
    expect(deadlineState('2020-10-01', true, '2020-10-10')).toBe('done');
  });
  it('shows the computed date in Chinese, the state with its distance, and a provisional mark', () => {
    const html = renderToStaticMarkup(<DeadlineBadge dueDate="2020-10-08" today="2020-10-10" provisional basis="行政诉讼法 第六十七条" explain="收到起诉状副本之日起十五日" lang="zh" />);
    expect(html).toContain('2020-10-08');
    expect(html).toContain('已逾期 · 逾期 2 天');
    expect(html).toContain('暂定');
    expect(html).toContain('data-state="overdue"');
  });
  it('shows ISO dates in English', () => {
    const html = renderToStaticMarkup(<DeadlineBadge dueDate="2020-10-12" today="2020-10-10" lang="en" />);
    expect(html).toContain('2020-10-12');
    expect(html).toContain('data-state="due_soon"');
  });
  it('says "1 day left" and "2 days overdue" in English (the singular from the `_one` key)', async () => {
    await i18next.changeLanguage('en');
    try {
      expect(renderToStaticMarkup(<DeadlineBadge dueDate="2020-10-11" today="2020-10-10" lang="en" />)).toContain('1 day left');
      expect(renderToStaticMarkup(<DeadlineBadge dueDate="2020-10-08" today="2020-10-10" lang="en" />)).toContain('2 days overdue');
      expect(renderToStaticMarkup(<DeadlineBadge dueDate="2020-10-09" today="2020-10-10" lang="en" />)).toContain('1 day overdue');
    } finally {
      await i18next.changeLanguage('zh');
    }
  });
});
