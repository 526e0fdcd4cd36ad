// A JSON call by method and path, for the endpoints of src/portal/pending-api.ts that the generated clients do not
// know yet: the answer, or an ApiError with the problem+json. The portal calls it with the partner's session, the
// console with its staff token; once the endpoints are generated, the typed openapi-fetch clients replace it.
import { ApiError, toProblem } from './problem';

export async function jsonCall(
  endpoint: string,
  token: string | null,
  options: { body?: unknown; idempotencyKey?: string; onUnauthorized?: () => void } = {},
): Promise<unknown> {
  const [method, path] = endpoint.split(' ');
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(toProblem(0, null));
  }
  if (response.status === 401 && token) options.onUnauthorized?.();
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
  return body;
}
