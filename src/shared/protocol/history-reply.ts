import * as v from 'valibot';
import { closedAt, historyKeyOf } from '../domain/history-scope';
import { isoTime } from '../mutations/fields';
import { historyKey, type HistoryResponse } from './messages';
import { BadReply, parsed, rowsOf } from './replies';

/** Since protocol 6: the closed history's answer, checked by the tablet on arrival like the feed's (replies.ts). */
export const historyReply = v.object({
  upTo: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rows: v.strictObject({ orders: rowsOf('orders'), parcels: rowsOf('parcels') }),
  after: v.optional(historyKey),
  hasMore: v.boolean(),
  serverTime: v.optional(isoTime),
});

/** What a history page was asked for: the snapshot and the villager key it goes on after (none: the server's latest, from the first). */
export interface HistoryAsked {
  upTo?: number | undefined;
  after?: string | undefined;
}

/**
 * A page of the closed history asked after villager key `after` (undefined:
 * from the first) at `upTo` (undefined: the server's choice), for this
 * tablet's centre: every row of that centre, closed, of a villager after
 * `after` and at most the page's own `after`, and the snapshot unchanged.
 */
export function checkHistoryReply(value: unknown, query: HistoryAsked, centreId: string): HistoryResponse {
  const page = parsed(historyReply, value, 'history');
  if (query.upTo !== undefined && page.upTo !== query.upTo) throw new BadReply('history: the snapshot changed');
  const last = page.after;
  for (const table of ['orders', 'parcels'] as const) {
    for (const row of page.rows[table] ?? []) {
      if (row.centreId !== centreId) throw new BadReply(`history: a ${table} row of another centre`);
      if (closedAt(table, row) === null) throw new BadReply(`history: an open ${table} row`);
      const key = historyKeyOf(row);
      if ((query.after !== undefined && key <= query.after) || last === undefined || key > last) {
        throw new BadReply(`history: a ${table} row outside the page's villagers`);
      }
    }
  }
  if (page.hasMore && (last === undefined || (query.after !== undefined && last <= query.after))) {
    throw new BadReply('history: more promised, the page did not move');
  }
  const reply: HistoryResponse = { upTo: page.upTo, rows: {}, hasMore: page.hasMore };
  if (page.rows.orders) reply.rows.orders = page.rows.orders;
  if (page.rows.parcels) reply.rows.parcels = page.rows.parcels;
  if (last !== undefined) reply.after = last;
  if (page.serverTime !== undefined) reply.serverTime = page.serverTime;
  return reply;
}
