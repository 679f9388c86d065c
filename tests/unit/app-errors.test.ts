import { describe, expect, it } from 'vitest';
import { AppError, fromApiError, toAppError } from '../../src/client/data/errors';
import { retryDelay } from '../../src/client/sync/backoff';

describe('errors shown to staff', () => {
  it('maps what the browser throws onto one code each', () => {
    expect(toAppError(new DOMException('disk full', 'QuotaExceededError')).code).toBe('storage_full');
    // Dexie wraps the DOMException and keeps it as `inner`
    expect(toAppError({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }).code).toBe('storage_full');
    expect(toAppError(new TypeError('Failed to fetch')).code).toBe('server_unreachable');
    expect(toAppError(new Error('boom')).code).toBe('unknown');
    const original = new AppError('wrong_pin');
    expect(toAppError(original)).toBe(original);
  });

  it('maps API error bodies: 401 means the tablet was revoked', () => {
    expect(fromApiError(401, 'unauthorized').code).toBe('device_revoked');
    expect(fromApiError(400, 'unsupported_protocol').code).toBe('unsupported_protocol');
    expect(fromApiError(410, 'enrol_code_expired').code).toBe('enrol_code_expired');
    expect(fromApiError(503, 'unavailable').code).toBe('server_error');
    expect(fromApiError(409, 'out_of_order').code).toBe('server_error');
  });
});

describe('retry timing', () => {
  it('backs off exponentially with jitter, up to five minutes', () => {
    expect(retryDelay(1, () => 0)).toBe(1000);
    expect(retryDelay(1, () => 1)).toBe(2000);
    expect(retryDelay(4, () => 1)).toBe(16000);
    expect(retryDelay(50, () => 1)).toBe(300000);
    expect(retryDelay(50, () => 0)).toBe(150000);
  });
});
