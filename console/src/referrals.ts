import type { ReferralStatus as ApiStatus } from './api';

// A referral's lifecycle as referral-service enforces it (POST /api/referrals/{id}/status): received → contacted →
// consultation_booked (a step may be skipped), then converted, not_a_fit, declined or no_response from any open
// status; those four are final. The console offers only these moves; the service still decides (409 otherwise).

export const OPEN = ['received', 'contacted', 'consultation_booked'] as const;
export const FINAL = ['converted', 'not_a_fit', 'declined', 'no_response'] as const;
export type ReferralStatus = (typeof OPEN)[number] | (typeof FINAL)[number];

// Both lists together must be referral-service's statuses: a status added or removed there fails tsc here.
const EVERY: Record<ApiStatus, true> = Object.fromEntries([...OPEN, ...FINAL].map((s) => [s, true])) as Record<
  ReferralStatus,
  true
>;
void EVERY;

export function allowedMoves(status: string): ReferralStatus[] {
  const at = OPEN.indexOf(status as (typeof OPEN)[number]);
  if (at < 0) return [];
  return [...OPEN.slice(at + 1), ...FINAL];
}

export function isFinal(status: string): boolean {
  return (FINAL as readonly string[]).includes(status);
}

/** Whether a first contact is late: still received after its due time. */
export function firstContactLate(status: string, dueAt: string | null | undefined, now: Date): boolean {
  return status === 'received' && !!dueAt && new Date(dueAt).getTime() < now.getTime();
}
