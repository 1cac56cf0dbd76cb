import { describe, expect, it } from 'vitest';
import { DocNumber, docNumberProblems, formatDocNumber, parseDocNumber } from './docnumber.js';

describe('发文字号 validator (GB/T 9704-2012 7.2.5)', () => {
  it.each(['焦中政文〔2021〕3号', '焦中政〔2016〕12号', '焦中政办〔2018〕5号', '国办发〔2018〕115号', '豫政规〔2020〕1号'])('accepts %s', (s) => {
    expect(docNumberProblems(s)).toEqual([]);
    expect(DocNumber.safeParse(s).success).toBe(true);
  });
  it.each([
    ['焦中政文[2021]3号', '六角括号'],
    ['焦中政文（2021）3号', '六角括号'],
    ['焦中政文〔2021〕第3号', '不加“第”字'],
    ['焦中政文〔2021〕03号', '不编虚位'],
    ['焦中政文〔21〕3号', '全称'],
    ['焦中政文〔2021〕3', '“号”字结尾'],
  ])('names the rule for %s (%s) as the report module relies on', (s, why) => {
    expect(docNumberProblems(s).map((x) => x.zh).join()).toContain(why);
  });
  it('parses and formats back', () => {
    expect(parseDocNumber('焦中政文〔2021〕3号')).toEqual({ prefix: '焦中政文', year: 2021, seq: 3 });
    expect(formatDocNumber({ prefix: '焦中政办', year: 2018, seq: 5 })).toBe('焦中政办〔2018〕5号');
  });
  const bad: [string, string][] = [
    ['焦中政文（2021）3号', '六角括号'],
    ['焦中政文[2021]3号', '六角括号'],
    ['焦中政文【2021】3号', '六角括号'],
    ['焦中政文〔21〕3号', '四位'],
    ['焦中政文〔2021〕03号', '虚位'],
    ['焦中政文〔2021〕第3号', '第'],
    ['焦中政文〔2021〕3', '号'],
    ['〔2021〕3号', '机关代字'],
    ['焦中政文 〔2021〕3号', '空格'],
    ['焦中政文〔2021〕0号', '虚位'],
    ['', '不能为空'],
  ];
  it.each(bad)('rejects %s naming the problem (%s)', (s, word) => {
    const p = docNumberProblems(s);
    expect(p.length).toBeGreaterThan(0);
    expect(p.map((x) => x.zh).join('；')).toContain(word);
    expect(parseDocNumber(s)).toBeNull();
    expect(DocNumber.safeParse(s).success).toBe(false);
  });
});
