/**
 * 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 年份(全称, 六角括号〔〕) + 发文顺序号 (no 第, no leading
 * zeros) + 号, e.g. `焦中政文〔2021〕3号`.
 */
export const DOC_NUMBER = /^([\u4e00-\u9fa5]{1,12})〔(\d{4})〕([1-9]\d{0,4})号$/;

/** Problems of a 发文字号 (empty when valid), in zh and en. */
export function docNumberProblems(s: string): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  const v = s.trim();
  if (!v) return [{ zh: '发文字号不能为空', en: 'The document number is empty' }];
  if (/[[\]【】()（）{}［］]/.test(v) && !v.includes('〔'))
    out.push({ zh: '年份应用六角括号“〔〕”括入，不能使用其他括号', en: 'The year must be in hexagonal brackets 〔〕' });
  if (/第\d+号$/.test(v)) out.push({ zh: '发文顺序号不加“第”字', en: 'No 第 before the sequence number' });
  if (/〔\d{4}〕0\d*号$/.test(v)) out.push({ zh: '发文顺序号不编虚位（1不编为01）', en: 'No leading zeros in the sequence number' });
  if (/〔\d{2}〕/.test(v)) out.push({ zh: '年份应标全称（四位）', en: 'The year must have four digits' });
  if (!/号$/.test(v)) out.push({ zh: '发文字号应以“号”字结尾', en: 'The number must end with 号' });
  if (!out.length && !DOC_NUMBER.test(v))
    out.push({ zh: '发文字号格式应为“机关代字〔年份〕序号号”，如：焦中政文〔2021〕3号', en: 'Format: 代字〔YYYY〕N号, e.g. 焦中政文〔2021〕3号' });
  return out;
}

/** Parses a valid 发文字号 into its parts, or null. */
export function parseDocNumber(s: string): { prefix: string; year: number; seq: number } | null {
  const m = DOC_NUMBER.exec(s.trim());
  return m ? { prefix: m[1], year: Number(m[2]), seq: Number(m[3]) } : null;
}
