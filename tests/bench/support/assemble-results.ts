import { cpus, totalmem } from 'node:os';
import { serverFigures, serverPass } from '../server/server-rows';
import { APP_TARGETS, appFigures, appPass } from './app-rows';
import { SCAN_TARGETS, scanFigures, scanPass } from './scan-rows';
import { villageFigures, villagePass } from './village-rows';
import { pullRatioToFloor, pushRatioToFloor, round, TARGETS, type BenchResults } from './results';

/** The figures of a full run from its cases, each beside its target. */
export function assembleResults(cases: BenchResults['cases'], env: { browser: string; store: string }): BenchResults {
  const { push1k, push10k, slowLinkPush1k, pull10k, firstScreen, sale, village, server, app, scan } = cases;
  const ratio = (a: number, b: number) => round(a / b, 2);
  const firstScreenJsGzipBytes = 'error' in firstScreen ? null : firstScreen.gzipBytes;
  const serverValues = serverFigures(server);
  const villageValues = villageFigures(village);
  const appValues = appFigures(app);
  const scanValues = scanFigures(scan);
  const results: BenchResults = {
    pushRatio1k: pushRatioToFloor(push1k),
    pushRatio10k: pushRatioToFloor(push10k),
    pushRatioDurable10k: push10k.durableFloor ? ratio(push10k.push.ms, push10k.durableFloor.ms) : NaN,
    bytesRatio1k: ratio(push1k.push.bytesSent, push1k.floor.bytesSent),
    bytesRatio10k: ratio(push10k.push.bytesSent, push10k.floor.bytesSent),
    pull10kMs: pull10k.ms,
    pull10kFetchFloorMs: pull10k.floor.fetch.ms,
    pull10kStorageFloorMs: pull10k.floor.write.ms,
    pull10kRatioToFloor: pullRatioToFloor(pull10k),
    slowLinkPush1kMs: slowLinkPush1k.push.ms,
    slowLinkFloor1kMs: slowLinkPush1k.floor.ms,
    firstScreenJsGzipBytes,
    saleP50Ms: sale.p50Ms,
    saleP95Ms: sale.p95Ms,
    pinUnlockMs: sale.pinUnlock.medianMs,
    ...villageValues,
    ...appValues,
    ...scanValues,
    ...serverValues,
    targets: { ...TARGETS, ...APP_TARGETS, ...SCAN_TARGETS },
    pass: {},
    cases,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      browser: env.browser,
      store: env.store,
    },
    date: new Date().toISOString(),
    durationMs: 0,
  };
  results.pass = {
    pushRatio1k: results.pushRatio1k <= TARGETS.pushRatio,
    // pushRatio10k (over the unzip-only floor) is information only.
    pushRatioDurable10k: results.pushRatioDurable10k <= TARGETS.pushRatioDurable,
    bytesRatio1k: results.bytesRatio1k <= TARGETS.bytesRatio,
    bytesRatio10k: results.bytesRatio10k <= TARGETS.bytesRatio,
    pull10kMs: results.pull10kMs <= TARGETS.pull10kMs,
    slowLinkPush1kMs: results.slowLinkPush1kMs <= TARGETS.slowLinkPush1kMs,
    firstScreenJsGzipBytes: firstScreenJsGzipBytes !== null && firstScreenJsGzipBytes <= TARGETS.firstScreenJsGzipBytes,
    saleP95Ms: results.saleP95Ms <= TARGETS.saleP95Ms,
    ...villagePass(villageValues),
    ...appPass(appValues),
    ...scanPass(scanValues),
    ...serverPass(serverValues),
  };
  return results;
}
