/** Helpers shared by the reconsideration and litigation services. */
import type { Db } from '../../db/index.js';
import { setDeadline } from '../../core/deadlines/index.js';
import type { WorkCalendar } from '../../core/calendar/index.js';
import { badRequest, type Msg } from '../../core/errors/index.js';
import type { Clock } from './clocks.js';

/** Module name used for deadlines and audit. */
export const MODULE = 'disputes';
/** Entity names (attachments, history, deadlines). */
export const ENTITY = { recon: 'reconsideration_case', opinion: 'reconsideration_opinion', lawsuit: 'lawsuit' } as const;
/** Not-found labels. */
export const RECON_LABEL: Msg = { zh: '行政复议案件', en: 'Reconsideration case' };
/** Not-found label of a lawsuit. */
export const LAWSUIT_LABEL: Msg = { zh: '行政诉讼案件', en: 'Lawsuit' };

/** Stores a clock of a record as a core deadline (the spec, the basis and the computation). */
export function setClock(
  trx: Db,
  cal: WorkCalendar,
  entity: string,
  entityId: string,
  clock: Clock,
  where: { regionId: string; unitId: string | null; titlePrefix?: string },
) {
  return setDeadline(
    trx,
    {
      module: MODULE,
      entity,
      entityId,
      kind: clock.kind,
      title: where.titlePrefix
        ? { zh: `${where.titlePrefix}：${clock.title.zh}`, en: `${where.titlePrefix}: ${clock.title.en}` }
        : clock.title,
      regionId: where.regionId,
      unitId: where.unitId,
      spec: clock.spec,
      basis: clock.basis,
      priority: clock.priority ?? 0,
    },
    cal,
  );
}

/** 400 naming one field. */
export function fieldError(code: string, path: string, msg: Msg) {
  return badRequest(code, msg, { fields: [{ path, message: msg.zh }] });
}

/** Refuses a date before another (e.g. a decision before acceptance) with the field named. */
export function notBefore(path: string, date: string, min: string, what: string) {
  if (date < min) throw fieldError('DATE_TOO_EARLY', path, { zh: `日期不得早于${what}（${min}）`, en: `Date must not be before ${min}` });
}
