/**
 * Formatting shared by every page. The one date rule: the screens show every date as `2020-10-08`
 * (tables, forms, detail pages, both languages — short, sortable, the same as what is typed); only the
 * official documents (the annual report, GB/T 9704) write `2020年10月8日`. Numbers per locale.
 */

/** UI language. */
export type Lang = 'zh' | 'en';

function parts(value: string | Date): { y: number; m: number; d: number; hh: number; mm: number } | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return { y, m, d, hh: 0, mm: 0 };
  }
  const dt = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(dt.getTime())) return null;
  // The district's time zone is Asia/Shanghai (UTC+8, no daylight saving).
  const s = new Date(dt.getTime() + 8 * 3600_000);
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), hh: s.getUTCHours(), mm: s.getUTCMinutes() };
}
const p2 = (n: number) => String(n).padStart(2, '0');

/** A date on screen: `2020-10-08` in both languages (see the rule above). Empty for null. */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  void lang;
  return `${p.y}-${p2(p.m)}-${p2(p.d)}`;
}

/** An instant with minutes, in Beijing time: `2020-10-08 14:05`. */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${formatDate(`${p.y}-${p2(p.m)}-${p2(p.d)}`, lang)} ${p2(p.hh)}:${p2(p.mm)}`;
}

/** A number with the locale's grouping (`12,345.6`). Null → em dash. */
export function formatNumber(value: number | null | undefined, lang: Lang, opts: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2, ...opts }).format(value);
}

/** A metric value with its unit (`100%`, `412 人次`, `1,200.00 元`). */
export function formatMetric(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const n = formatNumber(value, lang, unit === 'yuan' ? { minimumFractionDigits: 2 } : {});
  const zhUnits: Record<string, string> = { count: '', percent: '%', yuan: ' 元', person: ' 人', person_time: ' 人次', item: ' 件' };
  const enUnits: Record<string, string> = { count: '', percent: '%', yuan: ' yuan', person: ' persons', person_time: ' person-times', item: ' items' };
  return n + ((lang === 'zh' ? zhUnits : enUnits)[unit] ?? '');
}

/** Punctuation between a label and its text, and between items, in one UI language (see {@link punct}). */
export interface Punct {
  /** After a label: `：` / `: ` (`Reasons: …`). */
  colon: string;
  /** Between clauses or items of a list read as one sentence: `；` / `; `. */
  semi: string;
  /** Between parts inside one clause (a firm and a year in brackets): `，` / `, `. */
  comma: string;
  /** Between enumerated names (roles, units): `、` / `, `. */
  list: string;
  /** After the last sentence before a link or another sentence: `。` / `. `. */
  stop: string;
  /** An aside after a word: `（s）` / ` (s)` — the space is part of the English form, so write `${name}${paren(x)}`. */
  paren: (s: string | number) => string;
  /** A category before a line: `【s】` / `[s] `. */
  bracket: (s: string | number) => string;
}

const PUNCT: Record<Lang, Punct> = {
  zh: { colon: '：', semi: '；', comma: '，', list: '、', stop: '。', paren: (s) => `（${s}）`, bracket: (s) => `【${s}】` },
  en: { colon: ': ', semi: '; ', comma: ', ', list: ', ', stop: '. ', paren: (s) => ` (${s})`, bracket: (s) => `[${s}] ` },
};

/**
 * The one way a page joins translated words with punctuation: full-width `：；，、。（）【】` in Chinese,
 * ASCII with spaces in English. `useT()` returns the same; components without it call `punct(lang)`.
 * Chinese-only output (the GB/T 9704 official documents) keeps its own full-width punctuation.
 */
export function punct(lang: Lang): Punct {
  return PUNCT[lang];
}

/** A file size (`1.2 MB`). */
export function formatBytes(n: number | string): string {
  const v = Number(n);
  if (v < 1024) return `${v} B`;
  if (v < 1024 * 1024) return `${(v / 1024).toFixed(1)} KB`;
  return `${(v / 1024 / 1024).toFixed(1)} MB`;
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayStr(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Natural days from a to b (b − a), dates as YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
