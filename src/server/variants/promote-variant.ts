import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { LANGUAGES } from '../../shared/domain/entities';
import { MANIFEST_FILE, type PackManifest, type PackStep, type StoredPackManifest } from '../../shared/packs/pack-manifest';
import { playedSteps, textIn, type LessonVariant, type StepTexts } from '../../shared/training/lesson-variants';
import { variantPhotoIdOf } from '../../shared/training/lesson-variants';
import type { Store } from '../store/store';
import { importPackFrom, type ImportedPack } from '../packs/import-pack';
import type { MediaFiles } from '../packs/media-files';
import { PackRefused } from '../packs/pack-refused';
import type { PackSource } from '../packs/pack-source';

/** Where a promoted photo sits in the pack. */
export function photoPath(sha256: string): string {
  return `variants/${sha256}.jpg`;
}

type Body = NonNullable<PackStep['text']>;

/** Every language filled: the variant's words, else the pack's, else the variant's in another language. */
function fullText(override: StepTexts | undefined, original: Body | undefined): Body | undefined {
  if (!original && !textIn(override, 'zh-CN')) return undefined;
  const pick = (lang: (typeof LANGUAGES)[number]) => override?.[lang] ?? original?.[lang] ?? textIn(override, lang) ?? '';
  return { 'zh-CN': pick('zh-CN'), en: pick('en'), ug: pick('ug') };
}

/**
 * The listed paths the course and lessons still name anywhere (a cover, step
 * media, answer pictures, a spoken question…): every string is looked at,
 * so a field the manifest gains later keeps its file too.
 */
function usedPaths(m: Pick<PackManifest, 'course' | 'lessons'>, listed: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (listed.has(value)) used.add(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit([m.course, m.lessons]);
  return used;
}

export interface VariantPhotoBytes {
  sha256: string;
  bytes: Buffer;
}

/**
 * The next version's manifest: the newest version with the variant's lesson
 * in place of its own (the variant's order, words and photos, its hidden
 * steps left out). Other lessons are untouched; files no step uses any more
 * are left out, so tablets do not download a hidden video.
 */
export function promotedManifest(latest: StoredPackManifest, variant: LessonVariant, photos: readonly VariantPhotoBytes[]): PackManifest {
  const lesson = latest.lessons.find((l) => l.id === variant.lessonId);
  if (!lesson) throw new PackRefused('bad_manifest', `the pack no longer has lesson ${variant.lessonId}`);
  const steps: PackStep[] = playedSteps(lesson, variant).map((played) => {
    if (played.source === 'pack') {
      if (!played.edited) return played.step;
      const text = fullText(played.text, played.step.text);
      return text ? { ...played.step, text } : played.step;
    }
    const text = fullText(played.photo.text, undefined);
    return { id: played.photo.id, kind: 'image', media: photoPath(played.photo.sha256), ...(text ? { text } : {}) };
  });
  if (steps.length === 0) throw new PackRefused('bad_manifest', `the variant of lesson ${variant.lessonId} hides every step`);
  const lessons = latest.lessons.map((l) => (l.id === lesson.id ? { ...l, steps } : l));
  const added = photos.map((p) => ({ path: photoPath(p.sha256), type: 'image/jpeg' as const, sha256: p.sha256, size: p.bytes.length }));
  const all = [...latest.files, ...added];
  const used = usedPaths({ course: latest.course, lessons }, new Set(all.map((f) => f.path)));
  const files = all.filter((f, i) => used.has(f.path) && all.findIndex((g) => g.path === f.path) === i);
  return { format: latest.format, course: latest.course, lessons, files };
}

/** The new version's files: the pack's from the media folder, the photos from their rows. */
function promotionSource(manifest: PackManifest, media: MediaFiles, photos: readonly VariantPhotoBytes[]): PackSource {
  const photoBytes = new Map(photos.map((p) => [photoPath(p.sha256), p.bytes]));
  const byPath = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  return {
    open(path) {
      if (path === MANIFEST_FILE) return Promise.resolve(Readable.from([Buffer.from(JSON.stringify(manifest))]));
      const photo = photoBytes.get(path);
      if (photo) return Promise.resolve(Readable.from([photo]));
      const sha256 = byPath.get(path);
      if (!sha256 || !media.has(sha256)) return Promise.resolve(undefined);
      return Promise.resolve(createReadStream(media.pathOf(sha256)));
    },
  };
}

/**
 * Makes a centre's variant the lesson of the pack's next version, through
 * the import's own checks and staging: a refused promotion keeps nothing.
 * The variant's photos must all be on the server (synced before the variant).
 */
export async function promoteVariant(store: Store, media: MediaFiles, centreId: string, variant: LessonVariant, now: string): Promise<ImportedPack> {
  const [latest] = (await store.packs.latestVersions()).filter((p) => p.id === variant.packId);
  if (!latest) throw new PackRefused('not_found', `no pack ${variant.packId}`);
  const photos: VariantPhotoBytes[] = [];
  for (const p of variant.photos) {
    if (variant.hidden.includes(p.id)) continue;
    const row = await store.readRow(centreId, 'variantPhotos', variantPhotoIdOf(p.sha256));
    if (!row) throw new PackRefused('missing_file', `photo ${p.sha256} of the variant is not on the server`);
    photos.push({ sha256: p.sha256, bytes: Buffer.from(row.data, 'base64') });
  }
  const manifest = promotedManifest(latest.manifest, variant, photos);
  return importPackFrom(store, media, promotionSource(manifest, media, photos), now);
}
