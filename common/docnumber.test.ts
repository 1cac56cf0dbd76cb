import { describe, expect, it } from 'vitest';
import { docNumberProblems, parseDocNumber } from './docnumber.js';

describe('发文字号 validator (GB/T 9704 7.2.5)', () => {
  it('accepts 焦中政文〔2021〕3号', () => {
    expect(docNumberProblems('焦中政文〔2021〕3号')).toEqual([]);
    expect(parseDocNumber('焦中政文〔2021〕3号')).toEqual({ prefix: '焦中政文', year: 2021, seq: 3 });
  });
  it.each([
    ['焦中政文[2021]3号', '六角括号'],
    ['焦中政文（2021）3号', '六角括号'],
    ['焦中政文〔2021〕第3号', '不加“第”字'],
    ['焦中政文〔2021〕03号', '不编虚位'],
    ['焦中政文〔21〕3号', '全称'],
    ['焦中政文〔2021〕3', '“号”字结尾'],
  ])('rejects %s (%s)', (s, why) => {
    const p = docNumberProblems(s);
    expect(p.length).toBeGreaterThan(0);
    expect(p.map((x) => x.zh).join()).toContain(why);
  });
});
