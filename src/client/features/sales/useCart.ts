import { useCallback, useState } from 'react';

export interface CartLine {
  productId: string;
  qty: number;
}

// Kept in sessionStorage: leaving the screen to check stock, or a reload,
// does not empty a cart the villager is waiting on.
const STORAGE_KEY = 'cunzhan.cart';
const MAX_QTY = 9999;

function load(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (l): l is CartLine =>
        typeof l === 'object' && l !== null && typeof l.productId === 'string' && Number.isInteger(l.qty) && l.qty > 0,
    );
  } catch {
    return [];
  }
}

function save(lines: readonly CartLine[]): void {
  try {
    if (lines.length === 0) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
  } catch {
    // The cart still works in memory.
  }
}

export function useCart() {
  const [lines, setLines] = useState<CartLine[]>(load);

  // Saved as it changes, not in an effect: confirming a sale clears the cart
  // and leaves the screen in the same tick, before any effect would run.
  const change = useCallback((next: (current: CartLine[]) => CartLine[]) => {
    setLines((current) => {
      const updated = next(current);
      save(updated);
      return updated;
    });
  }, []);

  const add = useCallback(
    (productId: string) =>
      change((current) =>
        current.some((l) => l.productId === productId)
          ? current.map((l) => (l.productId === productId ? { ...l, qty: Math.min(MAX_QTY, l.qty + 1) } : l))
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
    save([]);
    setLines([]);
  }, []);

  return { lines, add, setQty, remove: (productId: string) => setQty(productId, 0), clear };
}
