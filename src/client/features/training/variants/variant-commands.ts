import { toBase64 } from '../../../../shared/auth/base64';
import type { VariantSaveArgs } from '../../../../shared/mutations/training/variant-save';
import { runCommand, type CommandContext } from '../../../data/commands/run-command';

/**
 * Keeps a photo for a lesson variant on this tablet (its JPEG bytes and
 * their sha256, which both sides check), queued to sync: the player shows
 * it from IndexedDB, offline.
 */
export async function saveVariantPhoto(sha256: string, jpeg: Uint8Array, context?: CommandContext): Promise<void> {
  await runCommand('training.variantPhoto', () => ({ sha256, type: 'image/jpeg', data: toBase64(jpeg) }), context);
}

/** Saves a trainer's adaptation of a lesson, whole; the pack's lesson is not touched. */
export async function saveLessonVariant(args: VariantSaveArgs, context?: CommandContext): Promise<void> {
  await runCommand('training.variantSave', () => args, context);
}
