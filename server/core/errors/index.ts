/** A message in both UI languages. */
export interface Msg {
  zh: string;
  en: string;
}

/** Field-level problem, named by its path (e.g. `rows.3.deadline`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type services throw. The edge maps it to
 * `{ error: { code, message, details } }` with the message in the request's language.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly msg: Msg,
    public readonly details?: unknown,
  ) {
    super(`${code}: ${msg.en}`);
  }
}

/** 400 with the bad fields named. */
export const badRequest = (code: string, msg: Msg, details?: unknown) => new AppError(400, code, msg, details);
/** 404 — used alike for unknown and forbidden ids so nothing leaks. */
export const notFound = (what: Msg = { zh: '记录', en: 'Record' }) =>
  new AppError(404, 'NOT_FOUND', { zh: `${what.zh}不存在或无权访问`, en: `${what.en} not found` });
/** 403 — the caller is signed in but their role may not do this at all. */
export const forbidden = (msg: Msg = { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' }) =>
  new AppError(403, 'FORBIDDEN', msg);
/** 409 — the record's state does not allow the action (the message names the rule). */
export const conflict = (code: string, msg: Msg, details?: unknown) => new AppError(409, code, msg, details);
/** 401 — not signed in or session expired. */
export const unauthorized = (
  code = 'UNAUTHENTICATED',
  msg: Msg = { zh: '请先登录', en: 'Please sign in' },
) => new AppError(401, code, msg);

/** Picks zh or en from an Accept-Language header (zh is the default). */
export function pickLang(acceptLanguage: string | undefined): 'zh' | 'en' {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
