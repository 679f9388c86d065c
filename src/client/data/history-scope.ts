import { CENTRE_SETTINGS_ID, settingsOf } from '../../shared/domain/centre-settings';
import { beforeHorizon, historyHorizon } from '../../shared/domain/history-scope';
import type { PullResponse } from '../../shared/protocol/messages';
import { stillTouched } from '../sync/outbox';
import { pruneClosedBefore } from './closed-history';
import { rowKey, type CunzhanDb } from './db';
import { getMeta, setMeta } from './meta';

/**
 * The tablet's side of the history scope (shared/domain/history-scope.ts).
 * `historyComplete` is the horizon the tablet holds every closed row after;
 * `historyOffered` the horizon the server's last pull used. When an admin
 * keeps more months, the server's horizon moves back past what the tablet
 * holds, and the feed is pulled again from the start to fetch the rows it
 * skipped. Rows that age out are pruned; `olderHistory` then says the
 * server holds history this tablet does not.
 */

/** Horizons drift by clocks and by the day: only a move back by more than this is an admin keeping more months. */
const WIDENED_BY_MS = 14 * 24 * 60 * 60 * 1000;

/** Inside a pull page's transaction: what the server said of the history it left out. */
export async function recordPulledScope(database: CunzhanDb, page: Pick<PullResponse, 'historyFrom' | 'olderLeftOut'>): Promise<void> {
  if (page.historyFrom !== undefined) await setMeta(database, 'historyOffered', page.historyFrom);
  if ((page.olderLeftOut ?? 0) > 0) await setMeta(database, 'olderHistory', true);
}

/**
 * After a pull: true when the server now offers history from well before
 * what this tablet holds. The cursor is then reset, so the next pull fetches
 * the whole feed again (rows already held are rewritten unchanged).
 */
export async function restartForWiderHistory(database: CunzhanDb): Promise<boolean> {
  return database.transaction('rw', database.meta, async () => {
    const offered = await getMeta(database, 'historyOffered');
    const complete = await getMeta(database, 'historyComplete');
    if (offered === undefined) return false;
    if (complete === undefined || Date.parse(offered) >= Date.parse(complete) - WIDENED_BY_MS) {
      if (complete === undefined) await setMeta(database, 'historyComplete', offered);
      return false;
    }
    await setMeta(database, 'cursor', 0);
    // The closed history is fetched again too: the last one stopped at the narrower horizon.
    await database.meta.delete('historySnapshot');
    await setMeta(database, 'olderHistory', false);
    await setMeta(database, 'historyComplete', offered);
    return true;
  });
}

/**
 * Deletes the closed orders, parcels and pickup codes that closed before the
 * centre's horizon, leaving any a queued change still touches. Runs once per
 * horizon (a day, or a change of the setting). Returns how many went.
 */
export async function pruneOlderHistory(database: CunzhanDb, nowMs: number): Promise<number> {
  const settings = settingsOf(await database.settings.get(CENTRE_SETTINGS_ID));
  const horizon = historyHorizon(nowMs, settings.historyMonths);
  if ((await getMeta(database, 'prunedBefore')) === horizon.slice(0, 10)) return 0;
  const tables = [database.historyPacks, database.historyCounts, database.pickupCodes, database.outbox, database.meta];
  return database.transaction('rw', tables, async () => {
    const pending = await stillTouched(database);
    const kept = (table: 'orders' | 'parcels' | 'pickupCodes', id: string) => pending.has(rowKey(table, id));
    // Closed orders and parcels are packed by villager (closed-history.ts); open ones never age out.
    const packed = await pruneClosedBefore(database, horizon, kept);
    const codes = (await database.pickupCodes.filter((c) => beforeHorizon('pickupCodes', c, horizon)).toArray())
      .filter((c) => !kept('pickupCodes', c.id))
      .map((c) => c.id);
    await database.pickupCodes.bulkDelete(codes);
    const pruned = packed + codes.length;
    if (pruned > 0) await setMeta(database, 'olderHistory', true);
    const complete = await getMeta(database, 'historyComplete');
    if (complete === undefined || complete < horizon) await setMeta(database, 'historyComplete', horizon);
    await setMeta(database, 'prunedBefore', horizon.slice(0, 10));
    return pruned;
  });
}
