import { isStorableText } from '../../shared/domain/text';
import type { DeviceSyncReport } from '../store/store';

export const APP_VERSION_HEADER = 'X-Cunzhan-App-Version';
export const PENDING_HEADER = 'X-Cunzhan-Pending';
const APP_VERSION_MAX = 40;

/**
 * What a push or pull tells about its tablet, for the county's list of
 * tablets. A header that is malformed is left out, never refused: it is a
 * report, and syncing matters more.
 */
export function deviceReport(header: (name: string) => string | undefined, at: string): DeviceSyncReport {
  const version = header(APP_VERSION_HEADER)?.trim();
  const pending = header(PENDING_HEADER)?.trim();
  return {
    at,
    appVersion: version && version.length <= APP_VERSION_MAX && isStorableText(version) ? version : undefined,
    pendingCount: pending && /^\d{1,9}$/.test(pending) ? Number(pending) : undefined,
  };
}
