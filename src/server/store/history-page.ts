import type { TableName } from '../../shared/domain/entities';
import { LIMITS } from '../../shared/protocol/messages';
import type { FeedRow, HistoryPage } from './store';

/** A closed order or parcel read in villager key order. */
export interface ScannedHistoryRow {
  tbl: TableName;
  seq: number | string;
  data: string;
  /** Its villager key: customerId, '' for none. */
  villager: string;
}

/** The fewest rows read at a time, as when finishing a villager past the bounds: most have a handful. */
const FINISHING_CHUNK_ROWS = 8;

/**
 * Builds a page of the closed history from rows read in villager key order,
 * fed one at a time. A villager is never split: once `limit` rows are taken
 * the page ends at the next villager, and a villager that would take the
 * page past `maxBytes` is left for the next page, unless it is the page's
 * first (it goes whole, alone). A villager past the bound is dropped as soon
 * as it passes, so a store reads at most that much more than the page.
 */
export class HistoryPageBuilder {
  private readonly rows: FeedRow[] = [];
  private bytes = 0;
  private last: string | undefined;
  /** The villager being read, not yet known to be whole. */
  private villager: FeedRow[] = [];
  private villagerKey: string | undefined;
  private villagerBytes = 0;
  private more = false;

  constructor(
    private readonly limit: number,
    private readonly maxBytes: number = LIMITS.pageMaxBytes,
  ) {}

  /** Takes the next row read; false once the page is complete (the row is left for the next page). */
  add(row: ScannedHistoryRow): boolean {
    if (this.more) return false;
    if (row.villager !== this.villagerKey) {
      // A new key: the villager before it is whole.
      this.takeVillager();
      if (this.rows.length >= this.limit) {
        this.more = true;
        return false;
      }
      this.villagerKey = row.villager;
    }
    const size = Buffer.byteLength(row.data);
    this.villager.push({ table: row.tbl, seq: Number(row.seq), json: row.data });
    this.villagerBytes += size;
    if (this.rows.length > 0 && this.bytes + this.villagerBytes > this.maxBytes) {
      this.dropVillager();
      this.more = true;
      return false;
    }
    return true;
  }

  /**
   * How many rows a store reading in chunks should read next, at most `max`:
   * no more than the rows and, once sizes are known, the bytes left (plus
   * one, to learn whether there are more). Past them, to finish the villager
   * being read, as many as it has so far: a large one takes a few reads.
   */
  nextChunk(max: number): number {
    const taken = this.rows.length + this.villager.length;
    const takenBytes = this.bytes + this.villagerBytes;
    let rows = this.limit - taken + 1;
    if (taken > 0) rows = Math.min(rows, Math.ceil(Math.max(0, this.maxBytes - takenBytes) / (takenBytes / taken)) + 1);
    return Math.min(max, Math.max(FINISHING_CHUNK_ROWS, this.villager.length, rows));
  }

  /** The page, once `add` refused a row or the rows ran out (the villager being read is then whole). */
  page(): HistoryPage {
    this.takeVillager();
    const page: HistoryPage = { rows: this.rows, hasMore: this.more };
    if (this.last !== undefined) page.after = this.last;
    return page;
  }

  private takeVillager(): void {
    if (this.villager.length === 0) return;
    for (const row of this.villager) this.rows.push(row);
    this.bytes += this.villagerBytes;
    this.last = this.villagerKey;
    this.dropVillager();
  }

  private dropVillager(): void {
    this.villager = [];
    this.villagerBytes = 0;
  }
}
