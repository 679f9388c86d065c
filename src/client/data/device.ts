import { useLiveQuery } from 'dexie-react-hooks';
import { db as defaultDb, type CunzhanDb, type StoredDevice } from './db';
import { getMeta } from './meta';

/** What the tablet keeps about its enrolment. */
export type DeviceInfo = StoredDevice;

export async function getDevice(database: CunzhanDb = defaultDb): Promise<DeviceInfo | null> {
  return (await getMeta(database, 'device')) ?? null;
}

/** undefined while loading, null when this tablet is not enrolled. */
export function useDevice(): DeviceInfo | null | undefined {
  return useLiveQuery(() => getDevice(defaultDb), []);
}
