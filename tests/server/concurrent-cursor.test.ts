import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, makeStaff } from '../../src/server/admin/operations';
import type { Centre } from '../../src/shared/domain/entities';
import { STANDARD_PLATFORMS, standardPlatformId } from '../../src/server/seed/platforms';
import { productRow } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

const WRITERS = 6;
const TRANSACTIONS_PER_WRITER = 15;
const ROWS_PER_TRANSACTION = 3;

/**
 * S3, the trap: in PostgreSQL, seq values taken from a sequence commit out of
 * order, so a reader may see seq 7 before seq 6 commits and then move its
 * cursor past 6 for ever. Writers here hold their transaction open for a
 * random moment after taking seqs, while a reader pulls as fast as it can.
 */
describe.each(storeKinds())('pull cursor under concurrent writers on $name', (kind) => {
  let opened: OpenedStore;
  let centre: Centre;
  let staffId: string;

  beforeAll(async () => {
    opened = await kind.open();
    centre = await createCentre(opened.store, { en: 'Busy centre' });
    staffId = (await makeStaff({ centreId: centre.id, name: 'Writer', role: 'clerk', pin: '1234' })).row.id;
  });
  afterAll(() => opened.dispose());

  it('skips no committed row while several writers commit at once', async () => {
    const store = opened.store;
    const written = new Set<string>();
    let writing = true;

    const writer = async (w: number) => {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const rows = Array.from({ length: ROWS_PER_TRANSACTION }, (_, r) => productRow(centre.id, staffId, `W${w}-${t}-${r}`, 100));
        await store.inCentreTx(centre.id, async (tx) => {
          await tx.writeRows(rows.map((row) => ({ table: 'products' as const, row })));
          // Keep the transaction open after taking seqs: the window in which a reader
          // could see a later writer's seqs first if allocation were not serialised.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
        });
        for (const row of rows) written.add(row.id);
      }
    };

    const pulled = new Set<string>();
    let cursor = 0;
    let pulls = 0;
    const drain = async () => {
      for (;;) {
        const page = await store.pull(centre.id, cursor, 20);
        pulls++;
        let previous = cursor;
        for (const row of page.rows) {
          expect(row.seq).toBeGreaterThan(previous);
          previous = row.seq;
          pulled.add((JSON.parse(row.json) as { id: string }).id);
        }
        cursor = page.rows.at(-1)?.seq ?? cursor;
        if (!page.hasMore) return;
      }
    };
    const reader = async () => {
      while (writing) await drain();
      await drain();
    };

    const readerDone = reader();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await readerDone;

    expect(written.size).toBe(WRITERS * TRANSACTIONS_PER_WRITER * ROWS_PER_TRANSACTION);
    // Besides what the writers wrote, the feed holds the platforms every new centre gets.
    const platforms = STANDARD_PLATFORMS.map((p) => standardPlatformId(centre.id, p.key));
    expect([...pulled].sort()).toEqual([...written, ...platforms].sort());
    expect(cursor).toBe(await store.lastSeq(centre.id));
    expect(pulls).toBeGreaterThan(WRITERS);
  });
});
