import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/domain/entities';
import { Audit } from './support/axe';
import { goTo, lockTablet, login, readyTablet, sell } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';
import { setTabletMeta } from './support/tablet-db';

/**
 * The screens of shared tablets and of the county area, audited with axe in
 * each language at the tablet's size and a small phone's: nothing serious
 * or critical may be broken. One tablet goes through every language (the
 * language is the app's own setting, so a reload switches it) and is
 * revoked last; one browser signs in to the county area.
 */

const COUNTY_USER = 'a11y.audit';
const COUNTY_PASSWORD = 'autumn-millet-2026';

let server: ServerProcess;
let tablet: Tablet;
let county: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  [tablet, county] = await Promise.all([Tablet.open(), Tablet.open()]);
  // A sale, so that Activity has a day to show; then the tablet waits locked.
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '李强', '2222');
  await sell(tablet.page, 'RICE-5KG');
  await lockTablet(tablet.page);
});

afterAll(async () => {
  await Promise.all([tablet?.close(), county?.close()]);
  await server?.dispose();
});

/** The language switch's own setting, then a reload: the whole app comes back in `lang`. */
async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

function expectClean(audit: Audit): void {
  expect(audit.found, JSON.stringify(audit.found, null, 2)).toEqual([]);
}

for (const lang of LANGUAGES) {
  test(`sign-in, locking, staff, activity and settings in ${lang}`, async () => {
    const { page } = tablet;
    const audit = new Audit();
    await useLanguage(page, lang);

    // Who is working, then their PIN.
    await page.getByTestId('staff-tile').first().waitFor();
    await audit.check(page, `${lang} login tiles`);
    await page.getByTestId('staff-tile').filter({ hasText: '李强' }).click();
    await page.getByTestId('pin-input').waitFor();
    await audit.check(page, `${lang} login PIN`);
    await page.getByTestId('pin-input').fill('2222');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('current-staff').filter({ hasText: '李强' }).waitFor();

    // A clerk typing the staff address.
    await page.goto(`${server.url}/staff`);
    await page.getByTestId('not-allowed').waitFor();
    await audit.check(page, `${lang} not allowed`);

    // Left alone, the tablet locks itself and says why; the next person switches in.
    await setTabletMeta(page, 'idleLockMs', 1000);
    await page.reload();
    await page.getByTestId('logout-reason').waitFor({ timeout: 30_000 });
    await setTabletMeta(page, 'idleLockMs', 120_000);
    await audit.check(page, `${lang} locked after idle`);
    await login(page, '王芳', '111111');

    // Staff management: the list, a new person (with what an empty form says), one person.
    await goTo(page, 'staff');
    await page.getByTestId('staff-list').waitFor();
    await audit.check(page, `${lang} staff list`);
    await page.getByTestId('add-staff').click();
    await page.getByTestId('staff-form').waitFor();
    await audit.check(page, `${lang} add person`);
    await page.getByTestId('staff-save').click();
    await page.locator('[data-testid="staff-name"][aria-invalid="true"]').waitFor();
    await audit.check(page, `${lang} add person, errors`);

    await goTo(page, 'staff');
    await page.getByTestId('staff-row').filter({ hasText: '李强' }).click();
    await page.getByTestId('role-card').waitFor();
    await audit.check(page, `${lang} person`);
    await page.getByTestId('reset-pin-open').click();
    await page.getByTestId('reset-pin-pin').waitFor();
    await page.getByTestId('deactivate-open').click();
    await page.getByTestId('deactivate-confirm').waitFor();
    await audit.check(page, `${lang} person, new PIN and deactivate`);
    await page.getByTestId('deactivate-no').click();

    // Activity: the day's work, and the month to pick another day from.
    await goTo(page, 'staff');
    await page.getByTestId('activity-link').click();
    await page.getByTestId('activity-day-card').first().waitFor();
    await audit.check(page, `${lang} activity`);
    await page.getByTestId('activity-day').click();
    await page.getByTestId('month-grid').waitFor();
    await audit.check(page, `${lang} activity month`);

    // Settings with the idle-lock choice; then as it opens when the PIN is not fresh.
    await goTo(page, 'settings');
    await page.getByTestId('idle-lock').waitFor();
    await audit.check(page, `${lang} settings`);
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('cunzhan.session') ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem('cunzhan.session', JSON.stringify({ ...stored, pinAt: 0 }));
    });
    await page.reload();
    await page.getByTestId('pin-again').waitFor();
    await audit.check(page, `${lang} PIN again`);
    await page.getByTestId('pin-input').fill('111111');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('idle-lock').waitFor();

    await lockTablet(page);
    expectClean(audit);
  });
}

