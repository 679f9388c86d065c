import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { importPack } from '../../src/server/packs/import-pack';
import { MediaFiles, mediaDirOf } from '../../src/server/packs/media-files';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { PackListResponse } from '../../src/shared/packs/pack-api';
import type { PackLesson } from '../../src/shared/packs/pack-manifest';
import { lessonHash, variantIdOf, variantPhotoIdOf } from '../../src/shared/training/lesson-variants';
import {
  COUNTY_VARIANT_API,
  type PackVariantsResponse,
  type VariantDetailResponse,
  type VariantPromotedResponse,
} from '../../src/shared/training/variant-api';
import { makeCentre, signed, type TestCentre } from './support/centre';
import { makeCountyAdmin, signIn, type CountyClient } from './support/county';
import { testPack, writePackZip } from './support/pack-fixture';
import { storeKinds, type OpenedStore } from './support/stores';
import { pushed, pushedResults, rowOf, rowsOf, villageMutation } from './support/village';

const PACK = 'variant-course';

/** A small "photo": JPEG's first bytes, then noise. The server checks the type's mark, the size and the hash. */
function photoBytes(size = 5_000): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
}
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const photoArgs = (bytes: Buffer) => ({ sha256: sha256Of(bytes), type: 'image/jpeg', data: bytes.toString('base64') });

/** The test pack with a second lesson, which a promotion must leave exactly as it was. */
function twoLessonPack() {
  const pack = testPack(PACK);
  const text = (s: string) => ({ 'zh-CN': `${s}（中文）`, en: s, ug: `${s} (ئۇيغۇرچە)` });
  pack.manifest.lessons.push({ id: 'two', title: text('Lesson two'), steps: [{ id: 'intro', kind: 'text', text: text('Second lesson') }] } as never);
  return pack;
}

