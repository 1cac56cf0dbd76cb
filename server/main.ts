import { loadConfig } from './config.js';
import { openDatabase } from './db/index.js';
import { buildApp } from './app.js';
import { failInterruptedJobs, settleJobs } from './core/jobs.js';
import { loadDemo } from '../demo/index.js';
import { configureAuditKey } from './core/audit/key.js';
import { scheduleAnchors } from './core/audit/anchor-file.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/org.js';
import { CITY_ACCOUNTS } from '../demo/rollup.js';
import { startScheduledTasks } from './core/schedule.js';
import { modules } from './modules/index.js';

/** Starts Fazhi: config → database (lock + migrate) → demo on an empty database → listen. */
async function main() {
  const cfg = loadConfig();
  configureAuditKey({ dataDir: cfg.dataDir });
  const opened = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  const loaded = cfg.demo ? await loadDemo(opened.db, cfg) : false;
  await failInterruptedJobs(opened.db);
  const app = await buildApp({ db: opened.db, cfg });
  let closing = false;
  let stopTasks = () => {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    stopTasks();
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await settleJobs();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: cfg.port, host: cfg.host });
  scheduleAnchors(opened.db, cfg.dataDir, (e) => app.log.error(e));
  stopTasks = startScheduledTasks(opened.db, modules.flatMap((m) => m.scheduled ?? []), (r) =>
    r.error ? app.log.error({ task: r.name, error: r.error }, 'scheduled task failed') : app.log.info({ task: r.name, changed: r.changed }, 'scheduled task'));
  const url = `http://${cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host}:${cfg.port}`;
  console.log(`\nFazhi 法治政府建设综合管理平台 — ${url}  (${opened.kind}${opened.kind === 'pglite' ? `, ${cfg.dataDir}` : ''})`);
  console.log(`公众门户 Public portal: ${url}/public/reports`);
  if (cfg.logFile) console.log(`请求日志 Request log: ${cfg.logFile}`);
  if (cfg.demo && cfg.host === '127.0.0.1') console.log('仅本机可访问（HOST=127.0.0.1，演示账号密码公开）；对外服务请设置 FAZHI_DEMO=0 和 HOST。');
  if (cfg.demo) {
    console.log(loaded ? '演示数据已载入 Demo district loaded (焦作市中站区 410803).' : '演示区：焦作市中站区 410803');
    console.log(`演示账号 Demo accounts (password ${DEMO_PASSWORD}, demo data only):`);
    for (const a of [...DEMO_ACCOUNTS, ...CITY_ACCOUNTS]) console.log(`  ${a.username.padEnd(10)} ${a.note}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
