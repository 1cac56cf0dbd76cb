import { docNumberProblems } from '../../../common/docnumber';
import { describe, expect, it } from 'vitest';
import { metaSchema, placeholdersOf, publishDeadline } from './schema';
import { breakdown } from './breakdown';

const meta = { issuer: '焦作市中站区人民政府', title: '中站区人民政府关于2021年度法治政府建设工作情况的报告', addressee: '市政府', signature: '焦作市中站区人民政府', issueDate: '2022-02-25', printOrg: '中站区人民政府办公室', printDate: '2022-02-25' };

describe('report page helpers', () => {
  it('checks the 发文字号 on the client with the shared validator, in the UI language', () => {
    expect(metaSchema('zh').safeParse({ ...meta, docNumber: '焦中政文〔2022〕5号' }).success).toBe(true);
    const bad = metaSchema('zh').safeParse({ ...meta, docNumber: '焦中政文[2022]5号' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['docNumber'], message: docNumberProblems('焦中政文[2022]5号')[0].zh });
    expect(bad.error!.issues[0].message).toContain('六角括号');
    const en = metaSchema('en').safeParse({ ...meta, docNumber: '焦中政文〔2022〕第5号' }).error!.issues[0].message;
    expect(en).toBe(docNumberProblems('焦中政文〔2022〕第5号')[0].en);
    expect(en).toContain('第');
  });
  it('finds placeholders with their formats', () => {
    expect(placeholdersOf('受理{{disputes.reconsideration.accepted}}件，结案率{{ disputes.reconsideration.onTimeRate:percent }}')).toEqual([
      { raw: '{{disputes.reconsideration.accepted}}', metricId: 'disputes.reconsideration.accepted', format: undefined },
      { raw: '{{ disputes.reconsideration.onTimeRate:percent }}', metricId: 'disputes.reconsideration.onTimeRate', format: 'percent' },
    ]);
    expect(publishDeadline(2020)).toBe('2021-03-31');
  });
  it('spreads records by unit (most first) and by month', () => {
    const b = breakdown(
      [
        { id: '1', entity: 'x', label: 'a', date: '2020-05-20', unitName: '区城市管理局' },
        { id: '2', entity: 'x', label: 'b', date: '2020-05-02', unitName: '区市场监督管理局' },
        { id: '3', entity: 'x', label: 'c', date: '2020-12-31', unitName: '区市场监督管理局' },
        { id: '4', entity: 'x', label: 'd', date: null, unitName: null },
      ],
      '（未注明单位）',
    );
    expect(b.units).toEqual([['区市场监督管理局', 2], ['区城市管理局', 1], ['（未注明单位）', 1]]);
    expect(b.months).toEqual([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
  });
});
