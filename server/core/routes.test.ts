import { inRegionPaths } from './scope/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { multipart } from '../test/xlsx.js';
import { setDeadline } from './deadlines/index.js';
import { defineCountMetric, inMetricScope, registerMetrics } from './metrics/index.js';
import { sql } from 'kysely';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A minimal MP4 (ftyp + moov/mvhd boxes), what a body-worn camera's file starts with. */
function mp4(): Buffer {
  const box = (type: string, body: Buffer) => {
    const b = Buffer.alloc(8 + body.length);
    b.writeUInt32BE(8 + body.length, 0);
    b.write(type, 4, 'latin1');
    body.copy(b, 8);
    return b;
  };
  const mvhd = Buffer.alloc(100); // version 0: times, timescale 1000, rate 1.0, volume 1.0, identity matrix, next track 2
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  for (const [at, v] of [[36, 0x00010000], [52, 0x00010000], [68, 0x40000000], [96, 2]]) mvhd.writeUInt32BE(v, at);
  return Buffer.concat([box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')])), box('moov', box('mvhd', mvhd))]);
}


let t: TestApp;
let unit: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  unit = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  registerMetrics([
    // A count metric over units placed in the period by creation time (the test world is created today).
    defineCountMetric({
      id: 'test.unitsCreated', module: 'test', label: { zh: '新设单位数', en: 'Units created' },
      definition: { zh: '区域内当年创建的单位数', en: 'Units created in the year in the region' },
      base: (db, scope) => db.selectFrom('units as u').where(inMetricScope(scope, 'u.region_id', 'u.id')),
      idCol: 'u.id', dateCol: 'u.created_at', unitCol: 'u.id', unitNameSql: sql<string>`u.name`, entity: 'unit', labelSql: sql<string>`u.name`,
      categories: { type: { col: 'u.type', label: { zh: '按类型', en: 'By type' }, values: { law_firm: { zh: '律师事务所', en: 'Law firm' } } } },
    }),
    {
      id: 'test.lawFirms', module: 'test', label: { zh: '律师事务所数', en: 'Law firms' }, unit: 'count',
      definition: { zh: '区域内律师事务所单位数', en: 'Law-firm units in the region' },
      async compute(db, scope) {
        const q = db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where(inRegionPaths('region_id', [scope.regionPath])).where('type', '=', 'law_firm');
        return (await (scope.unitId ? q.where('id', '=', scope.unitId) : q).executeTakeFirstOrThrow()).n;
      },
      async records() {
        return [];
      },
    },
  ]);
});
afterAll(async () => t.close());

describe('shared endpoints answer 401 without a session', () => {
  it.each([
    '/api/v1/calendar?year=2020&month=10', '/api/v1/calendar/overrides', '/api/v1/todos', '/api/v1/metrics', '/api/v1/audit',
    '/api/v1/settings', '/api/v1/files/unit/00000000-0000-4000-8000-000000000000', '/api/v1/file/00000000-0000-4000-8000-000000000000',
    '/api/v1/history/unit/00000000-0000-4000-8000-000000000000', '/api/v1/jobs/00000000-0000-4000-8000-000000000000',
  ])('GET %s', async (url) => {
    expect((await t.anon().get(url)).status).toBe(401);
  });
});

