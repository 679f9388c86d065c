import { useLiveQuery } from 'dexie-react-hooks';
import { tillIdFor, type Till } from '../../../shared/domain/counter';
import { db } from '../db';

/** A staff member's till for a business day; null when it took no cash yet. */
export function useTill(staffId: string, day: string): Till | null | undefined {
  return useLiveQuery(async () => (await db.tills.get(tillIdFor(staffId, day))) ?? null, [staffId, day]);
}
