import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

const CLI = join(resolve(import.meta.dirname, '../..'), 'dist/server/cli.js');
const PASSWORD = 'spring-wheat-2026';

let server: ServerProcess;
let countyBrowser: Tablet;
let tablet: Tablet;

/** The admin command against the running server's data, as county IT would run it; the password comes on stdin. */
function createCountyAdmin(username: string, password: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [CLI, 'create-county-admin', username], { env, input: `${password}\n`, encoding: 'utf8' });
}

beforeAll(async () => {
  server = await ServerProcess.start();
  [countyBrowser, tablet] = await Promise.all([Tablet.open(), Tablet.open()]);
});

afterAll(async () => {
  await Promise.all([countyBrowser?.close(), tablet?.close()]);
  await server?.dispose();
});

test('a county admin signs in, creates a centre and a code; a new tablet enrols with it and lists the centre admin', async () => {
  const weak = createCountyAdmin('zhang.wei', 'short');
  expect(weak.status).toBe(2);
  expect(weak.stderr).toContain('at least 10');
  const made = createCountyAdmin('zhang.wei', PASSWORD);
  expect(made.status, made.stderr).toBe(0);

  // Sign-in: a wrong password first, then the right one.
  const page = countyBrowser.page;
  await page.goto(`${server.url}/county`);
  await page.getByTestId('county-login-username').fill('zhang.wei');
  await page.getByTestId('county-login-password').fill('not the password');
  await page.getByTestId('county-login-submit').click();
  await page.getByTestId('county-login-error').waitFor();
  expect(await page.getByTestId('county-login-error').textContent()).toContain('用户名或密码不对');
  await page.getByTestId('county-login-password').fill(PASSWORD);
  await page.getByTestId('county-login-submit').click();
  await page.getByTestId('county-username').filter({ hasText: 'zhang.wei' }).waitFor();
  // The cookie is out of script's reach.
  expect(await page.evaluate(() => document.cookie)).not.toContain('cz_admin');

  // A new centre with its first admin.
  await page.getByTestId('county-new-centre').click();
  await page.getByTestId('county-centre-name-zh-CN').fill('红旗村服务站');
  await page.getByTestId('county-centre-name-en').fill('Hongqi village centre');
  await page.getByTestId('county-centre-name-ug').fill('قىزىل بايراق كەنت پونكىتى');
  await page.getByTestId('county-admin-name').fill('马丽');
  await page.getByTestId('county-admin-pin').fill('482913');
  await page.getByTestId('county-create-centre').click();
  await page.getByTestId('county-centre-name').filter({ hasText: '红旗村服务站' }).waitFor();

  // A code, as text and as a QR code.
  await page.getByTestId('county-new-code').click();
  const codeText = page.getByTestId('county-code');
  await codeText.waitFor();
  const code = ((await codeText.textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await page.locator('[data-testid="county-issued"] svg.county-qr path').count()).toBe(1);

  // The new centre is in the list, with no tablet yet; a reload keeps the session.
  await page.goto(`${server.url}/county`);
  const row = page.getByTestId('county-centre-link').filter({ hasText: '红旗村服务站' });
  await row.waitFor();

  // A new tablet: its first screen loads nothing of the county area.
  const scripts: string[] = [];
  tablet.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await tablet.page.goto(server.url);
  await tablet.page.getByTestId('enrol-code').fill(code.toLowerCase());
  await tablet.page.getByTestId('enrol-submit').click();
  await tablet.page.getByTestId('staff-tile').filter({ hasText: '马丽' }).waitFor({ timeout: 30_000 });
  const sources = await Promise.all(scripts.map(async (url) => ({ url, text: await (await fetch(url)).text() })));
  expect(sources.length).toBeGreaterThan(0);
  expect(sources.filter((s) => s.text.includes('/api/county')).map((s) => s.url)).toEqual([]);

  // Back in the county area the tablet shows as enrolled in the new centre.
  await row.click();
  await page.getByTestId('county-tablet').first().waitFor();
  expect(await page.getByTestId('county-tablet').count()).toBe(1);

  // Online only, and it says so.
  await countyBrowser.setOffline(true);
  await page.getByTestId('county-offline').waitFor();
  await countyBrowser.setOffline(false);
  await page.getByTestId('county-offline').waitFor({ state: 'detached' });
});
