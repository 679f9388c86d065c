import type { MovementReason } from '../../../shared/domain/entities';
import type { Fen } from '../../../shared/domain/money';

/**
 * Who did what, on which tablet, day by day: built only from synced rows
 * (createdBy, createdAt, deviceId), so every tablet of the centre shows the
 * same figures once it has synced. Pure, so it is tested with plain tables.
 */

export interface SaleFact {
  createdBy: string;
  createdAt: string;
  deviceId: string;
  totalFen: Fen;
}

export interface MovementFact {
  createdBy: string;
  createdAt: string;
  deviceId: string;
  reason: MovementReason;
}

/** A row that records who made it but not on which tablet (products, staff). */
export interface CreatedFact {
  createdBy: string;
  createdAt: string;
}

export interface ActivityFacts {
  sales: readonly SaleFact[];
  movements: readonly MovementFact[];
  productsAdded: readonly CreatedFact[];
  staffAdded: readonly CreatedFact[];
}

export interface Tally {
  sales: number;
  salesFen: Fen;
  receipts: number;
  adjustments: number;
  productsAdded: number;
  staffAdded: number;
}

/** One person's work on one tablet; `deviceId` null for rows that name no tablet. */
export interface TabletTally extends Tally {
  deviceId: string | null;
}

export interface StaffDay {
  staffId: string;
  total: Tally;
  /** Tablets with the most sales first; work that names no tablet last. */
  tablets: TabletTally[];
}

export interface ActivityDay {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  total: Tally;
  people: StaffDay[];
}

export function emptyTally(): Tally {
  return { sales: 0, salesFen: 0, receipts: 0, adjustments: 0, productsAdded: 0, staffAdded: 0 };
}

function addInto(into: Tally, from: Tally): void {
  into.sales += from.sales;
  into.salesFen += from.salesFen;
  into.receipts += from.receipts;
  into.adjustments += from.adjustments;
  into.productsAdded += from.productsAdded;
  into.staffAdded += from.staffAdded;
}

/** Everything a tally counts, so a person with only zeros is never listed. */
export function isEmptyTally(tally: Tally): boolean {
  return tally.sales + tally.receipts + tally.adjustments + tally.productsAdded + tally.staffAdded === 0;
}

/**
 * Groups the facts by local day, then person, then tablet. Days come newest
 * first; people in the order `compareStaff` gives (by id when absent).
 * `dayOf` maps a UTC ISO time to its local day: the tablet's time zone decides.
 */
export function activityByDay(
  facts: ActivityFacts,
  dayOf: (iso: string) => string,
  compareStaff: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): ActivityDay[] {
  // day -> staff -> tablet ('' for none) -> tally
  const days = new Map<string, Map<string, Map<string, TabletTally>>>();
  const tallyOf = (createdAt: string, staffId: string, deviceId: string | null): TabletTally => {
    const day = dayOf(createdAt);
    let people = days.get(day);
    if (!people) days.set(day, (people = new Map()));
    let tablets = people.get(staffId);
    if (!tablets) people.set(staffId, (tablets = new Map()));
    const key = deviceId ?? '';
    let tally = tablets.get(key);
    if (!tally) tablets.set(key, (tally = { ...emptyTally(), deviceId }));
    return tally;
  };

  for (const sale of facts.sales) {
    const tally = tallyOf(sale.createdAt, sale.createdBy, sale.deviceId);
    tally.sales += 1;
    tally.salesFen += sale.totalFen;
  }
  for (const movement of facts.movements) {
    const tally = tallyOf(movement.createdAt, movement.createdBy, movement.deviceId);
    if (movement.reason === 'receive') tally.receipts += 1;
    else tally.adjustments += 1;
  }
  for (const product of facts.productsAdded) tallyOf(product.createdAt, product.createdBy, null).productsAdded += 1;
  for (const staff of facts.staffAdded) tallyOf(staff.createdAt, staff.createdBy, null).staffAdded += 1;

  const result: ActivityDay[] = [];
  for (const [day, people] of days) {
    const dayTotal = emptyTally();
    const staffDays: StaffDay[] = [];
    for (const [staffId, tablets] of people) {
      const total = emptyTally();
      for (const tally of tablets.values()) addInto(total, tally);
      addInto(dayTotal, total);
      const ordered = [...tablets.values()].sort(
        (a, b) =>
          Number(a.deviceId === null) - Number(b.deviceId === null) ||
          b.salesFen - a.salesFen ||
          b.sales - a.sales ||
          (a.deviceId ?? '').localeCompare(b.deviceId ?? ''),
      );
      staffDays.push({ staffId, total, tablets: ordered });
    }
    staffDays.sort((a, b) => compareStaff(a.staffId, b.staffId));
    result.push({ day, total: dayTotal, people: staffDays });
  }
  return result.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}
