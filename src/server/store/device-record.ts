import type { Device } from './store';

/** A `devices` row as both databases return it. */
export interface DeviceRecord {
  id: string;
  centre_id: string;
  device_no: number;
  name: string;
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_sync_at?: string | null;
  app_version?: string | null;
  pending_count?: number | null;
}

export function toDevice(r: DeviceRecord): Device {
  return {
    id: r.id,
    centreId: r.centre_id,
    deviceNo: r.device_no,
    name: r.name,
    tokenHash: r.token_hash,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastSyncAt: r.last_sync_at ?? null,
    appVersion: r.app_version ?? null,
    pendingCount: r.pending_count ?? null,
  };
}
