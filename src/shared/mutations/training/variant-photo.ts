import * as v from 'valibot';
import { fromBase64 } from '../../auth/base64';
import { RefusalCode } from '../../domain/refusals';
import { sha256Hex } from '../../packs/pack-manifest';
import { sha256 } from '../../domain/deterministic-id';
import { hexOf, VARIANT_PHOTO_MAX_BYTES, variantPhotoIdOf, type VariantPhoto } from '../../training/lesson-variants';
import { refuse, type MutationDef } from '../types';

/** Base64 of at most VARIANT_PHOTO_MAX_BYTES bytes. */
const BASE64_MAX = Math.ceil(VARIANT_PHOTO_MAX_BYTES / 3) * 4;

const schema = v.strictObject({
  sha256: sha256Hex,
  type: v.literal('image/jpeg'),
  data: v.pipe(v.string(), v.maxLength(BASE64_MAX, `a photo is at most ${VARIANT_PHOTO_MAX_BYTES} bytes`), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a photo is base64')),
});
export type VariantPhotoArgs = v.InferOutput<typeof schema>;

function decoded(data: string): Uint8Array | undefined {
  try {
    return fromBase64(data);
  } catch {
    return undefined;
  }
}

/**
 * A photo a trainer took for a lesson variant, downscaled on the tablet to a
 * small JPEG. It is kept once per centre by its sha256, which both sides
 * check against the bytes, so the county can turn it into a pack's media
 * file as it is. Saving the same photo again changes nothing.
 */
export const trainingVariantPhoto: MutationDef<VariantPhotoArgs> = {
  kind: 'training.variantPhoto',
  schema,
  reads: (args) => [{ table: 'variantPhotos', id: variantPhotoIdOf(args.sha256) }],
  decide(args, state, ctx) {
    const id = variantPhotoIdOf(args.sha256);
    if (state.get('variantPhotos', id)) return { ok: true, changes: [] };
    const bytes = decoded(args.data);
    if (!bytes || bytes.length === 0) return refuse(RefusalCode.invalidArgs, 'data: a photo is base64');
    if (bytes.length > VARIANT_PHOTO_MAX_BYTES) return refuse(RefusalCode.invalidArgs, `data: a photo is at most ${VARIANT_PHOTO_MAX_BYTES} bytes`);
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return refuse(RefusalCode.invalidArgs, 'data: a photo is a JPEG');
    if (hexOf(sha256(bytes)) !== args.sha256) return refuse(RefusalCode.invalidArgs, 'sha256: the photo does not hash to it');
    const row: VariantPhoto = {
      id,
      centreId: ctx.centreId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
      sha256: args.sha256,
      type: args.type,
      size: bytes.length,
      data: args.data,
    };
    return { ok: true, changes: [{ table: 'variantPhotos', row }] };
  },
};
