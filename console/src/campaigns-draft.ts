// HAND-WRITTEN, TEMPORARY: the campaigns API (issue 29) as the shared design gives it (the team's campaign-api.md),
// written before partner-service and metrics-service published it in their OpenAPI documents; checked since against
// their REST records on main (CampaignView, AudiencePreviewView, AskPreviewView; CampaignResultsView and its parts):
// the audience preview's window parameters, the ask preview's samplePartnerId, the results' endedAt and the verdict's
// single_variant come from there. When they do, run
// `npm run api`, replace these types with the generated ones (PartnerApi['Campaign'], …) and these helpers with calls
// through partnerApi / metricsApi, and delete this file: the screens use only the names exported here.
//
// partner-service: /api/campaigns (viewer reads; member and owner write). metrics-service: /api/metrics/campaigns.
import { apiJson } from './clients';
import type { AllianceType, PartnerCategory, PartnerStage } from './clients';

/** ISO-8601 instant, e.g. 2027-03-01T00:00:00Z. */
export type Instant = string;
/** An exact decimal amount as a string ("80.00") in an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'ended';
export const campaignStatusValues: readonly CampaignStatus[] = ['draft', 'scheduled', 'running', 'ended'];
/** start: every partner of the audience once, at the start; pleased_check_in: after a pleased converted referral. */
export type CampaignTrigger = 'start' | 'pleased_check_in';
export const campaignTriggerValues: readonly CampaignTrigger[] = ['start', 'pleased_check_in'];
/** The rate the variants are compared on (libs/event-contracts CampaignGoal). */
export type CampaignGoal = 'partners_referring' | 'conversions';
export const campaignGoalValues: readonly CampaignGoal[] = ['partners_referring', 'conversions'];
/** What earns the partner a variant's incentive (IncentiveEarnedOn). */
export type IncentiveEarnedOn = 'referral' | 'conversion';
export const incentiveEarnedOnValues: readonly IncentiveEarnedOn[] = ['referral', 'conversion'];
/**
 * An incentive is a RewardType (referral-service), thank_you_gift and fee_bump added for campaigns; the console
 * offers the kinds issue 29 names (the generated RewardType does not know the two new values yet).
 */
export type IncentiveType = 'thank_you_gift' | 'session_credit' | 'program_discount' | 'charity_donation' | 'fee_bump';
export const incentiveTypeValues: readonly IncentiveType[] = [
  'thank_you_gift',
  'session_credit',
  'program_discount',
  'charity_donation',
  'fee_bump',
];

/** The placeholders an ask's subject and body may hold; anything else in braces is refused (422). */
export const ASK_PLACEHOLDERS = [
  'partnerFirstName',
  'partnerName',
  'practiceName',
  'campaignLink',
  'incentive',
  'campaignEnds',
] as const;

/** Filters (all null or empty: every active partner with an email) or `partnerIds`, never both. */
export interface Audience {
  categories: PartnerCategory[] | null;
  allianceTypes: AllianceType[] | null;
  stages: PartnerStage[] | null;
  lastReferralBefore: Instant | null;
  lastReferralAfter: Instant | null;
  fitAtLeast: number | null;
  neverReferred: boolean | null;
  /** An explicit list, at most 5,000. */
  partnerIds: string[] | null;
}

export interface Incentive {
  type: IncentiveType;
  /** What it costs the practice. */
  value: Money;
  /** How the ask names it ("a free coaching session"). */
  description: string;
  earnedOn: IncentiveEarnedOn;
}

export interface Variant {
  /** `^[a-z][a-z0-9-]{0,15}$`, unique in the campaign. */
  key: string;
  name: string;
  /** 1..100; frozen once running. */
  weight: number;
  askSubject: string;
  /** Must contain {campaignLink}. */
  askBody: string;
  incentive: Incentive | null;
}

export interface CampaignRequest {
  name: string;
  startsAt: Instant;
  /** After startsAt, at most 366 days later. */
  endsAt: Instant;
  trigger: CampaignTrigger;
  goal: CampaignGoal;
  autoSend: boolean;
  audience: Audience;
  /** 1..4. */
  variants: Variant[];
  /** The smallest difference in the goal's rate worth knowing, 0.02..0.5 (default 0.10). */
  differenceWorthKnowing: number;
}

export interface Campaign extends CampaignRequest {
  id: string;
  status: CampaignStatus;
  /** Hex; shown once running. */
  seed: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  startedAt: Instant | null;
  endedAt: Instant | null;
  /** Partners assigned a variant. */
  assigned: number;
}

export interface CampaignPage {
  items: Campaign[];
  page: number;
  size: number;
  total: number;
}

