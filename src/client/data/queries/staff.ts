import { useLiveQuery } from 'dexie-react-hooks';
import type { Staff } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';
import { getMeta } from '../meta';

/** Active staff of this tablet's centre, by name: the login screen's list. */
export async function listStaff(database: CunzhanDb): Promise<Staff[]> {
  const device = await getMeta(database, 'device');
  if (!device) return [];
  const staff = await database.staff.filter((s) => s.active && s.centreId === device.centre.id).toArray();
  const collator = new Intl.Collator('zh-CN');
  return staff.sort((a, b) => collator.compare(a.name, b.name));
}

export function useStaffList(): Staff[] | undefined {
  return useLiveQuery(() => listStaff(defaultDb), []);
}
