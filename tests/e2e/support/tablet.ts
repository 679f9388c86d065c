import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchTabletBrowser } from '../../support/chromium';

/** One tablet: its own browser profile, so its own IndexedDB and service worker. */
export class Tablet {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
  ) {}

  /** `args`: more Chromium switches, e.g. a fake camera fed by a video file (barcode-video.ts). */
  static async open(options: { args?: readonly string[] } = {}): Promise<Tablet> {
    const { context, profileDir } = await launchTabletBrowser('tablet', options.args);
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
