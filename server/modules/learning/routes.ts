import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { exportXlsx } from '../../core/excel/index.js';
import { sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { Id, page } from '../../../common/schemas.js';
import * as learning from './service.js';
import { activitiesSheet, activityRow } from './excel.js';
import { ACTIVITY_KINDS, AUDIENCES, ActivityDetailOut, ActivityInput, ActivityListQuery, ActivityOut, type ActivityKind, type Audience } from './schema.js';

const IdParam = z.object({ id: Id });

type Row = { id: string; unit_id: string; unit_name: string; kind: ActivityKind; audience: Audience | null; activity_date: string; topic: string; speaker: string | null; location: string | null; participant_count: number | null; notes: string | null; participants: number; canEdit: boolean };
/** Presenter: activity row → API shape. */
const present = (a: Row, lang: 'zh' | 'en') => ({
  id: a.id, unitId: a.unit_id, unitName: a.unit_name, kind: a.kind, kindLabel: ACTIVITY_KINDS[a.kind][lang], audience: a.audience,
  audienceLabel: a.audience ? AUDIENCES[a.audience][lang] : null, date: a.activity_date, topic: a.topic, speaker: a.speaker, location: a.location,
  participantCount: a.participant_count, participants: Number(a.participants), notes: a.notes, canEdit: !!a.canEdit,
});

/** Routes of study sessions, tests, trainings, exams and competitions. */
export function learningRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;
  app.get('/api/v1/learning/activities', { schema: { tags: ['learning'], querystring: ActivityListQuery, response: { 200: page(ActivityOut) } } }, async (req) => {
    const r = await learning.listActivities(db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((a) => present(a as Row, req.lang)) };
  });
  app.get('/api/v1/learning/activities/export', { schema: { tags: ['learning'], querystring: ActivityListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await learning.listActivities(db, activeActorOf(req), { ...req.query, page: 1, pageSize: 10000 });
    return sendXlsx(reply, '学法培训记录.xlsx', await exportXlsx(activitiesSheet, r.items.map((a) => activityRow(a as Row))));
  });
  app.post('/api/v1/learning/activities', { schema: { tags: ['learning'], body: ActivityInput, response: { 201: ActivityOut } } }, async (req, reply) => {
    const row = await learning.recordActivity(db, activeActorOf(req), req.body);
    const { activity } = await learning.getActivity(db, activeActorOf(req), row.id);
    return reply.status(201).send(present(activity as unknown as Row, req.lang));
  });
  app.get('/api/v1/learning/activities/:id', { schema: { tags: ['learning'], params: IdParam, response: { 200: ActivityDetailOut } } }, async (req) => {
    const { activity, attendees } = await learning.getActivity(db, activeActorOf(req), req.params.id);
    return {
      ...present(activity as unknown as Row, req.lang),
      attendees: attendees.map((x) => ({ id: x.id, name: x.person_name, unitId: x.unit_id, unitName: x.unit_name, score: x.score === null ? null : Number(x.score), passed: x.passed })),
    };
  });
  app.put('/api/v1/learning/activities/:id', { schema: { tags: ['learning'], params: IdParam, body: ActivityInput, response: { 200: ActivityOut } } }, async (req) => {
    await learning.updateActivity(db, activeActorOf(req), req.params.id, req.body);
    const { activity } = await learning.getActivity(db, activeActorOf(req), req.params.id);
    return present(activity as unknown as Row, req.lang);
  });
}
