// One client per service, each typed by the paths of that service's OpenAPI document (src/api/*.ts, generated).
// All on this origin: the gateway (local stack) or the Ingress routes /api/... to the service owning the prefix.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as PartnerPaths, components as PartnerSchemas } from './api/partner';
import type { paths as ReferralPaths, components as ReferralSchemas } from './api/referral';
import type { paths as MetricsPaths, components as MetricsSchemas } from './api/metrics';
import type { paths as NotificationPaths, components as NotificationSchemas } from './api/notification';
import { currentSession } from './auth';
import { ApiError, toProblem } from './problem';

export type PartnerApi = PartnerSchemas['schemas'];
export type ReferralApi = ReferralSchemas['schemas'];
export type MetricsApi = MetricsSchemas['schemas'];
export type NotificationApi = NotificationSchemas['schemas'];

// The wire enums the console offers as choices, and their values in the services' order (generated, see
// scripts/api.mjs): a screen's options come from these, never from a list of its own.
export type PartnerCategory = PartnerApi['PartnerCategory'];
export type PartnerStage = PartnerApi['PartnerStage'];
export type AllianceType = PartnerApi['AllianceType'];
export type TouchpointKind = PartnerApi['TouchpointKind'];
export type AgreementKind = PartnerApi['AgreementKind'];
export type AgreementDirection = PartnerApi['AgreementDirection'];
export type CompensationType = PartnerApi['CompensationType'];
export type ReferralStatus = ReferralApi['ReferralStatus'];
export type Consent = ReferralApi['Consent'];
export type RewardType = ReferralApi['RewardType'];
export type CampaignAttribution = ReferralApi['CampaignAttribution'];
export type NotificationKind = NotificationApi['NotificationKind'];
export type NotificationStatus = NotificationApi['NotificationStatus'];
export type TaskKind = NotificationApi['TaskKind'];
export type CampaignStatus = PartnerApi['CampaignStatus'];
export type CampaignTrigger = PartnerApi['CampaignTrigger'];
export type CampaignGoal = PartnerApi['CampaignGoal'];
export type IncentiveEarnedOn = PartnerApi['IncentiveEarnedOn'];
export type VerdictKind = MetricsApi['VerdictKind'];
export type BookingProvider = ReferralApi['BookingProvider'];
export type BookingMatchedBy = ReferralApi['BookingMatchedBy'];
export type BookingState = ReferralApi['BookingState'];
export type BookingStatus = ReferralApi['BookingStatus'];
export {
  agreementDirectionValues,
  agreementKindValues,
  allianceTypeValues,
  campaignGoalValues,
  campaignStatusValues,
  campaignTriggerValues,
  compensationTypeValues,
  incentiveEarnedOnValues,
  partnerCategoryValues,
  partnerStageValues,
  touchpointKindValues,
} from './api/partner';
export { bookingProviderValues, consentValues, referralStatusValues, bookingStateValues } from './api/referral';
export { notificationKindValues } from './api/notification';

let unauthorized: () => void = () => {};

/** Called when a service answers 401: the token expired or was refused. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept', 'application/json, application/problem+json');
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) unauthorized();
    return response;
  },
};

const baseUrl = typeof location === 'undefined' ? 'http://localhost' : location.origin;

export const partnerApi = createClient<PartnerPaths>({ baseUrl });
export const referralApi = createClient<ReferralPaths>({ baseUrl });
export const metricsApi = createClient<MetricsPaths>({ baseUrl });
export const notificationApi = createClient<NotificationPaths>({ baseUrl });
for (const client of [partnerApi, referralApi, metricsApi, notificationApi]) client.use(bearer);

/** The answer's data, or an ApiError carrying the problem+json (or one describing what went wrong). */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(toProblem(0, null));
  }
  if (!result.response.ok || result.error !== undefined) {
    throw new ApiError(toProblem(result.response.status, result.error, result.response.statusText));
  }
  return result.data as T;
}

/** As {@link ok}, for operations that can also answer CSV (text/csv): the console always asks for JSON. */
export async function okJson<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, string>> {
  const data = await ok(call);
  if (typeof data === 'string') throw new ApiError(toProblem(406, null, 'Expected JSON'));
  return data as Exclude<T, string>;
}

/** A fresh Idempotency-Key for one user action: a retry of the same action sends the same key. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
