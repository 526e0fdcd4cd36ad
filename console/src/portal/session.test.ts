import { describe, expect, it } from 'vitest';
import { parseFragment, practiceFrom, sessionOf } from './session';

const LINK = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE'; // 43 base64url characters, as partner-service makes them

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('the fragment of the address', () => {
  it('carries a sign-in link as partner-service mails it', () => {
    expect(LINK).toHaveLength(43);
    expect(parseFragment(`#token=${LINK}`)).toEqual({ kind: 'link', token: LINK });
    expect(parseFragment(`token=${LINK}`)).toEqual({ kind: 'link', token: LINK });
  });

  it('refuses a token that is not one: too short, too long, or with other characters', () => {
    expect(parseFragment(`#token=${LINK.slice(1)}`)).toEqual({ kind: 'none' });
    expect(parseFragment(`#token=${LINK}x`)).toEqual({ kind: 'none' });
    expect(parseFragment(`#token=${LINK.slice(1)}+`)).toEqual({ kind: 'none' });
    expect(parseFragment('#token=')).toEqual({ kind: 'none' });
    expect(parseFragment('')).toEqual({ kind: 'none' });
    expect(parseFragment('#main')).toEqual({ kind: 'none' });
  });

  it("carries the practice's read-only view as a session token (a JWT), and nothing else as one", () => {
    const token = jwt({ read_only: true });
    expect(parseFragment(`#view=${token}`)).toEqual({ kind: 'view', token });
    expect(parseFragment('#view=not-a-jwt')).toEqual({ kind: 'none' });
    expect(parseFragment('#view=a.b.c<script>')).toEqual({ kind: 'none' });
  });
});

describe('a portal session from its token', () => {
  it('names the partner, the practice, the expiry, and whether it is read-only', () => {
    const session = sessionOf(jwt({ partner_id: 'p-1', practice_id: 'demo-practice', exp: 1_800_000_000 }));
    expect(session).toMatchObject({
      partnerId: 'p-1',
      practiceId: 'demo-practice',
      readOnly: false,
      expiresAt: 1_800_000_000_000,
    });
    expect(sessionOf(jwt({ read_only: true })).readOnly).toBe(true);
    expect(sessionOf(jwt({ read_only: 'true' })).readOnly).toBe(false);
  });

  it('refuses what is not a JWT', () => {
    expect(() => sessionOf('nonsense')).toThrow();
  });
});

describe('the practice whose portal this is', () => {
  it('comes from ?practice=, else from what this device remembered', () => {
    expect(practiceFrom('?practice=demo-practice', 'other')).toBe('demo-practice');
    expect(practiceFrom('', 'remembered-one')).toBe('remembered-one');
    expect(practiceFrom('?practice=Not%20Valid', 'remembered-one')).toBe('remembered-one');
    expect(practiceFrom('', null)).toBeNull();
    expect(practiceFrom('?practice=', 'BAD ONE')).toBeNull();
  });
});
