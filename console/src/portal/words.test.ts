import { describe, expect, it } from 'vitest';
import { messageKindWords, progressWords, referralName, rewardStatusWords, rewardWhat, totals } from './words';

describe("a referral's status in plain words", () => {
  it('says each step as a partner would', () => {
    expect(progressWords('received').title).toBe('Received, thank you');
    expect(progressWords('contacted').title).toBe('In touch');
    expect(progressWords('converted').title).toBe('Became a client');
    expect(progressWords('closed').title).toBe('Closed');
  });

  it('never promises more than consent none allows: received says further news depends on the person', () => {
    expect(progressWords('received').detail).toMatch(/only if the person agreed/);
    expect(progressWords(undefined)).toEqual(progressWords('received'));
  });

  it('names the person only when the service gave a first name', () => {
    expect(referralName('Riley')).toBe('Riley');
    expect(referralName(null)).toBe('Someone you referred');
  });
});

describe('rewards in plain words', () => {
  it('say the status, the kind and the amount or percent', () => {
    expect(rewardStatusWords('owed')).toBe('Owed to you');
    expect(rewardStatusWords('paid')).toBe('Paid');
    expect(rewardWhat({ type: 'referral_fee', amount: '150.00', currency: 'USD' })).toBe('Referral fee · $150');
    expect(rewardWhat({ type: 'revenue_share', percent: '10' })).toBe('Revenue share · 10%');
    expect(rewardWhat({ type: 'charity_donation', description: 'To the food bank' })).toBe(
      'Donation to charity · To the food bank',
    );
    expect(rewardWhat({ type: 'client_discount', percent: '20' })).toBe('Discount for your clients · 20%');
    expect(rewardWhat({ type: 'thank_you_gift', description: 'A book of your choice' })).toBe(
      'Thank-you gift · A book of your choice',
    );
    expect(rewardWhat({ type: 'fee_bump', amount: '50.00', currency: 'USD' })).toBe('Extra fee · $50');
    expect(rewardWhat({ type: 'new_kind_of_thanks' })).toBe('new kind of thanks');
  });

  it('total per currency', () => {
    expect(totals([])).toBe('Nothing');
    expect(totals([{ amount: '1200', currency: 'USD' }])).toBe('$1,200');
    expect(
      totals([
        { amount: '1200', currency: 'USD' },
        { amount: '300', currency: 'EUR' },
      ]),
    ).toMatch(/\$1,200 \+ €300/);
  });
});

describe('messages in plain words', () => {
  it("name each of notification-service's portal message kinds", () => {
    expect(messageKindWords('thank_you')).toBe('Thank-you');
    expect(messageKindWords('update')).toBe('Update');
    expect(messageKindWords('check_in')).toBe('Check-in');
    expect(messageKindWords('outreach')).toBe('From the practice');
    expect(messageKindWords('introduction')).toBe('Introduction');
    expect(messageKindWords('ask')).toBe('Referral request');
  });
});
