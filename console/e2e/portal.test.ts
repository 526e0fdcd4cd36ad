// The partners' portal in Debian's Chromium at phone width (390 × 844) against a running local stack (CONSOLE_URL,
// started by deploy/local-stack's ConsoleBrowserIT, which also names the stack's mail directory in MAIL_DIR). The
// practice invites a partner from the console; the invitation reaches the stack's SMTP server from
// notification-service; its link signs the partner in once; the partner sees their referrals as far as consent
// allows, refers someone, opens the kit and copies their intake link. Every portal screen is checked with axe-core
// (WCAG 2 A and AA), must not scroll sideways, and is photographed to SCREENSHOTS/portal-*.png.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, SCREENSHOTS, EVENTUALLY_MS, SETTLE_MS, settled, shoot, accessible, launchChromium } from './support';

const MAIL_DIR = process.env.MAIL_DIR ?? '../.local-stack/mail';

const run = Date.now().toString(36);
const practice = `portal-${run}`;
const partnerName = `Morgan Ellis ${run}`;
const partnerEmail = `morgan.${run}@ellis-therapy.example`;

let browser: Browser;
let practicePage: Page;
let partnerContext: BrowserContext;
let partner: Page;
let staffToken = '';
let partnerId = '';
let signInLink = '';

// ---- helpers (on a given page: the practice's desktop page or the partner's phone)

/** A portal screen at phone width: accessible, not scrolling sideways, photographed. */
async function portalScreen(name: string): Promise<void> {
  await accessible(partner, name);
  await expect
    .poll(() => partner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      timeout: SETTLE_MS,
      message: `${name} scrolls sideways at phone width`,
    })
    .toBeLessThanOrEqual(0);
  await shoot(partner, `portal-${name}`);
}

/** Every interactive element of the portal is at least 44 px high (WCAG 2.5.5's target size, asked of the portal). */
async function bigTargets(where: string): Promise<void> {
  const small = await partner.evaluate(() =>
    [...document.querySelectorAll('button, a, input:not([type=checkbox]):not([type=radio]), select, summary')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && !el.classList.contains('skip') && box.height < 43.5;
      })
      .map((el) => `${el.tagName} ${el.textContent?.trim() || (el as HTMLInputElement).name}`),
  );
  expect(small, `targets under 44 px on ${where}`).toEqual([]);
}

async function goToPortal(link: string, heading: string): Promise<void> {
  await partner.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: link, exact: true }).click();
  await partner.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(partner, heading);
}

/** Reloads `page` until `locator` shows, within EVENTUALLY_MS: for what another service does a moment later. */
async function untilVisible(page: Page, locator: Locator, what: string): Promise<void> {
  const deadline = Date.now() + EVENTUALLY_MS;
  while (
    !(await locator
      .first()
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      ))
  ) {
    if (Date.now() > deadline) throw new Error(`not seen within ${EVENTUALLY_MS / 1000} s: ${what}`);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page, what);
  }
}

