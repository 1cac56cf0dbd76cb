/**
 * The aggregates of the normative-documents module, declared once on the record core: who reads and
 * writes a document, its legality reviews, its correction cases and the cleanup campaigns. Every read,
 * lock and audited write of the module goes through these definitions (and so do the shared
 * attachment and history endpoints).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { registerConstraints } from '../../core/errors/database.js';
import { readScope, readUnits, writeUnits, DEFAULT_WRITE, OFFICE_WRITE, type Actor, type WritePolicy } from '../../core/scope/index.js';
import './schema.js';

/** Entity names used by audit, attachments, history and deadlines. */
export const DOC_ENTITY = 'normative_document';
export const REVIEW_ENTITY = 'normative_doc_review';
export const CORRECTION_ENTITY = 'normative_doc_correction';
export const CLEANUP_ENTITY = 'normative_cleanup';

const or = (parts: Expression<SqlBool>[]) => (parts.length === 1 ? parts[0] : sql<SqlBool>`(${sql.join(parts, sql` or `)})`);
const inIds = (col: string, ids: string[]) => sql<SqlBool>`${sql.ref(col)} in (${sql.join(ids)})`;

/** Law firms whose advisors the actor is (an advisor sees the documents a review of which is assigned to its firm). */
const firmsOf = (actor: Actor) => actor.unitsByRole.advisor ?? [];

/**
 * Who reads a document: the region-wide readers of its region and the staff of its drafting unit
 * (`base`), plus the staff of its issuing organ, plus — unless `asAdvisor: false` — an advisor firm a
 * legality review of it is assigned to ("an advisor sees what is assigned to them").
 */
export function docReadWhere(actor: Actor, alias: string, base: Expression<SqlBool>, opts: { asAdvisor?: boolean } = {}): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [base];
  const units = readUnits(actor);
  if (units.length) parts.push(inIds(`${alias}.issuer_unit_id`, units));
  const firms = opts.asAdvisor === false ? [] : firmsOf(actor);
  if (firms.length)
    parts.push(sql<SqlBool>`exists (select 1 from normative_doc_reviews rv where rv.document_id = ${sql.ref(`${alias}.id`)} and rv.unit_id in (${sql.join(firms)}))`);
  return or(parts);
}

/**
 * A normative document. Read: see `docReadWhere`. Written by the office of its region or the staff
 * (heads, liaisons) of its drafting unit or of its issuing organ. Attachments (drafts, comment feedback,
 * filing materials and receipts, evaluations) are added while it is drafted or in force; a repealed,
 * invalidated or revoked document is a closed record.
 */
export const Documents = defineRecord({
  table: 'normative_documents',
  alias: 'd',
  entity: DOC_ENTITY,
  label: { zh: '规范性文件', en: 'Normative document' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) => docReadWhere(actor, alias, base),
  writeWhere: (actor, alias, base, policy) => {
    const units = writeUnits(actor, policy);
    return units.length ? or([base, inIds(`${alias}.issuer_unit_id`, units)]) : base;
  },
  attachable: (d) => d.status === 'drafting' || d.status === 'in_force',
});

/** The document read condition for a query over `normative_documents as <alias>`, without the advisor-firm branch. */
export function docReadNoFirm(actor: Actor, alias = 'd'): Expression<SqlBool> {
  return docReadWhere(actor, alias, readScope(actor, { region: `${alias}.region_id`, unit: `${alias}.unit_id` }), { asAdvisor: false });
}

/** The office gives the opinion of its own reviews; an assigned firm of its reviews. */
export const REVIEWER_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['advisor'] };

/**
 * A legality review of a document. Read by whoever reads the document (and by the reviewing firm);
 * written (the opinion, the signed opinion attached) by the office of the region or the assigned firm.
 * It is created as a step on the document (whose write check the request passes), so creation is a
 * child-row insert audited with `Reviews.audit`, not `Reviews.insert` (the drafting unit requests a
 * review it may not itself conclude).
 */
export const Reviews = defineRecord({
  table: 'normative_doc_reviews',
  alias: 'r',
  entity: REVIEW_ENTITY,
  label: { zh: '合法性审核', en: 'Legality review' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: REVIEWER_WRITE,
  read: (actor, alias, base) =>
    or([base, sql<SqlBool>`exists (select 1 from normative_documents rd where rd.id = ${sql.ref(`${alias}.document_id`)} and ${docReadWhere(actor, 'rd', readScope(actor, { region: 'rd.region_id', unit: 'rd.unit_id' }))})`]),
});

/**
 * A correction case about a document. Read by whoever reads the document; written by whoever writes
 * the document (the office, the drafting unit, the issuing organ — the case's own unit). Attachments
 * (the request, the handling decision) while the case is open.
 */
export const Corrections = defineRecord({
  table: 'normative_doc_corrections',
  alias: 'c',
  entity: CORRECTION_ENTITY,
  label: { zh: '纠错事项', en: 'Correction' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) =>
    or([base, sql<SqlBool>`exists (select 1 from normative_documents cd where cd.id = ${sql.ref(`${alias}.document_id`)} and ${Documents.readWhere(actor, 'cd')})`]),
  writeWhere: (actor, alias, base, policy) =>
    or([base, sql<SqlBool>`exists (select 1 from normative_documents cd where cd.id = ${sql.ref(`${alias}.document_id`)} and ${Documents.writeWhere(actor, 'cd', policy)})`]),
  attachable: (c) => c.status === 'open',
});

/** A cleanup campaign: read by the region's readers, run by the office of the region. */
export const Cleanups = defineRecord({
  table: 'normative_cleanups',
  alias: 'c',
  entity: CLEANUP_ENTITY,
  label: { zh: '清理工作', en: 'Cleanup campaign' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});

registerConstraints({
  normative_documents_number_idx: { status: 409, code: 'DOC_NUMBER_TAKEN', msg: { zh: '该发文字号在本区域已被使用', en: 'This document number is already used in the region' } },
  normative_documents_reg_idx: { status: 409, code: 'REG_NUMBER_TAKEN', msg: { zh: '统一登记号已被使用，请重试', en: 'The registration number is taken; please retry' } },
});
