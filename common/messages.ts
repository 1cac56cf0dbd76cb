/**
 * Form error messages a person understands, the same on the page and in the API's 400 bodies:
 * "请选择被申请人" / "Select the respondent", "申请人不能超过80个字" / "The applicant can be at most
 * 80 characters". Field names come from `labels.ts`; a schema's own message (a rule written for its
 * form) is kept as written. Used as zod's error map: `schema.safeParse(v, { error: fieldErrorMap('en') })`.
 */
import { z } from 'zod';
import { fieldLabel, isPickField, type Lang } from './labels.js';

/** The zod issue as an error map receives it. */
type RawIssue = z.core.$ZodRawIssue;

/** The field an issue is about: the last named part of its path (`grants.0.unitId` → `unitId`). */
function fieldOf(path: readonly PropertyKey[] | undefined): string | undefined {
  const named = (path ?? []).filter((p): p is string => typeof p === 'string');
  return named[named.length - 1];
}

const EMPTY = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A date check's params (`DateStr` in schemas.ts refines with these). */
export type DateParams = { fz: 'invalidDate' } | { fz: 'dateRange'; min: number; max: number };

/** The message for one issue in a language, or undefined to fall back to zod's own. */
export function fieldMessage(iss: RawIssue, lang: Lang): string | undefined {
  const field = fieldOf(iss.path as PropertyKey[] | undefined);
  const label = field ? fieldLabel(field, lang) : undefined;
  const zh = lang === 'zh';
  const L = label ?? (zh ? '此项' : 'this field');
  const pick = field ? isPickField(field) : false;
  const required = () => (label ? (zh ? `请${pick ? '选择' : '填写'}${label}` : `${pick ? 'Select' : 'Enter'} the ${label}`) : zh ? '此项为必填项' : 'This field is required');
  const i = iss as RawIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; params?: DateParams };
  switch (iss.code) {
    case 'invalid_type':
      return EMPTY(iss.input) ? required() : zh ? `${L}的格式不正确` : `The ${L} is not valid`;
    case 'invalid_value':
      return EMPTY(iss.input) ? required() : zh ? `请从列表中选择${L}` : `Choose the ${L} from the list`;
    case 'invalid_format':
      if (EMPTY(iss.input)) return required();
      if (i.format === 'uuid' || i.format === 'guid') return zh ? `请从列表中选择${L}` : `Choose the ${L} from the list`;
      if (i.format === 'regex' && field && /date|Date|_on$|On$|^day$|^on$|^from$|^to$/.test(field)) return zh ? `${L}应为日期，格式为 YYYY-MM-DD` : `The ${L} must be a date (YYYY-MM-DD)`;
      return zh ? `${L}的格式不正确` : `The ${L} is not in the right format`;
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return EMPTY(iss.input) ? required() : zh ? `${L}至少${min}个字` : `The ${L} needs at least ${min} characters`;
      if (i.origin === 'array' || i.origin === 'set') return EMPTY(iss.input) ? required() : zh ? `${L}至少${min}项` : `Choose at least ${min} for the ${L}`;
      if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint') return zh ? `${L}不能小于${min}` : `The ${L} must be at least ${min}`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return zh ? `${L}不能超过${max}个字` : `The ${L} can be at most ${max} characters`;
      if (i.origin === 'array' || i.origin === 'set') return zh ? `${L}最多${max}项` : `The ${L} can have at most ${max}`;
      if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint') return zh ? `${L}不能大于${max}` : `The ${L} must be at most ${max}`;
      return undefined;
    }
    case 'custom':
      if (i.params?.fz === 'invalidDate') return zh ? `${L}不是有效日期` : `The ${L} is not a real date`;
      if (i.params?.fz === 'dateRange') return zh ? `${label ?? '日期'}超出范围，应在${i.params.min}年至${i.params.max}年之间` : `The ${L} must fall between ${i.params.min} and ${i.params.max}`;
      return undefined;
    default:
      return undefined;
  }
}

const fallback = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** zod's error map for a language: our message, else zod's localised one. */
export function fieldErrorMap(lang: Lang): z.core.$ZodErrorMap {
  return (iss) => fieldMessage(iss, lang) ?? (fallback[lang] as z.core.$ZodErrorMap)(iss);
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A schema's own message is written in Chinese (`min(1, { message: '请输入用户名' })`); in English
 * such an issue is re-worded from its code, field and the submitted value.
 */
export function localiseIssues<I extends { code: string; path: PropertyKey[]; message: string }>(issues: I[], data: unknown, lang: Lang): I[] {
  if (lang === 'zh') return issues;
  return issues.map((iss) => {
    if (!CJK.test(iss.message)) return iss;
    let input: unknown = data;
    for (const p of iss.path) input = input && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[p] : undefined;
    const m = fieldMessage({ ...(iss as object), input } as unknown as RawIssue, 'en');
    return { ...iss, message: m ?? (EMPTY(input) ? 'This field is required' : 'This value is not valid') };
  });
}
