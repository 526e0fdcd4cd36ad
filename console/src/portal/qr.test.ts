import { describe, expect, it } from 'vitest';
import { qrDataUri } from './qr';

describe('the QR code of a link', () => {
  it('is an SVG image in a data URI, different for different links', async () => {
    const one = await qrDataUri('https://referrals.example/api/intake/il_abc');
    const other = await qrDataUri('https://referrals.example/api/intake/il_xyz');
    expect(one.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(one.slice(one.indexOf(',') + 1))).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(one).not.toBe(other);
  });
});
