import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { profiled } from './cpu-profile';
import type { BenchBrowser } from './bench-browser';
import { tapUntil, tapUntilTimed, throttled } from './app-tablet';
import { median, percentile, round } from './results';

/** Times of one interaction, in ms on the page's clock. */
export interface UiTiming {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  runsMs: number[];
}

export interface CounterUiCase {
  /** Tap "confirm" on the sell screen → the receipt shows, 4× CPU throttle. */
  confirmToReceipt: UiTiming;
  /** Of which: tap → the sale saved (the app moves to the receipt's address then). */
  confirmToSaved: UiTiming;
  /** A bottom tab → its screen, every tab visited before (4× throttle). */
  tabSwitch: UiTiming;
  /** Each tab's first visit after sign-in (its code loaded then), 4× throttle. */
  tabFirstVisit: UiTiming & { byTab: Record<string, number> };
  /** The PIN's submit tapped on the sign-in screen → the sell screen usable, 4× throttle. */
  pinToSell: UiTiming;
}

const CONFIRM_SALES = 20;
const TAB_ROUNDS = 5;
const PIN_RUNS = 5;

/** Each bottom tab and what shows once its screen is there. */
const TABS: readonly { tab: string; shows: string }[] = [
  { tab: 'nav-orders', shows: 'new-order' },
  { tab: 'nav-parcels', shows: 'log-parcel' },
  { tab: 'nav-villagers', shows: 'add-villager' },
  { tab: 'nav-more', shows: 'more-list' },
  { tab: 'nav-sell', shows: 'product-tile' },
];

export function timing(runsMs: readonly number[]): UiTiming {
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: round(median(sorted)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? NaN),
    runsMs: runsMs.map((ms) => round(ms)),
  };
}

/** One product in the cart, paid exactly: the sell screen waits on its confirm button. */
async function cartReady(page: Page): Promise<void> {
  await page.getByTestId('product-tile').first().click();
  // The payment step's code comes after the screen's (fetched on the first tap): wait for it to show.
  await page.getByTestId('pay-step').first().waitFor();
  const exact = page.getByTestId('tender-exact');
  if (await exact.count()) await exact.first().click();
  await page.locator('[data-testid="confirm-sale"]:not([disabled])').waitFor();
}

async function confirmToReceipt(page: Page): Promise<{ shown: number[]; saved: number[] }> {
  const runs: number[] = [];
  const saved: number[] = [];
  // One untimed sale first: its code paths warm, as on a counter that has sold today.
  for (let i = 0; i <= CONFIRM_SALES; i++) {
    await cartReady(page);
    const { ms, navigatedMs } = await tapUntilTimed(page, 'confirm-sale', 'receipt');
    if (i > 0) {
      runs.push(ms);
      if (navigatedMs !== null) saved.push(navigatedMs);
    }
    await page.getByTestId('new-sale').click();
    await page.getByTestId('product-tile').first().waitFor();
  }
  return { shown: runs, saved };
}

/** Around the tab bar: the first round is every tab's first visit; the later rounds are the switches. */
async function tabSwitches(page: Page): Promise<{ first: Record<string, number>; again: number[] }> {
  const first: Record<string, number> = {};
  const again: number[] = [];
  for (let round = 0; round <= TAB_ROUNDS; round++) {
    for (const { tab, shows } of TABS) {
      const ms = await tapUntil(page, tab, shows);
      // The sell screen was open before the first round: its return is a switch like the later ones.
      if (round === 0 && tab !== 'nav-sell') first[tab.replace('nav-', '')] = ms;
      else again.push(ms);
    }
  }
  return { first, again };
}

async function pinToSell(page: Page, staff: { name: string; pin: string }): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < PIN_RUNS; i++) {
    await page.getByTestId('lock').click();
    await page.getByTestId('staff-tile').filter({ hasText: staff.name }).click();
    await page.getByTestId('pin-input').fill(staff.pin);
    runs.push(await tapUntil(page, 'pin-submit', 'product-tile'));
  }
  return runs;
}

/** The counter's interactions on the real app, signed in, on the sell screen, at 4× CPU throttle. */
export async function counterUiCase(tablet: BenchBrowser, staff: { name: string; pin: string }): Promise<CounterUiCase> {
  const { page } = tablet;
  await page.getByTestId('product-tile').first().waitFor();
  return throttled(tablet, async () => {
    const tabs = await tabSwitches(page);
    // BENCH_PROFILE=1: where the confirm's time goes, as a CPU profile beside latest.json.
    const confirm =
      process.env.BENCH_PROFILE === '1'
        ? await profiled(tablet.cdp, join(import.meta.dirname, '../results/confirm.cpuprofile'), () => confirmToReceipt(page)).then((run) => {
            for (const line of run.lines) process.stdout.write(`[bench]   ${String(line.selfMs).padStart(8)} ms  ${line.name}\n`);
            return run.result;
          })
        : await confirmToReceipt(page);
    const pin = await pinToSell(page, staff);
    const firstRuns = Object.values(tabs.first);
    return {
      confirmToReceipt: timing(confirm.shown),
      confirmToSaved: timing(confirm.saved),
      tabSwitch: timing(tabs.again),
      tabFirstVisit: { ...timing(firstRuns), byTab: Object.fromEntries(Object.entries(tabs.first).map(([k, v]) => [k, round(v)])) },
      pinToSell: timing(pin),
    };
  });
}
