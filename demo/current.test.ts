import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { today } from '../server/core/calendar/index.js';
import { seedAdvisors } from './advisors.js';
import { seedDemoDocuments } from './documents.js';
import { seedCurrentYear } from './current.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The documents of 2020 (their firm reviews go through the advisors' queue), then the year in progress.
  await seedAdvisors(t.db, t.cfg);
  await seedDemoDocuments(t.db, t.cfg);
  await seedCurrentYear(t.db, t.cfg);
}, 300_000);
afterAll(async () => t.close());

describe('the demo’s current year, on the loading day', () => {
  it('leaves no document "in force" past the end of its validity (this year’s cleanup decided them)', async () => {
    const stale = await t.db.selectFrom('normative_documents').select('title').where('status', '=', 'in_force').where('valid_until', '<', today()).execute();
    expect(stale).toEqual([]);
    const open = await t.db.selectFrom('deadlines').select('title').where('status', '=', 'open').where('entity', '=', 'normative_document').where('due_date', '<', today()).execute();
    expect(open).toEqual([]);
  });

  it('gives the liaison a report sent back and a task due, and the office a report to review', async () => {
    const liaison = await t.as('liaison');
    const todos = (await liaison.get('/api/v1/todos')).body;
    expect(todos.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entries_returned', count: 1 })]));
    expect(todos.deadlines.some((d: { dueDate: string; module: string }) => d.module === 'plan' && d.dueDate >= today())).toBe(true);
    const office = await t.as('office');
    expect((await office.get('/api/v1/todos')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entries_to_review' })]));
  });
});
