import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchTabletBrowser } from '../../support/chromium';

/** A link as the tablet's network emulation takes it: latency in ms, throughput in kbit/s each way. */
export interface EmulatedLink {
  latencyMs: number;
  downloadKbit: number;
  uploadKbit: number;
}

/** A poor rural link. */
export const POOR_LINK = { latencyMs: 300, downloadKbit: 250, uploadKbit: 100 } as const satisfies EmulatedLink;

/** One tablet: its own profile (IndexedDB, service worker) and a CDP session on its page. */
export class BenchBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly profileDir: string,
  ) {}

  static async open(): Promise<BenchBrowser> {
    const { context, profileDir } = await launchTabletBrowser('bench-tablet');
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(120_000);
      // The Network domain is enabled only while a poor link is emulated: DevTools'
      // network instrumentation costs the tablet CPU that its real users never pay.
      const cdp = await context.newCDPSession(page);
      return new BenchBrowser(context, page, cdp, profileDir);
    } catch (e) {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Emulates `link` (the poor link unless told) on the page, or with `on` false, none. */
  async poorLink(on: boolean, link: EmulatedLink = POOR_LINK): Promise<void> {
    if (on) await this.cdp.send('Network.enable');
    await this.cdp.send(
      'Network.emulateNetworkConditions',
      on
        ? {
            offline: false,
            latency: link.latencyMs,
            downloadThroughput: (link.downloadKbit * 1000) / 8,
            uploadThroughput: (link.uploadKbit * 1000) / 8,
          }
        : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
    );
    if (!on) await this.cdp.send('Network.disable');
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
