import { expect } from 'vitest';
import { CENTRE_SETTINGS_ID, settingsOf, type SettingValues } from '../../../src/shared/domain/centre-settings';
import { TABLE_NAMES, type AnyRow } from '../../../src/shared/domain/entities';
import { beforeHorizon, historyHorizon } from '../../../src/shared/domain/history-scope';
import type { DbInspector } from './inspect-db';
import type { NodeTablet, QueuedSale } from './node-tablet';
import { allSyncedRows } from '../../../src/client/data/synced-rows';

/**
 * S1 and S2 for one tablet's queued sales: each mutation recorded applied
 * exactly once, each sale row stored once, none extra, and the rows took
 * their seqs in the order the tablet made the sales.
 */
export async function expectAppliedOnceInOrder(db: DbInspector, centreId: string, tablet: NodeTablet, queued: readonly QueuedSale[]) {
  expect(await tablet.waiting()).toBe(0);
  expect(await tablet.db.refusals.toArray()).toEqual([]);

  const applied = (await db.applied(centreId)).filter((m) => m.deviceId === tablet.deviceId);
  expect(applied.map((m) => m.id).sort()).toEqual(queued.map((q) => q.mutationId).sort());
  expect(applied.filter((m) => m.result.status !== 'applied')).toEqual([]);

  const sales = (await db.rows(centreId)).filter((r) => r.tbl === 'sales' && r.data.deviceId === tablet.deviceId);
  // Rows come ordered by seq: the order the server applied them in.
  expect(sales.map((s) => s.id)).toEqual(queued.map((q) => q.saleId));
  expect(sales.map((s) => s.data.receiptNo)).toEqual(queued.map((q) => q.receiptNo));
}

/**
 * S3, S6: after a pull the tablet holds exactly the server's rows of its
 * centre, each once and as stored: all but the older history the centre's
 * settings leave on the server (shared/domain/history-scope.ts).
 */
export async function expectHoldsServerRows(db: DbInspector, centreId: string, tablet: NodeTablet) {
  const stored = await db.rows(centreId);
  const settings = stored.find((r) => r.tbl === 'settings' && r.id === CENTRE_SETTINGS_ID)?.data as Partial<SettingValues> | undefined;
  const horizon = historyHorizon(Date.now(), settingsOf(settings).historyMonths);
  for (const table of TABLE_NAMES) {
    const server = stored
      .filter((r) => r.tbl === table)
      .map((r) => r.data as unknown as AnyRow)
      .filter((row) => !beforeHorizon(table, row, horizon));
    const local = await allSyncedRows(tablet.db, table);
    const byId = (a: AnyRow, b: AnyRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(local.length, `${table} rows on the tablet`).toBe(server.length);
    expect([...local].sort(byId), table).toEqual([...server].sort(byId));
  }
}
