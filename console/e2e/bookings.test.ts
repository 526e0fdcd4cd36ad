// Bookings (issue 30) in Debian's Chromium against a running local stack (CONSOLE_URL, started by deploy/local-stack's
// ConsoleBrowserIT): the practice connects Cal.com in Settings (refused first without its booking page, the error next
// to the field) and is shown the receiving URL and the secret the platform made, once; Cal.com then posts a signed
// BOOKING_CREATED (signed here with node's crypto, as Cal.com signs: X-Cal-Signature-256 = hex HMAC-SHA256 of the raw
// body) for someone no referral names; the booking waits on the Bookings page, the practice finds the referral it
// belongs to and matches it, and the referral's page shows consultation booked at the booked time, with its own
// booking link. Every screen is checked with axe-core (WCAG 2 A and AA) and photographed to SCREENSHOTS/booking-*.png.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  SCREENSHOTS,
  EVENTUALLY_MS,
  SETTLE_MS,
  settled,
  shoot,
  accessible,
  eventually,
  launchChromium,
} from './support';

const run = Date.now().toString(36);
const practice = `bookings-${run}`;
const bookingPage = `https://cal.com/practice-${run}/consultation`;
const referred = { name: `Robin Hale ${run}`, email: `robin.${run}@example.com` };
/** The person who booked: an address no referral of the practice has, so the booking matches none by itself. */
const attendee = { name: `Jordan Vale ${run}`, email: `jordan.vale.${run}@elsewhere.example` };
/** The consultation: three days from now at 15:30 UTC (the page is shown in UTC below). */
const startsAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 3));
startsAt.setUTCHours(15, 30);
const endsAt = new Date(startsAt.getTime() + 30 * 60_000);

let browser: Browser;
let page: Page;
let staffToken = '';
let referralId = '';
let receivingUrl = '';
let signingSecret = '';

// ---- helpers

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${staffToken}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Posts `raw` to the receiving URL as Cal.com does: signed with `secret`, nothing else identifying it. */
function deliver(raw: string, secret: string): Promise<Response> {
  // The receiving URL names the platform's public address; the test reaches the same path through the stack's gateway.
  const path = new URL(receivingUrl).pathname;
  return fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Cal-Signature-256': createHmac('sha256', secret).update(raw, 'utf8').digest('hex'),
    },
    body: raw,
  });
}

/** How the console shows an instant: en-US, in UTC (the browser context's time zone); spaces as plain spaces. */
function shown(at: Date): string {
  return spaced(
    new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at),
  );
}

