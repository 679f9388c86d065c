import { useCallback, useState } from 'react';
import { addQuantities, isThousandths } from '../../../shared/domain/quantity';
import { getSession } from '../../auth/session';

export interface CartLine {
  productId: string;
  qty: number;
}

// Kept in sessionStorage, one cart per staff member: leaving the screen to
// check stock, or a reload, does not empty a cart the villager is waiting on,
// and a cart parked when its person locked the tablet waits for them alone:
// it is never sold under another name.
const STORAGE_PREFIX = 'cunzhan.cart.';
/** Where the one cart of the app before parking lived: it belongs to whoever was signed in. */
const OLD_KEY = 'cunzhan.cart';
/** The most one line holds: pieces, or a weight (which may have three decimals, see quantity.ts). */
const MAX_QTY = 9999;

export function cartKey(staffId: string): string {
  return STORAGE_PREFIX + staffId;
}

function load(key: string): CartLine[] {
  try {
    const old = sessionStorage.getItem(OLD_KEY);
    if (old !== null) {
      if (sessionStorage.getItem(key) === null) sessionStorage.setItem(key, old);
      sessionStorage.removeItem(OLD_KEY);
    }
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (l): l is CartLine =>
        typeof l === 'object' && l !== null && typeof l.productId === 'string' && typeof l.qty === 'number' && isThousandths(l.qty) && l.qty > 0,
    );
  } catch {
    return [];
  }
}

function save(key: string, lines: readonly CartLine[]): void {
  try {
    if (lines.length === 0) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(lines));
  } catch {
    // The cart still works in memory.
  }
}

/** The cart of `staffId` (the signed-in person), parked under their id whenever it changes. */
export function useCart(staffId: string = getSession()?.staff.id ?? '') {
  const key = cartKey(staffId);
  const [lines, setLines] = useState<CartLine[]>(() => load(key));

  // Saved as it changes, not in an effect: confirming a sale clears the cart
  // and leaves the screen in the same tick, before any effect would run.
  const change = useCallback((next: (current: CartLine[]) => CartLine[]) => {
    setLines((current) => {
      const updated = next(current);
      save(key, updated);
      return updated;
    });
  }, [key]);

  const add = useCallback(
    (productId: string) =>
      change((current) =>
        current.some((l) => l.productId === productId)
          ? current.map((l) => (l.productId === productId ? { ...l, qty: Math.min(MAX_QTY, addQuantities(l.qty, 1)) } : l))
          : [...current, { productId, qty: 1 }],
      ),
    [change],
  );

  const setQty = useCallback(
    (productId: string, qty: number) =>
      change((current) =>
        qty <= 0
          ? current.filter((l) => l.productId !== productId)
          : current.map((l) => (l.productId === productId ? { ...l, qty: Math.min(MAX_QTY, qty) } : l)),
      ),
    [change],
  );

  const clear = useCallback(() => {
    save(key, []);
    setLines([]);
  }, [key]);

  /** Puts back lines taken away a moment ago (undoing "clear cart"). */
  const restore = useCallback((previous: readonly CartLine[]) => change(() => [...previous]), [change]);

  return { lines, add, setQty, remove: (productId: string) => setQty(productId, 0), clear, restore };
}
