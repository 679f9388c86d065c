import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { API } from '../shared/protocol/endpoints';
import { ApiErrorCode, type ErrorBody, type HealthResponse } from '../shared/protocol/messages';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../shared/protocol/version';
import { EnrolLimits, type EnrolLimitsConfig } from './auth/enrol-limits';
import { ApiError } from './http/api-error';
import { clientAddressOf, type ClientAddressOf } from './http/client-address';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { silentLogger, type Logger } from './log';
import { enrolRoute } from './routes/enrol';
import { syncRoutes } from './routes/sync';
import { packRoutes } from './routes/packs';
import { MediaFiles, mediaDirOf } from './packs/media-files';
import { countyApp, type CountyConfig } from './county/county-app';
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailable } from './store/storage-errors';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  /** The built PWA (dist/client). Without it only the API is served. */
  clientDir?: string | undefined;
  log?: Logger | undefined;
  version?: string | undefined;
  /** How long a pushed batch waits for the batch it follows (default PREDECESSOR_WAIT_MS). */
  predecessorWaitMs?: number | undefined;
  /** Enrolment budgets (default ENROL_BUDGETS) and the clock they run on. */
  enrolLimits?: EnrolLimitsConfig | undefined;
  /** Behind a reverse proxy (TRUST_PROXY=1): the client address comes from X-Forwarded-For. */
  trustProxy?: boolean | undefined;
  /** Where a request comes from, for rate limits (default: the socket peer, as trustProxy says). */
  clientAddress?: ClientAddressOf | undefined;
  /** County admin area: sign-in budgets, the clock its sessions expire by, and the import it runs. */
  county?: CountyConfig | undefined;
  /** DATA_DIR: course pack media files live in its media/ folder. Without it no media is served. */
  dataDir?: string | undefined;
}

function errorJson(code: ErrorBody['error'], message: string): ErrorBody {
  return { error: code, message };
}

/** The whole HTTP surface, testable in-process with `app.request()`. */
export function createApp(deps: AppDeps): Hono {
  const { store } = deps;
  const log = deps.log ?? silentLogger;
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(securityHeaders());
  app.use(compress({ encoding: 'gzip' }));

  app.get(API.health, (c) => {
    const body: HealthResponse = {
      ok: true,
      version: deps.version ?? '0.0.0',
      protocolVersions: SUPPORTED_PROTOCOL_VERSIONS,
      store: store.kind,
    };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
  app.route(
    '/',
    enrolRoute({
      store,
      log,
      limits: new EnrolLimits(deps.enrolLimits),
      addressOf: deps.clientAddress ?? clientAddressOf(deps.trustProxy ?? false),
    }),
  );
  app.route('/', syncRoutes(store, deps.predecessorWaitMs, log));
  app.route('/', countyApp(deps, log));
  app.route('/', packRoutes(store, deps.dataDir === undefined ? undefined : new MediaFiles(mediaDirOf(deps.dataDir)), log));

  const serveClient = deps.clientDir === undefined ? undefined : staticFiles(deps.clientDir);
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/') || !serveClient) return next();
    return (await serveClient(c)) ?? next();
  });

  app.notFound((c) => c.json(errorJson(ApiErrorCode.notFound, `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body, error.status, error.headers);
    const unavailable = storageUnavailable(error);
    if (unavailable) {
      log.error('storage unavailable', { method: c.req.method, path: c.req.path, code: unavailable.code, error: unavailable.message });
      const headers = { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
      return c.json(errorJson(ApiErrorCode.storageUnavailable, 'the server cannot use its database right now; try again later'), 503, headers);
    }
    log.error('unhandled error', {
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return c.json(errorJson(ApiErrorCode.internal, 'internal server error'), 500);
  });
  return app;
}
