import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onUnauthorized, setCsrfToken, toApiError, qs } from './client';

const reply = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(null);
  setCsrfToken(null);
});

describe('API client', () => {
  it('makes one error type with code, message and field errors', () => {
    const e = toApiError(400, { error: { code: 'VALIDATION_FAILED', message: '提交内容有误：name', details: { fields: [{ path: 'name', message: '单位名称至少2个字' }, { bogus: 1 }] } } }, 'x');
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([400, 'VALIDATION_FAILED', '提交内容有误：name']);
    expect(e.fields).toEqual([{ path: 'name', message: '单位名称至少2个字' }]);
    expect(toApiError(502, null, '502 Bad Gateway').code).toBe('HTTP_502');
  });
  it('sends the CSRF token on writes only, and the language always', async () => {
    const calls: { method: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push({ method: init.method!, headers: init.headers as Record<string, string> });
      return reply(200, { ok: true });
    });
    setCsrfToken('tok');
    await api.get('/api/v1/units');
    await api.post('/api/v1/units', { name: 'x' });
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1].headers['X-CSRF-Token']).toBe('tok');
    expect(calls[0].headers['Accept-Language']).toBe('zh-CN');
  });
  it('reports an expired session on an authenticated call, but not a failed sign-in', async () => {
    const seen: string[] = [];
    onUnauthorized((e) => seen.push(e.code));
    vi.stubGlobal('fetch', async () => reply(401, { error: { code: 'SESSION_EXPIRED', message: '登录已过期', details: null } }));
    await expect(api.get('/api/v1/todos')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    await expect(api.post('/api/v1/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual(['SESSION_EXPIRED']);
  });
  it('answers a network failure with a NETWORK error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
  it('builds query strings without empty values', () => {
    expect(qs({ a: 1, b: '', c: undefined, d: null, e: 'x y' })).toBe('?a=1&e=x+y');
    expect(qs({})).toBe('');
  });
});
