import { useLiveQuery } from 'dexie-react-hooks';
import type { Language, Staff } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';
import { getMeta } from '../meta';

/** Everyone of this tablet's centre, deactivated too: active first, then by name. */
export async function listCentreStaff(database: CunzhanDb, lang: Language = 'zh-CN'): Promise<Staff[]> {
  const device = await getMeta(database, 'device');
  if (!device) return [];
  const staff = await database.staff.filter((s) => s.centreId === device.centre.id).toArray();
  const collator = new Intl.Collator(lang);
  return staff.sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export function useCentreStaff(lang: Language = 'zh-CN'): Staff[] | undefined {
  return useLiveQuery(() => listCentreStaff(defaultDb, lang), [lang]);
}

/** undefined while loading, null when this tablet has no such person. */
export function useStaffMember(id: string): Staff | null | undefined {
  return useLiveQuery(async () => (await defaultDb.staff.get(id)) ?? null, [id]);
}
