import { describe, expect, it } from 'vitest';
import { takeToken, tokenOf } from './token';

const token = `il_${'A1b2-_'.repeat(7)}x`;

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

function place(hash: string) {
  const replaced: string[] = [];
  const address = { hash, pathname: '/refer/', search: '' } as Location;
  const history = { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
  return { address, history, replaced };
}

describe('the referral form link', () => {
  it("reads an intake link's token from the fragment, bare or as token=", () => {
    expect(token).toHaveLength(46);
    expect(tokenOf(`#${token}`)).toBe(token);
    expect(tokenOf(`#token=${token}`)).toBe(token);
    expect(tokenOf(token)).toBe(token);
  });

  it('refuses anything that is not one', () => {
    expect(tokenOf('')).toBeNull();
    expect(tokenOf('#')).toBeNull();
    expect(tokenOf(`#${token}x`)).toBeNull();
    expect(tokenOf(`#${token.slice(0, -1)}`)).toBeNull();
    expect(tokenOf(`#xx_${token.slice(3)}`)).toBeNull();
    expect(tokenOf(`#${token.slice(0, -1)}=`)).toBeNull();
    expect(tokenOf(`#view=${token}`)).toBeNull();
  });

  it('takes the token out of the address and remembers it for this tab only', () => {
    const storage = memory();
    const first = place(`#${token}`);
    expect(takeToken(storage, first.address, first.history)).toBe(token);
    expect(first.replaced).toEqual(['/refer/']);
    expect(storage.items.get('refer.token')).toBe(token);
    // A reload: no fragment any more, the tab's remembered token.
    const reload = place('');
    expect(takeToken(storage, reload.address, reload.history)).toBe(token);
    expect(reload.replaced).toEqual([]);
  });

  it('forgets nothing for a malformed fragment, and finds nothing without one', () => {
    const bad = place('#nonsense');
    expect(takeToken(memory(), bad.address, bad.history)).toBeNull();
    expect(bad.replaced).toEqual(['/refer/']);
    const none = place('');
    expect(takeToken(memory({ 'refer.token': 'tampered' }), none.address, none.history)).toBeNull();
  });
});
