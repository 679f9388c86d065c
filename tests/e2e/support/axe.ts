import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * axe-core run in the page as it is, against the real server's strict CSP:
 * the source goes in through the DevTools protocol (as page.evaluate does),
 * not as a <script> tag, which `script-src 'self'` would refuse.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on one screen, small enough to read in a failing test's message. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The violations of impact serious or critical on the page as it is shown now. */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}

export interface Viewport {
  name: string;
  width: number;
  height: number;
}

/** The shared tablet in portrait, and the smallest phone the app still serves. */
export const VIEWPORTS: readonly Viewport[] = [
  { name: 'tablet', width: 800, height: 1280 },
  { name: 'phone', width: 360, height: 640 },
];

/**
 * Audits what the page shows at each viewport and collects what is broken
 * under `label`. With A11Y_SCREENSHOTS set to a directory, each view is
 * also saved there as a full-page PNG for a person to look at.
 */
export class Audit {
  readonly found: { where: string; findings: Finding[] }[] = [];
  private readonly shots = process.env.A11Y_SCREENSHOTS;

  constructor() {
    if (this.shots) mkdirSync(this.shots, { recursive: true });
  }

  async check(page: Page, label: string): Promise<void> {
    const start = page.viewportSize() ?? VIEWPORTS[0]!;
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const where = `${label} @ ${viewport.name}`;
      if (this.shots) {
        const file = `${where.replace(/[^\w.-]+/g, '_')}.png`;
        await page.screenshot({ path: join(this.shots, file), fullPage: true, animations: 'disabled' });
      }
      const findings = await seriousViolations(page);
      if (findings.length > 0) this.found.push({ where, findings });
    }
    await page.setViewportSize(start);
  }
}