describe('calendar', () => {
  it('shows October 2020 with the National Day holidays and the 调休 Saturday', async () => {
    const c = await t.as('liaison');
    const r = await c.get('/api/v1/calendar?year=2020&month=10');
    const days = Object.fromEntries(r.body.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(days['2020-10-01']).toBe('holiday');
    expect(days['2020-10-08']).toBe('holiday');
    expect(days['2020-10-10']).toBe('makeup');
    expect((await c.get('/api/v1/calendar?year=2020&month=13')).status).toBe(400);
  });

  it('lets only the admin override a day, and recomputes open deadlines', async () => {
    const office = await t.as('office');
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) =>
      setDeadline(trx, {
        module: 'test', entity: 'unit', entityId: unit['区城市管理局'], kind: 'reply', title: { zh: '测试答复期限', en: 'Test reply deadline' },
        regionId: region.id, unitId: unit['区城市管理局'], spec: { from: '2020-10-09', unit: 'WD', n: 1 }, basis: '测试',
      }),
    );
    const before = await t.db.selectFrom('deadlines').select('due_date').where('kind', '=', 'reply').executeTakeFirstOrThrow();
    expect(before.due_date).toBe('2020-10-10'); // 调休 Saturday is a working day
    expect((await office.put('/api/v1/calendar/overrides/2020-10-10', { kind: 'holiday', reason: '本地调整' })).status).toBe(403);
    const admin = await t.as('admin');
    const badDay = await admin.put('/api/v1/calendar/overrides/2020-10-32', { kind: 'holiday', reason: '本地调整' });
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['day']);
    const bad = await admin.put('/api/v1/calendar/overrides/2020-10-10', { kind: 'rest', reason: '' });
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'reason']);
    const ok = await admin.put('/api/v1/calendar/overrides/2020-10-10', { kind: 'holiday', reason: '本地调整' });
    expect(ok.body.deadlinesMoved).toBe(1);
    const after = await t.db.selectFrom('deadlines').select(['due_date', 'computation']).where('kind', '=', 'reply').executeTakeFirstOrThrow();
    expect(after.due_date).toBe('2020-10-12');
    const todos = await (await t.as('liaison')).get('/api/v1/todos');
    expect(todos.body.deadlines.map((d: { title: string; dueDate: string }) => [d.title, d.dueDate])).toContainEqual(['测试答复期限', '2020-10-12']);
    expect((await (await t.as('liaison2')).get('/api/v1/todos')).body.deadlines.length).toBe(0);
    expect((await admin.del('/api/v1/calendar/overrides/2020-10-10')).body.deadlinesMoved).toBe(1);
  });
});

describe('files', () => {
  it('stores an attachment checked by content and scoped like its record', async () => {
    const office = await t.as('office');
    const up = (c: { cookie: string; csrf: string }, buf: Buffer, name: string, id = unit['区城市管理局']) => {
      const mp = multipart(buf, name, 'application/octet-stream');
      return t.app.inject({ method: 'POST', url: `/api/v1/files/unit/${id}`, payload: mp.payload, headers: { ...mp.headers, cookie: c.cookie, 'x-csrf-token': c.csrf } });
    };
    const fake = await up(office, Buffer.from('just text, not a pdf'), '通知.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const ok = await up(office, PNG, '现场照片.png');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().mime).toBe('image/png');
    const liaison = await t.as('liaison');
    expect((await up(liaison, PNG, 'x.png')).statusCode).toBe(404); // units are edited by the office only
    expect((await liaison.get(`/api/v1/files/unit/${unit['区城市管理局']}`)).body.items.length).toBe(1);
    const other = await t.as('liaison2');
    expect((await other.get(`/api/v1/files/unit/${unit['区城市管理局']}`)).status).toBe(404);
    expect((await other.get(`/api/v1/file/${ok.json().id}`)).status).toBe(404);
    const dl = await liaison.get(`/api/v1/file/${ok.json().id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    const history = await liaison.get(`/api/v1/history/unit/${unit['区城市管理局']}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toContain('upload');
    expect((await other.get(`/api/v1/history/unit/${unit['区城市管理局']}`)).status).toBe(404);
  });

  it('accepts an on-site video (MP4, by content) under its own size limit, and refuses a program renamed .mp4', async () => {
    const office = await t.as('office');
    const up = (buf: Buffer, name: string) => {
      const mp = multipart(buf, name, 'application/octet-stream');
      return t.app.inject({ method: 'POST', url: `/api/v1/files/unit/${unit['区城市管理局']}`, payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    };
    const video = mp4();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]); // a Windows program's header
    const fake = await up(exe, '执法记录仪视频.mp4');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(fake.json().error.message).toContain('application/x-msdownload');
    // Documents keep their limit; audio-video has the larger one (both read when the request comes in).
    const { maxUploadBytes, maxMediaUploadBytes } = t.cfg;
    t.cfg.maxUploadBytes = video.length - 1;
    t.cfg.maxMediaUploadBytes = video.length;
    try {
      const ok = await up(video, '执法记录仪视频.mp4');
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ mime: 'video/mp4', size: video.length, name: '执法记录仪视频.mp4' });
      const bigPng = Buffer.concat([PNG, Buffer.alloc(video.length - PNG.length)]); // as long as the video, over the document limit
      expect((await up(bigPng, '照片.png')).statusCode).toBe(413);
      t.cfg.maxMediaUploadBytes = video.length - 1;
      expect((await up(video, '执法记录仪视频.mp4')).statusCode).toBe(413);
      const dl = await office.get(`/api/v1/file/${ok.json().id}?inline=1`);
      expect(dl.headers['content-type']).toBe('video/mp4');
      expect(dl.headers['content-disposition']).toMatch(/^inline;/);
    } finally {
      Object.assign(t.cfg, { maxUploadBytes, maxMediaUploadBytes });
    }
  });
});

