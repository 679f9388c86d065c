import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { zipSync } from 'fflate';
import { LANGUAGES, type Language } from '../../src/shared/domain/entities';
import { ServerProcess } from '../support/server-process';
import { tempDir, testPack } from '../server/support/pack-fixture';
import { Audit } from './support/axe';
import { Tablet } from './support/tablet';

const USER = 'packs.admin';
const PASSWORD = 'winter-walnut-2026';

let server: ServerProcess;
let browser: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  browser = await Tablet.open();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A pack zip as a county's course author would hand it over. */
function packZip(name: string, pack = testPack('harvest-course')): string {
  const entries: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(JSON.stringify(pack.manifest)) };
  for (const [path, bytes] of Object.entries(pack.files)) entries[path] = bytes;
  const file = join(tempDir(), name);
  writeFileSync(file, zipSync(entries));
  return file;
}

async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('a county admin sees the demo course, imports a pack, and is told plainly why a broken one was refused', async () => {
  server.admin('create-county-admin', USER, '--password', PASSWORD);
  const { page } = browser;
  await page.goto(`${server.url}/county`);
  await page.getByTestId('county-login-username').fill(USER);
  await page.getByTestId('county-login-password').fill(PASSWORD);
  await page.getByTestId('county-login-submit').click();
  await page.getByTestId('county-username').waitFor();

  // The server imported its demo course when it started.
  await page.getByRole('link', { name: '课程包' }).click();
  await page.getByTestId('county-packs').filter({ hasText: '在网上卖农产品' }).waitFor();

  await page.getByTestId('county-pack-file').setInputFiles(packZip('harvest.zip'));
  await page.getByTestId('county-pack-submit').click();
  const result = page.getByTestId('county-pack-result');
  await result.waitFor();
  expect(await result.textContent()).toContain('已导入为第 1 版');
  await page.getByTestId('county-packs').filter({ hasText: 'Test course（中文）' }).waitFor();

  // The same zip again changes nothing.
  await page.getByTestId('county-pack-submit').click();
  await result.filter({ hasText: '没有任何变化' }).waitFor();

  // A zip that lost a file: refused whole, the reason in the admin's language, the file named.
  const broken = testPack('broken-course');
  delete broken.files['media/clip.webm'];
  await page.getByTestId('county-pack-file').setInputFiles(packZip('broken.zip', broken));
  await page.getByTestId('county-pack-submit').click();
  const refused = page.getByTestId('county-pack-refused');
  await refused.waitFor();
  expect(await refused.textContent()).toContain('manifest 列出的文件在 zip 里找不到');
  expect(await refused.textContent()).toContain('media/clip.webm');
  expect(await page.getByTestId('county-packs').textContent()).not.toContain('broken-course');

  const audit = new Audit();
  for (const lang of LANGUAGES) {
    await useLanguage(page, lang);
    await page.getByTestId('county-packs').waitFor();
    await page.getByTestId('county-pack-file').setInputFiles(packZip('broken.zip', broken));
    await page.getByTestId('county-pack-submit').click();
    await refused.waitFor();
    await audit.check(page, `${lang} county packs, refused`);
  }
  expect(audit.found, JSON.stringify(audit.found, null, 2)).toEqual([]);
});
