// The portal's words for the wire's values: what a partner who refers two people a year understands at a glance.
import type { ReferralApi } from '../clients';
import { money } from '../format';
import type { PortalAmount, PortalConsent, PortalMessageKind, PortalReward } from './api';

export type Progress = ReferralApi['Progress'];

/**
 * How far a referral went, as far as the referred person allowed the partner to learn: a headline and a sentence.
 * `received` is also all a partner ever sees under consent `none`, so its sentence never implies more is coming.
 */
export function progressWords(progress: Progress | null | undefined): { title: string; detail: string } {
  switch (progress) {
    case 'contacted':
      return { title: 'In touch', detail: 'The practice has been in touch with them.' };
    case 'converted':
      return { title: 'Became a client', detail: 'They started working with the practice. Thank you!' };
    case 'closed':
      return { title: 'Closed', detail: "It didn't go further this time. Thank you all the same." };
    case 'received':
    default:
      return {
        title: 'Received, thank you',
        detail: 'The practice has your referral. You hear more only if the person agreed to it.',
      };
  }
}

/** The tone of a status chip. */
export function progressTone(progress: Progress | null | undefined): 'ok' | 'info' | 'warn' {
  if (progress === 'converted') return 'ok';
  if (progress === 'closed') return 'warn';
  return 'info';
}

/** The referral's person as the partner may see them: a first name only under consent `outcome`. */
export function referralName(firstName: string | null | undefined): string {
  return firstName ? firstName : 'Someone you referred';
}

/** The consent choices of the refer form, in plain words: what the referrer will hear, and what the person agrees to. */
export const consentChoices: readonly { value: PortalConsent; title: string; detail: string }[] = [
  {
    value: 'none',
    title: 'Just a thank-you',
    detail: 'You will only hear that the referral arrived. Nothing about whether they got in touch or became a client.',
  },
  {
    value: 'contact_made',
    title: 'Tell me when they are in touch',
    detail: 'You will hear that the practice and the person have been in touch, and nothing more.',
  },
  {
    value: 'outcome',
    title: 'Tell me how it went',
    detail: 'You will hear whether they became a client, and see their first name. Ask them first.',
  },
];

export function rewardStatusWords(status: PortalReward['status'] | undefined): string {
  if (status === 'paid') return 'Paid';
  if (status === 'waived') return 'Waived';
  return 'Owed to you';
}

/** What a reward is, in words: an amount, a percent, or the thank-you in kind it describes. */
export function rewardWhat(
  // A type the console does not know yet (the services added one) is shown by its words rather than hidden.
  reward: Pick<PortalReward, 'amount' | 'currency' | 'percent' | 'description'> & { type?: string },
): string {
  const kind = reward.type ? (REWARD_KINDS[reward.type] ?? reward.type.replace(/_/g, ' ')) : 'Reward';
  const parts = [kind];
  if (reward.amount) parts.push(money(reward.amount, reward.currency ?? 'USD'));
  else if (reward.percent) parts.push(`${reward.percent}%`);
  if (reward.description) parts.push(reward.description);
  return parts.join(' · ');
}

const REWARD_KINDS: Partial<Record<string, string>> & Record<NonNullable<PortalReward['type']>, string> = {
  referral_fee: 'Referral fee',
  flat_fee: 'Fee',
  revenue_share: 'Revenue share',
  client_discount: 'Discount for your clients',
  session_credit: 'Session credit',
  program_discount: 'Program discount',
  exclusive_access: 'Exclusive access',
  charity_donation: 'Donation to charity',
  // A campaign's incentives (issue 29): a gift in kind, and an amount on top of the fee the agreement gives.
  thank_you_gift: 'Thank-you gift',
  fee_bump: 'Extra fee',
};

/** Totals per currency, as "$1,200 + €300"; "nothing" for none. */
export function totals(amounts: readonly PortalAmount[] | null | undefined): string {
  const list = (amounts ?? []).filter((a) => a.amount !== undefined && a.currency !== undefined);
  if (list.length === 0) return 'Nothing';
  return list.map((a) => money(a.amount, a.currency)).join(' + ');
}

const MESSAGE_KINDS: Record<PortalMessageKind, string> = {
  thank_you: 'Thank-you',
  update: 'Update',
  check_in: 'Check-in',
  outreach: 'From the practice',
  introduction: 'Introduction',
  ask: 'Referral request',
};

export function messageKindWords(kind: PortalMessageKind | undefined): string {
  return kind ? MESSAGE_KINDS[kind] : 'Message';
}
