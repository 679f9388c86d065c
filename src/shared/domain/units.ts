import { LANGUAGES, type Language, type LocalizedName } from './entities';
import type { SoldBy } from './quantity';

/** A unit most village shops sell by, with its name in every language. */
export interface CommonUnit {
  code: string;
  names: Readonly<Record<Language, string>>;
  soldBy: SoldBy;
}

/**
 * Units a product form offers, in the order shown. Weighed ones are sold in
 * decimals (1.25 公斤); the rest by the piece. A unit not listed is typed in
 * each language on the form.
 */
export const COMMON_UNITS: readonly CommonUnit[] = [
  { code: 'piece', names: { 'zh-CN': '个', en: 'piece', ug: 'دانە' }, soldBy: 'piece' },
  { code: 'bottle', names: { 'zh-CN': '瓶', en: 'bottle', ug: 'بوتۇلكا' }, soldBy: 'piece' },
  { code: 'case', names: { 'zh-CN': '箱', en: 'case', ug: 'ياشىك' }, soldBy: 'piece' },
  { code: 'tray', names: { 'zh-CN': '板', en: 'tray', ug: 'تەخسە' }, soldBy: 'piece' },
  { code: 'bag', names: { 'zh-CN': '袋', en: 'bag', ug: 'خالتا' }, soldBy: 'piece' },
  { code: 'packet', names: { 'zh-CN': '包', en: 'packet', ug: 'پاكېت' }, soldBy: 'piece' },
  { code: 'box', names: { 'zh-CN': '盒', en: 'box', ug: 'قۇتا' }, soldBy: 'piece' },
  { code: 'bucket', names: { 'zh-CN': '桶', en: 'bucket', ug: 'چېلەك' }, soldBy: 'piece' },
  { code: 'item', names: { 'zh-CN': '件', en: 'item', ug: 'تال' }, soldBy: 'piece' },
  { code: 'pair', names: { 'zh-CN': '双', en: 'pair', ug: 'جۈپ' }, soldBy: 'piece' },
  { code: 'bar', names: { 'zh-CN': '块', en: 'bar', ug: 'پارچە' }, soldBy: 'piece' },
  { code: 'tube', names: { 'zh-CN': '支', en: 'tube', ug: 'تۇرۇبا' }, soldBy: 'piece' },
  { code: 'pack', names: { 'zh-CN': '提', en: 'pack', ug: 'بوغچا' }, soldBy: 'piece' },
  { code: 'can', names: { 'zh-CN': '罐', en: 'can', ug: 'بانكا' }, soldBy: 'piece' },
  { code: 'roll', names: { 'zh-CN': '卷', en: 'roll', ug: 'ئورام' }, soldBy: 'piece' },
  { code: 'bunch', names: { 'zh-CN': '把', en: 'bunch', ug: 'باغلام' }, soldBy: 'piece' },
  { code: 'kg', names: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' }, soldBy: 'weight' },
  { code: 'jin', names: { 'zh-CN': '斤', en: 'jin (500 g)', ug: 'جىڭ' }, soldBy: 'weight' },
  { code: 'gram', names: { 'zh-CN': '克', en: 'gram', ug: 'گرام' }, soldBy: 'weight' },
  { code: 'litre', names: { 'zh-CN': '升', en: 'litre', ug: 'لىتىر' }, soldBy: 'weight' },
];

/** Every spelling of a common unit (any language, any case, 千克 and kg too) -> the unit. */
const BY_SPELLING = new Map<string, CommonUnit>();
const ALSO_SPELLED: Readonly<Partial<Record<string, readonly string[]>>> = {
  kg: ['千克', 'kilo', 'kilogram', 'kilograms'],
  piece: ['只', 'pcs', 'pc'],
  litre: ['l', 'liter'],
  gram: ['g'],
};
for (const unit of COMMON_UNITS) {
  for (const lang of LANGUAGES) BY_SPELLING.set(spelling(unit.names[lang]), unit);
  for (const other of ALSO_SPELLED[unit.code] ?? []) BY_SPELLING.set(spelling(other), unit);
}

function spelling(text: string): string {
  return text.normalize('NFKC').trim().toLocaleLowerCase('en');
}

/** The common unit a typed unit names, in any language; undefined for any other text. */
export function commonUnitOf(unit: string): CommonUnit | undefined {
  return BY_SPELLING.get(spelling(unit));
}

export function commonUnitByCode(code: string): CommonUnit | undefined {
  return COMMON_UNITS.find((u) => u.code === code);
}

/**
 * A product's or sale line's unit in every language it has: its own
 * `unitNames`, else (rows from before units had names) the common unit its
 * typed `unit` names, else that text as it is.
 */
export function unitNamesOf(row: { unit: string; unitNames?: LocalizedName | undefined }): LocalizedName {
  if (row.unitNames && Object.values(row.unitNames).some((n) => !!n)) return row.unitNames;
  const known = commonUnitOf(row.unit);
  return known ? known.names : { 'zh-CN': row.unit };
}
