import { describe, expect, it } from 'vitest';
import { stageMoves, stageProgress } from './partners';
import { allowedMoves, firstContactLate, isFinal } from './referrals';

describe("a referral's moves", () => {
  it('go forward through the open statuses, skipping allowed, or to any final status', () => {
    expect(allowedMoves('received')).toEqual([
      'contacted',
      'consultation_booked',
      'converted',
      'not_a_fit',
      'declined',
      'no_response',
    ]);
    expect(allowedMoves('consultation_booked')).toEqual(['converted', 'not_a_fit', 'declined', 'no_response']);
  });

  it('end at a final status', () => {
    expect(allowedMoves('converted')).toEqual([]);
    expect(isFinal('declined')).toBe(true);
    expect(isFinal('contacted')).toBe(false);
  });

  it('flag a first contact late only while still received after its due time', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(firstContactLate('received', '2026-12-02T11:00:00Z', now)).toBe(true);
    expect(firstContactLate('received', '2026-12-02T13:00:00Z', now)).toBe(false);
    expect(firstContactLate('contacted', '2026-12-02T11:00:00Z', now)).toBe(false);
    expect(firstContactLate('received', null, now)).toBe(false);
  });
});

describe("a partner's stages", () => {
  it('move one step at a time, or to dormant or ended', () => {
    expect(stageMoves('identified')).toEqual(['reached_out', 'dormant', 'ended']);
    expect(stageMoves('trusted')).toEqual(['dormant', 'ended']);
    expect(stageMoves('ended')).toEqual(['identified', 'reached_out']);
    expect(stageMoves('nonsense')).toEqual([]);
  });

  it('place active stages on the way to trusted', () => {
    expect(stageProgress('identified')).toBe(0);
    expect(stageProgress('trusted')).toBe(1);
    expect(stageProgress('dormant')).toBeNull();
  });
});
