import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

/*
 * A bounded fuzz of every route in the OpenAPI document, signed in as the district office: each path,
 * query and body field gets the inputs that used to cause 500s (NUL bytes, years 0000/9999, prototype
 * names, huge strings, deep JSON). Any answer of 500 or above fails, naming the route and the input.
 */

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; format?: string; pattern?: string; items?: Schema; anyOf?: Schema[] };
type Op = { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const UUID = '00000000-0000-4000-8000-000000000000';
const HUGE = '法'.repeat(100_000);
const BAD: { label: string; value: unknown }[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'year 0000', value: '0000-01-01' },
  { label: 'year 9999', value: '9999-12-31' },
  { label: 'prototype name', value: '__proto__' },
  { label: 'constructor', value: 'constructor' },
  { label: 'huge string', value: HUGE },
];

let t: TestApp;
let routes: { method: string; path: string; op: Op }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Op>> };
  for (const [p, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method: method.toUpperCase(), path: p, op });
  // Signing out would end the session the fuzz uses; it is covered by the auth tests.
  routes = routes.filter((r) => r.path !== '/api/v1/auth/logout');
});
afterAll(async () => t.close());

function fill(path: string, op: Op, bad?: { name: string; value: unknown }) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
    const v = bad?.name === name ? String(bad.value) : p?.schema?.format === 'uuid' || /id$/i.test(name) ? UUID : '2020-01-01';
    return encodeURIComponent(v);
  });
}

function sampleBody(op: Op): Record<string, unknown> | undefined {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema?.properties) return undefined;
  return Object.fromEntries(Object.keys(schema.properties).map((k) => [k, 'x']));
}

describe('every route in the OpenAPI document answers bad input without a 5xx', () => {
  it('path, query and body fields with NUL, extreme dates, prototype names, huge strings; bodies deep and with prototype keys', async () => {
    const office = await t.as('office');
    const failures: string[] = [];
    let calls = 0;
    const send = async (method: string, url: string, payload?: unknown, raw?: string) => {
      calls++;
      const r = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, ...(raw !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(raw !== undefined ? { payload: raw } : payload !== undefined ? { payload: payload as object } : {}),
      });
      if (r.statusCode >= 500) failures.push(`${method} ${url.slice(0, 120)} ${raw !== undefined ? raw.slice(0, 60) : JSON.stringify(payload ?? null).slice(0, 120)} → ${r.statusCode} ${r.body.slice(0, 160)}`);
    };
    for (const { method, path, op } of routes) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      for (const b of BAD) {
        if (b.value === HUGE && method === 'GET' && !queryParams.length) continue; // a huge path is refused by the router itself
        for (const p of pathParams) await send(method, fill(path, op, { name: p.name, value: b.value === HUGE ? HUGE.slice(0, 2000) : b.value }));
        if (queryParams.length) {
          const q = new URLSearchParams(queryParams.map((p) => [p.name, String(b.value === HUGE ? HUGE.slice(0, 3000) : b.value)]));
          await send(method, `${fill(path, op)}?${q}`);
        }
        if (method !== 'GET' && method !== 'DELETE') {
          const body = sampleBody(op);
          if (body) await send(method, fill(path, op), Object.fromEntries(Object.keys(body).map((k) => [k, b.value])));
        }
      }
      if (method !== 'GET' && method !== 'DELETE') {
        const body = sampleBody(op) ?? {};
        await send(method, fill(path, op), undefined, `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(body).slice(1)}`);
        await send(method, fill(path, op), undefined, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
      }
      // The common list parameters on every GET route, whether or not the route declares them.
      if (method === 'GET' && !pathParams.length)
        for (const sort of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) await send(method, `${path}?sort=${sort}&q=%00&from=0000-01-01&to=9999-12-31`);
    }
    expect(calls).toBeGreaterThan(routes.length);
    expect(failures).toEqual([]);
  }, 600_000);
});
