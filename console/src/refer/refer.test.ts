import { describe, expect, it } from 'vitest';
import { refusal } from './refer';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'about:blank', title: `Status ${status}`, status, detail: 'From the service.', ...extra }) as const;

describe("the referral form's refusals", () => {
  it('say plainly that a link no longer works, and what to do', () => {
    const p = refusal(new Response(null, { status: 404 }), problem(404));
    expect(p.title).toBe('This link no longer works');
    expect(p.detail).toContain('Ask the practice for a new link');
  });

  it('say when to try again after a rate limit', () => {
    const limited = refusal(new Response(null, { status: 429, headers: { 'Retry-After': '42' } }), problem(429));
    expect(limited.detail).toBe('From the service. Try again in 42 seconds.');
    const unsaid = refusal(new Response(null, { status: 429 }), null);
    expect(unsaid.detail).toBe('Too many referrals at once. Try again in a minute.');
  });

  it("keep the service's field errors as they are", () => {
    const invalid = refusal(
      new Response(null, { status: 400 }),
      problem(400, { errors: [{ field: 'referred', message: 'give an email or a phone number' }] }),
    );
    expect(invalid.title).toBe('Status 400');
    expect(invalid.errors).toEqual([{ field: 'referred', message: 'give an email or a phone number' }]);
  });
});
