// The campaign screens' words and small calculations, kept apart from the screens so they are unit-tested: what the
// wire values mean in plain words, the ask's placeholders checked before saving, the window's inputs, the list's
// merge of partner-service's campaigns with metrics-service's counts, and the scale of the results' interval bars.
import type {
  CampaignAttribution,
  CampaignGoal,
  CampaignStatus,
  CampaignTrigger,
  IncentiveEarnedOn,
  MetricsApi,
  PartnerApi,
  RewardType,
  VerdictKind,
} from '../clients';
import type { Problem } from '../problem';

export type Campaign = PartnerApi['Campaign'];
export type CampaignMetrics = MetricsApi['CampaignListItem'];
export type Rate = MetricsApi['CampaignRate'];

/**
 * The placeholders an ask's subject and body may hold (partner-service's CampaignVariant.askSubject); anything else in
 * braces is refused with a 422.
 */
export const ASK_PLACEHOLDERS = [
  'partnerFirstName',
  'partnerName',
  'practiceName',
  'campaignLink',
  'incentive',
  'campaignEnds',
] as const;

/**
 * The reward types a campaign's incentive may be (partner-service's CampaignIncentive.type names them; any other
 * RewardType is refused with a 422): the options of a variant's incentive.
 */
export const CAMPAIGN_INCENTIVE_TYPES = [
  'thank_you_gift',
  'session_credit',
  'program_discount',
  'charity_donation',
  'fee_bump',
] as const satisfies readonly RewardType[];
export type CampaignIncentiveType = (typeof CAMPAIGN_INCENTIVE_TYPES)[number];

export const goalWords: Record<CampaignGoal, { title: string; detail: string }> = {
  partners_referring: {
    title: 'Partners who refer',
    detail: 'Of the partners asked, how many referred someone during the campaign.',
  },
  conversions: {
    title: 'Referrals that become clients',
    detail: 'Of the referrals the campaign brought, how many became clients.',
  },
};

export const triggerWords: Record<CampaignTrigger, string> = {
  start: 'Once, everyone, when it starts',
  pleased_check_in: 'When a client they referred is pleased',
};

/** What each trigger does, in a sentence. */
export const triggerDetails: Record<CampaignTrigger, string> = {
  start: 'Every partner of the audience is asked once, when the campaign starts.',
  pleased_check_in:
    'A partner of the audience is asked each time a client they referred, who became a client, says at the check-in ' +
    'that they are pleased: the moment they are most glad to have referred.',
};

export const incentiveTypeWords: Record<CampaignIncentiveType, string> = {
  thank_you_gift: 'Thank-you gift',
  session_credit: 'Session credit',
  program_discount: 'Program discount',
  charity_donation: 'Donation to their charity',
  fee_bump: 'Fee bump under the agreement',
};

/** How a referral came to count for a campaign (referral-service's ReferralCampaign.via). */
export const viaWords: Record<CampaignAttribution, string> = {
  campaign_link: "through the campaign's link",
  other_channel: 'another way, from a partner the campaign asked, inside its window',
};

export const earnedOnWords: Record<IncentiveEarnedOn, string> = {
  referral: 'For each referral',
  conversion: 'For each referral who becomes a client',
};

export const statusTone: Record<CampaignStatus, 'ok' | 'warn' | 'info' | undefined> = {
  draft: undefined,
  scheduled: 'info',
  running: 'ok',
  ended: 'warn',
};

/** What each placeholder of an ask stands for, listed beside the ask's fields. */
export const askPlaceholderWords: Record<(typeof ASK_PLACEHOLDERS)[number], string> = {
  partnerFirstName: "the partner's first name",
  partnerName: "the partner's name",
  practiceName: "your practice's name",
  campaignLink: "the partner's own referral form for this campaign",
  incentive: "the variant's incentive",
  campaignEnds: 'the day the campaign ends',
};

/** What is wrong with an ask before the service says so: braced words that are no placeholder, no campaign link. */
export function askProblems(subject: string, body: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const text of [subject, body]) {
    for (const match of text.matchAll(/\{([^{}\s]*)\}/g)) {
      if (!(ASK_PLACEHOLDERS as readonly string[]).includes(match[1])) unknown.add(match[0]);
    }
  }
  if (unknown.size > 0) problems.push(`Not a placeholder: ${[...unknown].join(' ')}`);
  if (!body.includes('{campaignLink}'))
    problems.push('The text must contain {campaignLink}, or the partner has no way to refer.');
  return problems;
}

