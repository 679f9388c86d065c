import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { getMeta, type RevokedState } from '../../data/meta';

/** undefined while loading; null unless the server removed this tablet. */
export function useRevoked(): RevokedState | null | undefined {
  return useLiveQuery(async () => (await getMeta(db, 'revoked')) ?? null, []);
}
