import { sql } from 'kysely';
import type { FazhiModule, TodoItem } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { documentRoutes } from './routes.js';
import { documentMetrics } from './metrics.js';
// The record definitions register the record access of documents, reviews, corrections and cleanups
// (attachments and history follow each one's read scope, write policy and state).
import { Cleanups, Documents } from './records.js';
import './service.js';
import './schema.js';

/** Normative documents: 审、登、备、纠, validity, cleanup campaigns, public catalogue. */
export const documentsModule: FazhiModule = {
  name: 'documents',
  routes: documentRoutes,
  metrics: documentMetrics,
  async todos(ctx, actor) {
    const items: TodoItem[] = [];
    if (hasRole(actor, 'office')) {
      const ready = await Documents.query(ctx.db, actor).where(Documents.workWhere(actor)).select(sql<string>`count(*)`.as('n'))
        .where('d.status', '=', 'drafting').where('d.deliberated_on', 'is not', null).executeTakeFirstOrThrow();
      if (Number(ready.n)) items.push({ module: 'documents', kind: 'to_publish', title: { zh: '已集体审议、待统一登记编号发布的规范性文件', en: 'Normative documents deliberated, awaiting registration and publication' }, count: Number(ready.n), href: '/documents?status=drafting' });
      const open = await Cleanups.query(ctx.db, actor).where(Cleanups.workWhere(actor)).innerJoin('normative_cleanup_items as i', 'i.cleanup_id', 'c.id').select(sql<string>`count(*)`.as('n'))
        .where('c.status', '=', 'open').where('i.decision', 'is', null).executeTakeFirstOrThrow();
      if (Number(open.n)) items.push({ module: 'documents', kind: 'cleanup_undecided', title: { zh: '清理中尚未作出决定的规范性文件', en: 'Documents in a cleanup still awaiting a decision' }, count: Number(open.n), href: '/documents/cleanups' });
    }
    return items;
  },
  abilities: (a) => ({
    'documents.view': a.isAdmin || a.grants.some((g) => ['office', 'leader', 'viewer', 'unit_head', 'liaison', 'advisor'].includes(g.role)),
    // The document-side review records; an advisor's reviews are in the advisors queue (one inbox).
    'documents.reviews': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
    'documents.draft': hasRole(a, 'office', 'unit_head', 'liaison'),
    'documents.publish': hasRole(a, 'office'),
    'documents.cleanup': hasRole(a, 'office'),
  }),
};