async function api(method: string, path: string, body?: unknown, key?: string): Promise<Response> {
  return fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${staffToken}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A referral from the partner, recorded by the practice; retried while referral-service has not learned the partner. */
async function referral(name: string, email: string, consent: string): Promise<string> {
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    const response = await api(
      'POST',
      '/api/referrals',
      { partnerId, referred: { name, email }, consent },
      `portal-e2e-${run}-${email}`,
    );
    if (response.status === 201 || response.status === 200) return ((await response.json()) as { id: string }).id;
    if (Date.now() > deadline) throw new Error(`referral not recorded: ${response.status} ${await response.text()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The sign-in links mailed to `email`, oldest first, read from the stack's saved messages. */
function mailedLinks(email: string): string[] {
  if (!existsSync(MAIL_DIR)) return [];
  return readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(MAIL_DIR, f), 'utf8'))
    .filter((mail) => mail.includes(email))
    .map((mail) =>
      // Decoded only when the mail says so: in a 7bit mail "token=4D…" is the token itself.
      /Content-Transfer-Encoding:\s*quoted-printable/i.test(mail)
        ? mail
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        : mail,
    )
    .map((text) => /https?:\/\/[^\s"<>]+\/portal\/sign-in#token=[A-Za-z0-9_-]{43}/.exec(text)?.[0])
    .filter((link): link is string => !!link);
}

/** The newest of the first `count` links mailed to the partner, once that many have arrived. */
async function waitForLinks(count: number): Promise<string> {
  await expect
    .poll(() => mailedLinks(partnerEmail).length, {
      timeout: EVENTUALLY_MS,
      message: `${count} sign-in links mailed to the partner in ${MAIL_DIR}`,
    })
    .toBeGreaterThanOrEqual(count);
  return mailedLinks(partnerEmail)[count - 1];
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  practicePage = await desk.newPage();
  practicePage.on('dialog', (dialog) => dialog.accept());
  partnerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  await partnerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  partner = await partnerContext.newPage();

  const signIn = await fetch(`${BASE_URL}/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ practice, role: 'owner' }),
  });
  expect(signIn.status).toBe(200);
  staffToken = ((await signIn.json()) as { token: string }).token;
  const created = await api('POST', '/api/partners', {
    name: partnerName,
    email: partnerEmail,
    category: 'professional',
  });
  expect(created.status, await created.clone().text()).toBe(201);
  partnerId = ((await created.json()) as { id: string }).id;
  // Two referrals the practice recorded: one whose person allows nothing to be told, one who allows the outcome.
  await referral(`Alex Brook ${run}`, `alex.${run}@example.com`, 'none');
  const open = await referral(`Jamie Fox ${run}`, `jamie.${run}@example.com`, 'outcome');
  const converted = await api('POST', `/api/referrals/${open}/conversion`, { programValue: '900.00', currency: 'USD' });
  expect(converted.ok, await converted.clone().text()).toBe(true);
});

afterAll(async () => {
  await browser?.close();
});

describe('the practice invites a partner to the portal from the console', () => {
  it("invites from the partner's page and sees the invitation pending", async () => {
    await practicePage.goto(BASE_URL);
    await practicePage.getByLabel('Practice').fill(practice);
    await practicePage.getByLabel('Role').selectOption('owner');
    await practicePage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await practicePage.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await practicePage.goto(`${BASE_URL}/partners/${partnerId}`);
    await practicePage.getByRole('heading', { level: 1, name: partnerName }).waitFor();
    const status = practicePage.getByTestId('portal-access-status');
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toContain('Not invited');
    await practicePage.getByRole('button', { name: 'Invite to the portal', exact: true }).click();
    await practicePage.getByText('Invitation sent.').waitFor();
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toContain('Invited: no sign-in yet');
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toContain('last sign-in never');
    await accessible(practicePage, 'partner page with portal access');
    await shoot(practicePage, 'portal-practice-access');
  });
});

