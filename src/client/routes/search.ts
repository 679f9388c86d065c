/** Search params of the list screens: parsed leniently, a bad value is ignored. */
export interface SalesSearch {
  /** Local calendar day, YYYY-MM-DD; today when absent. */
  day?: string;
  staff?: string;
}

/** A sale's receipt: `from: 'sell'` when the sell screen has just made it, so the Sell tab stays lit. */
export interface ReceiptSearch {
  from?: 'sell';
}

export type StockFilter = 'low' | 'oversold';
export interface StockSearch {
  filter?: StockFilter;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseSalesSearch(search: Record<string, unknown>): SalesSearch {
  const result: SalesSearch = {};
  if (typeof search['day'] === 'string' && DAY.test(search['day'])) result.day = search['day'];
  if (typeof search['staff'] === 'string' && search['staff']) result.staff = search['staff'];
  return result;
}

export function parseStockSearch(search: Record<string, unknown>): StockSearch {
  const filter = search['filter'];
  return filter === 'low' || filter === 'oversold' ? { filter } : {};
}

export function parseReceiptSearch(search: Record<string, unknown>): ReceiptSearch {
  return search['from'] === 'sell' ? { from: 'sell' } : {};
}
