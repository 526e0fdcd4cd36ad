// A QR code for a link, as an SVG data URI for an <img> (the Content-Security-Policy allows data: images): drawn
// by the `qrcode` package in the browser, nothing sent anywhere.
import QRCode from 'qrcode';

export async function qrDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
