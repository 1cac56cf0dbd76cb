import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorMap, localiseIssues } from './messages.js';
import { ReconsiderationInput } from './disputes-inputs.js';
import { DateStr } from './schemas.js';
import { actionLabel, entityLabel, fieldLabel, recordTitle } from './labels.js';

const issues = (schema: z.ZodType, v: unknown, lang: 'zh' | 'en') => {
  const r = schema.safeParse(v, { error: fieldErrorMap(lang) });
  return r.success ? [] : localiseIssues(r.error.issues, v, lang).map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('form messages name the field in the reader’s language', () => {
  it('asks to choose the respondent and enter the applicant on an empty reconsideration form', () => {
    expect(issues(ReconsiderationInput, {}, 'zh')).toEqual(expect.arrayContaining(['respondentUnitId: 请选择被申请人', 'applicantName: 请填写申请人', 'caseType: 请选择案件类型']));
    expect(issues(ReconsiderationInput, {}, 'en')).toEqual(expect.arrayContaining(['respondentUnitId: Select the respondent', 'applicantName: Enter the applicant']));
  });

  it('says how long a text may be and which option list to use', () => {
    const s = z.object({ applicantName: z.string().max(5), applicantType: z.enum(['natural', 'legal']) });
    expect(issues(s, { applicantName: '一二三四五六', applicantType: 'x' }, 'zh')).toEqual(['applicantName: 申请人不能超过5个字', 'applicantType: 请从列表中选择申请人类型']);
    expect(issues(s, { applicantName: '一二三四五六', applicantType: 'x' }, 'en')).toEqual(['applicantName: The applicant can be at most 5 characters', 'applicantType: Choose the applicant type from the list']);
  });

  it('names the date field in a bad or out-of-range date', () => {
    const s = z.object({ receivedDate: DateStr });
    expect(issues(s, { receivedDate: '2020-02-30' }, 'zh')).toEqual(['receivedDate: 收到日期不是有效日期']);
    expect(issues(s, { receivedDate: '9999-01-01' }, 'zh')).toEqual(['receivedDate: 收到日期超出范围，应在1900年至2100年之间']);
    expect(issues(s, { receivedDate: '2020/1/1' }, 'en')).toEqual(['receivedDate: The date received must be a date (YYYY-MM-DD)']);
  });

  it('re-words a schema’s own Chinese message in English', () => {
    const s = z.object({ username: z.string().min(1, { message: '请输入用户名' }) });
    expect(issues(s, { username: '' }, 'zh')).toEqual(['username: 请输入用户名']);
    expect(issues(s, { username: '' }, 'en')).toEqual(['username: Enter the username']);
  });
});

describe('labels', () => {
  it('names actions, entities and fields, and a record by its title', () => {
    expect(actionLabel('approve_review', 'zh')).toBe('审核通过');
    expect(entityLabel('normative_document', 'en')).toBe('Normative document');
    expect(fieldLabel('filingDue', 'zh')).toBe('备案期限');
    expect(recordTitle({ id: 'x', title: '中站区城乡居民最低生活保障实施细则' })).toBe('中站区城乡居民最低生活保障实施细则');
  });
});
