import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One tablet: its own browser profile, so its own IndexedDB and service worker. */
export class Tablet {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
  ) {}

  static async open(): Promise<Tablet> {
    const profileDir = mkdtempSync(join(tmpdir(), 'cunzhan-tablet-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 800, height: 1280 },
      locale: 'zh-CN',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return new Tablet(context, page, profileDir);
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