/** Text with every kind of space (ICU puts a narrow no-break one before PM) as a plain one, trimmed. */
function spaced(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());

  const signIn = await fetch(`${BASE_URL}/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ practice, role: 'owner' }),
  });
  expect(signIn.status).toBe(200);
  staffToken = ((await signIn.json()) as { token: string }).token;

  // A partner and the referral they sent, whose person books under another address than the one the partner gave.
  const partner = await api('POST', '/api/partners', {
    name: `Dana Lee ${run}`,
    email: `dana.${run}@partners.example`,
    category: 'professional',
  });
  expect(partner.status, await partner.clone().text()).toBe(201);
  const partnerId = ((await partner.json()) as { id: string }).id;
  // Retried while referral-service has not yet learned the partner from partner-service's event.
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    const created = await api(
      'POST',
      '/api/referrals',
      { partnerId, referred, consent: 'outcome' },
      { 'Idempotency-Key': `booking-referral-${run}` },
    );
    if (created.status === 201) {
      referralId = ((await created.json()) as { id: string }).id;
      break;
    }
    if (Date.now() > deadline) throw new Error(`referral not recorded: ${created.status} ${await created.text()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('a practice connects Cal.com and matches a booking no referral names', () => {
  it('connects Cal.com in Settings, refused first without its booking page', async () => {
    await page.goto(BASE_URL);
    await page.getByLabel('Practice').fill(practice);
    await page.getByLabel('Role').selectOption('owner');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const section = page.getByTestId('booking-integration');
    await section.getByRole('heading', { level: 2, name: 'Booking integration' }).waitFor();
    await settled(page, 'settings');
    expect(await section.getByRole('combobox', { name: 'Booking tool' }).inputValue()).toBe('calcom');
    await accessible(page, 'settings with no booking integration');

    // No booking page: referral-service refuses it, and the form says why next to the field.
    await section.getByRole('button', { name: 'Connect Cal.com', exact: true }).click();
    const pageUrl = section.getByRole('textbox', { name: 'Booking page URL' });
    await expect.poll(() => pageUrl.getAttribute('aria-invalid'), { timeout: SETTLE_MS }).toBe('true');
    await section.locator('.problem').waitFor();
    await accessible(page, 'booking integration refused');

    // Cal.com with no secret of its own: the platform makes one, shown once beside the receiving URL.
    await pageUrl.fill(bookingPage);
    await section.getByRole('button', { name: 'Connect Cal.com', exact: true }).click();
    const once = section.getByTestId('booking-secret');
    await once.waitFor();
    receivingUrl = await once.getByRole('textbox', { name: 'Receiving URL' }).inputValue();
    signingSecret = await once.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(receivingUrl).toMatch(/\/api\/bookings\/calcom\/bk_[A-Za-z0-9_-]{20,}$/);
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
    await once.getByText('Settings → Developer → Webhooks').waitFor();
    await once.getByRole('button', { name: 'Copy URL', exact: true }).click();
    await expect
      .poll(() => once.getByTestId('copy-status').first().textContent(), { timeout: SETTLE_MS })
      .toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receivingUrl);
    await accessible(page, 'booking integration connected');
    await shoot(page, 'booking-settings-connected');

    // Done: neither is shown again; the integration's URL only shortened.
    await once.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => section.getByTestId('booking-secret').count(), { timeout: SETTLE_MS }).toBe(0);
    const facts = section.getByTestId('booking-integration-facts');
    await expect.poll(() => facts.textContent(), { timeout: SETTLE_MS }).toContain(bookingPage);
    const factsText = (await facts.textContent()) ?? '';
    expect(factsText).toContain('Cal.com');
    expect(factsText).not.toContain(new URL(receivingUrl).pathname.split('/').pop());
    expect(factsText).not.toContain(signingSecret);
  });

  it('receives a signed BOOKING_CREATED for someone no referral names; a wrong signature is refused', async () => {
    const uid = `cal-${run}`;
    const raw = JSON.stringify({
      triggerEvent: 'BOOKING_CREATED',
      createdAt: new Date().toISOString(),
      payload: {
        uid,
        title: 'Consultation',
        startTime: startsAt.toISOString(),
        endTime: endsAt.toISOString(),
        attendees: [{ name: attendee.name, email: attendee.email, timeZone: 'Europe/London' }],
        organizer: { name: 'The practice', email: `owner.${run}@practice.example`, timeZone: 'UTC' },
        metadata: {},
      },
    });
    const forged = await deliver(raw, `${signingSecret}x`);
    expect(forged.status, await forged.clone().text()).toBe(401);
    const received = await deliver(raw, signingSecret);
    expect(received.status, await received.clone().text()).toBe(200);
    expect(((await received.json()) as { outcome: string }).outcome).toBe('unmatched');
  });

  it('lists the booking on the Bookings page, unmatched', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();
    const row = () => page.getByTestId('booking-row').filter({ hasText: attendee.name });
    await eventually(page, row, 'the unmatched booking');
    const cells = row().locator('td');
    expect((await cells.nth(1).textContent())?.trim()).toBe(attendee.email);
    expect(spaced(await cells.nth(2).textContent())).toBe(shown(startsAt));
    expect((await cells.nth(3).textContent())?.trim()).toBe('Cal.com');
    await accessible(page, 'unmatched bookings');
    await shoot(page, 'booking-unmatched');
  });

  it('finds the referral it belongs to and matches it', async () => {
    await page.getByRole('button', { name: `Match the booking of ${attendee.name}`, exact: true }).click();
    const panel = page.getByTestId('match-panel');
    await panel.getByRole('heading', { level: 2, name: `Match the booking of ${attendee.name}` }).waitFor();
    await settled(page, 'the match panel');
    await panel.getByRole('searchbox', { name: 'Find the referral' }).fill(`robin ${run}`);
    const candidates = panel.getByTestId('match-candidates');
    await expect.poll(() => candidates.locator('li').count(), { timeout: SETTLE_MS }).toBe(1);
    await accessible(page, 'matching a booking');
    await shoot(page, 'booking-match');
    await panel.getByRole('button', { name: `Match to ${referred.name}`, exact: true }).click();
    await page.getByText(`Matched to ${referred.name}.`).waitFor();
    await expect.poll(() => page.getByTestId('booking-row').filter({ hasText: attendee.name }).count()).toBe(0);

    // Listed as matched, with the way to its referral.
    await page
      .getByRole('group', { name: 'Which bookings' })
      .getByRole('button', { name: 'Matched', exact: true })
      .click();
    const matched = page.getByTestId('booking-row').filter({ hasText: attendee.name });
    await matched.waitFor({ timeout: SETTLE_MS });
    await matched.getByText('by hand').waitFor();
    await accessible(page, 'matched bookings');
    await matched.getByRole('link', { name: 'Open the referral', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => location.pathname), { timeout: SETTLE_MS })
      .toBe(`/referrals/${referralId}`);
  });

  it("shows consultation booked on the referral's page, with the time and the referral's booking link", async () => {
    await page.getByRole('heading', { level: 1, name: referred.name }).waitFor();
    await expect
      .poll(() => page.getByTestId('referral-status').textContent(), { timeout: SETTLE_MS })
      .toBe('Consultation booked');
    const card = page.getByTestId('consultation');
    await expect
      .poll(async () => spaced(await card.getByTestId('consultation-at').textContent()), { timeout: SETTLE_MS })
      .toBe(shown(startsAt));
    expect((await card.getByTestId('booking-status').textContent())?.trim()).toBe('Booked');
    const link = await card.getByTestId('booking-link').inputValue();
    expect(link.startsWith(bookingPage)).toBe(true);
    expect(link).toMatch(/metadata(%5B|\[)ref(%5D|\])=[0-9A-Za-z]{10}/);
    await page.getByRole('region', { name: 'Status history' }).getByText('Consultation booked').waitFor();
    await accessible(page, 'referral with its consultation');
    await shoot(page, 'booking-referral');
  });
});
