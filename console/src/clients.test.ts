import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiJson, onUnauthorized } from './clients';
import { ApiError } from './problem';

const session = { token: 'header.payload.signature', practice: 'p', role: 'owner', expiresAt: Date.now() + 3600_000 };

function answer(status: number, body: string, type = 'application/json') {
  const seen: Request[] = [];
  vi.stubGlobal('sessionStorage', { getItem: () => JSON.stringify(session), removeItem: () => {} });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: URL, init: RequestInit) => {
      seen.push(new Request(url, init));
      return Promise.resolve(new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': type } }));
    }),
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(() => {});
});

describe('apiJson, for the calls no generated client covers yet', () => {
  it("sends the session's bearer token and JSON, and answers the parsed body", async () => {
    const seen = answer(201, '{"id":"c1","status":"draft"}');
    expect(await apiJson('POST', '/api/campaigns', { name: 'Spring' })).toEqual({ id: 'c1', status: 'draft' });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('http://localhost/api/campaigns');
    expect(seen[0].headers.get('Authorization')).toBe(`Bearer ${session.token}`);
    expect(seen[0].headers.get('Content-Type')).toBe('application/json');
    expect(await seen[0].text()).toBe('{"name":"Spring"}');
  });

  it('answers null for an empty answer (204)', async () => {
    answer(204, '');
    expect(await apiJson('DELETE', '/api/campaigns/c1')).toBeNull();
  });

  it('throws the problem+json with its field errors', async () => {
    answer(
      422,
      '{"title":"Invalid campaign","status":422,"errors":[{"field":"variants[1].askBody","message":"must contain {campaignLink}"}]}',
      'application/problem+json',
    );
    const error = await apiJson('PUT', '/api/campaigns/c1', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe('Invalid campaign');
    expect((error as ApiError).problem.errors).toEqual([
      { field: 'variants[1].askBody', message: 'must contain {campaignLink}' },
    ]);
  });

  it('tells the app when the token is refused (401), as the generated clients do', async () => {
    answer(401, '{"title":"Unauthorized","status":401}', 'application/problem+json');
    const refused = vi.fn();
    onUnauthorized(refused);
    await expect(apiJson('GET', '/api/campaigns')).rejects.toBeInstanceOf(ApiError);
    expect(refused).toHaveBeenCalledOnce();
  });

  it('describes a network failure as one', async () => {
    vi.stubGlobal('sessionStorage', { getItem: () => null, removeItem: () => {} });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const error = (await apiJson('GET', '/api/campaigns').catch((e: unknown) => e)) as ApiError;
    expect(error.problem.title).toBe('Network error');
  });
});
