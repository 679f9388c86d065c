import { Hono } from 'hono';
import * as v from 'valibot';
import { API } from '../../shared/protocol/endpoints';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../shared/protocol/version';
import { ApiErrorCode, historyQuery, LIMITS, pullQuery, pushRequest, type MutationResult, type PushResponse } from '../../shared/protocol/messages';
import { quickAcceptPushRequest } from '../../shared/protocol/push-request-quick-check';
import { PredecessorNotApplied } from '../apply/apply-batch';
import { PushOrder } from '../apply/push-order';
import { requireDevice, type DeviceVariables } from '../auth/device-auth';
import { ApiError } from '../http/api-error';
import { deviceReport } from '../http/device-report';
import { readJsonBody } from '../http/json-body';
import type { Logger } from '../log';
import type { FeedPage, FeedRow, HistoryPage, Store } from '../store/store';
import { pullScopeFor } from './pull-scope';

/** Rows grouped by table as a JSON object, spliced from the JSON the store keeps. */
function rowsJson(rows: readonly FeedRow[]): string {
  const byTable = new Map<string, string[]>();
  for (const row of rows) {
    const list = byTable.get(row.table);
    if (list) list.push(row.json);
    else byTable.set(row.table, [row.json]);
  }
  const tables = [...byTable].map(([table, json]) => `${JSON.stringify(table)}:[${json.join(',')}]`);
  return `{${tables.join(',')}}`;
}

/**
 * The pull body, spliced from the JSON the store keeps so that 10,000 rows
 * are not parsed and re-encoded on every pull. Shape: PullResponse.
 */
function pullBody(page: FeedPage, historyFrom: string | undefined): string {
  const serverTime = JSON.stringify(new Date().toISOString());
  // Since protocol 4: the horizon of the history left out, and how much of this page was.
  const history = historyFrom === undefined ? '' : `,"historyFrom":${JSON.stringify(historyFrom)},"olderLeftOut":${page.olderLeftOut}`;
  return `{"rows":${rowsJson(page.rows)},"cursor":${page.cursor},"hasMore":${page.hasMore},"serverTime":${serverTime}${history}}`;
}

/** The history body, spliced like the pull's. Shape: HistoryResponse. */
function historyBody(upTo: number, page: HistoryPage): string {
  const after = page.after === undefined ? '' : `,"after":${JSON.stringify(page.after)}`;
  const serverTime = JSON.stringify(new Date().toISOString());
  return `{"upTo":${upTo},"rows":${rowsJson(page.rows)}${after},"hasMore":${page.hasMore},"serverTime":${serverTime}}`;
}

/**
 * The first results whose JSON stays within LIMITS.pageMaxBytes (at least
 * one): the rest are applied and stored, and a re-push is answered from them.
 */
export function boundedResults(results: readonly MutationResult[], maxBytes: number = LIMITS.pageMaxBytes): MutationResult[] {
  let bytes = 0;
  for (let i = 0; i < results.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify(results[i])) + 1;
    if (bytes > maxBytes) return results.slice(0, Math.max(1, i));
  }
  return [...results];
}

/** Push, pull and the closed history, all scoped to the centre of the calling device. */
export function syncRoutes(store: Store, predecessorWaitMs?: number, log?: Logger): Hono<{ Variables: DeviceVariables }> {
  const auth = requireDevice(store);
  // One per app, not per module: each server instance (and each test's) keeps its own waiters.
  const order = new PushOrder(predecessorWaitMs);
  return new Hono<{ Variables: DeviceVariables }>()
    .post(API.push, auth, async (c) => {
      const device = c.get('device');
      const body = await readJsonBody(c.req.raw, pushRequest, { accepts: quickAcceptPushRequest });
      if (!SUPPORTED_PROTOCOL_VERSIONS.includes(body.protocolVersion)) {
        throw new ApiError(400, ApiErrorCode.unsupportedProtocol, `protocol ${body.protocolVersion} is not supported`);
      }
      if (body.deviceId !== device.id) {
        throw new ApiError(403, ApiErrorCode.deviceMismatch, 'deviceId is not the device of this token');
      }
      const appliedAt = new Date().toISOString();
      const report = deviceReport((name) => c.req.header(name), appliedAt);
      const ctx = { centreId: device.centreId, deviceId: device.id, appliedAt, after: body.after, log, report };
      const results = await order.apply(store, ctx, body.mutations).catch((error: unknown) => {
        if (!(error instanceof PredecessorNotApplied)) throw error;
        throw new ApiError(409, ApiErrorCode.outOfOrder, `${error.message}: push the batch before this one first`);
      });
      const response: PushResponse = { results: boundedResults(results), serverTime: new Date().toISOString() };
      return c.json(response);
    })
    .get(API.pull, auth, async (c) => {
      const query = v.safeParse(pullQuery, c.req.query());
      if (!query.success) {
        throw new ApiError(400, ApiErrorCode.badRequest, `after must be a seq and limit 1–${LIMITS.pullMaxRows}`);
      }
      const { after, limit = LIMITS.pullDefaultRows, protocol, closedUpTo } = query.output;
      const device = c.get('device');
      const scope = await pullScopeFor(store, device.centreId, protocol, Date.now());
      // The tablet already holds the sales and movements it made, and the closed history it fetched: they are not sent again.
      const page = await store.pull(device.centreId, after, limit, device.id, { ...scope, closedUpTo });
      await store.recordDeviceSync(device.id, deviceReport((name) => c.req.header(name), new Date().toISOString()));
      const history = protocol !== undefined && protocol >= 4 ? scope.closedBefore : undefined;
      return c.body(pullBody(page, history), 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get(API.history, auth, async (c) => {
      const query = v.safeParse(historyQuery, c.req.query());
      if (!query.success) {
        throw new ApiError(400, ApiErrorCode.badRequest, `after must be a villager id, upTo a seq and limit 1–${LIMITS.pullMaxRows}`);
      }
      const { after, limit = LIMITS.pullDefaultRows, protocol } = query.output;
      const device = c.get('device');
      const lastSeq = await store.lastSeq(device.centreId);
      const upTo = query.output.upTo ?? lastSeq;
      // Rows written later at or before it would come neither in the history nor by the feed.
      if (upTo > lastSeq) throw new ApiError(400, ApiErrorCode.badRequest, `upTo ${upTo} is past the centre's latest seq ${lastSeq}`);
      const { closedBefore } = await pullScopeFor(store, device.centreId, protocol, Date.now());
      const page = await store.closedHistory(device.centreId, { upTo, after, limit, closedBefore });
      await store.recordDeviceSync(device.id, deviceReport((name) => c.req.header(name), new Date().toISOString()));
      return c.body(historyBody(upTo, page), 200, { 'Content-Type': 'application/json; charset=utf-8' });
    });
}
