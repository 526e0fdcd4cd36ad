import { describe, expect, it } from 'vitest';
import { match } from './router';

describe('routes', () => {
  it('match whole segments and decode parameters', () => {
    expect(match('/partners/:id', '/partners/a%20b')).toEqual({ id: 'a b' });
    expect(match('/partners/:id', '/partners')).toBeNull();
    expect(match('/partners/:id', '/referrals/1')).toBeNull();
    expect(match('/partners', '/partners/')).toEqual({});
  });
});
