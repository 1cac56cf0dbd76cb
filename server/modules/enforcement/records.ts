import { sql, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE, inRegionsAboveUnits, OFFICE_WRITE, type Actor, type WritePolicy } from '../../core/scope/index.js';

/** Unit ids of every unit role the actor holds. */
export const actorUnits = (actor: Actor) => [...new Set(Object.values(actor.unitsByRole).flat())] as string[];
import './schema.js';

/** Cases are recorded by the unit's officers too (officer role, own unit), besides its head and liaison. */
export const CASE_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['unit_head', 'liaison', 'officer'] };

/** An enforcement body: the office registers bodies and moves fields between them. */
export const Bodies = defineRecord({
  table: 'enforcement_bodies', alias: 'b', entity: 'enforcement_body',
  label: { zh: '执法主体', en: 'Enforcement body' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});

/** An enforcement officer: the office, or the unit's head and liaison. */
export const Officers = defineRecord({
  table: 'enforcement_officers', alias: 'o', entity: 'enforcement_officer',
  label: { zh: '执法人员', en: 'Enforcement officer' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/** A certificate of an officer (same writers as the officer). */
export const Certificates = defineRecord({
  table: 'enforcement_certificates', alias: 'ct', entity: 'enforcement_certificate',
  label: { zh: '执法证件', en: 'Certificate' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/** A case: recorded by the unit's officers, head and liaison; the office sees and may act district-wide. */
export const Cases = defineRecord({
  table: 'enforcement_cases', alias: 'c', entity: 'enforcement_case',
  label: { zh: '执法案件', en: 'Enforcement case' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: CASE_WRITE,
  // The full-process record (文字/音像) is attached until the case is closed.
  attachable: (row) => row.status !== 'closed',
});

/** A case-file review campaign: the office's. */
export const Campaigns = defineRecord({
  table: 'enforcement_review_campaigns', alias: 'rc', entity: 'enforcement_review_campaign',
  label: { zh: '案卷评查活动', en: 'Case-file review campaign' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});

/** A sampled file: the office scores it; the unit reads its own files. */
export const ReviewFiles = defineRecord({
  table: 'enforcement_review_files', alias: 'rf', entity: 'enforcement_review_file',
  label: { zh: '评查案卷', en: 'Reviewed case file' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});

/** A problem to rectify: the unit (head, liaison, officers) records its rectification. */
export const Problems = defineRecord({
  table: 'enforcement_review_problems', alias: 'rp', entity: 'enforcement_review_problem',
  label: { zh: '评查问题', en: 'Review problem' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: CASE_WRITE,
});

/** A catalogue item: the office maintains the catalogue. */
export const Items = defineRecord({
  table: 'enforcement_supervision_items', alias: 'si', entity: 'enforcement_supervision_item',
  label: { zh: '监管事项', en: 'Supervision item' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
  // The catalogue is published: a unit's staff read the catalogue of their region and the regions above it.
  read: (actor, alias, base) => {
    const units = actorUnits(actor);
    if (!units.length) return base;
    return sql<SqlBool>`(${base} or ${inRegionsAboveUnits(`${alias}.region_id`, units)})`;
  },
});

/** A unit's claim of a catalogue item. */
export const Claims = defineRecord({
  table: 'enforcement_item_claims', alias: 'cl', entity: 'enforcement_item_claim',
  label: { zh: '监管事项认领', en: 'Item claim' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/** A point of a unit's violation-risk list. */
export const Risks = defineRecord({
  table: 'enforcement_risks', alias: 'rk', entity: 'enforcement_risk',
  label: { zh: '违法风险点', en: 'Violation risk' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});