export interface ExcludedPartner {
  partnerId: string;
  name: string;
  /** in_campaign: already assigned in another scheduled or running campaign with an overlapping window. */
  reason: 'in_campaign';
  campaignId: string;
  campaignName: string;
}

export interface AudiencePartner {
  partnerId: string;
  name: string;
  category: PartnerCategory;
  stage: PartnerStage;
  fitScore: number | null;
  lastReferralAt: Instant | null;
  /** Null before the start. */
  variant: string | null;
}

export interface AudiencePreview {
  total: number;
  excluded: ExcludedPartner[];
  partners: AudiencePartner[];
  page: number;
  size: number;
}

export interface AskPreview {
  variant: string;
  subject: string;
  body: string;
  /** The audience partner it was rendered for; null: example values. */
  samplePartnerId: string | null;
}

/** metrics-service: a campaign it has seen start. */
export interface CampaignMetricsSummary {
  campaignId: string;
  name: string;
  status: 'running' | 'ended';
  startsAt: Instant;
  endsAt: Instant;
  goal: CampaignGoal;
  variants: number;
  asked: number;
  referrals: number;
  conversions: number;
}

/** successes out of trials; mean and the 95% credible interval [low, high] of the rate (Beta-Binomial). */
export interface Rate {
  successes: number;
  trials: number;
  mean: number;
  low: number;
  high: number;
}

export interface VariantResults {
  key: string;
  name: string;
  weight: number;
  /** The incentive's description; null for none. */
  incentive: string | null;
  asked: number;
  /** Always null: opens are not tracked (no tracking pixels, by choice). */
  opened: number | null;
  partnersReferring: number;
  referrals: number;
  referralsByLink: number;
  referralsByOtherChannel: number;
  conversions: number;
  revenue: Money | null;
  incentiveCost: Money | null;
  netRevenuePerAskedPartner: Money | null;
  /** The goal's rate. */
  rate: Rate;
  partnersReferringRate: Rate;
  conversionRate: Rate;
  chanceToBeBest: number;
  expectedLoss: number;
}

export type VerdictKind = 'not_enough_data' | 'leader' | 'no_meaningful_difference' | 'single_variant';

export interface Verdict {
  kind: VerdictKind;
  /** The verdict in plain words, as the practice reads it. */
  text: string;
  leader: string | null;
  /** About how many more trials each variant needs; 0 when decided. */
  moreTrialsPerVariant: number;
  difference: number;
}

export interface CampaignResults {
  campaignId: string;
  name: string;
  goal: CampaignGoal;
  startsAt: Instant;
  endsAt: Instant;
  /** When it ended; null while running. */
  endedAt: Instant | null;
  status: 'running' | 'ended';
  /** The prior, stated: "Beta(1, 1): every rate equally likely before any data". */
  prior: string;
  variants: VariantResults[];
  verdict: Verdict;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

/** The calls, one per operation of the design; each answers the body or throws an ApiError (problem+json). */
export const campaignsApi = {
  list: (params: { status?: CampaignStatus; page?: number; size?: number } = {}) =>
    apiJson<CampaignPage>('GET', `/api/campaigns${query(params)}`),
  create: (body: CampaignRequest) => apiJson<Campaign>('POST', '/api/campaigns', body),
  get: (id: string) => apiJson<Campaign>('GET', at(id)),
  update: (id: string, body: CampaignRequest) => apiJson<Campaign>('PUT', at(id), body),
  remove: (id: string) => apiJson<null>('DELETE', at(id)),
  schedule: (id: string) => apiJson<Campaign>('POST', `${at(id)}/schedule`),
  start: (id: string) => apiJson<Campaign>('POST', `${at(id)}/start`),
  end: (id: string) => apiJson<Campaign>('POST', `${at(id)}/end`),
  audience: (id: string, params: { page?: number; size?: number } = {}) =>
    apiJson<AudiencePreview>('GET', `${at(id)}/audience${query(params)}`),
  /** The window (default: from now, open-ended) decides who another overlapping campaign already has. */
  previewAudience: (audience: Audience, window: { startsAt?: Instant; endsAt?: Instant } = {}) =>
    apiJson<AudiencePreview>('POST', `/api/campaigns/audience-preview${query(window)}`, audience),
  previewAsk: (id: string, variant: string) =>
    apiJson<AskPreview>('GET', `${at(id)}/asks/preview${query({ variant })}`),
};

export const campaignMetricsApi = {
  list: () => apiJson<{ items: CampaignMetricsSummary[] }>('GET', '/api/metrics/campaigns'),
  results: (id: string, difference?: number) =>
    apiJson<CampaignResults>('GET', `/api/metrics/campaigns/${encodeURIComponent(id)}${query({ difference })}`),
};
