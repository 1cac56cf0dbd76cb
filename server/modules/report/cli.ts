import fs from 'node:fs';
import type { CliCommand } from '../cli.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/index.js';
import { registerAllMetrics } from '../index.js';
import { publicView, renderDefault } from './service.js';
import { exportReport, FORMATS, type Format } from './export.js';

/** `fazhi report --region 410803 --year 2020 --format docx|html|md|json|pdf [--out FILE]` */
export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'fazhi report --region CODE --year YYYY --format docx|pdf|html|md|json [--out FILE]   render the annual report',
  async run(get, need) {
    const format = (get('format') ?? 'md') as Format;
    if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
    const cfg = loadConfig();
    const o = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    try {
      registerAllMetrics();
      const rendered = await renderDefault(o.db, need('region'), Number(need('year')));
      // JSON keeps the figures and warnings for checking; the documents are what would leave the office.
      const out = await exportReport(format === 'json' ? rendered : publicView(rendered), format);
      const file = get('out');
      if (file) {
        fs.writeFileSync(file, out.data);
        console.error(`written ${file} (${out.data.length} bytes)`);
      } else process.stdout.write(out.data);
    } finally {
      await o.close();
    }
  },
};
