import { describe, expect, it } from 'vitest';
import { bookingProviderValues, bookingStateValues } from '../clients';
import { fitsSearch, matchedByWords, pasteSteps, providerLabels, secretRequired, stateLabels } from './words';

const referral = { referred: { name: 'Zoë Martín', email: 'zoe.martin@example.com' }, referrerName: 'Dana Lee' };

describe("finding the referral a booking belongs to, as the Bookings page's search does", () => {
  it('fits every referral while nothing is typed', () => {
    expect(fitsSearch(referral, '')).toBe(true);
    expect(fitsSearch(referral, '   ')).toBe(true);
  });

  it("fits by the referred person's name or email, or the referrer's name, whatever the case and accents", () => {
    expect(fitsSearch(referral, 'zoe')).toBe(true);
    expect(fitsSearch(referral, 'MARTIN')).toBe(true);
    expect(fitsSearch(referral, 'zoe.martin@example')).toBe(true);
    expect(fitsSearch(referral, 'dana')).toBe(true);
  });

  it('needs every word typed', () => {
    expect(fitsSearch(referral, 'zoë lee')).toBe(true);
    expect(fitsSearch(referral, 'zoë rivera')).toBe(false);
    expect(fitsSearch({ referred: { name: 'Sam Rivera' } }, 'zoe')).toBe(false);
  });

  it('survives a referral without an email or a referrer', () => {
    expect(fitsSearch({ referred: { name: 'Sam Rivera' }, referrerName: null }, 'sam')).toBe(true);
    expect(fitsSearch({}, 'sam')).toBe(false);
  });
});

describe("the providers' words", () => {
  it('name each provider and say where its URL and secret go', () => {
    for (const provider of bookingProviderValues) {
      expect(providerLabels[provider]).not.toBe('');
      expect(pasteSteps[provider].length).toBeGreaterThan(0);
    }
    expect(pasteSteps.calcom.join(' ')).toContain('Settings → Developer → Webhooks');
  });

  it("require Calendly's signing key and make Cal.com's optional, as referral-service does", () => {
    expect(secretRequired).toEqual({ calcom: false, calendly: true });
  });

  it('say how a booking was matched', () => {
    expect(matchedByWords('practice')).toBe('by hand');
    expect(matchedByWords('code')).toBe('by the referral code in the link');
    expect(matchedByWords('by_magic')).toBe('by magic');
  });

  it('have words for every state a booking can be in', () => {
    expect(bookingStateValues.map((s) => stateLabels[s])).toEqual(['Unmatched', 'Matched', 'Dismissed']);
  });
});
