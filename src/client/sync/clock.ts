import type { ClockReading, CunzhanDb } from '../data/db';
import { getMeta, setMeta } from '../data/meta';

export type { ClockReading };

/** Beyond this gap between the tablet's clock and the server's, staff are asked to set the date and time. */
export const CLOCK_WARN_MS = 5 * 60_000;

/**
 * Collects the server's clock as replies arrive during one sync and keeps
 * the last reading. Receipts and rows keep the tablet's own time: this only
 * tells staff when that time is wrong.
 */
export function clockWatch(): { onServerTime: (serverMs: number, deviceMs: number) => void; save: (database: CunzhanDb) => Promise<void> } {
  let last: ClockReading | null = null;
  return {
    onServerTime(serverMs, deviceMs) {
      last = { offsetMs: serverMs - deviceMs, readAt: new Date(deviceMs).toISOString() };
    },
    async save(database) {
      if (last) await setMeta(database, 'clock', last);
    },
  };
}

export async function getClockReading(database: CunzhanDb): Promise<ClockReading | null> {
  return (await getMeta(database, 'clock')) ?? null;
}

/** The server's time now, by the last reading, when the tablet's clock is off by more than CLOCK_WARN_MS; else null. */
export function serverNowIfClockWrong(reading: ClockReading | null | undefined, deviceNow: number): number | null {
  if (!reading || Math.abs(reading.offsetMs) <= CLOCK_WARN_MS) return null;
  return deviceNow + reading.offsetMs;
}
