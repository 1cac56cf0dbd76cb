import { describe, expect, it } from 'vitest';
import { importStep } from './ImportDialog';
import { foldRepeats, previewable, readableChanges } from './RecordDetail';
import { diffEntries } from './diff';
import { monthGrid, shiftMonth } from './monthGrid';
import { formatDate, formatDateTime, formatMetric, formatNumber, punct } from '../format';
import { breadcrumbs, roleKey, visibleNav } from '../layout/nav';
import { en, zh } from '../locales';
import { webModules } from '../modules';
import { safeNext } from '../pages/auth/Login';

describe('import dialog steps', () => {
  it('allows confirming only a clean dry run with rows', () => {
    expect(importStep('checked', { dryRun: true, rowCount: 2, errors: [], committed: 0 })).toEqual({ step: 2, canConfirm: true });
    expect(importStep('checked', { dryRun: true, rowCount: 2, errors: [{ row: 3, column: '单位类型', message: 'x' }], committed: 0 })).toEqual({ step: 1, canConfirm: false });
    expect(importStep('done', null)).toEqual({ step: 3, canConfirm: false });
  });
});

describe('record detail', () => {
  it('previews images and PDF inline, nothing else', () => {
    expect(previewable('image/png')).toBe('image');
    expect(previewable('application/pdf')).toBe('pdf');
    expect(previewable('video/mp4')).toBe('video');
    expect(previewable('audio/mpeg')).toBe('audio');
    expect(previewable('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
  });
  it('diffs before/after with changed fields first and secrets left out', () => {
    const rows = diffEntries({ name: '甲', sort: 1, password_hash: 'x' }, { name: '乙', sort: 1 });
    expect(rows).toEqual([
      { field: 'name', before: '甲', after: '乙', changed: true },
      { field: 'sort', before: '1', after: '1', changed: false },
    ]);
  });
  it('shows only labelled, changed fields in the history when labels are given', () => {
    const rows = readableChanges({ id: 'a', name: '甲', region_id: 'r', updated_at: '1' }, { id: 'a', name: '乙', region_id: 's', updated_at: '2' }, (f) => ({ name: '单位名称' })[f]);
    expect(rows.map((r) => r.field)).toEqual(['单位名称']);
  });
  it('names a code by its field when the page knows it (a case’s decision `penalty` is 给予行政处罚), else by the shared names', () => {
    const byField = (f: string, v: string) => ({ decision: { penalty: '给予行政处罚' } } as Record<string, Record<string, string>>)[f]?.[v];
    const rows = readableChanges({ decision: null, status: 'investigating', fine: null }, { decision: 'penalty', status: 'decided', fine: 2000 }, undefined, 'zh', byField);
    expect(rows.find((r) => r.field === '决定结果' || r.after === '给予行政处罚')?.after).toBe('给予行政处罚');
    expect(rows.find((r) => r.before === 'investigating')).toBeUndefined();
    expect(rows.find((r) => r.after === '2000')).toBeDefined();
  });
  it('leaves ids out of the history, whatever the field is called, and does not show structured values as JSON', () => {
    const rows = readableChanges({ concluded_by: null, checklist: null, co_units: null }, { concluded_by: 'd94a3184-a587-4580-9003-99785093b633', checklist: { risk: true }, co_units: ['区民政局', '区财政局'] }, (f) => ({ concluded_by: '出具人', checklist: '归档材料', co_units: '配合单位' })[f], 'zh');
    expect(rows.find((r) => r.after.includes('d94a3184'))).toBeUndefined();
    expect(rows.map((r) => r.after).sort()).toEqual(['区民政局、区财政局', '（详见正文）'].sort());
  });
  it('starts an English history line with a capital (the shared field names are lower-case for sentences)', () => {
    const rows = readableChanges({ acceptance_mode: null }, { acceptance_mode: 'deemed' }, undefined, 'en', (_f, v) => ({ deemed: 'Deemed' })[v]);
    expect(rows).toEqual([expect.objectContaining({ field: 'Acceptance mode', after: 'Deemed' })]);
  });
  it('folds a run of the same read by the same person into one entry, newest first; a change or another person breaks the run', () => {
    const e = (seq: number, action: string, actor: string, before: unknown = null) => ({ seq, at: `2026-12-01T0${seq}:00:00Z`, actor_name: actor, action, before, after: { id: 'c' } });
    const folded = foldRepeats([e(1, 'receive', '郑'), e(2, 'open', '郑'), e(3, 'open', '郑'), e(4, 'open', '王'), e(5, 'open', '郑'), e(6, 'update', '郑', { a: 1 }), e(7, 'update', '郑', { a: 2 })]);
    expect(folded.map((h) => [h.seq, h.action, h.count, h.first])).toEqual([
      [7, 'update', 1, '2026-12-01T07:00:00Z'],
      [6, 'update', 1, '2026-12-01T06:00:00Z'],
      [5, 'open', 1, '2026-12-01T05:00:00Z'],
      [4, 'open', 1, '2026-12-01T04:00:00Z'],
      [3, 'open', 2, '2026-12-01T02:00:00Z'],
      [1, 'receive', 1, '2026-12-01T01:00:00Z'],
    ]);
  });
});

describe('calendar grid', () => {
  it('starts October 2020 on Thursday in a Monday-first grid', () => {
    const days = Array.from({ length: 31 }, (_, i) => ({ date: `2020-10-${String(i + 1).padStart(2, '0')}`, workday: true, kind: 'workday' as const, provisional: false }));
    const cells = monthGrid(days);
    expect(cells.slice(0, 3)).toEqual([null, null, null]);
    expect(cells[3]?.date).toBe('2020-10-01');
    expect(cells.length % 7).toBe(0);
    expect(shiftMonth('2020-12', 1)).toBe('2021-01');
    expect(shiftMonth('2020-01', -1)).toBe('2019-12');
  });
});

describe('formats', () => {
  it('writes every on-screen date as 2020-10-08 in both languages, instants in Beijing time', () => {
    expect(formatDate('2020-10-08', 'zh')).toBe('2020-10-08');
    expect(formatDate('2020-10-08', 'en')).toBe('2020-10-08');
    expect(formatDateTime('2020-10-08T16:30:00Z', 'zh')).toBe('2020-10-09 00:30');
    expect(formatNumber(12345.6, 'zh')).toBe('12,345.6');
    expect(formatMetric(412, 'person_time', 'zh')).toBe('412 人次');
    expect(formatMetric(null, 'count', 'zh')).toBe('—');
  });
});

describe('punctuation', () => {
  it('joins words full-width in Chinese and with ASCII and spaces in English', () => {
    const zh = punct('zh');
    const en = punct('en');
    expect(`理由${zh.colon}甲${zh.semi}乙${zh.paren('原告')}${zh.list}丙${zh.comma}丁${zh.stop}`).toBe('理由：甲；乙（原告）、丙，丁。');
    expect(`Reasons${en.colon}a${en.semi}b${en.paren('Plaintiff')}${en.list}c${en.comma}d${en.stop}`).toBe('Reasons: a; b (Plaintiff), c, d. ');
    expect(zh.bracket('程序')).toBe('【程序】');
    expect(en.bracket('Procedure')).toBe('[Procedure] ');
  });
});

describe('navigation', () => {
  it('shows only entries the abilities allow, grouped in report order', () => {
    expect(visibleNav(webModules, {})).toEqual([]);
    const g = visibleNav(webModules, { 'org.view': true, 'admin.audit': true, 'admin.settings': false });
    expect(g.map((x) => x.group)).toEqual(['admin']);
    expect(g[0].entries.map((e) => e.path)).toEqual(['/admin/units', '/admin/audit']);
  });
  it('builds breadcrumbs from the menu entry and the detail route', () => {
    expect(breadcrumbs(webModules, '/admin/units/abc').map((c) => c.labelKey)).toEqual(['nav.home', 'nav.group.admin', 'admin.units', 'adminPages.unit.detail']);
  });
  it('returns after sign-in only to paths of this app', () => {
    expect(safeNext('/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('role names in the header', () => {
  const label = (table: typeof zh | typeof en, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], table);
  it('names a city or province office and leader by their level, a district’s and a unit’s by role', () => {
    expect(label(zh, roleKey({ role: 'office', level: 'city' }))).toBe('依法治市办');
    expect(label(zh, roleKey({ role: 'leader', level: 'city' }))).toBe('市领导');
    expect(label(en, roleKey({ role: 'leader', level: 'province' }))).toBe('Provincial leader');
    expect(label(zh, roleKey({ role: 'office', level: 'district' }))).toBe('依法治区办');
    expect(label(zh, roleKey({ role: 'leader', level: 'district' }))).toBe('区领导');
    expect(label(zh, roleKey({ role: 'liaison', level: null }))).toBe('单位联络员');
    expect(label(zh, roleKey({ role: 'viewer', level: 'city' }))).toBe('上级查看');
  });
});
