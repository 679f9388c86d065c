// The villager, order and parcel figures' half in the page: the data set
// written straight into the app's Dexie tables (setup), then the app's own
// queries timed as its screens run them.
import type { Customer } from '../../../src/shared/domain/villagers';
import { putRows } from '../../../src/client/data/closed-history';
import { db } from '../../../src/client/data/db';
import { allSyncedRows } from '../../../src/client/data/synced-rows';
import { getDevice } from '../../../src/client/data/device';
import { waitingParcels } from '../../../src/client/data/queries/parcels';
import { HISTORY_PAGE, villagerHistory } from '../../../src/client/data/queries/villager-history';
import { resolveCustomerRow, searchVillagers } from '../../../src/client/data/queries/villagers';
import { loadSearchKeys, writeSearchKeys, type KeyBuilder } from '../../../src/client/data/villager-search';
import { seededRandom } from './fixtures';
import type { VillageApi, VillageCounts, VillageQuery } from './village-api';
import { villageData, type VillageData } from './village-fixtures';

const CHUNK = 5000;
/** Villagers whose queries are typed: a stride through the list, so runs do not repeat one lookup. */
const SAMPLE_STRIDE = 163;

type Pinyin = typeof import('pinyin-pro').pinyin;

let seeded: { customers: Customer[]; heavyVillagerId: string; keys: KeyBuilder; pinyin: Pinyin } | null = null;

async function villageCounts(): Promise<VillageCounts> {
  const [customers, orders, parcels, searchKeys] = await Promise.all([
    db.customers.count(),
    // Open ones as records, closed ones in their villagers' packs: every row, wherever it is.
    allSyncedRows(db, 'orders').then((rows) => rows.length),
    allSyncedRows(db, 'parcels').then((rows) => rows.length),
    db.customerSearch.count(),
  ]);
  return { customers, orders, parcels, searchKeys };
}

/** In big transactions, as a pull's pages would be; the search keys beside their villagers, as the pull writes them. */
async function write(data: VillageData, keys: KeyBuilder): Promise<void> {
  for (let i = 0; i < data.customers.length; i += CHUNK) {
    const chunk = data.customers.slice(i, i + CHUNK);
    await db.transaction('rw', db.customers, db.customerSearch, async () => {
      await db.customers.bulkPut(chunk);
      await writeSearchKeys(db, chunk, [], keys);
    });
  }
  // Orders and parcels together, as a pull's fold writes them: each villager's pack once.
  await putRows(db, { orders: data.orders, parcels: data.parcels });
}

/** What a clerk types for the villager, the way the app keys them: initials of the name's pinyin, the name, the phone's last four digits. */
function typed(query: 'initials' | 'name' | 'phone', customer: Customer, keys: KeyBuilder, pinyin: Pinyin): string {
  if (query === 'name') return customer.name;
  if (query === 'phone') return customer.phone.slice(-4);
  const initials = pinyin(customer.name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s[0] ?? '')
    .join('');
  // The bench must type a key the app built, or it would time empty searches.
  if (!keys.keysOf(customer).includes(initials)) throw new Error(`no initials key ${initials} for ${customer.name}`);
  return initials;
}

/** One run of a query, ready to time (what is typed is worked out before); resolves to how much it answered. */
function prepare(query: VillageQuery, run: number): () => Promise<number> {
  if (!seeded) throw new Error('seedVillage first');
  const { customers, heavyVillagerId, keys, pinyin } = seeded;
  // The list as it first shows: its first page named, the whole shelf counted.
  if (query === 'parcels') return async () => (await waitingParcels(db)).total;
  if (query === 'page') {
    // The villager page: its villager (useVillager), then its orders and parcels (useVillagerHistory) as it first shows them.
    return async () => {
      const customer = await resolveCustomerRow(db, heavyVillagerId);
      if (!customer) throw new Error('heavy villager missing');
      return (await villagerHistory(db, customer.id, HISTORY_PAGE)).orderCount;
    };
  }
  const text = typed(query, customers[(run * SAMPLE_STRIDE) % customers.length]!, keys, pinyin);
  return async () => {
    const found = await searchVillagers(db, text, 'zh-CN');
    // Each search types someone who is there: finding nobody would be a broken index, not a fast one.
    if (found.length === 0) throw new Error(`search ${query} "${text}" found nobody`);
    return found.length;
  };
}

export const villageApi: VillageApi = {
  async seedVillage() {
    const device = await getDevice();
    const staff = await db.staff.toArray();
    const platforms = await db.platforms.toArray();
    if (!device || staff.length === 0 || platforms.length === 0) throw new Error('enrol and sync first');
    const keys = await loadSearchKeys();
    // Imported dynamically, as the app does: a static import would pull pinyin-pro into the page's first chunk.
    const { pinyin } = await import('pinyin-pro');
    const started = performance.now();
    const data = villageData(
      {
        centreId: device.centre.id,
        staffIds: staff.map((s) => s.id),
        platformIds: platforms.map((p) => p.id),
        deviceId: device.deviceId,
        now: Date.now(),
      },
      seededRandom(5_000),
    );
    await write(data, keys);
    seeded = { customers: data.customers, heavyVillagerId: data.heavyVillagerId, keys, pinyin };
    return { ms: performance.now() - started, counts: await villageCounts() };
  },

  villageCounts,

  async timeVillageQuery(query, runs, warmUp) {
    let answered = 0;
    for (let i = 0; i < warmUp; i++) await prepare(query, runs + i)();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = prepare(query, i);
      const started = performance.now();
      answered = await run();
      times.push(performance.now() - started);
    }
    return { times, answered };
  },
};
