import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '../../shared/protocol/messages';
import { ApiError } from '../http/api-error';
import type { Device, Store } from '../store/store';
import { sha256Hex } from './secrets';

export interface DeviceVariables {
  device: Device;
}

/**
 * Bearer-token check for sync routes. The device found here fixes the centre
 * every later read and write is scoped to; a revoked device stops at once.
 */
export function requireDevice(store: Store): MiddlewareHandler<{ Variables: DeviceVariables }> {
  return async (c, next) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(c.req.header('authorization') ?? '');
    const device = match ? await store.findActiveDevice(sha256Hex(match[1]!)) : undefined;
    if (!device) throw new ApiError(401, ApiErrorCode.unauthorized, 'a valid device token is required');
    c.set('device', device);
    await next();
  };
}
