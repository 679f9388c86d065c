import * as v from 'valibot';
import type { Platform } from '../../domain/orders';
import { RefusalCode } from '../../domain/refusals';
import { localizedName, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';

const schema = v.strictObject({ platformId: uuid, names: localizedName });
export type PlatformCreateArgs = v.InferOutput<typeof schema>;

export const platformCreate: MutationDef<PlatformCreateArgs> = {
  kind: 'platform.create',
  schema,
  reads: (args) => [{ table: 'platforms', id: args.platformId }],
  decide(args, state, ctx) {
    if (state.get('platforms', args.platformId)) return refuse(RefusalCode.alreadyExists);
    const platform: Platform = {
      id: args.platformId,
      centreId: ctx.centreId,
      names: args.names,
      active: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'platforms', row: platform }] };
  },
};
