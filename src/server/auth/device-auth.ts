import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '../../shared/protocol/messages';
import { ApiError } from '../http/api-error';
import type { Device, Store } from '../store/store';
import { sha256Hex } from './secrets';

export interface DeviceVariables {
  device: Device;
}

/** The auth scheme name is case-insensitive (RFC 9110), so `bearer xyz` is read too. */
const BEARER = /^bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i;

/** RFC 6750: a request that sent credentials learns they were refused, one that sent none is told what to send. */
function unauthorized(sentCredentials: boolean): ApiError {
  const challenge = sentCredentials ? 'Bearer realm="cunzhan", error="invalid_token"' : 'Bearer realm="cunzhan"';
  return new ApiError(401, ApiErrorCode.unauthorized, 'a valid device token is required', { 'WWW-Authenticate': challenge });
}

/** The county removed this tablet: it is told so, apart from a token nobody knows, so it can say what happened. */
function revoked(): ApiError {
  return new ApiError(401, ApiErrorCode.deviceRevoked, 'this tablet was removed from its centre', {
    'WWW-Authenticate': 'Bearer realm="cunzhan", error="invalid_token"',
  });
}

/**
 * Bearer-token check for sync routes. The device found here fixes the centre
 * every later read and write is scoped to; a revoked device stops at once.
 */
export function requireDevice(store: Store): MiddlewareHandler<{ Variables: DeviceVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = BEARER.exec(header ?? '');
    const device = match ? await store.findDeviceByToken(sha256Hex(match[1]!)) : undefined;
    if (!device) throw unauthorized(header !== undefined && header.trim() !== '');
    if (device.revokedAt !== null) throw revoked();
    c.set('device', device);
    await next();
  };
}
