import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, badRequest, pickLang, unauthorized, forbidden } from './errors/index.js';
import { fromDatabaseError } from './errors/database.js';
import { fieldErrorMap, localiseIssues } from '../../common/messages.js';
import { loadSession } from './auth/service.js';
import type { Actor } from './scope/index.js';
import type { App, AppContext } from './module.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Route answers without a session (sign-in, public portal). Everything else under /api needs one. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in person, or null. */
    actor: Actor | null;
    /** The CSRF token of the session. */
    csrfToken: string | null;
    /** zh or en, from Accept-Language. */
    lang: 'zh' | 'en';
  }
}

/** Session cookie name. */
export const SESSION_COOKIE = 'fazhi_sid';
/** Readable cookie holding the CSRF token (double submit: the UI echoes it in X-CSRF-Token). */
export const CSRF_COOKIE = 'fazhi_csrf';

// Field messages that name the field ("请选择被申请人" / "Select the respondent"), else zod's own.
const zh = fieldErrorMap('zh');
const en = fieldErrorMap('en');

/** A request that failed its zod schema, with issues in both languages. */
export class RequestValidationError extends Error {
  statusCode = 400;
  constructor(
    public readonly zhIssues: z.core.$ZodIssue[],
    public readonly enIssues: z.core.$ZodIssue[],
    public validationContext?: string,
  ) {
    super('Request validation failed');
  }
}

/** Validates with zod; on failure reports every issue in zh and en. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const zr = schema.safeParse(data, { error: zh as never });
    const er = schema.safeParse(data, { error: en as never });
    return { error: new RequestValidationError(zr.error?.issues ?? r.error.issues, localiseIssues(er.error?.issues ?? r.error.issues, data, 'en')) };
  };

const PART: Record<string, { zh: string; en: string }> = {
  body: { zh: '提交内容', en: 'request body' },
  querystring: { zh: '查询参数', en: 'query' },
  params: { zh: '路径参数', en: 'path' },
};

const CJK = /[\u3400-\u9fff]/;
/**
 * Field messages of a rule's error in the request's language: a field message may be `{zh, en}`;
 * a Chinese-only one (most rules name their field in Chinese) is answered in English with the error's
 * own English message, which says the same thing.
 */
function localiseFields(details: unknown, msg: { zh: string; en: string }, lang: 'zh' | 'en'): unknown {
  if (!details || typeof details !== 'object' || !Array.isArray((details as { fields?: unknown }).fields)) return details ?? null;
  const d = details as { fields: { path: string; message: unknown }[] };
  return {
    ...d,
    fields: d.fields.map((f) => {
      const m = f.message;
      if (m && typeof m === 'object' && 'zh' in m && 'en' in m) return { ...f, message: (m as { zh: string; en: string })[lang] };
      if (lang === 'en' && typeof m === 'string' && CJK.test(m)) return { ...f, message: msg.en };
      return f;
    }),
  };
}

/** The one error handler: everything becomes `{ error: { code, message, details } }`; callers' mistakes are 4xx. */
export function errorHandler(this: unknown, err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.lang ?? pickLang(req.headers['accept-language']);
  if (err instanceof AppError) {
    if (err.status >= 500) req.log.error(err);
    else if (err.code === 'FILE_CONTENT_MISSING') req.log.error(err); // the record exists but its bytes are gone: an operator must restore them
    return reply.status(err.status).send({ error: { code: err.code, message: err.msg[lang], details: localiseFields(err.details, err.msg, lang) } });
  }
  if (err instanceof RequestValidationError) {
    const issues = lang === 'zh' ? err.zhIssues : err.enIssues;
    const fields = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const part = PART[err.validationContext ?? 'body'] ?? PART.body;
    const names = fields.map((f) => f.path || part[lang]).join(lang === 'zh' ? '、' : ', ');
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: lang === 'zh' ? `${part.zh}有误：${names}` : `Invalid ${part.en}: ${names}`,
        details: { fields },
      },
    });
  }
  const db = fromDatabaseError(err);
  if (db) return reply.status(db.status).send({ error: { code: db.code, message: db.msg[lang], details: db.details ?? null } });
  const dbProblem = databaseErrorKind(err);
  if (dbProblem === 'unavailable') {
    req.log.error(err);
    reply.header('retry-after', '10');
    return reply.status(503).send({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        message: lang === 'zh' ? '数据库暂时无法连接，请稍后重试' : 'The database is unreachable; please try again shortly',
        details: null,
      },
    });
  }
  if (dbProblem === 'bad-value') {
    // A value the schemas let through but PostgreSQL refuses (class 22: data exception). The schemas
    // should have caught it — log it so it gets fixed there — but it is the caller's input, not our fault.
    req.log.warn({ err }, 'database refused a value that passed validation');
    return reply.status(400).send({
      error: { code: 'INVALID_VALUE', message: lang === 'zh' ? '提交的数据中有无法保存的值，请检查后重试' : 'The request contains a value that cannot be stored', details: null },
    });
  }
  const fe = err as FastifyError;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const msgs: Record<string, { zh: string; en: string }> = {
      FST_ERR_CTP_BODY_TOO_LARGE: { zh: '提交内容过大', en: 'Request body too large' },
      FST_REQ_FILE_TOO_LARGE: { zh: '文件过大', en: 'File too large' },
      FST_ERR_CTP_INVALID_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
      FST_ERR_CTP_EMPTY_JSON_BODY: { zh: '提交内容为空', en: 'Empty JSON body' },
    };
    const m = msgs[fe.code] ?? { zh: '请求格式有误', en: fe.message };
    return reply.status(fe.statusCode).send({ error: { code: fe.code ?? 'BAD_REQUEST', message: m[lang], details: null } });
  }
  req.log.error(err);
  return reply.status(500).send({
    error: { code: 'INTERNAL', message: lang === 'zh' ? '服务器内部错误，请稍后重试或联系管理员' : 'Internal error', details: null },
  });
}

