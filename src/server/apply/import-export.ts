import * as v from 'valibot';
import { LIMITS } from '../../shared/protocol/messages';
import { exportFile, type ExportFile } from '../../shared/protocol/export-file';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { applyBatch } from './apply-batch';

export interface ImportCounts {
  applied: number;
  refused: number;
  /** Applied or refused before: by an earlier push of the tablet, or an earlier import of the same file. */
  alreadyApplied: number;
}

export type ImportRefusal = 'invalid_file' | 'unknown_device' | 'wrong_centre';

/** The file as a whole is refused: nothing of it was applied. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: ImportRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export interface ImportOptions {
  /** The centre the file must belong to (the county admin area's page); any centre when absent. */
  centreId?: string | undefined;
  log?: Logger | undefined;
}

function parseFile(file: unknown): ExportFile {
  const parsed = v.safeParse(exportFile, file);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new ImportRefused('invalid_file', `${v.getDotPath(issue) ?? ''}: ${issue.message}`.slice(0, 200));
}

/**
 * Applies the changes a removed (revoked) tablet exported, through the same
 * path as a push from it: each proof is checked for the file's device, in
 * queue order, in bounded batches. Importing the same file again, or one
 * whose changes the tablet had pushed already, changes nothing (S13).
 */
export async function importExport(store: Store, file: unknown, options: ImportOptions = {}): Promise<ImportCounts> {
  const data = parseFile(file);
  if (options.centreId !== undefined && options.centreId !== data.centreId) {
    throw new ImportRefused('wrong_centre', 'the file is of another centre');
  }
  const device = await store.getDevice(data.deviceId);
  if (!device) throw new ImportRefused('unknown_device', 'no tablet with the id the file names');
  // A revoked tablet is fine (that is why it exported), one of another centre is not.
  if (device.centreId !== data.centreId) throw new ImportRefused('wrong_centre', 'the tablet the file names is of another centre');

  const counts: ImportCounts = { applied: 0, refused: 0, alreadyApplied: 0 };
  for (let at = 0; at < data.mutations.length; at += LIMITS.pushMaxMutations) {
    const batch = data.mutations.slice(at, at + LIMITS.pushMaxMutations);
    const before = await store.inCentreTx(device.centreId, (tx) => tx.appliedResults(batch.map((m) => m.id)));
    const ctx = { centreId: device.centreId, deviceId: device.id, appliedAt: new Date().toISOString(), log: options.log };
    const results = await applyBatch(store, ctx, batch);
    for (const result of results) {
      if (before.has(result.id)) counts.alreadyApplied += 1;
      else if (result.status === 'applied') counts.applied += 1;
      else counts.refused += 1;
    }
  }
  return counts;
}
