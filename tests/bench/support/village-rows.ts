import { ms, TARGETS, verdict, type BenchResults, type Row } from './results';
import type { QueryTiming, VillageCase } from './village-case';

type VillageFigures = Pick<
  BenchResults,
  | 'customerSearchP95Ms'
  | 'customerSearchInitialsP95Ms'
  | 'customerSearchNameP95Ms'
  | 'customerSearchPhoneP95Ms'
  | 'parcelListP95Ms'
  | 'customerPageP95Ms'
  | 'ordersPull50kMs'
>;

/** The villager, order and parcel figures of a run's case; search's figure is the worst of its three ways in. */
export function villageFigures(c: VillageCase): VillageFigures {
  const { initials, name, phone } = c.search;
  return {
    customerSearchP95Ms: Math.max(initials.p95Ms, name.p95Ms, phone.p95Ms),
    customerSearchInitialsP95Ms: initials.p95Ms,
    customerSearchNameP95Ms: name.p95Ms,
    customerSearchPhoneP95Ms: phone.p95Ms,
    parcelListP95Ms: c.parcels.p95Ms,
    customerPageP95Ms: c.page.p95Ms,
    ordersPull50kMs: c.pull.ms,
  };
}

export function villagePass(f: VillageFigures): Record<string, boolean> {
  return {
    customerSearchP95Ms: f.customerSearchP95Ms <= TARGETS.customerSearchP95Ms,
    parcelListP95Ms: f.parcelListP95Ms <= TARGETS.parcelListP95Ms,
    customerPageP95Ms: f.customerPageP95Ms <= TARGETS.customerPageP95Ms,
    ordersPull50kMs: f.ordersPull50kMs <= TARGETS.ordersPull50kMs,
  };
}

function queryRow(label: string, t: QueryTiming, answered: string, target: [string, boolean] | null): Row {
  return [
    `${label}: p95${target ? '' : ' (info)'}`,
    ms(t.p95Ms),
    `${t.runsMs.length} runs, p50 ${ms(t.p50Ms)}, max ${ms(t.maxMs)}; ${answered}`,
    '',
    target?.[0] ?? '',
    target ? verdict(target[1]) : '',
  ];
}

/** Table rows of the villager, order and parcel figures. */
export function villageRows(r: BenchResults): Row[] {
  const c = r.cases.village;
  const { customers, orders, parcels } = c.seed.counts;
  const held = `${customers.toLocaleString('en')} villagers, ${orders.toLocaleString('en')} orders, ${parcels.toLocaleString('en')} parcels`;
  const at = `CDP ${c.throttle}× CPU throttle`;
  const within = (target: number) => `≤ ${ms(target)}`;
  const { initials, name, phone } = c.search;
  const pull = c.pull;
  return [
    [`Villager search, ${held}, ${at}: worst p95 of three`, ms(r.customerSearchP95Ms), 'initials, name, phone below', '', within(TARGETS.customerSearchP95Ms), verdict(r.pass.customerSearchP95Ms!)],
    queryRow('Villager search by pinyin initials', initials, `${initials.answered} found last`, null),
    queryRow('Villager search by name', name, `${name.answered} found last`, null),
    queryRow('Villager search by phone, last four digits', phone, `${phone.answered} found last`, null),
    queryRow(`Waiting parcels list, oldest first, ${at}`, c.parcels, `${c.parcels.answered} parcels listed`, [within(TARGETS.parcelListP95Ms), r.pass.parcelListP95Ms!]),
    queryRow(`Villager page with ${c.page.answered} orders, ${at}`, c.page, 'the villager, then their orders and parcels', [within(TARGETS.customerPageP95Ms), r.pass.customerPageP95Ms!]),
    [
      `Fresh tablet pulls ${pull.counts.customers.toLocaleString('en')} villagers, ${pull.counts.orders.toLocaleString('en')} orders, ${pull.counts.parcels.toLocaleString('en')} parcels`,
      ms(pull.ms),
      `${pull.totalRequests} req, ${(pull.bytesReceived / 1_000_000).toFixed(2)} MB received; server handler ${ms(pull.serverMs.pull ?? 0)}`,
      '',
      within(TARGETS.ordersPull50kMs),
      verdict(r.pass.ordersPull50kMs!),
    ],
  ];
}
