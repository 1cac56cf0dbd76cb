import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { zh, en } from './locales';
import { setApiLanguage } from './api/client';
import { punct, type Lang } from './format';

const STORAGE_KEY = 'fazhi.lang';

/** The remembered UI language (zh-CN by default). */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const initial = storedLang();
setApiLanguage(initial);
void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = initial === 'zh' ? 'zh-CN' : 'en';

/** Adds a module's strings under its key (`t('<key>.…')`). */
export function addModuleStrings(key: string, strings: { zh: Record<string, unknown>; en: Record<string, unknown> }) {
  i18next.addResourceBundle('zh', 'translation', { [key]: strings.zh }, true, true);
  i18next.addResourceBundle('en', 'translation', { [key]: strings.en }, true, true);
}

/** Switches and remembers the UI language. */
export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  setApiLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  await i18next.changeLanguage(lang);
}

/**
 * `t` plus the current language as `'zh' | 'en'`, and the punctuation that joins translated words in it
 * (never a hard-coded full-width mark next to `t(…)`: English would read `Reasons：x；y`):
 * - `colon` after a label: `：` / `: `;
 * - `semi` between items read as one sentence: `；` / `; `;
 * - `comma` between parts inside one clause: `，` / `, `;
 * - `list` between enumerated names: `、` / `, `;
 * - `stop` ending a sentence that a link or another sentence follows: `。` / `. `;
 * - `paren(s)` an aside after a word: `（s）` / ` (s)` (the English space included);
 * - `bracket(s)` a category before a line: `【s】` / `[s] `.
 *
 * Components that get `lang` instead of calling this use `punct(lang)` from `format.ts`, the same table.
 */
export function useT() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return { t, lang, ...punct(lang) };
}

export default i18next;