describe('the partner, on a phone', () => {
  it("asks for a link on the practice's portal page and gets the same neutral answer for any address", async () => {
    await partner.goto(`${BASE_URL}/portal/?practice=${practice}`);
    await partner.getByRole('heading', { level: 1, name: 'Sign in to your partner portal' }).waitFor();
    await portalScreen('sign-in');
    await bigTargets('sign-in');
    // An address that is nobody's: the same answer a partner gets (it must tell nobody who is a partner).
    await partner.getByLabel('Your email address').fill(`nobody.${run}@example.com`);
    await partner.getByRole('button', { name: 'Email me a sign-in link', exact: true }).click();
    const answer = partner.getByTestId('link-requested');
    await answer.waitFor();
    const unknownAnswer = await answer.textContent();
    await portalScreen('link-requested');
    await partner.getByRole('button', { name: 'Use another address', exact: true }).click();
    // The practice id was remembered: the page without ?practice= still knows it and does not ask.
    await partner.goto(`${BASE_URL}/portal/`);
    await partner.getByLabel('Your email address').fill(partnerEmail);
    expect(await partner.getByLabel('Practice code').count()).toBe(0);
    await partner.getByRole('button', { name: 'Email me a sign-in link', exact: true }).click();
    await answer.waitFor();
    expect(await answer.textContent()).toBe(unknownAnswer);
  });

  it('signs in with the mailed link, once: the token leaves the address and a second use offers a new link', async () => {
    // The invitation's link, then the one the partner asked for: the newest is used.
    signInLink = await waitForLinks(2);
    expect(signInLink.startsWith(`${BASE_URL}/portal/sign-in#token=`), signInLink).toBe(true);
    await partner.goto(signInLink);
    await partner.getByRole('heading', { level: 1, name: 'Your referrals' }).waitFor();
    await expect.poll(() => partner.evaluate(() => location.hash), { timeout: SETTLE_MS }).toBe('');
    await expect.poll(() => partner.evaluate(() => location.pathname), { timeout: SETTLE_MS }).toBe('/portal/');
    await expect
      .poll(() => partner.getByTestId('partner-name').textContent(), { timeout: SETTLE_MS })
      .toBe(partnerName);

    // The same link again, in another tab: used, so the page says so and offers a new one.
    const other = await partnerContext.newPage();
    await other.goto(signInLink);
    await other.getByRole('heading', { level: 1, name: 'This sign-in link no longer works' }).waitFor();
    await other.getByRole('button', { name: 'Email me a sign-in link', exact: true }).waitFor();
    const main = partner;
    partner = other;
    await portalScreen('link-used');
    partner = main;
    await other.close();
  });

  it('sees its referrals newest first, each as far as its person allowed: a name only under consent outcome', async () => {
    const items = partner.getByTestId('portal-referral');
    await expect.poll(() => items.count(), { timeout: SETTLE_MS }).toBe(2);
    const texts = await items.allTextContents();
    expect(
      texts.some((t) => t.includes('Jamie') && t.includes('Became a client')),
      texts.join(' | '),
    ).toBe(true);
    expect(
      texts.some((t) => t.includes('Someone you referred') && t.includes('Received, thank you')),
      texts.join(' | '),
    ).toBe(true);
    expect(await partner.getByText('Alex', { exact: false }).count()).toBe(0);
    expect(await partner.getByText(`jamie.${run}@example.com`).count()).toBe(0);
    await portalScreen('home');
    await bigTargets('home');
  });

  it('is seen by the practice as active, with its last sign-in', async () => {
    await practicePage.reload();
    const status = practicePage.getByTestId('portal-access-status');
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toContain('Active');
    expect(await status.textContent()).not.toContain('last sign-in never');
  });

  it('refers someone and sees it received', async () => {
    await goToPortal('Refer someone', 'Refer someone');
    await portalScreen('refer');
    await bigTargets('refer');
    // Without a way to reach them the service refuses it, and says why.
    await partner.getByRole('textbox', { name: 'Their first name', exact: true }).fill('Casey');
    await partner.getByRole('radio', { name: /Just a thank-you/ }).check();
    await partner.getByRole('button', { name: 'Send referral', exact: true }).click();
    await partner.locator('.problem').waitFor();
    await portalScreen('refer-refused');
    await partner.getByRole('textbox', { name: 'Their email', exact: true }).fill(`casey.${run}@example.com`);
    await partner
      .getByRole('textbox', { name: 'What they are looking for', exact: true })
      .fill('Coaching through a career change');
    await partner.getByRole('button', { name: 'Send referral', exact: true }).click();
    await expect
      .poll(() => partner.getByTestId('referral-sent').textContent(), { timeout: SETTLE_MS })
      .toContain('Received, thank you');
    await portalScreen('referred');
    await partner.getByRole('link', { name: 'See your referrals', exact: true }).click();
    const items = partner.getByTestId('portal-referral');
    await expect.poll(() => items.count(), { timeout: SETTLE_MS }).toBe(3);
    // Consent none: received, and no name.
    expect(await items.first().textContent()).toContain('Received, thank you');
    expect(await partner.getByText('Casey').count()).toBe(0);
  });

  it('sees its rewards, and the relationship both ways', async () => {
    await goToPortal('Rewards', 'Your rewards');
    await portalScreen('rewards');
    await goToPortal('Referrals to you', 'Referrals to you');
    await partner.getByTestId('portal-balance').waitFor();
    await expect
      .poll(() => partner.getByTestId('portal-balance').textContent(), { timeout: SETTLE_MS })
      .toMatch(/You referred\s*[23]/);
    await portalScreen('together');
  });

  it('opens the kit the practice wrote, with its own name and intake link, and copies the link', async () => {
    // The practice writes its kit in Settings, and sees the preview fill the placeholders for a sample partner.
    await practicePage.goto(`${BASE_URL}/settings`);
    await practicePage.getByRole('heading', { name: 'Introduction kit' }).waitFor();
    await settled(practicePage, 'settings');
    // The name partners see is the kit's own ({practiceName}), not the practice's id.
    await practicePage.getByLabel('Your name as partners see it').fill(`Ellis Coaching ${run}`);
    await practicePage
      .getByLabel('Overview of the practice')
      .fill('Hello {partnerFirstName}: we coach people through change.');
    await practicePage.getByLabel('Your ideal client').fill('Mid-career professionals ready to move.');
    await practicePage.getByRole('button', { name: 'Add an email', exact: true }).click();
    await practicePage.getByLabel('Title of email 1').fill('A warm introduction');
    await practicePage.getByLabel('Subject of email 1').fill('Meet {practiceName}');
    await practicePage.getByLabel('Text of email 1').fill('Hi! {partnerName} here. Start at {intakeLink}');
    await expect
      .poll(() => practicePage.getByTestId('kit-preview').textContent(), { timeout: SETTLE_MS })
      .toContain('Hello Alex: we coach');
    expect(await practicePage.getByTestId('kit-preview').textContent()).toContain(
      `Subject: Meet Ellis Coaching ${run}`,
    );
    await practicePage.getByRole('button', { name: 'Save kit', exact: true }).click();
    await practicePage.getByText('Kit saved.').waitFor();
    await accessible(practicePage, 'settings with the kit');
    await shoot(practicePage, 'portal-practice-kit-editor');

    await goToPortal('Introduction kit', 'Introduction kit');
    const first = partnerName.split(' ')[0];
    await partner.getByText(`Hello ${first}: we coach people through change.`).waitFor();
    await partner.getByRole('heading', { level: 2, name: `About Ellis Coaching ${run}` }).waitFor();
    await partner.getByText(`Meet Ellis Coaching ${run}`).waitFor();
    const make = partner.getByRole('button', { name: 'Make my intake link', exact: true });
    const url = partner.getByTestId('intake-url');
    // The link's own read may answer after the kit's: wait for either the link or the offer to make one.
    await make.or(url).first().waitFor();
    if (await make.isVisible()) await make.click();
    await url.waitFor();
    const link = await url.inputValue();
    expect(link).toMatch(/^https?:\/\/\S+$/);
    await partner.getByRole('img', { name: /QR code for your intake link/ }).waitFor();
    await partner.getByText(`Hi! ${partnerName} here. Start at ${link}`).waitFor();
    await partner.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect
      .poll(() => partner.getByTestId('copy-status').first().textContent(), { timeout: SETTLE_MS })
      .toBe('Copied.');
    expect(await partner.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await portalScreen('kit');
    await bigTargets('kit');
  });

  it('reads the thank-you the practice sent, marked as one', async () => {
    // The practice sends one of the thank-you drafts its referrals made (drafted a moment after each referral).
    await practicePage.goto(`${BASE_URL}/messages`);
    const draft = practicePage.getByRole('form', { name: `Referral thank you to ${partnerName}` }).first();
    await untilVisible(practicePage, draft, 'the thank-you draft');
    const subject = await draft.getByLabel('Subject').inputValue();
    await draft.getByRole('button', { name: 'Send', exact: true }).click(); // unedited: 'Send'
    await practicePage.getByText(`Sent to ${partnerName}.`).waitFor();

    await goToPortal('Messages', 'Messages');
    const message = partner.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: subject });
    await untilVisible(partner, message, 'the thank-you among the messages');
    expect(await message.first().textContent()).toContain('Thank-you');
    await portalScreen('messages');
  });

  it('updates the clients it serves and its email preferences', async () => {
    await goToPortal('Profile', 'Your profile');
    await partner.getByLabel('Clients you serve').fill('new parents, executives');
    await partner.getByRole('button', { name: 'Save profile', exact: true }).click();
    await partner.getByText('Profile saved.').waitFor();
    await partner.getByLabel('News from the practice').uncheck();
    await partner.getByRole('button', { name: 'Save email preferences', exact: true }).click();
    await partner.getByText('Email preferences saved.').waitFor();
    await partner.reload();
    await partner.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await settled(partner, 'profile');
    expect(await partner.getByLabel('Clients you serve').inputValue()).toBe('new parents, executives');
    expect(await partner.getByLabel('News from the practice').isChecked()).toBe(false);
    await portalScreen('profile');
  });

  it('is viewed by the practice, read-only, in a new tab with a banner and no change offered', async () => {
    await practicePage.goto(`${BASE_URL}/partners/${partnerId}`);
    await practicePage.getByRole('heading', { level: 1, name: partnerName }).waitFor();
    const [view] = await Promise.all([
      practicePage.context().waitForEvent('page'),
      practicePage.getByRole('button', { name: 'View as this partner', exact: true }).click(),
    ]);
    await view.getByRole('note', { name: 'Read-only view' }).waitFor();
    await expect.poll(() => view.evaluate(() => location.hash), { timeout: SETTLE_MS }).toBe('');
    await view.getByRole('heading', { level: 1, name: 'Your referrals' }).waitFor();
    await view.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Refer someone' }).click();
    await view.getByRole('heading', { level: 1, name: 'Refer someone' }).waitFor();
    expect(await view.getByRole('button', { name: 'Send referral', exact: true }).isDisabled()).toBe(true);
    await view.setViewportSize({ width: 390, height: 844 });
    const main = partner;
    partner = view;
    await portalScreen('view-as');
    partner = main;
    await view.close();
  });

  it('signs out: the session ends, and the portal asks for a link again', async () => {
    await partner.goto(`${BASE_URL}/portal/`);
    await partner.getByRole('heading', { level: 1, name: 'Your referrals' }).waitFor();
    await partner.getByRole('button', { name: 'Sign out', exact: true }).click();
    await partner.getByRole('heading', { level: 1, name: 'Sign in to your partner portal' }).waitFor();
    await partner.goto(`${BASE_URL}/portal/kit`);
    await partner.getByRole('heading', { level: 1, name: 'Sign in to your partner portal' }).waitFor();
    expect(await partner.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();
  });
});

describe('the practice revokes the access', () => {
  it("refuses the partner's session at its next request, and the portal says the session has ended", async () => {
    await partner.getByLabel('Your email address').fill(partnerEmail);
    await partner.getByRole('button', { name: 'Email me a sign-in link', exact: true }).click();
    await partner.getByTestId('link-requested').waitFor();
    // The invitation's, the first asked for, and this one.
    await partner.goto(await waitForLinks(3));
    await partner.getByRole('heading', { level: 1, name: 'Your referrals' }).waitFor();

    await practicePage.goto(`${BASE_URL}/partners/${partnerId}`);
    await practicePage.getByRole('heading', { level: 1, name: partnerName }).waitFor();
    await practicePage.getByRole('button', { name: 'Revoke access', exact: true }).click(); // confirmed (dialog)
    await practicePage.getByText('Access revoked.').waitFor();
    const status = practicePage.getByTestId('portal-access-status');
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toContain('Revoked');
    await practicePage.getByRole('button', { name: 'Invite again', exact: true }).waitFor();

    await partner.reload();
    await partner.getByRole('heading', { level: 1, name: 'Your session has ended' }).waitFor();
    expect(await partner.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();
    await portalScreen('session-ended');
  });
});
