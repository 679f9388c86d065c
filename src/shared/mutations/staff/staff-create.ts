import * as v from 'valibot';
import type { Staff } from '../../domain/entities';
import { RefusalCode } from '../../domain/refusals';
import { storableText, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { keyMaterial, role, sealedKey } from './fields';

const schema = v.strictObject({
  staffId: uuid,
  name: v.pipe(storableText, v.trim(), v.minLength(1), v.maxLength(40)),
  role,
  key: keyMaterial,
  /** The server unseals it with the signing admin's secret and keeps it (PROOF.md). */
  sealedKey,
});
export type StaffCreateArgs = v.InferOutput<typeof schema>;

/** An admin adds a staff member, whose secret the tablet made and wrapped under their first PIN. */
export const staffCreate: MutationDef<StaffCreateArgs> = {
  kind: 'staff.create',
  schema,
  reads: (args) => [{ table: 'staff', id: args.staffId }],
  decide(args, state, ctx) {
    if (state.get('staff', args.staffId)) return refuse(RefusalCode.alreadyExists);
    const staff: Staff = {
      id: args.staffId,
      centreId: ctx.centreId,
      name: args.name,
      role: args.role,
      active: true,
      keyId: args.key.keyId,
      keySalt: args.key.keySalt,
      keyIterations: args.key.keyIterations,
      wrappedKey: args.key.wrappedKey,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'staff', row: staff }] };
  },
};
