import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchTabletBrowser } from '../../support/chromium';

/** A poor rural link, as CDP wants it: latency in ms, throughput in bytes per second. */
export const POOR_LINK = { latencyMs: 300, downloadKbit: 250, uploadKbit: 100 } as const;

/** One tablet: its own profile (IndexedDB, service worker) and a CDP session on its page. */
export class BenchBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    private readonly profileDir: string,
  ) {}

  static async open(): Promise<BenchBrowser> {
    const { context, profileDir } = await launchTabletBrowser('bench-tablet');
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(120_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      return new BenchBrowser(context, page, cdp, profileDir);
    } catch (e) {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
      throw e;
    }
  }

  async poorLink(on: boolean): Promise<void> {
    await this.cdp.send(
      'Network.emulateNetworkConditions',
      on
        ? {
            offline: false,
            latency: POOR_LINK.latencyMs,
            downloadThroughput: (POOR_LINK.downloadKbit * 1000) / 8,
            uploadThroughput: (POOR_LINK.uploadKbit * 1000) / 8,
          }
        : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
    );
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
