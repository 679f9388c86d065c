import type { Parcel } from '../../data/queries/order-types';

/** The figures look at parcels that arrived in this many past days. */
export const FIGURES_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ParcelFigures {
  arrived: number;
  /** Shares of `arrived`, 0–1. */
  sameDay: number;
  withinTwoDays: number;
  returned: number;
  /** Still waiting after the centre's returnAfterDays. */
  overdue: number;
}

function sameLocalDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** How quickly villagers collect: same (local) day, within two days, and how many parcels went back. */
export function parcelFigures(parcels: readonly Parcel[], nowMs: number, returnAfterDays: number): ParcelFigures {
  let sameDay = 0;
  let withinTwoDays = 0;
  let returned = 0;
  let overdue = 0;
  for (const p of parcels) {
    if (p.status === 'collected' && p.collectedAt) {
      if (sameLocalDay(p.arrivedAt, p.collectedAt)) sameDay++;
      if (Date.parse(p.collectedAt) - Date.parse(p.arrivedAt) <= 2 * DAY_MS) withinTwoDays++;
    } else if (p.status === 'returned') returned++;
    else if (isOverdue(p, nowMs, returnAfterDays)) overdue++;
  }
  const share = (n: number) => (parcels.length === 0 ? 0 : n / parcels.length);
  return { arrived: parcels.length, sameDay: share(sameDay), withinTwoDays: share(withinTwoDays), returned: share(returned), overdue };
}

/** Waiting longer than `returnAfterDays` (the centre's setting): due to go back to the county. */
export function isOverdue(parcel: Parcel, nowMs: number, returnAfterDays: number): boolean {
  return parcel.status === 'waiting' && nowMs - Date.parse(parcel.arrivedAt) > returnAfterDays * DAY_MS;
}

/** Whole days a parcel has waited. */
export function daysWaiting(parcel: Parcel, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(parcel.arrivedAt)) / DAY_MS));
}
