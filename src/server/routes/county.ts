import { Hono } from 'hono';
import * as v from 'valibot';
import {
  COUNTY_API,
  createCentreRequest,
  createCodeRequest,
  idParam,
  IMPORT_MAX_BYTES,
  loginRequest,
  normaliseUsername,
  resetPinRequest,
  type CountySessionInfo,
  type ImportResponse,
} from '../../shared/protocol/county';
import { ApiErrorCode, LIMITS } from '../../shared/protocol/messages';
import { CentreActions, type ImportExport } from '../county/centre-actions';
import type { LoginLimits } from '../county/login-limits';
import { verifyPassword } from '../county/password';
import {
  clearSessionCookie,
  requireCountyAdmin,
  setSessionCookie,
  type CountyVariables,
  type IsHttps,
} from '../county/require-county-admin';
import { csrfTokenFor, type CountySessions } from '../county/sessions';
import { ApiError } from '../http/api-error';
import type { ClientAddressOf } from '../http/client-address';
import { readJsonBody } from '../http/json-body';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { MediaFiles } from '../packs/media-files';
import { countyPackRoutes } from './county-packs';
import { countyVariantRoutes } from './county-variants';

export interface CountyRouteDeps {
  store: Store;
  log: Logger;
  limits: LoginLimits;
  sessions: CountySessions;
  addressOf: ClientAddressOf;
  isHttps: IsHttps;
  importExport: ImportExport;
  /** Where imported course packs keep their media (none: packs cannot be uploaded). */
  media?: MediaFiles | undefined;
}

const CENTRE = `${COUNTY_API.centres}/:centreId`;

/** A path id that is not one of ours is simply not found, before any query. */
function pathId(value: string | undefined): string {
  if (!v.is(idParam, value)) throw new ApiError(404, ApiErrorCode.notFound, 'no such record');
  return value;
}

/**
 * The county admin API (DESIGN §7): password sign-in, a cookie session,
 * CSRF on every change. A county admin sees every centre: there is no
 * county table yet, so one server is one county.
 */
export function countyRoutes(deps: CountyRouteDeps): Hono<{ Variables: CountyVariables }> {
  const { store, log, limits, sessions, addressOf, isHttps } = deps;
  const actions = new CentreActions(store, deps.importExport);
  const guard = requireCountyAdmin(sessions, isHttps);
  const app = new Hono<{ Variables: CountyVariables }>();

  app.post(COUNTY_API.login, async (c) => {
    const address = addressOf(c);
    const body = await readJsonBody(c.req.raw, loginRequest, { maxBytes: LIMITS.unauthenticatedBodyBytes });
    const username = normaliseUsername(body.username);
    limits.enter(address, username);
    const admin = await store.county.findAdmin(username);
    // Unknown names cost the same scrypt as known ones and get the same answer.
    if (!(await verifyPassword(body.password, admin?.passwordHash)) || !admin) {
      log.warn('county sign-in refused', { address });
      throw new ApiError(401, ApiErrorCode.badCredentials, 'wrong username or password');
    }
    limits.succeeded(address, username);
    const started = await sessions.start(admin.id);
    setSessionCookie(c, started.cookieValue, isHttps(c));
    log.info('county sign-in', { admin: admin.username, address });
    const answer: CountySessionInfo = { username: admin.username, csrfToken: started.csrfToken };
    return c.json(answer);
  });

  app.get(COUNTY_API.session, guard, (c) => {
    const answer: CountySessionInfo = { username: c.var.countySession.username, csrfToken: csrfTokenFor(c.var.countyCookie) };
    return c.json(answer);
  });

  app.post(COUNTY_API.logout, guard, async (c) => {
    await sessions.end(c.var.countyCookie);
    clearSessionCookie(c, isHttps(c));
    return c.body(null, 204);
  });

  app.get(COUNTY_API.centres, guard, async (c) => c.json(await actions.listCentres()));

  app.post(COUNTY_API.centres, guard, async (c) => {
    const body = await readJsonBody(c.req.raw, createCentreRequest, { maxBytes: LIMITS.unauthenticatedBodyBytes });
    const created = await actions.createCentre(body);
    log.info('county: centre created', { admin: c.var.countySession.username, centreId: created.centre.id });
    return c.json(created, 201);
  });

  app.get(CENTRE, guard, async (c) => c.json(await actions.centreDetail(pathId(c.req.param('centreId')))));

  app.post(`${CENTRE}/codes`, guard, async (c) => {
    const centreId = pathId(c.req.param('centreId'));
    const body = await readJsonBody(c.req.raw, createCodeRequest, { maxBytes: LIMITS.unauthenticatedBodyBytes });
    const issued = await actions.issueCode(centreId, body.hours);
    log.info('county: enrolment code issued', { admin: c.var.countySession.username, centreId, expiresAt: issued.expiresAt });
    return c.json(issued, 201);
  });

  app.post(`${CENTRE}/staff/:staffId/pin`, guard, async (c) => {
    const centreId = pathId(c.req.param('centreId'));
    const staffId = pathId(c.req.param('staffId'));
    const body = await readJsonBody(c.req.raw, resetPinRequest, { maxBytes: LIMITS.unauthenticatedBodyBytes });
    await actions.resetAdminPin(centreId, staffId, body.pin);
    log.info('county: admin PIN reset', { admin: c.var.countySession.username, centreId, staffId });
    return c.body(null, 204);
  });

  app.post(`${COUNTY_API.base}/devices/:deviceId/revoke`, guard, async (c) => {
    const deviceId = pathId(c.req.param('deviceId'));
    if (!(await store.revokeDevice(deviceId, new Date().toISOString()))) {
      throw new ApiError(404, ApiErrorCode.notFound, 'no such tablet');
    }
    log.info('county: tablet revoked', { admin: c.var.countySession.username, deviceId });
    return c.body(null, 204);
  });

  app.post(COUNTY_API.import, guard, async (c) => {
    const file = await readJsonBody(c.req.raw, v.unknown(), { maxBytes: IMPORT_MAX_BYTES });
    const counts: ImportResponse = await actions.importFile(file, log);
    log.info('county: export imported', { admin: c.var.countySession.username, ...counts });
    return c.json(counts);
  });

  app.route('/', countyPackRoutes({ store, media: deps.media, guard, log }));
  app.route('/', countyVariantRoutes({ store, media: deps.media, guard, log }));
  return app;
}
