import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { refuse, type MutationDef } from '../types';
import { clearSecret, keyMaterial, staffOfCentre, withKey } from './fields';

const schema = v.strictObject({ key: keyMaterial, secret: clearSecret });
export type StaffAdoptKeyArgs = v.InferOutput<typeof schema>;

/**
 * Legacy rows only (made before keys): at a staff member's first PIN login
 * after the update, the tablet checks the PIN against the old hash, makes a
 * secret, wraps it under the PIN and sends it, signed with that secret. The
 * first adoption wins; the server then keeps the secret and the row drops
 * its PIN hash. Only for the envelope's own staff member.
 */
export const staffAdoptKey: MutationDef<StaffAdoptKeyArgs> = {
  kind: 'staff.adoptKey',
  schema,
  reads: () => [],
  decide(args, state, ctx) {
    const staff = staffOfCentre(state, ctx.staffId, ctx);
    if (!staff) return refuse(RefusalCode.unknownStaff);
    if (staff.keyId !== undefined) return refuse(RefusalCode.keyExists);
    return { ok: true, changes: [{ table: 'staff', row: withKey(staff, args.key, ctx.now) }] };
  },
};
