import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, claimsOf, randomVerifier, sessionOf } from './auth';

function jwt(claims: object): string {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.signature`;
}

describe('sign-in', () => {
  it('derives the PKCE S256 challenge: the base64url SHA-256 of the verifier, unpadded', async () => {
    // Expected value from `printf %s VERIFIER | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d =`.
    expect(await challengeOf('dBjftJeZ4CVP-mJ92IgWrqYH5MQDZbL0R4xLTFzX9vU')).toBe(
      'WXWSfSJ6G-zZAUPIkdJKJ1CpOB6f8ZzAzhfTCMdcaPc',
    );
    const verifier = randomVerifier();
    expect(await challengeOf(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('makes verifiers of 43 URL-safe characters, never the same twice', () => {
    const a = randomVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomVerifier()).not.toBe(a);
  });

  it('asks the issuer for a code with the challenge, the state and the redirect', () => {
    const url = new URL(
      authorizeUrl(
        'https://id.example/authorize',
        { clientId: 'console' },
        'https://app.example/auth/callback',
        'CHALLENGE',
        'STATE',
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'console',
      redirect_uri: 'https://app.example/auth/callback',
      scope: 'openid profile',
      code_challenge: 'CHALLENGE',
      code_challenge_method: 'S256',
      state: 'STATE',
    });
  });

  it('reads the practice, the highest role and the expiry from the token', () => {
    const token = jwt({ practice_id: 'demo-practice', groups: ['viewer', 'member'], exp: 2_000_000_000 });
    expect(claimsOf(token).practice_id).toBe('demo-practice');
    expect(sessionOf(token)).toEqual({
      token,
      practice: 'demo-practice',
      role: 'member',
      expiresAt: 2_000_000_000_000,
    });
    expect(sessionOf(jwt({ org: 'acme', groups: [] }), 'org').practice).toBe('acme');
    expect(sessionOf(jwt({ org: 'acme', groups: [] }), 'org').role).toBe('viewer');
  });
});
