import { describe, expect, it } from 'vitest';
import { taskKindValues } from './api/notification';
import {
  days,
  label,
  monthBounds,
  money,
  percent,
  relative,
  rewardTypeLabels,
  taskKindLabels,
  weekStart,
  yearMonth,
} from './format';

describe('formatting', () => {
  it('formats money without cents and survives bad input', () => {
    expect(money('1500.00', 'USD', 'en-US')).toBe('$1,500');
    expect(money(null)).toBe('—');
    expect(money('abc')).toBe('abc');
    expect(money(10, 'NOT', 'en-US')).toMatch(/10/);
  });

  it('formats ratios as percentages', () => {
    expect(percent(0.4, 'en-US')).toBe('40%');
    expect(percent(undefined)).toBe('—');
  });

  it('says how far away a time is in its largest unit', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(relative('2026-12-05T12:00:00Z', now, 'en')).toBe('in 3 days');
    expect(relative('2026-12-02T10:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relative('2026-12-02T12:00:20Z', now, 'en')).toBe('this minute');
  });

  it('turns wire values into words', () => {
    expect(label('center_of_influence')).toBe('Center of influence');
    expect(label(null)).toBe('—');
  });

  it('finds the ISO week start (Monday) and the month bounds in UTC', () => {
    expect(weekStart(new Date('2026-12-02T12:00:00Z'))).toBe('2026-11-30T00:00:00.000Z'); // a Wednesday
    expect(weekStart(new Date('2026-12-06T23:00:00Z'))).toBe('2026-11-30T00:00:00.000Z'); // Sunday
    expect(weekStart(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30T00:00:00.000Z'); // Monday
    expect(monthBounds(new Date('2026-12-15T00:00:00Z'))).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(yearMonth(new Date('2026-12-15T00:00:00Z'))).toBe('2026-12');
  });

  it("names a campaign's incentives as rewards, in words", () => {
    expect(rewardTypeLabels.thank_you_gift).toBe('Thank-you gift');
    expect(rewardTypeLabels.fee_bump).toMatch(/^Fee bump/);
  });

  it('says an average number of days, and nothing before there is one', () => {
    expect(days(12.5, 'en-US')).toBe('12.5 days');
    expect(days(1, 'en-US')).toBe('1 day');
    expect(days(0.04, 'en-US')).toBe('0 days');
    expect(days(null)).toBe('—');
    expect(days(undefined)).toBe('—');
  });

  it('has words for every kind of task notification-service makes', () => {
    for (const kind of taskKindValues) expect(taskKindLabels[kind], kind).toMatch(/^[A-Z]/);
  });
});
