import * as v from 'valibot';
import { isoTime, uuid } from '../mutations/fields';
import { mutationEnvelope } from './messages';

/**
 * The changes a tablet still held when the county removed it, saved to a
 * file and applied by a county admin (server: apply/import-export.ts). Each
 * change keeps its proof, made for this device: the server checks every
 * one as if the tablet had pushed it, and applies each exactly once.
 */
export const EXPORT_FORMAT = 'cunzhan-export-1';

/** A tablet's queue is bounded by what fits in a file a person can carry: plenty for weeks offline. */
export const EXPORT_MAX_MUTATIONS = 200_000;

export const exportFile = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  deviceId: uuid,
  centreId: uuid,
  exportedAt: isoTime,
  /** In queue order: the order they were made (S2). */
  mutations: v.pipe(v.array(mutationEnvelope), v.maxLength(EXPORT_MAX_MUTATIONS)),
});
export type ExportFile = v.InferOutput<typeof exportFile>;
