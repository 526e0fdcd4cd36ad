// The portal's calls, all on this origin with the partner's session token (src/portal/session.ts), never the
// console's staff token, through openapi-fetch clients typed by the generated src/api/*.ts.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as PartnerPaths, components as PartnerSchemas } from '../api/partner';
import type { paths as ReferralPaths, components as ReferralSchemas } from '../api/referral';
import type { paths as NotificationPaths, components as NotificationSchemas } from '../api/notification';
import { currentSession } from './session';

export type PortalMe = PartnerSchemas['schemas']['PortalMe'];
export type PortalKit = PartnerSchemas['schemas']['IntroductionKit'];
export type PortalProfile = PartnerSchemas['schemas']['PortalProfile'];
export type PortalReferral = ReferralSchemas['schemas']['PortalReferral'];
export type PortalConsent = ReferralSchemas['schemas']['Consent'];
export type PortalReward = ReferralSchemas['schemas']['PortalReward'];
export type PortalAmount = ReferralSchemas['schemas']['PortalAmount'];
export type PortalMessage = NotificationSchemas['schemas']['PortalMessage'];
export type PortalMessageKind = NotificationSchemas['schemas']['PortalMessageKind'];
export type EmailPreferences = NotificationSchemas['schemas']['EmailPreferences'];

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
export const portalNotificationApi = createClient<NotificationPaths>({ baseUrl });
for (const client of [portalPartnerApi, portalReferralApi, portalNotificationApi]) client.use(bearer);
