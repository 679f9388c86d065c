import type { PackSummary } from '../../shared/packs/pack-api';
import type { StoredPackVersion } from './pack-store';

/** A pack version as a list shows it: titles, size and when it came, without its lessons. */
export function packSummaryOf(p: StoredPackVersion): PackSummary {
  const { course } = p.manifest;
  return {
    id: p.id,
    version: p.version,
    title: course.title,
    summary: course.summary,
    totalBytes: p.totalBytes,
    fileCount: p.fileCount,
    importedAt: p.importedAt,
  };
}
