import type { AppCase } from './app-case';
import { ms, round, verdict, type Row } from './results';

/** Targets of the figures taken on the real app (issues 9 and 10). */
export const APP_TARGETS = {
  confirmToReceiptP95Ms: 200,
  tabSwitchP95Ms: 150,
  coldLoadSlowLinkMs: 3500,
  coldLoadWaves: 1,
  packDownloadBytesRatio: 1.05,
  packDownloadTimeRatio: 1.2,
  lessonOpenP95Ms: 300,
} as const;

/** The app's figures in latest.json; null when the app case was not measured (see cases.app.error). */
export interface AppFigures {
  confirmToReceiptP95Ms: number | null;
  tabSwitchP95Ms: number | null;
  tabFirstVisitP95Ms: number | null;
  pinToSellP50Ms: number | null;
  coldLoadSlowLinkMs: number | null;
  coldLoadWaves: number | null;
  coldLoadSlowLinkUgMs: number | null;
  coldLoadWavesUg: number | null;
  packDownloadBytesRatio: number | null;
  packDownloadTimeRatio: number | null;
  lessonOpenP95Ms: number | null;
}

export function appFigures(c: AppCase | { error: string }): AppFigures {
  if ('error' in c) {
    return {
      confirmToReceiptP95Ms: null,
      tabSwitchP95Ms: null,
      tabFirstVisitP95Ms: null,
      pinToSellP50Ms: null,
      coldLoadSlowLinkMs: null,
      coldLoadWaves: null,
      coldLoadSlowLinkUgMs: null,
      coldLoadWavesUg: null,
      packDownloadBytesRatio: null,
      packDownloadTimeRatio: null,
      lessonOpenP95Ms: null,
    };
  }
  const { counter, coldLoad, coldLoadUg, packDownload, lessonOpen } = c;
  return {
    confirmToReceiptP95Ms: counter.confirmToReceipt.p95Ms,
    tabSwitchP95Ms: counter.tabSwitch.p95Ms,
    tabFirstVisitP95Ms: counter.tabFirstVisit.p95Ms,
    pinToSellP50Ms: counter.pinToSell.p50Ms,
    coldLoadSlowLinkMs: coldLoad.ms,
    coldLoadWaves: coldLoad.waves,
    coldLoadSlowLinkUgMs: coldLoadUg.ms,
    coldLoadWavesUg: coldLoadUg.waves,
    packDownloadBytesRatio: round(packDownload.bytesDownloaded / packDownload.packBytes, 3),
    packDownloadTimeRatio: round(packDownload.ms / packDownload.floorMs, 2),
    lessonOpenP95Ms: lessonOpen.p95Ms,
  };
}

const atMost = (value: number | null, target: number) => value !== null && value <= target;

export function appPass(f: AppFigures): Record<string, boolean> {
  return {
    confirmToReceiptP95Ms: atMost(f.confirmToReceiptP95Ms, APP_TARGETS.confirmToReceiptP95Ms),
    tabSwitchP95Ms: atMost(f.tabSwitchP95Ms, APP_TARGETS.tabSwitchP95Ms),
    coldLoadSlowLinkMs: atMost(f.coldLoadSlowLinkMs, APP_TARGETS.coldLoadSlowLinkMs),
    coldLoadWaves: atMost(f.coldLoadWaves, APP_TARGETS.coldLoadWaves),
    coldLoadSlowLinkUgMs: atMost(f.coldLoadSlowLinkUgMs, APP_TARGETS.coldLoadSlowLinkMs),
    coldLoadWavesUg: atMost(f.coldLoadWavesUg, APP_TARGETS.coldLoadWaves),
    packDownloadBytesRatio: atMost(f.packDownloadBytesRatio, APP_TARGETS.packDownloadBytesRatio),
    packDownloadTimeRatio: atMost(f.packDownloadTimeRatio, APP_TARGETS.packDownloadTimeRatio),
    lessonOpenP95Ms: atMost(f.lessonOpenP95Ms, APP_TARGETS.lessonOpenP95Ms),
  };
}

/** A cold load's row: its time, its requests and bytes, and its waves of code. */
function coldLoadRow(label: string, load: AppCase['coldLoad'], passed: boolean): Row {
  return [
    label,
    ms(load.ms),
    `${load.requests} req, ${(load.bytes / 1000).toFixed(0)} KB; ${load.waves} wave(s) of code after the document`,
    '',
    `≤ ${ms(APP_TARGETS.coldLoadSlowLinkMs)}, ${APP_TARGETS.coldLoadWaves} wave`,
    verdict(passed),
  ];
}

/** The app's rows of the printed table. */
export function appRows(c: AppCase | { error: string }, pass: Record<string, boolean>): Row[] {
  if ('error' in c) return [['Real app in the browser', 'not measured', c.error, '', '', 'FAIL']];
  const { counter, coldLoad, coldLoadUg, packDownload, lessonOpen } = c;
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return [
    ['Confirm → receipt, 4× throttle: p95', ms(counter.confirmToReceipt.p95Ms), `p50 ${ms(counter.confirmToReceipt.p50Ms)}, ${counter.confirmToReceipt.samples} sales; saved (address changed) p50 ${ms(counter.confirmToSaved.p50Ms)}, p95 ${ms(counter.confirmToSaved.p95Ms)}`, '', `≤ ${ms(APP_TARGETS.confirmToReceiptP95Ms)}`, verdict(pass.confirmToReceiptP95Ms!)],
    ['Bottom tab switch, 4× throttle: p95', ms(counter.tabSwitch.p95Ms), `first visits p95 ${ms(counter.tabFirstVisit.p95Ms)}`, '', `≤ ${ms(APP_TARGETS.tabSwitchP95Ms)}`, verdict(pass.tabSwitchP95Ms!)],
    ['PIN → sell screen, 4× throttle: p50 (info)', ms(counter.pinToSell.p50Ms), `p95 ${ms(counter.pinToSell.p95Ms)}`, '', '', ''],
    coldLoadRow('Cold load signed in, 400 ms / 400 kbit/s, 4× throttle', coldLoad, pass.coldLoadSlowLinkMs! && pass.coldLoadWaves!),
    coldLoadRow('The same, the tablet set to Uyghur', coldLoadUg, pass.coldLoadSlowLinkUgMs! && pass.coldLoadWavesUg!),
    [
      `Pack download ${mb(packDownload.packBytes)}, one cut: bytes`,
      mb(packDownload.bytesDownloaded),
      `pack ${mb(packDownload.packBytes)}`,
      `${(packDownload.bytesDownloaded / packDownload.packBytes).toFixed(3)}×`,
      `≤ ${APP_TARGETS.packDownloadBytesRatio}×`,
      verdict(pass.packDownloadBytesRatio!),
    ],
    [
      'Pack download: time',
      ms(packDownload.ms),
      `floor ${ms(packDownload.floorMs)} at ${((packDownload.link.bytesPerSecond * 8) / 1e6).toFixed(0)} Mbit/s, ${packDownload.link.latencyMs} ms`,
      `${(packDownload.ms / packDownload.floorMs).toFixed(2)}×`,
      `≤ ${APP_TARGETS.packDownloadTimeRatio}×`,
      verdict(pass.packDownloadTimeRatio!),
    ],
    ['Lesson open offline, 4× throttle: p95', ms(lessonOpen.p95Ms), `p50 ${ms(lessonOpen.p50Ms)}`, '', `≤ ${ms(APP_TARGETS.lessonOpenP95Ms)}`, verdict(pass.lessonOpenP95Ms!)],
  ];
}