describe.each(storeKinds())('lesson variants on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let media: MediaFiles;
  let shop: TestCentre;
  let other: TestCentre;
  let county: CountyClient;
  let lessonOne: PackLesson;
  const photo = photoBytes();

  const saveArgs = (fields: Record<string, unknown> = {}) => ({
    packId: PACK,
    lessonId: 'one',
    baseVersion: 1,
    baseHash: lessonHash(lessonOne),
    order: ['look', 'read', 'photo-1', 'watch', 'quiz'],
    hidden: ['watch'],
    texts: { read: { en: 'Read this slowly, together' } },
    photos: [{ id: 'photo-1', sha256: sha256Of(photo), text: { 'zh-CN': '我们站的苹果' } }],
    ...fields,
  });
  const variantId = variantIdOf(PACK, 'one');

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store, dataDir: opened.config.dataDir });
    media = new MediaFiles(mediaDirOf(opened.config.dataDir));
    shop = await makeCentre(opened.store, app, 'V');
    other = await makeCentre(opened.store, app, 'W');
    await makeCountyAdmin(opened.store);
    county = await signIn(app);
    await importPack(opened.store, media, writePackZip(twoLessonPack()));
    lessonOne = (await opened.store.packs.getVersion(PACK, 1))!.manifest.lessons[0]!;
  });
  afterAll(() => opened.dispose());

  it('syncs a variant and its photo exactly once, however often the tablet sends them', async () => {
    const batch = [villageMutation(shop, 'training.variantPhoto', photoArgs(photo), shop.admin.id), villageMutation(shop, 'training.variantSave', saveArgs(), shop.admin.id)];
    expect(await pushed(app, shop, batch)).toEqual(['applied', 'applied']);
    expect(await pushed(app, shop, batch)).toEqual(['applied', 'applied']);
    const variants = await rowsOf(opened.store, shop.centre.id, 'lessonVariants');
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ id: variantId, packId: PACK, lessonId: 'one', baseVersion: 1, hidden: ['watch'], createdBy: shop.admin.id });
    const photos = await rowsOf(opened.store, shop.centre.id, 'variantPhotos');
    expect(photos.map((p) => [p.id, p.size])).toEqual([[variantPhotoIdOf(sha256Of(photo)), photo.length]]);
  });

  it('keeps the later save whole, whichever reaches the server first', async () => {
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const later = signed(shop, { id: uuidv7(), kind: 'training.variantSave', staffId: shop.admin.id, createdAt: at(2_000), args: saveArgs({ hidden: [] }) });
    const earlier = signed(shop, { id: uuidv7(), kind: 'training.variantSave', staffId: shop.admin.id, createdAt: at(1_000), args: saveArgs({ hidden: ['quiz'] }) });
    expect(await pushed(app, shop, [later])).toEqual(['applied']);
    // The earlier save, from a second tablet of the centre, arrives after the later one: applied, and it changes nothing.
    expect(await pushed(app, shop, [earlier])).toEqual(['applied']);
    expect((await rowOf(opened.store, shop.centre.id, 'lessonVariants', variantId))?.hidden).toEqual([]);
    // A save later still brings the first test's variant back for the rest of the file.
    const restore = signed(shop, { id: uuidv7(), kind: 'training.variantSave', staffId: shop.admin.id, createdAt: at(3_000), args: saveArgs() });
    expect(await pushed(app, shop, [restore])).toEqual(['applied']);
    expect((await rowOf(opened.store, shop.centre.id, 'lessonVariants', variantId))?.hidden).toEqual(['watch']);
  });

  it('refuses a photo that is not what it claims, a variant showing a photo never saved, and a clerk', async () => {
    const forged = { ...photoArgs(photoBytes()), sha256: sha256Of(photoBytes()) };
    const notJpeg = photoArgs(Buffer.concat([Buffer.from('GIF89a'), randomBytes(100)]));
    const unsaved = saveArgs({ photos: [{ id: 'photo-1', sha256: sha256Of(photoBytes()), text: {} }] });
    const results = await pushedResults(app, shop, [
      villageMutation(shop, 'training.variantPhoto', forged, shop.admin.id),
      villageMutation(shop, 'training.variantPhoto', notJpeg, shop.admin.id),
      villageMutation(shop, 'training.variantSave', unsaved, shop.admin.id),
      villageMutation(shop, 'training.variantSave', saveArgs({ order: ['read', 'read'] }), shop.admin.id),
      villageMutation(shop, 'training.variantSave', saveArgs(), shop.clerk.id),
    ]);
    expect(results.map((r) => (r.status === 'refused' ? r.code : r.status))).toEqual(['invalid_args', 'invalid_args', 'invalid_args', 'invalid_args', 'not_permitted']);
    expect(results[0]).toMatchObject({ detail: 'sha256: the photo does not hash to it' });
    expect(await rowsOf(opened.store, shop.centre.id, 'variantPhotos')).toHaveLength(1);
  });

  it('keeps each centre to its own variant: another centre writes only its own, and pulls none of ours', async () => {
    const otherPhoto = photoBytes(3_000);
    const theirs = [
      villageMutation(other, 'training.variantPhoto', photoArgs(otherPhoto), other.admin.id),
      villageMutation(other, 'training.variantSave', saveArgs({ photos: [{ id: 'photo-1', sha256: sha256Of(otherPhoto), text: {} }], hidden: [] }), other.admin.id),
    ];
    expect(await pushed(app, other, theirs)).toEqual(['applied', 'applied']);
    expect((await rowOf(opened.store, shop.centre.id, 'lessonVariants', variantId))?.hidden).toEqual(['watch']);
    expect((await rowOf(opened.store, other.centre.id, 'lessonVariants', variantId))?.hidden).toEqual([]);
    // Our photo is not theirs to show: a variant of theirs naming it is refused.
    const borrowed = villageMutation(other, 'training.variantSave', saveArgs(), other.admin.id);
    expect(await pushed(app, other, [borrowed])).toEqual(['invalid_args']);
  });

  it('lists the variants of a pack for the county, with centre, trainer, time and what changed', async () => {
    const list = (await (await county.get(COUNTY_VARIANT_API.ofPack(PACK))).json()) as PackVariantsResponse;
    expect(list.version).toBe(1);
    const ours = list.variants.find((v) => v.centreId === shop.centre.id)!;
    expect(ours).toMatchObject({
      lessonId: 'one',
      staffName: shop.admin.name,
      centreName: shop.centre.name,
      originalChanged: false,
      changes: { textsChanged: 1, hidden: 1, photos: 1, reordered: true },
    });
    expect(list.variants.map((v) => v.centreId).sort()).toEqual([shop.centre.id, other.centre.id].sort());

    const detail = (await (await county.get(COUNTY_VARIANT_API.one(PACK, shop.centre.id, 'one'))).json()) as VariantDetailResponse;
    expect(detail.variant.order).toEqual(saveArgs().order);
    expect(detail.lesson?.id).toBe('one');
    const image = await county.get(COUNTY_VARIANT_API.photo(PACK, shop.centre.id, 'one', sha256Of(photo)));
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('needs a county session to read, and its CSRF token to promote', async () => {
    expect((await app.request(COUNTY_VARIANT_API.ofPack(PACK))).status).toBe(401);
    expect((await app.request(COUNTY_VARIANT_API.one(PACK, shop.centre.id, 'one'))).status).toBe(401);
    expect((await app.request(COUNTY_VARIANT_API.promote(PACK, shop.centre.id, 'one'), { method: 'POST' })).status).toBe(401);
    expect((await county.post(COUNTY_VARIANT_API.promote(PACK, shop.centre.id, 'one'), {}, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await county.get(COUNTY_VARIANT_API.one(PACK, shop.centre.id, 'nope'))).status).toBe(404);
    expect(await opened.store.packs.getVersion(PACK, 2)).toBeUndefined();
  });

  it('promotes a variant into version n+1 with its content, other lessons unchanged, once', async () => {
    const res = await county.post(COUNTY_VARIANT_API.promote(PACK, shop.centre.id, 'one'));
    expect(res.status).toBe(201);
    expect((await res.json()) as VariantPromotedResponse).toMatchObject({ id: PACK, version: 2, created: true, promoted: true });

    const v1 = (await opened.store.packs.getVersion(PACK, 1))!.manifest;
    const v2 = (await opened.store.packs.getVersion(PACK, 2))!.manifest;
    const one = v2.lessons.find((l) => l.id === 'one')!;
    expect(one.steps.map((s) => s.id)).toEqual(['look', 'read', 'photo-1', 'quiz']);
    expect(one.steps[1]!.text).toEqual({ ...lessonOne.steps[0]!.text, en: 'Read this slowly, together' });
    const added = one.steps[2]!;
    expect(added).toMatchObject({ kind: 'image', media: `variants/${sha256Of(photo)}.jpg`, text: { 'zh-CN': '我们站的苹果', en: '我们站的苹果', ug: '我们站的苹果' } });
    expect(v2.files.find((f) => f.path === added.media)).toMatchObject({ sha256: sha256Of(photo), size: photo.length, type: 'image/jpeg' });
    expect(readFileSync(media.pathOf(sha256Of(photo))).equals(photo)).toBe(true);
    // The hidden video is no longer a file of the pack; the other lesson is as it was.
    expect(v2.files.some((f) => f.path === 'media/clip.webm')).toBe(false);
    expect(existsSync(media.pathOf(v1.files.find((f) => f.path === 'media/clip.webm')!.sha256))).toBe(true);
    expect(v2.lessons.find((l) => l.id === 'two')).toEqual(v1.lessons.find((l) => l.id === 'two'));
    expect(v1.lessons.find((l) => l.id === 'one')).toEqual(lessonOne);

    // Tablets are offered the new version.
    const packs = (await (await app.request('/api/packs', { headers: { authorization: `Bearer ${shop.device.token}` } })).json()) as PackListResponse;
    expect(packs.packs.find((p) => p.id === PACK)?.version).toBe(2);

    // The same save again: the version it became, nothing new.
    const again = await county.post(COUNTY_VARIANT_API.promote(PACK, shop.centre.id, 'one'));
    expect((await again.json()) as VariantPromotedResponse).toMatchObject({ version: 2, promoted: false, created: false });
    expect(await opened.store.packs.getVersion(PACK, 3)).toBeUndefined();

    // The list now tells the variant was promoted, and the other centre's that the original changed.
    const list = (await (await county.get(COUNTY_VARIANT_API.ofPack(PACK))).json()) as PackVariantsResponse;
    expect(list.variants.find((v) => v.centreId === shop.centre.id)).toMatchObject({ promotedVersion: 2, originalChanged: true });
    expect(list.variants.find((v) => v.centreId === other.centre.id)).toMatchObject({ originalChanged: true });
    expect(list.variants.find((v) => v.centreId === other.centre.id)?.promotedVersion).toBeUndefined();
  });
});
