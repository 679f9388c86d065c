import { useLiveQuery } from 'dexie-react-hooks';
import { fromBase64 } from '../../../../shared/auth/base64';
import { db } from '../../../data/db';
import type { LessonVariant } from '../../../../shared/training/lesson-variants';
import { variantIdOf, variantPhotoIdOf } from '../../../../shared/training/lesson-variants';

/** This centre's variant of a lesson: null when there is none, undefined while reading. */
export function useLessonVariant(packId: string, lessonId: string): LessonVariant | null | undefined {
  return useLiveQuery(async () => (await db.lessonVariants.get(variantIdOf(packId, lessonId))) ?? null, [packId, lessonId]);
}

/** A variant photo's bytes from the tablet's storage (undefined: not held). */
export async function photoBlob(sha256: string): Promise<Blob | undefined> {
  const row = await db.variantPhotos.get(variantPhotoIdOf(sha256));
  if (!row) return undefined;
  return new Blob([fromBase64(row.data)], { type: row.type });
}
