import { useLiveQuery } from 'dexie-react-hooks';
import { CENTRE_SETTINGS_ID } from '../../../shared/domain/centre-settings';
import type { Language, Sale } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../../data/db';
import { getRow } from '../../data/closed-history';
import { getDevice } from '../../data/device';
import { resolveCustomerRow } from '../../data/queries/villagers';
import { handOverReceipt, type ReceiptAhead } from './receipt-handover';
import { depositReceipt, refundReceipt, repaymentReceipt, saleReceipt, type ReceiptContext, type ReceiptDoc, type ReceiptKind } from './receipt-doc';

/** The names a receipt prints beside its row: the centre, its phone, who served, which villager. */
async function contextFor(database: CunzhanDb, lang: Language, staffId: string, customerId: string | undefined): Promise<ReceiptContext> {
  const [device, settings, staff, customer] = await Promise.all([
    getDevice(database),
    database.settings.get(CENTRE_SETTINGS_ID),
    database.staff.get(staffId),
    customerId ? resolveCustomerRow(database, customerId) : undefined,
  ]);
  return {
    lang,
    centreName: device?.centre.name ?? {},
    centrePhone: settings?.centrePhone ?? '',
    staffName: staff?.name ?? '',
    villagerName: customer?.name ?? '',
  };
}

/** A receipt of any kind from this tablet's rows, in `lang`; null when the row is not here. */
export async function loadReceipt(database: CunzhanDb, kind: ReceiptKind, id: string, lang: Language): Promise<ReceiptDoc | null> {
  switch (kind) {
    case 'sale': {
      const sale = await database.sales.get(id);
      return sale ? saleReceipt(sale, await contextFor(database, lang, sale.createdBy, sale.customerId)) : null;
    }
    case 'refund': {
      const refund = await database.refunds.get(id);
      if (!refund) return null;
      const sale: Sale | null = (await database.sales.get(refund.saleId)) ?? null;
      return refundReceipt(refund, sale, await contextFor(database, lang, refund.createdBy, sale?.customerId));
    }
    case 'repayment': {
      const repayment = await database.repayments.get(id);
      return repayment ? repaymentReceipt(repayment, await contextFor(database, lang, repayment.createdBy, repayment.customerId)) : null;
    }
    case 'deposit': {
      const order = await getRow(database, 'orders', id);
      return order ? depositReceipt(order, await contextFor(database, lang, order.createdBy, order.customerId)) : null;
    }
  }
}

/**
 * For a sale about to be saved: reads its receipt's names (centre, staff,
 * villager) while the sale saves, and gives back what to call with the saved
 * row. The receipt's route then shows it at once, rather than reading back
 * what was just written behind every live query the sale woke.
 */
export function prepareSaleReceipt(lang: Language, staffId: string, customerId: string | undefined): (sale: Sale) => Promise<void> {
  const context = contextFor(defaultDb, lang, staffId, customerId);
  context.catch(() => undefined); // awaited with the saved sale; the route reads it itself otherwise
  return async (sale) => {
    if (sale.createdBy !== staffId || sale.customerId !== customerId) return;
    handOverReceipt({ kind: 'sale', id: sale.id, lang, doc: saleReceipt(sale, await context) });
  };
}

/** A receipt read ahead of its screen (a route's loader), when none was handed over. */
export async function loadReceiptAhead(kind: ReceiptKind, id: string, lang: Language): Promise<ReceiptAhead> {
  return { kind, id, lang, doc: await loadReceipt(defaultDb, kind, id, lang) };
}

/**
 * undefined while loading, null when there is no such receipt on this tablet.
 * A receipt read ahead for the same row and language shows at once; the live
 * query keeps it up to date from there.
 */
export function useReceipt(kind: ReceiptKind, id: string, lang: Language, ahead?: ReceiptAhead): ReceiptDoc | null | undefined {
  const initial = ahead && ahead.kind === kind && ahead.id === id && ahead.lang === lang ? ahead.doc : undefined;
  return useLiveQuery(() => loadReceipt(defaultDb, kind, id, lang), [kind, id, lang], initial);
}
