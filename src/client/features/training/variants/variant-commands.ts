import { toBase64 } from '../../../../shared/auth/base64';
import { hexOf } from '../../../../shared/training/lesson-variants';
import type { VariantSaveArgs } from '../../../../shared/mutations/training/variant-save';
import { runCommand, type CommandContext } from '../../../data/commands/run-command';

/**
 * Keeps a photo for a lesson variant on this tablet, queued to sync: the
 * player shows it from IndexedDB, offline. Returns its sha256.
 */
export async function saveVariantPhoto(jpeg: Uint8Array, context?: CommandContext): Promise<string> {
  const sha256 = hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', jpeg as Uint8Array<ArrayBuffer>)));
  await runCommand('training.variantPhoto', () => ({ sha256, type: 'image/jpeg', data: toBase64(jpeg) }), context);
  return sha256;
}

/** Saves a trainer's adaptation of a lesson, whole; the pack's lesson is not touched. */
export async function saveLessonVariant(args: VariantSaveArgs, context?: CommandContext): Promise<void> {
  await runCommand('training.variantSave', () => args, context);
}
