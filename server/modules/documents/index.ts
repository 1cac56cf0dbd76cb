import { sql } from 'kysely';
import type { FazhiModule, TodoItem } from '../../core/module.js';
import { canWriteAt, hasRole, readScope, registerRecordAccess, OFFICE_WRITE, DEFAULT_WRITE } from '../../core/scope/index.js';
import { documentRoutes } from './routes.js';
import { documentMetrics } from './metrics.js';
import { CLEANUP_ENTITY, CORRECTION_ENTITY, DOC_ENTITY, REVIEW_ENTITY, docReadScope } from './service.js';
import './schema.js';

// A document (attachments: drafts, comment feedback, filing materials, receipts; history timeline):
// read in the document scope; written by the office or the drafting/issuing unit's staff.
registerRecordAccess(DOC_ENTITY, async (db, actor, id, mode) => {
  const d = await db.selectFrom('normative_documents as d').select(['d.region_id', 'd.unit_id', 'd.issuer_unit_id']).where('d.id', '=', id).where(docReadScope(actor)).executeTakeFirst();
  if (!d) return null;
  if (mode === 'write' && !canWriteAt(actor, d.region_id, d.unit_id, DEFAULT_WRITE) && !canWriteAt(actor, d.region_id, d.issuer_unit_id, DEFAULT_WRITE)) return null;
  return { regionId: d.region_id, unitId: d.unit_id };
});
// A legality review (the signed opinion is attached to it): the reviewer firm writes its own reviews.
registerRecordAccess(REVIEW_ENTITY, async (db, actor, id, mode) => {
  const r = await db.selectFrom('normative_doc_reviews as r').innerJoin('normative_documents as d', 'd.id', 'r.document_id')
    .select(['r.region_id', 'r.unit_id']).where('r.id', '=', id).where(docReadScope(actor)).executeTakeFirst();
  if (!r) return null;
  if (mode === 'write' && !canWriteAt(actor, r.region_id, null, OFFICE_WRITE) && !(r.unit_id && (actor.unitsByRole.advisor ?? []).includes(r.unit_id))) return null;
  return { regionId: r.region_id, unitId: r.unit_id };
});
registerRecordAccess(CORRECTION_ENTITY, async (db, actor, id, mode) => {
  const c = await db.selectFrom('normative_doc_corrections as c').innerJoin('normative_documents as d', 'd.id', 'c.document_id')
    .select(['c.region_id', 'c.unit_id', 'd.unit_id as doc_unit']).where('c.id', '=', id).where(docReadScope(actor)).executeTakeFirst();
  if (!c) return null;
  if (mode === 'write' && !canWriteAt(actor, c.region_id, c.doc_unit) && !canWriteAt(actor, c.region_id, c.unit_id)) return null;
  return { regionId: c.region_id, unitId: c.unit_id };
});
registerRecordAccess(CLEANUP_ENTITY, async (db, actor, id, mode) => {
  const c = await db.selectFrom('normative_cleanups').select(['region_id']).where('id', '=', id).where(readScope(actor, { region: 'region_id' })).executeTakeFirst();
  if (!c || (mode === 'write' && !canWriteAt(actor, c.region_id, null, OFFICE_WRITE))) return null;
  return { regionId: c.region_id, unitId: null };
});

/** Normative documents: 审、登、备、纠, validity, cleanup campaigns, public catalogue. */
export const documentsModule: FazhiModule = {
  name: 'documents',
  routes: documentRoutes,
  metrics: documentMetrics,
  async todos(ctx, actor) {
    const items: TodoItem[] = [];
    if (hasRole(actor, 'office')) {
      const ready = await ctx.db.selectFrom('normative_documents as d').select(sql<string>`count(*)`.as('n'))
        .where(readScope(actor, { region: 'd.region_id' })).where('d.status', '=', 'drafting').where('d.deliberated_on', 'is not', null).executeTakeFirstOrThrow();
      if (Number(ready.n)) items.push({ module: 'documents', kind: 'to_publish', title: '已集体审议、待统一登记编号发布的规范性文件', count: Number(ready.n), href: '/documents?status=drafting' });
      const open = await ctx.db.selectFrom('normative_cleanup_items as i').innerJoin('normative_cleanups as c', 'c.id', 'i.cleanup_id').select(sql<string>`count(*)`.as('n'))
        .where(readScope(actor, { region: 'c.region_id' })).where('c.status', '=', 'open').where('i.decision', 'is', null).executeTakeFirstOrThrow();
      if (Number(open.n)) items.push({ module: 'documents', kind: 'cleanup_undecided', title: '清理中尚未作出决定的规范性文件', count: Number(open.n), href: '/documents/cleanups' });
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
