import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, pickLang, unauthorized, forbidden } from './errors/index.js';
import { fromDatabaseError } from './errors/database.js';
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

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

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
    return { error: new RequestValidationError(zr.error?.issues ?? r.error.issues, er.error?.issues ?? r.error.issues) };
  };

const PART: Record<string, { zh: string; en: string }> = {
  body: { zh: '提交内容', en: 'request body' },
  querystring: { zh: '查询参数', en: 'query' },
  params: { zh: '路径参数', en: 'path' },
};

/** The one error handler: everything becomes `{ error: { code, message, details } }`; callers' mistakes are 4xx. */
export function errorHandler(this: unknown, err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.lang ?? pickLang(req.headers['accept-language']);
  if (err instanceof AppError) {
    if (err.status >= 500) req.log.error(err);
    return reply.status(err.status).send({ error: { code: err.code, message: err.msg[lang], details: err.details ?? null } });
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
