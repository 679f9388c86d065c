import { useLiveQuery } from 'dexie-react-hooks';
import { db as defaultDb } from '../db';
import { waitingCount } from '../outbox-queue';

/** Changes saved on this tablet and not yet accepted or refused by the server. */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => waitingCount(defaultDb), []);
}
