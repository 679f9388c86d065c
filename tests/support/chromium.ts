import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Headless Chromium as the tests and benchmarks run it. Background
// networking is off: with no internet it only floods the log with refusals.
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

/**
 * A tablet-sized browser with a fresh profile of its own; the caller removes
 * `profileDir`. `extraArgs`: more command-line switches (a fake camera).
 */
export async function launchTabletBrowser(name: string, extraArgs: readonly string[] = []): Promise<{ context: BrowserContext; profileDir: string }> {
  const profileDir = mkdtempSync(join(tmpdir(), `cunzhan-${name}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 800, height: 1280 },
    locale: 'zh-CN',
  });
  return { context, profileDir };
}
