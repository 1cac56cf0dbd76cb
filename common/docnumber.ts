import { z } from 'zod';

/**
 * 发文字号 (document number) per GB/T 9704-2012 7.2.5: 机关代字 + year in full within 六角括号 〔〕 +
 * sequence number without 「第」 and without leading zeros (1 not 01) + 「号」, e.g. `焦中政文〔2021〕3号`.
 * Shared by the server (validation, numbering) and the web (form validation).
 */
export const DOC_NUMBER_RE = /^([^\s〔〕0-9]+)〔(\d{4})〕([1-9]\d*)号$/;
/** Same as DOC_NUMBER_RE (name used by the report module). */
export const DOC_NUMBER = DOC_NUMBER_RE;

/** The parts of a valid 发文字号. */
export interface DocNumberParts {
  /** 机关代字, e.g. 焦中政. */
  prefix: string;
  year: number;
  seq: number;
}

/** A problem found in a 发文字号, in both UI languages. */
export interface DocNumberProblem {
  zh: string;
  en: string;
}

const WRONG_BRACKETS = /[（([【〖﹝［][^）)\]】〗﹞］]*[）)\]】〗﹞］]/;

/** Checks a 发文字号 and names every problem (empty list = valid). */
export function docNumberProblems(value: string): DocNumberProblem[] {
  const s = value ?? '';
  const out: DocNumberProblem[] = [];
  if (!s.trim()) return [{ zh: '发文字号不能为空', en: 'The document number is required' }];
  if (/\s/.test(s)) out.push({ zh: '发文字号中不得有空格', en: 'No spaces in a document number' });
  if (!s.includes('〔') || !s.includes('〕')) {
    if (WRONG_BRACKETS.test(s)) out.push({ zh: '年份应使用六角括号“〔〕”括入，不得使用圆括号、方括号或其他括号', en: 'Enclose the year in hexagonal brackets 〔〕, not other brackets' });
    else out.push({ zh: '年份应使用六角括号“〔〕”括入', en: 'Enclose the year in hexagonal brackets 〔〕' });
  }
  const year = /[〔（([【〖﹝［](\d+)[〕）)\]】〗﹞］]/.exec(s)?.[1];
  if (year !== undefined && year.length !== 4) out.push({ zh: '年份应标全称（四位数字，如2021）', en: 'Write the year in full (four digits)' });
  if (year !== undefined && year.length === 4 && (Number(year) < 1949 || Number(year) > 2100)) out.push({ zh: `年份${year}不合理`, en: `Implausible year ${year}` });
  const after = s.replace(/^.*[〕）)\]】〗﹞］]/, '');
  if (/第/.test(after)) out.push({ zh: '发文顺序号不加“第”字', en: 'No 「第」 before the sequence number' });
  const seq = /(\d+)号?$/.exec(after.replace(/号$/, ''))?.[1];
  if (seq !== undefined && /^0/.test(seq)) out.push({ zh: '发文顺序号不编虚位（1不编为01）', en: 'No leading zeros in the sequence number (1, not 01)' });
  if (!/号$/.test(s)) out.push({ zh: '发文字号应以“号”字结尾（发文顺序号后加“号”字）', en: 'The number must end with 号' });
  const code = /^([^〔（([【〖﹝［]*)/.exec(s)?.[1] ?? '';
  if (!code.trim()) out.push({ zh: '缺少发文机关代字', en: 'The issuing organ code is missing' });
  else if (/\d/.test(code)) out.push({ zh: '发文机关代字中不应含数字', en: 'The organ code should contain no digits' });
  if (out.length === 0 && !DOC_NUMBER_RE.test(s)) out.push({ zh: '发文字号格式应为“机关代字〔年份〕序号号”，如 焦中政文〔2021〕3号', en: 'Format: code〔year〕N号, e.g. 焦中政文〔2021〕3号' });
  return out;
}

/** Parses a valid 发文字号, or null. */
export function parseDocNumber(value: string): DocNumberParts | null {
  const m = DOC_NUMBER_RE.exec(value ?? '');
  if (!m) return null;
  const year = Number(m[2]);
  if (year < 1949 || year > 2100) return null;
  return { prefix: m[1], year, seq: Number(m[3]) };
}

/** Formats a 发文字号 from its parts (机关代字〔YYYY〕N号). */
export function formatDocNumber(p: DocNumberParts): string {
  return `${p.prefix}〔${p.year}〕${p.seq}号`;
}

/** 机关代字 alone (e.g. 焦中政办): no digits, brackets or spaces. */
export const IssuerCode = z
  .string()
  .trim()
  .min(2, { message: '机关代字至少2个字' })
  .max(12)
  .regex(/^[^\s〔〕0-9（）()[\]【】]+$/, { message: '机关代字不得含数字、空格或括号' });

/** A 发文字号 field: the message names the first problem (GB/T 9704-2012 7.2.5). */
export const DocNumber = z
  .string()
  .max(40)
  .superRefine((v, ctx) => {
    const p = docNumberProblems(v);
    if (p.length) ctx.addIssue({ code: 'custom', message: p.map((x) => x.zh).join('；') });
  });