/** An instant as the value of a datetime-local input, in this browser's time zone: "2027-03-01T09:00". */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A datetime-local input's value as an instant; "" when empty or not a time (the service then names the field). */
export function fromLocalInput(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** A date input's value ("2027-03-01") as the instant its day starts in this browser's time zone; null when empty. */
export function dayStart(day: string): string | null {
  if (!day) return null;
  const d = new Date(`${day}T00:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An instant as a date input's value in this browser's time zone. */
export function toDayInput(iso: string | null | undefined): string {
  return toLocalInput(iso).slice(0, 10);
}

export interface CampaignRow {
  campaign: Campaign;
  /** metrics-service's counts; null until it has seen the campaign start (or when it could not be asked). */
  metrics: CampaignMetrics | null;
}

/** partner-service's campaigns, each with metrics-service's counts when it has them. */
export function mergeCampaigns(campaigns: Campaign[], metrics: CampaignMetrics[]): CampaignRow[] {
  const byId = new Map(metrics.map((m) => [m.campaignId, m]));
  return campaigns.map((campaign) => ({ campaign, metrics: (campaign.id && byId.get(campaign.id)) || null }));
}

/** The first unused variant key of a, b, c, … */
export function nextVariantKey(used: readonly string[]): string {
  for (let code = 97; code <= 122; code++) {
    const key = String.fromCharCode(code);
    if (!used.includes(key)) return key;
  }
  return `v${used.length + 1}`;
}

/**
 * The problem's field errors by the field's exact name, indexes kept (`variants[1].askBody`): a campaign has up to
 * four variants, and an error of the second belongs under the second's field only. partner-service names a bean
 * validation error of a variant without its index (`variants.weight`, 400 validation-failed): with one variant it can
 * only be that one's (`variants[0].weight`); with more, it stays as named, for the banner to list.
 */
export function errorsByExactField(problem: Problem | undefined, variants = 0): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (!error.field) continue;
    const field = variants === 1 ? error.field.replace(/^variants\./, 'variants[0].') : error.field;
    byField[field] = byField[field] ? `${byField[field]}; ${error.message}` : error.message;
  }
  return byField;
}

/** The problem without the field errors a form shows at its inputs (`shown`: their exact names), for its banner. */
export function withoutShown(problem: Problem | undefined, variants: number, shown: readonly string[]) {
  if (!problem) return undefined;
  const errors = problem.errors.filter((e) => {
    const field = e.field && variants === 1 ? e.field.replace(/^variants\./, 'variants[0].') : e.field;
    return !field || !shown.includes(field);
  });
  return { ...problem, errors };
}

/** The upper end of the interval bars' common scale: the widest interval's end, rounded up to a tenth (at least 0.1). */
export function intervalScale(rates: readonly (Rate | undefined)[]): number {
  const high = Math.max(0, ...rates.map((r) => (r?.high !== undefined && Number.isFinite(r.high) ? r.high : 0)));
  return Math.min(1, Math.max(0.1, Math.ceil(high * 10 - 1e-9) / 10));
}

/** A rate difference in percentage points, one decimal: 0.083 → "8.3 points". */
export function points(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 1000) / 10;
  return `${rounded.toFixed(1)} point${rounded === 1 ? '' : 's'}`;
}

/** The verdict's heading in plain words; the service's own sentence follows it. */
export function verdictHeading(kind: VerdictKind, leaderName: string | null): string {
  if (kind === 'leader') return leaderName ? `${leaderName} is ahead` : 'One variant is ahead';
  if (kind === 'no_meaningful_difference') return 'No difference worth acting on';
  if (kind === 'single_variant') return 'One variant: nothing to compare';
  return 'Not enough data yet';
}

export const verdictTone: Record<VerdictKind, 'ok' | 'info' | 'warn'> = {
  leader: 'ok',
  no_meaningful_difference: 'info',
  not_enough_data: 'warn',
  single_variant: 'info',
};
