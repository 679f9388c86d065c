import { EXPORT_FORMAT, type ExportFile } from '../../../shared/protocol/export-file';
import type { MutationEnvelope } from '../../../shared/protocol/messages';
import type { CunzhanDb, OutboxEntry } from '../../data/db';
import { AppError, AppErrorCode } from '../../data/errors';
import { getMeta, setMeta } from '../../data/meta';
import { waitingEntries } from '../../data/outbox-queue';

/** An entry as the push would send it: the fields its proof covers, and the proof. */
function envelopeOf(e: OutboxEntry): MutationEnvelope {
  return {
    id: e.id,
    kind: e.kind,
    args: e.args,
    staffId: e.staffId,
    createdAt: e.createdAt,
    ...(e.keyId !== undefined ? { keyId: e.keyId } : {}),
    ...(e.proof !== undefined ? { proof: e.proof } : {}),
  };
}

/** The unsynced changes of this tablet, in queue order, for the county to import (shared/protocol/export-file.ts). */
export async function buildExport(database: CunzhanDb, now: Date = new Date()): Promise<ExportFile> {
  const device = await getMeta(database, 'device');
  if (!device) throw new AppError(AppErrorCode.notEnrolled);
  const entries = await waitingEntries(database);
  return {
    format: EXPORT_FORMAT,
    deviceId: device.deviceId,
    centreId: device.centre.id,
    exportedAt: now.toISOString(),
    mutations: entries.filter((e) => e.deviceId === device.deviceId).map(envelopeOf),
  };
}

/** `cunzhan-export-<device>-<date>.json`: the tablet's number when it has one, else the start of its id. */
export function exportFileName(file: ExportFile, deviceNo: number | undefined): string {
  const device = deviceNo !== undefined ? String(deviceNo) : file.deviceId.slice(0, 8);
  const stamp = file.exportedAt.slice(0, 19).replace(/[:T]/g, '-');
  return `cunzhan-export-${device}-${stamp}.json`;
}

/** Hands the file to the browser as a download and remembers that the queue was exported. */
export async function downloadExport(database: CunzhanDb, file: ExportFile, deviceNo: number | undefined): Promise<void> {
  const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(file, deviceNo);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  const revoked = await getMeta(database, 'revoked');
  if (revoked) await setMeta(database, 'revoked', { ...revoked, exportedAt: file.exportedAt });
}

/**
 * Forgets everything this tablet held, so it can be enrolled afresh (a new
 * device, perhaps at another centre). Only after the queue was exported or
 * the person chose to discard it.
 */
export async function forgetTablet(database: CunzhanDb): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((table) => table.clear()));
  });
}
