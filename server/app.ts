import path from 'node:path';
import fs from 'node:fs';
import Fastify from 'fastify';
import pino from 'pino';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/index.js';
import type { App, AppContext, FazhiModule } from './core/module.js';
import { errorHandler, installAuthGate, installAuthHook, installInputGuard, validatorCompiler } from './core/http.js';
import { authRoutes } from './core/auth/routes.js';
import { coreRoutes } from './core/routes.js';
import { registerMetrics } from './core/metrics/index.js';
import { LocalStorage, MemoryStorage, type FileStorage } from './core/files/index.js';
import { modules as allModules } from './modules/index.js';

/**
 * Request logs (one line per request at info) go to the log file; the console shows warnings and
 * errors only, so a terminal running Fazhi stays readable. LOG_FILE=- logs everything to the console.
 */
function loggerOptions(cfg: Config): { logger: { level: string } } | { loggerInstance: pino.Logger } {
  if (!cfg.logFile || cfg.logLevel === 'silent') return { logger: { level: cfg.logLevel } };
  fs.mkdirSync(path.dirname(cfg.logFile), { recursive: true });
  const streams = pino.multistream([
    { level: cfg.logLevel as pino.Level, stream: pino.destination({ dest: cfg.logFile, append: true, sync: false }) },
    { level: cfg.consoleLogLevel as pino.Level, stream: process.stdout },
  ]);
  return { loggerInstance: pino({ level: cfg.logLevel }, streams) };
}

/** Builds the Fastify app: core plugins, shared routes, then each module. */
export async function buildApp(opts: { db: Kysely<Database>; cfg: Config; storage?: FileStorage; modules?: FazhiModule[]; webDir?: string | null }): Promise<App> {
  const { db, cfg } = opts;
  const modules = opts.modules ?? allModules;
  const storage = opts.storage ?? (cfg.dataDir.startsWith('memory://') ? new MemoryStorage() : new LocalStorage(path.join(cfg.dataDir, 'files')));
  const app = Fastify({
    ...loggerOptions(cfg),
    bodyLimit: 2 * 1024 * 1024,
    // Only a configured proxy may tell us the client address (see Config.trustProxy).
    trustProxy: cfg.trustProxy,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      const lang = req.lang ?? 'zh';
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: lang === 'zh' ? '接口不存在' : 'No such endpoint', details: null } });
    }
    return sendIndex(reply);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS injects style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        // Intranet deployments often serve plain HTTP: upgrading would break every asset there.
        upgradeInsecureRequests: cfg.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS over plain HTTP is ignored by browsers at best; on an intranet host later moved behind
    // HTTPS-less access it would lock users out for a year. Send it only when we are served over HTTPS.
    hsts: cfg.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  await app.register(multipart, { limits: { fileSize: Math.max(cfg.maxUploadBytes, cfg.maxMediaUploadBytes) + 1, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Fazhi 法治政府建设综合管理平台 API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  // The OpenAPI document is always built (tests walk it); its public UI can be switched off.
  if (cfg.apiDocs) await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.addHook('onSend', async (req, reply, payload) => {
    // API answers carry personal and case data: no browser or proxy may keep a copy, unless a route
    // chose its own caching.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  const ctx: AppContext = { db, cfg, storage };
  installAuthHook(app, ctx);
  installAuthGate(app);
  installInputGuard(app);

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await db.selectFrom('regions').select('id').limit(1).execute();
    return { status: 'ok' };
  });

  authRoutes(app, ctx, modules);
  coreRoutes(app, ctx, modules);
  for (const m of modules) {
    if (m.metrics) registerMetrics(m.metrics);
    await m.routes?.(app, ctx);
  }

  // The web app (built by Vite into dist/web) at '/', with client-side routes falling back to index.html.
  const webDir = opts.webDir === undefined ? path.resolve('dist/web') : opts.webDir;
  const hasWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  // Files under assets/ carry a content hash in their names: cached for a year without revalidation.
  // index.html (and any other file) is revalidated on every load so a new build is picked up at once.
  // The build writes .br and .gz beside each text asset (vite.config.ts); they are served to clients that accept them.
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir!, prefix: '/', wildcard: false, index: ['index.html'], preCompressed: true, cacheControl: false,
      setHeaders(res, file) {
        const value = /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
        const r = res as unknown as { setHeader?: (k: string, v: string) => void; header?: (k: string, v: string) => void };
        if (r.setHeader) r.setHeader('cache-control', value);
        else r.header?.('cache-control', value);
      },
    });
  function sendIndex(reply: import('fastify').FastifyReply) {
    if (!hasWeb) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found', details: null } });
    return reply.type('text/html').sendFile('index.html');
  }
  return app;
}