describe('metrics API', () => {
  it('evaluates a metric for the district, for a liaison only on their unit, and 404 for another district', async () => {
    const office = await t.as('office');
    const r = await office.get('/api/v1/metrics/test.lawFirms?region=410803&year=2020');
    expect(r.body).toMatchObject({ value: 2, scope: 'region' });
    const liaison = await (await t.as('liaison')).get('/api/v1/metrics/test.lawFirms?region=410803&year=2020');
    expect(liaison.body).toMatchObject({ value: 0, scope: 'unit' });
    expect((await (await t.as('office_jf')).get('/api/v1/metrics/test.lawFirms?region=410803&year=2020')).status).toBe(404);
    expect((await office.get('/api/v1/metrics/nope?region=410803&year=2020')).status).toBe(404);
    expect((await office.get('/api/v1/metrics/test.lawFirms?region=41&year=20')).status).toBe(400);
  });
});

describe('settings', () => {
  it('lets the admin change a setting with validation; others get 403', async () => {
    const admin = await t.as('admin');
    expect((await admin.put('/api/v1/settings/site.name', { value: 'x' })).status).toBe(400);
    expect((await admin.put('/api/v1/settings/nope', { value: 'x' })).status).toBe(400);
    expect((await admin.put('/api/v1/settings/site.name', { value: '中站区法治政府建设管理平台' })).status).toBe(200);
    const list = await admin.get('/api/v1/settings');
    expect(list.body.items.find((s: { key: string }) => s.key === 'site.name').value).toBe('中站区法治政府建设管理平台');
    expect((await (await t.as('office')).get('/api/v1/settings')).status).toBe(403);
  });
});

describe('metric breakdowns and the working year', () => {
  const year = new Date().getFullYear();
  it('breaks a count down by unit, month and category in SQL, each adding up to the figure', async () => {
    const office = await t.as('office');
    const total = (await office.get(`/api/v1/metrics/test.unitsCreated?region=410803&year=${year}`)).body.value as number;
    expect(total).toBeGreaterThan(3);
    for (const by of ['unit', 'month', 'type']) {
      const r = await office.get(`/api/v1/metrics/test.unitsCreated/breakdown?region=410803&year=${year}&by=${by}`);
      expect(r.status).toBe(200);
      expect((r.body.items as { value: number }[]).reduce((a, i) => a + i.value, 0)).toBe(total);
    }
    const byType = await office.get(`/api/v1/metrics/test.unitsCreated/breakdown?region=410803&year=${year}&by=type`);
    expect((byType.body.items as { key: string; label: string }[]).find((i) => i.key === 'law_firm')?.label).toBe('律师事务所');
    expect((await office.get(`/api/v1/metrics/test.unitsCreated/breakdown?region=410803&year=${year}&by=constructor`)).status).toBe(400);
    expect((await office.get(`/api/v1/metrics/test.lawFirms/breakdown?region=410803&year=${year}&by=unit`)).status).toBe(400);
    expect((await (await t.as('office_jf')).get(`/api/v1/metrics/test.unitsCreated/breakdown?region=410803&year=${year}&by=unit`)).status).toBe(404);
  });

  it('opens on the report year being worked on, else the calendar year', async () => {
    const jf = await t.as('office_jf');
    const before = await jf.get('/api/v1/years');
    expect(before.status).toBe(200);
    expect(before.body.working).toBe(Number((await t.db.selectNoFrom(sql<string>`to_char(now() at time zone 'Asia/Shanghai', 'YYYY')`.as('y')).executeTakeFirstOrThrow()).y));
    expect((await jf.post('/api/v1/reports', { regionCode: '410802', year: 2020 })).status).toBe(201);
    const after = await jf.get('/api/v1/years');
    expect(after.body.working).toBe(2020);
    expect(after.body.years).toContain(2020);
    // Another district's report is not this office's working year.
    expect((await (await t.as('office')).get('/api/v1/years')).body.years).not.toContain(2020);
  });
});

