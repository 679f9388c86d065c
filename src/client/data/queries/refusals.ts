import { useLiveQuery } from 'dexie-react-hooks';
import { db as defaultDb, type CunzhanDb, type Refusal } from '../db';

export type { Refusal, RefusalSummary, RollbackNote } from '../db';

/** Refused changes, newest first, until a person dismisses them. */
export async function listRefusals(database: CunzhanDb): Promise<Refusal[]> {
  return database.refusals.orderBy('at').reverse().toArray();
}

export function useRefusals(): Refusal[] | undefined {
  return useLiveQuery(() => listRefusals(defaultDb), []);
}

/** Local only: the person has read the refusal. */
export async function dismissRefusal(id: string, database: CunzhanDb = defaultDb): Promise<void> {
  await database.refusals.delete(id);
}
