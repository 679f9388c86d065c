import type { Language } from '../../../shared/domain/entities';
import type { ReceiptDoc, ReceiptKind } from './receipt-doc';

/** A receipt read before its screen drew, with what it was read for. */
export interface ReceiptAhead {
  kind: ReceiptKind;
  id: string;
  lang: Language;
  doc: ReceiptDoc | null;
}

/**
 * The receipt a screen handed over for the route it goes to next. Kept apart
 * from the receipt's queries, so that the route's loader takes it without
 * loading their code: a sale's receipt then draws in the navigation's own
 * turn, before the live queries the sale woke get the main thread.
 */
let handedOver: ReceiptAhead | null = null;

export function handOverReceipt(ahead: ReceiptAhead): void {
  handedOver = ahead;
}

/** The receipt handed over for this row and language, once; undefined when none was. */
export function takeHandedOver(kind: ReceiptKind, id: string, lang: Language): ReceiptAhead | undefined {
  const given = handedOver;
  handedOver = null;
  return given && given.kind === kind && given.id === id && given.lang === lang ? given : undefined;
}
