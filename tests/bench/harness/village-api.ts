/** What the harness page offers for the villager, order and parcel figures (see village.ts). */

/** The queries timed: search by pinyin initials, by name, by phone (last four digits); the waiting-parcels list; a villager's page. */
export type VillageQuery = 'initials' | 'name' | 'phone' | 'parcels' | 'page';

export interface VillageCounts {
  customers: number;
  orders: number;
  parcels: number;
  /** Rows of the local search index: one per villager once keyed. */
  searchKeys: number;
}

export interface VillageSeed {
  ms: number;
  counts: VillageCounts;
}

export interface VillageTimes {
  /** Each timed run, in ms, in the order run. */
  times: number[];
  /** What the last run answered (villagers found, parcels listed, orders on the page): a check that it did the work. */
  answered: number;
}

export interface VillageApi {
  /** Setup only: the village data set written straight into the app's tables, with the keys the app's pull would build. */
  seedVillage(): Promise<VillageSeed>;
  villageCounts(): Promise<VillageCounts>;
  /** Times `runs` runs of one query after `warmUp` untimed ones; each search run types another villager's query. */
  timeVillageQuery(query: VillageQuery, runs: number, warmUp: number): Promise<VillageTimes>;
}
