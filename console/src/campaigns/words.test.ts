import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignMetrics, Rate } from './words';
import {
  askProblems,
  dayStart,
  errorsByExactField,
  fromLocalInput,
  intervalScale,
  mergeCampaigns,
  nextVariantKey,
  points,
  toDayInput,
  toLocalInput,
  verdictHeading,
  viaWords,
  withoutShown,
} from './words';

const rate = (low: number, high: number): Rate => ({ successes: 1, trials: 10, mean: (low + high) / 2, low, high });

describe('an ask', () => {
  it('may use the six placeholders and must hold the campaign link', () => {
    expect(
      askProblems(
        'For {partnerFirstName}',
        'Hi {partnerName}, {practiceName} asks: {campaignLink} ({incentive}, until {campaignEnds})',
      ),
    ).toEqual([]);
  });

  it('is refused a braced word that is no placeholder, and a body without the link', () => {
    const problems = askProblems('Hello {firstName}', 'Write to us {intakeLink} {}');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('Not a placeholder: {firstName} {intakeLink} {}');
    expect(problems[1]).toContain('{campaignLink}');
    // The link in the subject alone is not enough: the body is what the partner clicks in.
    expect(askProblems('{campaignLink}', 'no link')).toHaveLength(1);
  });
});

describe('the window', () => {
  it('round-trips an instant through a datetime-local input in the browser time zone', () => {
    const local = toLocalInput('2027-03-01T09:30:00Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2027-03-01T09:30:00.000Z');
    expect(fromLocalInput('')).toBe('');
    expect(fromLocalInput('not a time')).toBe('');
    expect(toLocalInput(null)).toBe('');
  });

  it('turns a day into the instant it starts, and back', () => {
    const start = dayStart('2027-03-01');
    expect(start).not.toBeNull();
    expect(toDayInput(start)).toBe('2027-03-01');
    expect(dayStart('')).toBeNull();
  });
});

describe('the list', () => {
  it("gives each campaign metrics-service's counts when it has them, none otherwise", () => {
    const campaign = (id: string) => ({ id, name: id }) as Campaign;
    const metrics = { campaignId: 'b', asked: 20, referrals: 3, conversions: 1 } as CampaignMetrics;
    const rows = mergeCampaigns([campaign('a'), campaign('b')], [metrics]);
    expect(rows.map((r) => [r.campaign.id, r.metrics?.asked ?? null])).toEqual([
      ['a', null],
      ['b', 20],
    ]);
  });
});

describe('variants', () => {
  it('take the first free key', () => {
    expect(nextVariantKey([])).toBe('a');
    expect(nextVariantKey(['a', 'c'])).toBe('b');
    expect(nextVariantKey(['a', 'b', 'c'])).toBe('d');
  });

  it("keep each variant's field errors under its own index", () => {
    const errors = errorsByExactField({
      title: 'Invalid',
      status: 422,
      errors: [
        { field: 'variants[1].askBody', message: 'must contain {campaignLink}' },
        { field: 'variants[1].askBody', message: 'unknown placeholder {x}' },
        { field: 'name', message: 'must not be blank' },
        { field: '', message: 'no field' },
      ],
    });
    expect(errors).toEqual({
      'variants[1].askBody': 'must contain {campaignLink}; unknown placeholder {x}',
      name: 'must not be blank',
    });
  });

  it("place partner-service's unindexed variant errors (400) under the only variant, else leave them to the banner", () => {
    const problem = {
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'variants.weight', message: 'must be less than or equal to 100' },
        { field: 'audience.fitAtLeast', message: 'must be less than or equal to 100' },
      ],
    };
    expect(errorsByExactField(problem, 1)).toEqual({
      'variants[0].weight': 'must be less than or equal to 100',
      'audience.fitAtLeast': 'must be less than or equal to 100',
    });
    expect(errorsByExactField(problem, 2)['variants.weight']).toBe('must be less than or equal to 100');
    const shown = ['variants[0].weight', 'variants[1].weight', 'audience.fitAtLeast'];
    expect(withoutShown(problem, 1, shown)?.errors).toEqual([]);
    expect(withoutShown(problem, 2, shown)?.errors).toEqual([
      { field: 'variants.weight', message: 'must be less than or equal to 100' },
    ]);
  });
});

describe('the results', () => {
  it('draw every interval on one scale, up to the widest one rounded up to a tenth', () => {
    expect(intervalScale([rate(0.08, 0.42), rate(0.1, 0.31)])).toBe(0.5);
    expect(intervalScale([rate(0, 0.4)])).toBe(0.4);
    expect(intervalScale([rate(0, 0.01)])).toBe(0.1);
    expect(intervalScale([rate(0.5, 0.97)])).toBe(1);
    expect(intervalScale([])).toBe(0.1);
  });

  it('speak of differences in percentage points, and of the verdict in plain words', () => {
    expect(points(0.083)).toBe('8.3 points');
    expect(points(0.01)).toBe('1.0 point');
    expect(points(null)).toBe('—');
    expect(verdictHeading('leader', 'Session credit')).toBe('Session credit is ahead');
    expect(verdictHeading('not_enough_data', null)).toBe('Not enough data yet');
    expect(verdictHeading('no_meaningful_difference', null)).toBe('No difference worth acting on');
    expect(verdictHeading('single_variant', null)).toBe('One variant: nothing to compare');
    for (const kind of ['leader', 'not_enough_data', 'no_meaningful_difference', 'single_variant'] as const) {
      expect(verdictHeading(kind, 'b').toLowerCase()).not.toContain('significant');
    }
  });
});

describe("a referral's campaign", () => {
  it('says how the referral came to count for it', () => {
    expect(viaWords.campaign_link).toBe("through the campaign's link");
    expect(viaWords.other_channel).toMatch(/^another way/);
  });
});
