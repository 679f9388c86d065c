import type { LocalizedName } from '../../shared/domain/entities';
import { deterministicId } from '../../shared/domain/deterministic-id';
import { SERVER_DEVICE_ID } from '../../shared/domain/ids';
import type { Platform } from '../../shared/domain/orders';

/** The online shops villagers order from, offered by every new centre; admins add others. */
export const STANDARD_PLATFORMS: readonly { key: string; names: Required<LocalizedName> }[] = [
  { key: 'taobao', names: { 'zh-CN': '淘宝', en: 'Taobao', ug: 'تاۋباۋ' } },
  { key: 'jd', names: { 'zh-CN': '京东', en: 'JD', ug: 'جىڭدۇڭ' } },
  { key: 'pinduoduo', names: { 'zh-CN': '拼多多', en: 'Pinduoduo', ug: 'پىندوودوو' } },
  { key: 'douyin', names: { 'zh-CN': '抖音', en: 'Douyin', ug: 'دوۋيىن' } },
];

/** A standard platform's id in a centre: the same every time, so seeding twice writes the same rows. */
export function standardPlatformId(centreId: string, key: string): string {
  return deterministicId('platform', `${centreId}/${key}`);
}

/** The standard platforms' rows of a centre, written by the server. */
export function standardPlatforms(centreId: string, now: string): Platform[] {
  return STANDARD_PLATFORMS.map((p) => ({
    id: standardPlatformId(centreId, p.key),
    centreId,
    names: { ...p.names },
    active: true,
    createdAt: now,
    updatedAt: now,
    createdBy: SERVER_DEVICE_ID,
  }));
}
