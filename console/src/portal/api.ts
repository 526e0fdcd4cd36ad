// The portal's calls, all on this origin with the partner's session token (src/portal/session.ts), never the
// console's staff token. Endpoints on main go through openapi-fetch clients typed by the generated src/api/*.ts;
// those agreed but not yet merged go through `pendingCall`, typed by src/portal/pending-api.ts (see there).
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as PartnerPaths, components as PartnerSchemas } from '../api/partner';
import type { paths as ReferralPaths, components as ReferralSchemas } from '../api/referral';
import { jsonCall } from '../pending-call';
import type { PendingEndpoints } from './pending-api';
import { currentSession } from './session';

export type PortalMe = PartnerSchemas['schemas']['PortalMe'];
export type PortalReferral = ReferralSchemas['schemas']['PortalReferral'];

let unauthorized: () => void = () => {};

/** Called when a service answers 401: the session expired, was signed out or revoked. */
export function onPortalUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

function authorize(headers: Headers): void {
  const session = currentSession();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  headers.set('Accept', 'application/json, application/problem+json');
}

const bearer: Middleware = {
  onRequest({ request }) {
    authorize(request.headers);
    return request;
  },
  onResponse({ response, request }) {
    // Signing in and asking for a link carry no session: their 4xx are the page's to show.
    if (response.status === 401 && request.headers.has('Authorization')) unauthorized();
    return response;
  },
};

const baseUrl = typeof location === 'undefined' ? 'http://localhost' : location.origin;
export const portalPartnerApi = createClient<PartnerPaths>({ baseUrl });
export const portalReferralApi = createClient<ReferralPaths>({ baseUrl });
portalPartnerApi.use(bearer);
portalReferralApi.use(bearer);

/** A call to an endpoint of src/portal/pending-api.ts with the partner's session. */
export async function pendingCall<K extends keyof PendingEndpoints>(
  endpoint: K,
  options: { body?: PendingEndpoints[K]['body']; idempotencyKey?: string } = {},
): Promise<PendingEndpoints[K]['answer']> {
  const answer = await jsonCall(endpoint, currentSession()?.token ?? null, {
    ...options,
    onUnauthorized: () => unauthorized(),
  });
  return answer as PendingEndpoints[K]['answer'];
}
