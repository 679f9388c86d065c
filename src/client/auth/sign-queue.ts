import type { StaffKeys } from '../../shared/auth/staff-key';
import { signMutation } from '../../shared/auth/staff-proof';
import type { Staff } from '../../shared/domain/entities';
import type { CunzhanDb, OutboxEntry } from '../data/db';
import { announceMutationQueued } from '../data/local-changes';
import { answeredThrough, waitingAfter } from '../data/outbox-queue';

/** A key adopted at sign-in: its signed `staff.adoptKey` entry and the staff row holding the key. */
export interface Adoption {
  entry: OutboxEntry;
  row: Staff;
}

function unsignedBy(database: CunzhanDb, through: number, staffId: string, deviceId: string) {
  return waitingAfter(database, through).filter((e) => e.staffId === staffId && e.deviceId === deviceId && e.proof === undefined);
}

/**
 * Signs the changes a person queued on this tablet before proofs existed:
 * they made them here, and have just proved who they are, so the tablet
 * vouches for its own queue. The proofs are made before the transaction (an
 * await on WebCrypto inside one would commit it early) and written in one.
 *
 * With an adoption (a person from before keys, signing in for the first
 * time), the server learns the new key from `staff.adoptKey`, so that entry
 * must come before the first change signed with it: it takes that change's
 * place in the queue and the entries from there on follow it in their order.
 * Unsigned entries are never pushed (push stops before the first), so none
 * of the renumbered ones is in flight.
 */
export async function signQueuedBy(
  database: CunzhanDb,
  staffId: string,
  keys: StaffKeys,
  deviceId: string,
  adoption?: Adoption,
): Promise<number> {
  const unsigned = await unsignedBy(database, await answeredThrough(database), staffId, deviceId).toArray();
  const proofs = new Map<string, string>();
  for (const e of unsigned) {
    const m = { id: e.id, kind: e.kind, args: e.args, staffId: e.staffId, createdAt: e.createdAt, keyId: keys.keyId };
    proofs.set(e.id, await signMutation(keys.proofKey, m, deviceId));
  }
  if (proofs.size === 0 && !adoption) return 0;
  const signedOf = (e: OutboxEntry): OutboxEntry => {
    const proof = e.proof === undefined ? proofs.get(e.id) : undefined;
    return proof ? { ...e, keyId: keys.keyId, proof } : e;
  };
  let signed = 0;
  await database.transaction('rw', [database.outbox, database.meta, database.staff], async () => {
    const stored = await unsignedBy(database, await answeredThrough(database), staffId, deviceId).toArray();
    const first = stored.find((e) => proofs.has(e.id));
    signed = stored.filter((e) => proofs.has(e.id)).length;
    if (!adoption) {
      await database.outbox.bulkPut(stored.filter((e) => proofs.has(e.id)).map(signedOf));
      return;
    }
    await database.staff.put(adoption.row);
    if (!first) {
      await database.outbox.add(adoption.entry);
      return;
    }
    const rest = await database.outbox.where('seq').aboveOrEqual(first.seq!).toArray();
    await database.outbox.bulkDelete(rest.map((e) => e.seq!));
    await database.outbox.add(adoption.entry);
    await database.outbox.bulkAdd(rest.map(({ seq: _seq, ...e }) => signedOf(e)));
  });
  // What waited for this person can go now: the sync engine is nudged.
  announceMutationQueued();
  return signed;
}
