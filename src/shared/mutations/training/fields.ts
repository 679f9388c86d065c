import { packId } from '../../packs/pack-manifest';
import type { TrainingSession } from '../../training/sessions';
import type { MutationContext, ReadState } from '../types';

/** Ids of a pack, lesson, step or answer, as the pack manifest has them. */
export const packRef = packId;

/** A session of this centre, or undefined. */
export function sessionOfCentre(state: ReadState, id: string, ctx: MutationContext): TrainingSession | undefined {
  const session = state.get('trainingSessions', id);
  return session?.centreId === ctx.centreId ? session : undefined;
}

