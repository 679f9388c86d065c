import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { idParam } from '../../shared/protocol/county';
import { ApiErrorCode } from '../../shared/protocol/messages';
import { packId, sha256Hex, type PackLesson } from '../../shared/packs/pack-manifest';
import {
  lessonHash,
  variantChanges,
  variantIdOf,
  variantPhotoIdOf,
  type LessonVariant,
} from '../../shared/training/lesson-variants';
import type {
  PackVariantsResponse,
  VariantDetailResponse,
  VariantPromotedResponse,
  VariantSummary,
} from '../../shared/training/variant-api';
import type { CountyVariables } from '../county/require-county-admin';
import { ApiError } from '../http/api-error';
import type { Logger } from '../log';
import type { MediaFiles } from '../packs/media-files';
import { PackRefused } from '../packs/pack-refused';
import type { StoredPackVersion } from '../packs/pack-store';
import type { Store } from '../store/store';
import { promoteVariant } from '../variants/promote-variant';
import { promotionOfSave, type VariantPromotion } from '../variants/variant-store';

export interface CountyVariantDeps {
  store: Store;
  media: MediaFiles | undefined;
  guard: MiddlewareHandler<{ Variables: CountyVariables }>;
  log: Logger;
}

const ONE = '/api/county/packs/:packId/variants/:centreId/:lessonId';

function notFound(what: string): ApiError {
  return new ApiError(404, ApiErrorCode.notFound, `no such ${what}`);
}

function param<T>(schema: v.GenericSchema<unknown, T>, value: string | undefined, what: string): T {
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) throw notFound(what);
  return parsed.output;
}

/**
 * Centres' lesson variants for the county: the list per pack (centre,
 * trainer, when, what changed), one variant beside the lesson it adapts,
 * its photos, and its promotion into the pack's next version. Every route
 * needs a county session; the promotion also the CSRF token (the guard).
 */
export function countyVariantRoutes({ store, media, guard, log }: CountyVariantDeps): Hono<{ Variables: CountyVariables }> {
  async function newest(id: string): Promise<StoredPackVersion> {
    const found = (await store.packs.latestVersions()).find((p) => p.id === id);
    if (!found) throw notFound('pack');
    return found;
  }

  async function summaryOf(
    centreId: string,
    variant: LessonVariant,
    latest: StoredPackVersion,
    promotions: readonly VariantPromotion[],
  ): Promise<VariantSummary> {
    const lesson: PackLesson | undefined = latest.manifest.lessons.find((l) => l.id === variant.lessonId);
    const centre = await store.getCentre(centreId);
    const staff = await store.readRow(centreId, 'staff', variant.updatedBy);
    const promoted = promotionOfSave(promotions, centreId, variant);
    return {
      centreId,
      centreName: centre?.name ?? {},
      lessonId: variant.lessonId,
      lessonTitle: lesson?.title,
      staffName: staff?.name ?? '',
      updatedAt: variant.updatedAt,
      baseVersion: variant.baseVersion,
      originalChanged: !lesson || lessonHash(lesson) !== variant.baseHash,
      changes: variantChanges(variant, lesson),
      promotedVersion: promoted?.version,
    };
  }

  async function variantAt(pack: string, centreId: string, lessonId: string): Promise<LessonVariant> {
    const variant = await store.readRow(centreId, 'lessonVariants', variantIdOf(pack, lessonId));
    if (!variant) throw notFound('variant');
    return variant;
  }

  return new Hono<{ Variables: CountyVariables }>()
    .get('/api/county/packs/:packId/variants', guard, async (c) => {
      const pack = param(packId, c.req.param('packId'), 'pack');
      const latest = await newest(pack);
      const promotions = await store.variants.promotionsOfPack(pack);
      const variants: VariantSummary[] = [];
      for (const { centreId, variant } of await store.variants.variantsOfPack(pack)) {
        variants.push(await summaryOf(centreId, variant, latest, promotions));
      }
      const body: PackVariantsResponse = { packId: pack, version: latest.version, title: latest.manifest.course.title, variants };
      return c.json(body);
    })
    .get(ONE, guard, async (c) => {
      const pack = param(packId, c.req.param('packId'), 'pack');
      const centreId = param(idParam, c.req.param('centreId'), 'centre');
      const lessonId = param(packId, c.req.param('lessonId'), 'lesson');
      const latest = await newest(pack);
      const variant = await variantAt(pack, centreId, lessonId);
      const promotions = await store.variants.promotionsOfPack(pack);
      const body: VariantDetailResponse = {
        summary: await summaryOf(centreId, variant, latest, promotions),
        variant,
        lesson: latest.manifest.lessons.find((l) => l.id === lessonId),
        version: latest.version,
      };
      return c.json(body);
    })
    .get(`${ONE}/photos/:sha256`, guard, async (c) => {
      const centreId = param(idParam, c.req.param('centreId'), 'centre');
      const sha256 = param(sha256Hex, c.req.param('sha256'), 'photo');
      const photo = await store.readRow(centreId, 'variantPhotos', variantPhotoIdOf(sha256));
      if (!photo) throw notFound('photo');
      const bytes = Buffer.from(photo.data, 'base64');
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': photo.type, 'Content-Length': String(bytes.length), 'Cache-Control': 'private, no-store' });
    })
    .post(`${ONE}/promote`, guard, async (c) => {
      if (!media) throw new ApiError(503, ApiErrorCode.unavailable, 'this server keeps no media files');
      const pack = param(packId, c.req.param('packId'), 'pack');
      const centreId = param(idParam, c.req.param('centreId'), 'centre');
      const lessonId = param(packId, c.req.param('lessonId'), 'lesson');
      const variant = await variantAt(pack, centreId, lessonId);
      const admin = c.var.countySession.username;
      // The same save promoted again answers the version it became (S13).
      const before = promotionOfSave(await store.variants.promotionsOfPack(pack), centreId, variant);
      if (before) {
        const version = await store.packs.getVersion(pack, before.version);
        const again: VariantPromotedResponse = {
          id: pack,
          version: before.version,
          created: false,
          files: version?.fileCount ?? 0,
          totalBytes: version?.totalBytes ?? 0,
          newFiles: 0,
          newBytes: 0,
          promoted: false,
        };
        return c.json(again);
      }
      try {
        const now = new Date().toISOString();
        const imported = await promoteVariant(store, media, centreId, variant, now);
        await store.variants.recordPromotion({
          centreId,
          variantId: variant.id,
          savedBy: variant.savedBy,
          packId: pack,
          version: imported.version,
          promotedAt: now,
          promotedBy: admin,
        });
        log.info('county: lesson variant promoted', { admin, centreId, packId: pack, lessonId, version: imported.version });
        const body: VariantPromotedResponse = { ...imported, promoted: true };
        return c.json(body, imported.created ? 201 : 200);
      } catch (error) {
        if (!(error instanceof PackRefused)) throw error;
        log.warn('county: lesson variant promotion refused', { admin, centreId, packId: pack, lessonId, reason: error.reason, message: error.message });
        return c.json({ error: ApiErrorCode.importRefused, message: error.message, reason: error.reason }, 422);
      }
    });
}
