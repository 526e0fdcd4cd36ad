import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstNameOf, unknownPlaceholders } from './kit';

describe("the kit's placeholders", () => {
  const values = {
    partnerFirstName: 'Dana',
    partnerName: 'Dana Lee',
    practiceName: 'Brightside Coaching',
    intakeLink: 'https://referrals.example/intake/abc',
    bookingLink: 'https://cal.example/brightside',
  };

  it('are each replaced by their value, every time they occur', () => {
    expect(
      fillPlaceholders('Hi, {partnerFirstName}! {practiceName} thanks {partnerName}. {practiceName}.', values),
    ).toBe('Hi, Dana! Brightside Coaching thanks Dana Lee. Brightside Coaching.');
    expect(fillPlaceholders('Book: {bookingLink} or refer: {intakeLink}', values)).toBe(
      'Book: https://cal.example/brightside or refer: https://referrals.example/intake/abc',
    );
  });

  it('insert values literally, in one pass: nothing in a value is read as a placeholder or a pattern', () => {
    const tricky = { partnerName: '{practiceName} $& $1 $$', practiceName: 'P' };
    expect(fillPlaceholders('{partnerName} / {practiceName}', tricky)).toBe('{practiceName} $& $1 $$ / P');
    expect(fillPlaceholders('<b>{partnerName}</b>', { partnerName: '<img src=x>' })).toBe('<b><img src=x></b>');
  });

  it('leave unknown braces as they are and say what a missing value stands for', () => {
    expect(fillPlaceholders('{clientName} {intakeLink}', { intakeLink: null })).toBe('{clientName} [your intake link]');
    expect(fillPlaceholders('{ partnerName } {PartnerName}', values)).toBe('{ partnerName } {PartnerName}');
  });

  it('are told apart from braced words the service refuses', () => {
    expect(unknownPlaceholders('{partnerName} {clientName} {clientName} {intakeLink} {}')).toEqual([
      '{clientName}',
      '{}',
    ]);
    expect(unknownPlaceholders('no braces')).toEqual([]);
  });

  it("take a partner's first name from their name", () => {
    expect(firstNameOf('  Dana   Lee ')).toBe('Dana');
    expect(firstNameOf('')).toBe('');
    expect(firstNameOf(undefined)).toBe('');
  });
});
