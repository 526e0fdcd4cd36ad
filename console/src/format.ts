// Formatting the console's numbers and dates: in the browser's locale, and in the practice's time zone when known;
// and the words for wire values that `label` alone would not make clear.
import type { Consent, RewardType, TaskKind } from './clients';

export function money(amount: string | number | null | undefined, currency = 'USD', locale?: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return String(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${value.toFixed(0)} ${currency}`;
  }
}

export function percent(ratio: number | null | undefined, locale?: string): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** An average number of days, as the metrics give it ("12.5 days"); "—" before there is one. */
export function days(value: number | string | null | undefined, locale?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return n === 1 ? `${text} day` : `${text} days`;
}

export function date(iso: string | null | undefined, locale?: string, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(d);
}

export function dateTime(iso: string | null | undefined, locale?: string, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** "in 3 days", "2 hours ago": how far `iso` is from `now`, in the largest whole unit. */
export function relative(iso: string | null | undefined, now: Date, locale?: string): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/** `snake_case` wire values as words: `center_of_influence` → "Center of influence". */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What each consent lets the referrer learn, as the referral forms offer it. */
export const consentLabels: Record<Consent, string> = {
  outcome: 'Outcome: the referrer may hear how it went',
  contact_made: 'Contact made: only that we were in touch',
  none: 'None: a thank-you that names nobody',
};

/** What each kind of fee or reward is, as the practice reads it (thank_you_gift and fee_bump: campaign incentives). */
export const rewardTypeLabels: Record<RewardType, string> = {
  referral_fee: 'Referral fee',
  flat_fee: 'Flat fee',
  revenue_share: 'Revenue share',
  client_discount: 'Client discount',
  session_credit: 'Session credit',
  program_discount: 'Program discount',
  exclusive_access: 'Exclusive access',
  charity_donation: 'Charity donation',
  thank_you_gift: 'Thank-you gift',
  fee_bump: 'Fee bump (on top of the agreement)',
};

/** Each kind of task as Today lists it; exhaustive, so a kind notification-service gains fails tsc until it has words. */
export const taskKindLabels: Record<TaskKind, string> = {
  first_contact: 'First contact',
  review_draft: 'Draft to review',
  pleased_check_in: 'Pleased check-in',
  partner_check_in: 'Partner check-in',
  dormant_partner: 'Dormant partner',
  personal_follow_up: 'Personal follow-up',
  webhook_disabled: 'Webhook disabled',
  booking_unmatched: 'Booking to match',
  booking_cancelled: 'Consultation cancelled',
  booking_no_show: 'Missed consultation',
};

/** The first day of the month of `now` and of the next month, as UTC instants: "this month" for list filters. */
export function monthBounds(now: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Monday 00:00 UTC of the week of `now` (ISO weeks start on Monday), and `now`: "this week" for list filters. */
export function weekStart(now: Date): string {
  const day = (now.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day)).toISOString();
}

/** `YYYY-MM` of `now` in UTC. */
export function yearMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}
