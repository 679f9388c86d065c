import { Hono } from 'hono';
import { API } from '../../shared/protocol/endpoints';
import { uuidv7 } from '../../shared/domain/ids';
import { ApiErrorCode, enrolRequest, type EnrolResponse } from '../../shared/protocol/messages';
import { hashEnrolCode, newDeviceToken, sha256Hex } from '../auth/secrets';
import { ApiError } from '../http/api-error';
import { readJsonBody } from '../http/json-body';
import type { Logger } from '../log';
import type { Store } from '../store/store';

const REFUSALS = {
  invalid: new ApiError(400, ApiErrorCode.enrolCodeInvalid, 'this enrolment code does not exist'),
  expired: new ApiError(410, ApiErrorCode.enrolCodeExpired, 'this enrolment code has expired'),
  used: new ApiError(410, ApiErrorCode.enrolCodeUsed, 'this enrolment code has already been used'),
} as const;

/** POST enrol: a one-time code becomes a device and its token (shown once, stored hashed). */
export function enrolRoute(store: Store, log: Logger): Hono {
  return new Hono().post(API.enrol, async (c) => {
    const body = await readJsonBody(c.req.raw, enrolRequest);
    const token = newDeviceToken();
    const now = new Date().toISOString();
    const device = { id: uuidv7(), name: body.deviceName, tokenHash: sha256Hex(token), enrolledAt: now };
    const outcome = await store.redeemEnrolCode(hashEnrolCode(body.code), now, device);
    if (!outcome.ok) throw REFUSALS[outcome.reason];
    log.info('device enrolled', { deviceId: device.id, deviceNo: outcome.deviceNo, centreId: outcome.centre.id, name: device.name });
    const response: EnrolResponse = { deviceId: device.id, deviceNo: outcome.deviceNo, token, centre: outcome.centre };
    return c.json(response);
  });
}
