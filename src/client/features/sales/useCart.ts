import { useCallback, useEffect, useState } from 'react';

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

export function useCart() {
  const [lines, setLines] = useState<CartLine[]>(load);

  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
    } catch {
      // The cart still works in memory.
    }
  }, [lines]);

  const add = useCallback((productId: string) => {
    setLines((current) =>
      current.some((l) => l.productId === productId)
        ? current.map((l) => (l.productId === productId ? { ...l, qty: Math.min(MAX_QTY, l.qty + 1) } : l))
        : [...current, { productId, qty: 1 }],
    );
  }, []);

  const setQty = useCallback((productId: string, qty: number) => {
    setLines((current) =>
      qty <= 0
        ? current.filter((l) => l.productId !== productId)
        : current.map((l) => (l.productId === productId ? { ...l, qty: Math.min(MAX_QTY, qty) } : l)),
    );
  }, []);

  const clear = useCallback(() => setLines([]), []);

  return { lines, add, setQty, remove: (productId: string) => setQty(productId, 0), clear };
}
