import { z } from 'zod';
import { DateStr } from '../../../common/schemas';
import { docNumberProblems } from '../../../common/docnumber';

/**
 * The document elements as the client checks them before saving: the same limits as the server's
 * `MetaInput`, and the 发文字号 checked with the same validator (common/docnumber.ts).
 */
export function metaSchema(lang: 'zh' | 'en') {
  return z.object({
    issuer: z.string().trim().min(2).max(40),
    docNumber: z
      .string()
      .trim()
      .max(40)
      .optional()
      .superRefine((v, ctx) => {
        if (!v) return;
        const p = docNumberProblems(v);
        if (p.length) ctx.addIssue({ code: 'custom', message: p[0][lang] });
      }),
    signer: z.string().trim().max(40).optional(),
    title: z.string().trim().min(4).max(120),
    addressee: z.string().trim().min(1).max(60),
    signature: z.string().trim().min(2).max(40),
    issueDate: DateStr,
    printOrg: z.string().trim().min(2).max(40),
    printDate: DateStr,
    cc: z.string().trim().max(120).optional(),
  });
}

/** Placeholders of a block text (`{{metric.id[:format]}}`), as in server/modules/report/template.ts. */
export function placeholdersOf(text: string): { raw: string; metricId: string; format?: string }[] {
  return [...text.matchAll(/\{\{\s*([a-zA-Z][\w.]*)\s*(?::\s*([a-z0-9]+))?\s*\}\}/g)].map((m) => ({ raw: m[0], metricId: m[1], format: m[2] }));
}

/** The last day a report of `year` may be published on time (before 1 April of the next year). */
export const publishDeadline = (year: number) => `${year + 1}-03-31`;
