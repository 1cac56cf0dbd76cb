import { afterEach } from 'vitest';
import { describePages } from './harness';

// When a journey fails, the log says what each open page showed (address, messages, alerts, form errors)
// and a screenshot of each is kept: a failure seen only in CI is then read, not guessed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const report = await describePages(ctx.task.name);
  if (report) console.log(`pages when “${ctx.task.name}” failed:\n${report}`);
});
