import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { keyMaterial, sealedKey, staffOfCentre, withKey } from './fields';

const schema = v.strictObject({ staffId: uuid, key: keyMaterial, sealedKey });
export type StaffResetPinArgs = v.InferOutput<typeof schema>;

/**
 * An admin sets a new PIN, which comes with a new secret. The server keeps
 * the old one too, so changes signed before the reset still verify.
 */
export const staffResetPin: MutationDef<StaffResetPinArgs> = {
  kind: 'staff.resetPin',
  schema,
  reads: (args) => [{ table: 'staff', id: args.staffId }],
  decide(args, state, ctx) {
    const staff = staffOfCentre(state, args.staffId, ctx);
    if (!staff) return refuse(RefusalCode.unknownStaff);
    if (staff.keyId === args.key.keyId) return refuse(RefusalCode.alreadyExists);
    return { ok: true, changes: [{ table: 'staff', row: withKey(staff, args.key, ctx.now) }] };
  },
};