/** Node socket errors meaning the database server cannot be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

/**
 * Sorts a database error: 'unavailable' when the server cannot be reached or refuses connections
 * (SQLSTATE class 08, 57P01–57P03 shutdown/starting, 53300 too many connections), 'bad-value' for a
 * data exception (class 22, e.g. a date out of range or a NUL byte), otherwise null.
 */
export function databaseErrorKind(err: unknown): 'unavailable' | 'bad-value' | null {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (UNREACHABLE.has(code) || /^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return 'unavailable';
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return 'unavailable';
  if (/^22[0-9A-Z]{3}$/.test(code)) return 'bad-value';
  return null;
}

/** Deepest JSON nesting any of our schemas needs is far below this; deeper input is refused, not walked. */
const MAX_DEPTH = 64;

/** Finds the path of the first string (or key) holding a NUL byte, or reports nesting beyond MAX_DEPTH. */
export function findUnsafeInput(value: unknown): { path: string; problem: 'nul' | 'depth' } | null {
  // Iterative, so hostile nesting cannot overflow the stack.
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, problem: 'nul' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path, problem: 'depth' };
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return { path: p, problem: 'nul' };
      stack.push({ v: child, path: p, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses, before validation, input PostgreSQL cannot store or we will not walk: a NUL byte in any
 * string of the body, query or path (PostgreSQL text cannot hold U+0000), and absurdly deep JSON.
 * Runs after the auth gate, so an anonymous caller still gets 401 first.
 */
export function installInputGuard(app: App) {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const bad = findUnsafeInput(value);
      if (!bad) continue;
      const where = PART[part];
      const name = bad.path || where.zh;
      throw badRequest(
        bad.problem === 'nul' ? 'INPUT_CONTAINS_NUL' : 'INPUT_TOO_DEEP',
        bad.problem === 'nul'
          ? { zh: `${where.zh}中含有不可见的控制字符（NUL），请删除后重试：${name}`, en: `The ${where.en} contains a NUL character: ${bad.path || where.en}` }
          : { zh: `${where.zh}嵌套层次过深`, en: `The ${where.en} is nested too deeply` },
        { fields: [{ path: bad.path, message: bad.problem === 'nul' ? '含有控制字符 NUL' : '嵌套层次过深' }] },
      );
    }
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into `req.actor` and enforces CSRF on cookie-authenticated writes
 * (the X-CSRF-Token header must equal the session's token).
 */
export function installAuthHook(app: App, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req.headers['accept-language']);
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    if (req.url.startsWith('/api/v1/auth/login')) return;
    try {
      const s = await loadSession(ctx.db, ctx.cfg, token, req.ip);
      req.actor = s.actor;
      req.csrfToken = s.csrfToken;
    } catch (e) {
      if (e instanceof AppError && e.status === 401) {
        // An expired session on a public endpoint is just anonymous; protected routes answer 401.
        (req as FastifyRequest & { sessionError?: AppError }).sessionError = e;
        return;
      }
      throw e;
    }
    if (UNSAFE.has(req.method) && req.routeOptions.config?.public !== true) {
      const header = req.headers['x-csrf-token'];
      if (header !== req.csrfToken)
        throw new AppError(403, 'CSRF_FAILED', {
          zh: '安全校验失败，请刷新页面后重试',
          en: 'Security token missing or wrong; reload the page and try again',
        });
    }
  });
}

/** Authentication comes before validation: a request without a session gets 401 even when its body is bad. */
export function installAuthGate(app: App) {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.public === true || !req.routeOptions.url) return;
    if (req.routeOptions.url.startsWith('/api/docs')) return;
    actorOf(req);
  });
}

/** The signed-in actor, or 401 (SESSION_EXPIRED when the cookie was stale). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw (req as FastifyRequest & { sessionError?: AppError }).sessionError ?? unauthorized();
  return req.actor;
}

/** Ensures a signed-in actor who has changed the initial password (403 until then, except auth routes). */
export function activeActorOf(req: FastifyRequest): Actor {
  const a = actorOf(req);
  if (a.mustChangePassword)
    throw forbidden({ zh: '请先修改初始密码', en: 'Please change your initial password first' });
  return a;
}

/** Standard error response schema for OpenAPI. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
