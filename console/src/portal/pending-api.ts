// WRITTEN BY HAND, TO BE REPLACED: the types of the portal endpoints that are agreed (notes/portal-api.md, issue 28)
// but not yet on main, so not yet in the generated src/api/*.ts. Each block names the backend branch that implements
// it. Once a branch is merged and `npm run api` has regenerated src/api/, delete its block here and import the
// generated schema instead (the names below are the contract's; the generated ones may differ slightly): the portal
// calls these through `pendingCall` (src/portal/api.ts), which the typed openapi-fetch clients then replace.
//
// Everything here is exactly the contract: camelCase JSON, optional where the contract says `?`.
import type { components } from '../api/referral';

/** One page of a list, as every list endpoint of the platform answers. */
export interface Page<T> {
  items?: T[];
  page?: number;
  size?: number;
  total?: number;
}

/** An amount of money as the services write it: a decimal string and an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

// ---- referral-service (branch portal-referral-side) -------------------------------------------------------------

export type PortalConsent = 'none' | 'contact_made' | 'outcome';

/** POST /api/portal/referrals (Idempotency-Key honoured): at least one of email and phone. */
export interface PortalReferralRequest {
  firstName: string;
  lastName?: string;
  email?: string;
  phone?: string;
  /** What they are looking for. */
  need?: string;
  consent: PortalConsent;
}

export type PortalRewardStatus = 'owed' | 'paid' | 'waived';

/** GET /api/portal/rewards (page), GET /api/portal/rewards/{id}. */
export interface PortalReward {
  id: string;
  referralId?: string;
  /** referral_fee | flat_fee | revenue_share | session_credit | program_discount | exclusive_access | charity_donation | … */
  type: string;
  /** A fee paid to the partner (money), as opposed to a thank-you in kind. */
  cash: boolean;
  status: PortalRewardStatus;
  amount?: string | null;
  currency?: string | null;
  percent?: string | null;
  description?: string | null;
  earnedAt: string;
  paidAt?: string | null;
  waivedAt?: string | null;
  /** The agreement's terms and its disclosure text. */
  terms?: { summary: string; disclosure?: string | null } | null;
}

/** GET /api/portal/given-referrals (page): referrals the practice gave this partner; no contact details. */
export interface PortalGivenReferral {
  id: string;
  givenOn: string;
  need?: string | null;
}

/** GET /api/portal/balance: the relationship both ways, totals per currency. */
export interface PortalBalance {
  referralsFromYou: number;
  referralsToYou: number;
  convertedFromYou: number;
  owed: Money[];
  paid: Money[];
}

/** GET /api/portal/intake-link (404 problem when none), POST /api/portal/intake-link (201 new, 200 existing). */
export interface PortalIntakeLink {
  url: string;
}

// ---- partner-service (branch portal-partner-side) ---------------------------------------------------------------

export interface KitStory {
  id: string;
  title: string;
  body: string;
}

export interface KitScript {
  id: string;
  title: string;
  body: string;
}

export interface KitIntroEmail {
  id: string;
  title: string;
  subject: string;
  body: string;
}

/** GET/PUT /api/practice/kit (PUT: owner or member). Text may use the placeholders of src/portal/kit.ts only. */
export interface IntroductionKit {
  overview: string;
  idealClient: string;
  successStories: KitStory[];
  scripts: KitScript[];
  introEmails: KitIntroEmail[];
  bookingUrl?: string | null;
  updatedAt?: string | null;
}

/** The PUT body: the kit without its `updatedAt`; an item without an id is a new one. */
export interface IntroductionKitUpdate {
  overview: string;
  idealClient: string;
  successStories: (Omit<KitStory, 'id'> & { id?: string })[];
  scripts: (Omit<KitScript, 'id'> & { id?: string })[];
  introEmails: (Omit<KitIntroEmail, 'id'> & { id?: string })[];
  bookingUrl?: string | null;
}

/** GET /api/portal/kit: the same kit plus the practice's name. */
export interface PortalKit extends IntroductionKit {
  practiceName: string;
}

/** GET/PUT /api/portal/profile (email is the sign-in address: changed only by the practice). */
export interface PortalProfile {
  name: string;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  organization?: string | null;
  clientsServed: string[];
  specialties?: string[] | null;
}

export interface PortalProfileUpdate {
  name: string;
  phone?: string;
  website?: string;
  organization?: string;
  clientsServed: string[];
  specialties?: string[];
}

/** POST /api/partners/{id}/portal-view (owner/member): a read-only session of 15 minutes to see the portal as them. */
export interface PortalViewSession {
  accessToken: string;
  expiresAt: string;
}

/** GET /api/portal/me gains `readOnly` (true for a "view as" session). */
export interface PortalMeReadOnly {
  readOnly?: boolean;
}

// ---- notification-service (branch portal-notification) ---------------------------------------------------------

/** GET /api/portal/messages (page, newest first), GET /api/portal/messages/{id}. */
export interface PortalMessage {
  id: string;
  /** thank_you | update | check_in | … */
  kind: string;
  subject: string;
  body: string;
  sentAt: string;
}

/** GET/PUT /api/portal/email-preferences: which emails the partner gets; an opted-out kind is not sent. */
export interface EmailPreferences {
  thankYous: boolean;
  referralUpdates: boolean;
  checkIns: boolean;
  news: boolean;
}

/** Every pending endpoint the front end calls, by method and path, with what it sends and answers. */
export interface PendingEndpoints {
  'POST /api/portal/referrals': { body: PortalReferralRequest; answer: components['schemas']['PortalReferral'] };
  'GET /api/portal/rewards': { body: never; answer: Page<PortalReward> };
  'GET /api/portal/given-referrals': { body: never; answer: Page<PortalGivenReferral> };
  'GET /api/portal/balance': { body: never; answer: PortalBalance };
  'GET /api/portal/intake-link': { body: never; answer: PortalIntakeLink };
  'POST /api/portal/intake-link': { body: never; answer: PortalIntakeLink };
  'GET /api/portal/kit': { body: never; answer: PortalKit };
  'GET /api/portal/profile': { body: never; answer: PortalProfile };
  'PUT /api/portal/profile': { body: PortalProfileUpdate; answer: PortalProfile };
  'GET /api/portal/messages': { body: never; answer: Page<PortalMessage> };
  'GET /api/portal/email-preferences': { body: never; answer: EmailPreferences };
  'PUT /api/portal/email-preferences': { body: EmailPreferences; answer: EmailPreferences };
}

/** The practice's side of the pending endpoints (staff token). */
export interface PendingPracticeEndpoints {
  'GET /api/practice/kit': { body: never; answer: IntroductionKit };
  'PUT /api/practice/kit': { body: IntroductionKitUpdate; answer: IntroductionKit };
  'POST /api/partners/{id}/portal-view': { body: never; answer: PortalViewSession };
}
