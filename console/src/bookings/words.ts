// The booking screens' words (issue 30): the providers as a practice knows them, where each one wants the receiving
// URL and the secret, and the words for a booking's state and status. The maps are exhaustive over the wire enums,
// so a value the API gains fails tsc until it has its words.
import type { BookingMatchedBy, BookingProvider, BookingState, BookingStatus } from '../clients';

export const providerLabels: Record<BookingProvider, string> = {
  calcom: 'Cal.com',
  calendly: 'Calendly',
};

/** Whether the practice must give the provider's signing secret (Calendly shows its key; Cal.com takes ours). */
export const secretRequired: Record<BookingProvider, boolean> = {
  calcom: false,
  calendly: true,
};

export const secretHints: Record<BookingProvider, string> = {
  calcom:
    'Optional: leave it empty and we make one for you to paste into Cal.com (16 to 200 characters if you give one)',
  calendly: 'Required: the webhook signing key Calendly shows for your webhook subscription (16 to 200 characters)',
};

/** Where the receiving URL and the secret go in each provider, step by step. */
export const pasteSteps: Record<BookingProvider, string[]> = {
  calcom: [
    'In Cal.com open Settings → Developer → Webhooks and choose New.',
    'Paste the receiving URL as the Subscriber URL, and the signing secret as the Secret.',
    'Tick Booking created, Booking rescheduled, Booking cancelled and No-show updated, then save.',
  ],
  calendly: [
    'In Calendly open Integrations → API and webhooks and create a webhook subscription.',
    'Use the receiving URL as its URL, for invitee.created, invitee.canceled and invitee_no_show.created.',
    'The signing key you gave here must be the one the subscription signs with.',
  ],
};

/** How a referral's code travels in each provider's booking link, so that the booking comes back matched. */
export const codeCarrier: Record<BookingProvider, string> = {
  calcom: 'the link’s metadata[ref] parameter',
  calendly: 'the link’s utm_content parameter',
};

export const stateLabels: Record<BookingState, string> = {
  unmatched: 'Unmatched',
  matched: 'Matched',
  dismissed: 'Dismissed',
};

export const statusLabels: Record<BookingStatus, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const matchedByLabels: Record<BookingMatchedBy, string> = {
  code: 'by the referral code in the link',
  email: 'by the attendee’s email',
  practice: 'by hand',
};

/** How a booking was matched, in words; the document types the field as any string, so an unknown one is said as is. */
export function matchedByWords(matchedBy: string): string {
  return (matchedByLabels as Record<string, string | undefined>)[matchedBy] ?? matchedBy.replace(/_/g, ' ');
}

interface Searchable {
  referred?: { name?: string; email?: string; phone?: string } | null;
  referrerName?: string | null;
}

/**
 * Whether a referral fits what the practice typed to find it: every word of `query` in the referred person's name or
 * email, or the referrer's name, case and accents ignored. An empty query fits every referral.
 */
export function fitsSearch(referral: Searchable, query: string): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const haystack = fold(
    [referral.referred?.name, referral.referred?.email, referral.referrerName].filter(Boolean).join(' '),
  );
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
