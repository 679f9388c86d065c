import type { TableName } from '../../shared/domain/entities';
import { LIMITS } from '../../shared/protocol/messages';
import type { FeedPage, FeedRow } from './store';

/** A scanned feed row; `data` is null for a row left out for the pulling device. */
export interface ScannedRow {
  tbl: TableName;
  seq: number | string;
  data: string | null;
  /** Left out as older history (1/true), not for another reason. */
  older?: number | boolean | null;
}

/**
 * Rows left out for the pulling device (its own sales, older history, the
 * closed history it fetched) cost the server little and the tablet nothing,
 * so a page may scan this many times its limit of them: a fresh tablet
 * passing over the tens of thousands of closed rows it fetched whole got a
 * dozen empty pages, a round trip each on a slow link.
 */
export const SCANNED_PER_LIMIT = 8;

/**
 * Builds a page from rows scanned in seq order, fed one at a time so a
 * store never holds more than the page. The page ends after `limit` rows
 * sent or `limit` × SCANNED_PER_LIMIT scanned, or before the row that
 * would take it past `maxBytes`; a row bigger than that still goes, alone
 * on its page (S4). The cursor is the last seq scanned, sent or not, so a
 * page of nothing but the device's own rows still moves the tablet on (and
 * `hasMore` tells it to go on).
 */
export class FeedPageBuilder {
  private readonly rows: FeedRow[] = [];
  private scanned = 0;
  private bytes = 0;
  private cursor: number;
  private more = false;
  private older = 0;

  constructor(
    after: number,
    private readonly limit: number,
    private readonly maxBytes: number = LIMITS.pageMaxBytes,
  ) {
    this.cursor = after;
  }

  /** The most rows a page of `limit` scans: a store reading them all at once asks for one more, to learn whether there are more. */
  static scanLimit(limit: number): number {
    return limit * SCANNED_PER_LIMIT;
  }

  /** Takes the next scanned row; false when it does not fit (it is left for the next page). */
  add(row: ScannedRow): boolean {
    const size = row.data === null ? 0 : Buffer.byteLength(row.data);
    const full = this.rows.length >= this.limit || this.scanned >= FeedPageBuilder.scanLimit(this.limit);
    if (full || (this.rows.length > 0 && this.bytes + size > this.maxBytes)) {
      this.more = true;
      return false;
    }
    this.scanned++;
    this.cursor = Number(row.seq);
    if (row.data !== null) {
      this.rows.push({ table: row.tbl, seq: this.cursor, json: row.data });
      this.bytes += size;
    } else if (row.older) {
      this.older++;
    }
    return true;
  }

  /**
   * How many rows a store reading in chunks should read next, at most `max`:
   * no more than the rows left and, once row sizes are known, than the bytes
   * left hold (plus one, to learn whether there are more).
   */
  nextChunk(max: number): number {
    let rows = Math.min(this.limit - this.rows.length, FeedPageBuilder.scanLimit(this.limit) - this.scanned) + 1;
    if (this.rows.length > 0) {
      const average = this.bytes / this.rows.length;
      rows = Math.min(rows, Math.ceil(Math.max(0, this.maxBytes - this.bytes) / average) + 1);
    }
    return Math.max(1, Math.min(max, rows));
  }

  page(): FeedPage {
    return { rows: this.rows, cursor: this.cursor, hasMore: this.more, olderLeftOut: this.older };
  }
}
