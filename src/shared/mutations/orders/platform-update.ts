import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { localizedName, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';

const schema = v.strictObject({
  platformId: uuid,
  patch: v.strictObject({ names: v.optional(localizedName), active: v.optional(v.boolean()) }),
});
export type PlatformUpdateArgs = v.InferOutput<typeof schema>;

/** Rename or (de)activate; a deactivated platform keeps its orders and is offered for no new one. */
export const platformUpdate: MutationDef<PlatformUpdateArgs> = {
  kind: 'platform.update',
  schema,
  reads: (args) => [{ table: 'platforms', id: args.platformId }],
  decide(args, state, ctx) {
    const current = state.get('platforms', args.platformId);
    if (current?.centreId !== ctx.centreId) return refuse(RefusalCode.unknownPlatform);
    const patch = Object.fromEntries(Object.entries(args.patch).filter(([, value]) => value !== undefined));
    return { ok: true, changes: [{ table: 'platforms', row: { ...current, ...patch, updatedAt: ctx.now } }] };
  },
};
