import type { Db } from '../../db/index.js';
import type { Msg } from '../../core/errors/index.js';
import type { MetricRecord, MetricScope, Period } from '../../core/metrics/index.js';
import { cleanupCutoffs } from '../documents/metrics.js';

/**
 * Text-valued facts for the report's prose (a date, a list of names) — read from a module's records like a
 * metric, but what the sentence needs is words, not a count. Null: the module holds none for the period.
 */
export interface TextFact {
  id: string;
  label: Msg;
  definition: Msg;
  compute(db: Db, scope: MetricScope, period: Period): Promise<{ values: string[]; records: MetricRecord[] } | null>;
}

/** The text facts a template may use (`{{documents.cleanup.issuedBefore:date}}`). */
export const TEXT_FACTS: Record<string, TextFact> = {
  'documents.cleanup.issuedBefore': {
    id: 'documents.cleanup.issuedBefore',
    label: { zh: '规范性文件清理范围（发布日期截止）', en: 'Cut-off date of the normative-document cleanup' },
    definition: {
      zh: '统计期间内公布清理结果的规范性文件清理工作所清理文件的发布日期截止日（“对某日前发布的规范性文件进行清理”）；期间内未公布清理结果时无数据。',
      en: 'The cut-off date ("documents issued before …") of each cleanup whose results were published in the period; no data when none was published.',
    },
    async compute(db, scope, period) {
      const rows = await cleanupCutoffs(db, scope, period);
      if (!rows.length) return null;
      return { values: [...new Set(rows.map((r) => r.issuedBefore))], records: rows.map((r) => r.record) };
    },
  },
};
