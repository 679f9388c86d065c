import type { TableName } from '../../shared/domain/entities';
import type { FeedPage, FeedRow } from './store';

/** A scanned feed row; `data` is null for a row left out for the pulling device. */
export interface ScannedRow {
  tbl: TableName;
  seq: number | string;
  data: string | null;
}

/**
 * Turns up to `limit + 1` scanned rows into a page. The cursor is the last
 * seq scanned, sent or not, so a page of nothing but the device's own rows
 * still moves the tablet on (and `hasMore` tells it to go on).
 */
export function feedPage(scanned: readonly ScannedRow[], after: number, limit: number): FeedPage {
  const hasMore = scanned.length > limit;
  const page = hasMore ? scanned.slice(0, limit) : scanned;
  const rows: FeedRow[] = [];
  for (const r of page) if (r.data !== null) rows.push({ table: r.tbl, seq: Number(r.seq), json: r.data });
  const last = page.at(-1);
  return { rows, cursor: last === undefined ? after : Number(last.seq), hasMore };
}
