import { Hono } from 'hono';
import { API } from '../../shared/protocol/endpoints';
import { uuidv7 } from '../../shared/domain/ids';
import { ApiErrorCode, enrolRequest, LIMITS, type EnrolResponse } from '../../shared/protocol/messages';
import type { EnrolLimits } from '../auth/enrol-limits';
import { hashEnrolCode, newDeviceToken, sha256Hex } from '../auth/secrets';
import { ApiError } from '../http/api-error';
import type { ClientAddressOf } from '../http/client-address';
import { readJsonBody } from '../http/json-body';
import type { Logger } from '../log';
import type { Store } from '../store/store';

const REFUSALS = {
  invalid: new ApiError(400, ApiErrorCode.enrolCodeInvalid, 'this enrolment code does not exist'),
  expired: new ApiError(410, ApiErrorCode.enrolCodeExpired, 'this enrolment code has expired'),
  used: new ApiError(410, ApiErrorCode.enrolCodeUsed, 'this enrolment code has already been used'),
  // Only the tablet holding the secret can meet this: it should make a new secret for a new code.
  secretTaken: new ApiError(409, ApiErrorCode.badRequest, 'this device secret already belongs to an enrolled device'),
} as const;

export interface EnrolRouteDeps {
  store: Store;
  log: Logger;
  limits: EnrolLimits;
  addressOf: ClientAddressOf;
}

/**
 * POST enrol: a one-time code becomes a device. Its token is the secret the
 * tablet sent (or, for older apps, one made here), stored only hashed; the
 * same code and secret sent again return the same device (S13).
 */
export function enrolRoute({ store, log, limits, addressOf }: EnrolRouteDeps): Hono {
  return new Hono().post(API.enrol, async (c) => {
    const address = addressOf(c);
    limits.enterFrom(address);
    const body = await readJsonBody(c.req.raw, enrolRequest, { maxBytes: LIMITS.unauthenticatedBodyBytes });
    limits.enterWithCode(body.code);
    const token = body.deviceSecret ?? newDeviceToken();
    const now = new Date().toISOString();
    const device = { id: uuidv7(), name: body.deviceName, tokenHash: sha256Hex(token), enrolledAt: now };
    const outcome = await store.redeemEnrolCode(hashEnrolCode(body.code), now, device);
    if (!outcome.ok) throw REFUSALS[outcome.reason];
    limits.succeeded(address, body.code);
    const fields = { deviceId: outcome.deviceId, deviceNo: outcome.deviceNo, centreId: outcome.centre.id, name: device.name };
    log.info(outcome.repeat ? 'device enrolment repeated' : 'device enrolled', fields);
    const response: EnrolResponse = {
      deviceId: outcome.deviceId,
      deviceNo: outcome.deviceNo,
      token,
      centre: outcome.centre,
      serverTime: now,
    };
    return c.json(response);
  });
}
