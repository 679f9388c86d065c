import { importExport } from '../apply/import-export';
import { clientAddressOf, type ClientAddressOf } from '../http/client-address';
import type { Logger } from '../log';
import { countyRoutes } from '../routes/county';
import type { Store } from '../store/store';
import { MediaFiles, mediaDirOf } from '../packs/media-files';
import type { ImportExport } from './centre-actions';
import { LoginLimits, type LoginLimitsConfig } from './login-limits';
import { isHttpsOf } from './require-county-admin';
import { CountySessions } from './sessions';

export interface CountyConfig {
  login?: LoginLimitsConfig | undefined;
  /** Milliseconds: what sessions expire by (tests move it on). */
  now?: (() => number) | undefined;
  /** Stands in for the real import (tests). */
  importExport?: ImportExport | undefined;
}

interface Deps {
  store: Store;
  county?: CountyConfig | undefined;
  trustProxy?: boolean | undefined;
  clientAddress?: ClientAddressOf | undefined;
  /** DATA_DIR, where course packs keep their media. */
  dataDir?: string | undefined;
}

/** The county admin routes, wired from the app's settings. */
export function countyApp(deps: Deps, log: Logger): ReturnType<typeof countyRoutes> {
  const config = deps.county ?? {};
  const trustProxy = deps.trustProxy ?? false;
  return countyRoutes({
    store: deps.store,
    log,
    limits: new LoginLimits(config.login),
    sessions: new CountySessions(deps.store.county, config.now),
    addressOf: deps.clientAddress ?? clientAddressOf(trustProxy),
    isHttps: isHttpsOf(trustProxy),
    importExport: config.importExport ?? importExport,
    media: deps.dataDir === undefined ? undefined : new MediaFiles(mediaDirOf(deps.dataDir)),
  });
}
