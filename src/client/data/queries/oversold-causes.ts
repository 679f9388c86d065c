import { useLiveQuery } from 'dexie-react-hooks';
import type { Language } from '../../../shared/domain/entities';
import { addQuantities, sumQuantities } from '../../../shared/domain/quantity';
import { db as defaultDb, type CunzhanDb } from '../db';
import type { ProductWithStock } from './products';
import { oversold } from './stock';

/** Why stock went below zero: sales beyond it (often two tablets offline), or a write-off larger than it. */
export type OversoldCause = 'sales' | 'writeOff';

export type OversoldProduct = ProductWithStock & { cause: OversoldCause };

const WRITE_OFFS: ReadonlySet<string> = new Set(['damage', 'spoil']);

/**
 * A product's newest write-off is the cause when it took the level from zero
 * or more to below zero: the level just after it is today's level less
 * everything that happened since (movements and sales of the product).
 */
async function causeOf(database: CunzhanDb, product: ProductWithStock): Promise<OversoldCause> {
  const movements = await database.movements
    .where('[productId+createdAt]')
    .between([product.id, ''], [product.id, '\uffff'])
    .reverse()
    .toArray();
  const writeOff = movements.find((m) => WRITE_OFFS.has(m.reason));
  if (!writeOff) return 'sales';
  const movedSince = sumQuantities(movements.filter((m) => m.createdAt > writeOff.createdAt).map((m) => m.delta));
  const salesSince = await database.sales.where('createdAt').above(writeOff.createdAt).toArray();
  const soldSince = sumQuantities(
    salesSince
      .flatMap((s) => s.lines)
      .filter((l) => l.productId === product.id)
      .map((l) => l.qty),
  );
  const justAfter = sumQuantities([product.level, -movedSince, soldSince]);
  const before = addQuantities(justAfter, -writeOff.delta);
  return justAfter < 0 && before >= 0 ? 'writeOff' : 'sales';
}

export async function oversoldWithCauses(database: CunzhanDb, lang: Language = 'zh-CN'): Promise<OversoldProduct[]> {
  const products = await oversold(database, lang);
  return Promise.all(products.map(async (p) => ({ ...p, cause: await causeOf(database, p) })));
}

export function useOversoldWithCauses(lang: Language = 'zh-CN'): OversoldProduct[] | undefined {
  return useLiveQuery(() => oversoldWithCauses(defaultDb, lang), [lang]);
}