test('the revoked-tablet screen and its export, in every language', async () => {
  const { page } = tablet;
  const audit = new Audit();
  await login(page, '李强', '2222');
  await tablet.setOffline(true);
  await sell(page, 'SALT-400');
  const deviceId = server.admin('list-devices').trim().split('\t')[0]!;
  server.admin('revoke-device', deviceId);
  await tablet.setOffline(false);
  const removed = page.getByTestId('revoked');
  await removed.or(page.locator('[data-testid="sync-now"]:enabled')).first().waitFor({ timeout: 30_000 });
  if ((await removed.count()) === 0) await page.getByTestId('sync-now').click().catch(() => undefined);
  await removed.waitFor({ timeout: 30_000 });

  for (const lang of LANGUAGES) {
    await useLanguage(page, lang);
    await page.locator('[data-testid="revoked-pending"][data-count="1"]').waitFor();
    await audit.check(page, `${lang} revoked`);
    await page.getByTestId('export-admin').filter({ hasText: '王芳' }).click();
    await page.getByTestId('pin-input').waitFor();
    await audit.check(page, `${lang} revoked, admin PIN`);
  }
  expectClean(audit);
});

test('the county area: sign-in, centres, a centre with its code and QR, import, in every language', async () => {
  const { page } = county;
  const audit = new Audit();
  server.admin('create-county-admin', COUNTY_USER, '--password', COUNTY_PASSWORD);
  await page.goto(`${server.url}/county`);
  // Reloads wait for the first service worker, so that none is mistaken for an update.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  for (const lang of LANGUAGES) {
    await useLanguage(page, lang);
    await page.getByTestId('county-login-username').waitFor();
    await audit.check(page, `${lang} county sign-in`);
    await page.getByTestId('county-login-username').fill(COUNTY_USER);
    await page.getByTestId('county-login-password').fill('not the password');
    await page.getByTestId('county-login-submit').click();
    await page.getByTestId('county-login-error').waitFor();
    await audit.check(page, `${lang} county sign-in, refused`);
  }
  await page.getByTestId('county-login-password').fill(COUNTY_PASSWORD);
  await page.getByTestId('county-login-submit').click();
  await page.getByTestId('county-username').waitFor();

  for (const lang of LANGUAGES) {
    await page.goto(`${server.url}/county`);
    await useLanguage(page, lang);
    await page.getByTestId('county-centre-link').first().waitFor();
    await audit.check(page, `${lang} county centres`);
    await page.getByTestId('county-new-centre').click();
    await page.getByTestId('county-new-centre-form').waitFor();
    await audit.check(page, `${lang} county new centre`);

    await page.getByTestId('county-centre-link').first().click();
    await page.getByTestId('county-tablet').first().waitFor();
    await page.getByTestId('county-new-code').click();
    await page.getByTestId('county-code').waitFor();
    await page.locator('.county-admin button').first().click();
    await page.getByTestId('county-reset-pin').waitFor();
    await audit.check(page, `${lang} county centre, code and reset PIN`);

    await page.goto(`${server.url}/county/import`);
    await page.getByTestId('county-import-file').waitFor();
    await audit.check(page, `${lang} county import`);
  }
  expectClean(audit);
});
