import { fromBase64Url, toBase64 } from '../../shared/auth/base64';
import { unsealStaffSecret } from '../../shared/auth/staff-key';
import { RefusalCode } from '../../shared/domain/refusals';
import { SEALED_KEY_KINDS, SELF_KEYED_KINDS } from '../../shared/mutations/kinds';
import type { PreparedMutation } from '../../shared/mutations/registry';
import { refuse, type Decision } from '../../shared/mutations/types';
import type { MutationEnvelope } from '../../shared/protocol/messages';
import { proofKeyFromStored, proofKeyOf, proofVerifies, type ProofKey, type ProofKeyCache } from '../auth/proof-keys';
import type { CentreTx, StoredStaffKey } from '../store/store';

type Valid = Extract<PreparedMutation, { valid: true }>;

const ref = (staffId: string, keyId: string) => `${staffId}/${keyId}`;

/** The key fields the staff kinds that bring a secret carry (their args are parsed). */
interface KeyArgs {
  staffId?: string;
  key: { keyId: string };
  sealedKey?: string;
  secret?: string;
}

/**
 * The proofs of one batch (auth/PROOF.md, step 2). Keys are loaded and
 * derived, and new secrets unsealed, once before the batch is decided (the
 * async part); then each mutation's proof is checked in batch order, where
 * a key brought by a mutation counts only once that mutation applied.
 */
export class BatchProofs {
  /** Stored keys of this centre by staff/key id. */
  private readonly stored = new Map<string, ProofKey>();
  /** Staff members the store holds any key for (among those looked up). */
  private readonly keyed = new Set<string>();
  /** The secret each create, resetPin or adoptKey brings, by mutation id. */
  private readonly brought = new Map<string, ProofKey>();
  /** Keys brought by mutations applied so far in this pass, by staff/key id, and their staff. */
  private readonly added = new Map<string, ProofKey>();
  private readonly addedFor = new Set<string>();

  private constructor(
    private readonly cache: ProofKeyCache,
    private readonly centreId: string,
    private readonly deviceId: string,
  ) {}

  static async load(
    tx: CentreTx,
    cache: ProofKeyCache,
    ctx: { centreId: string; deviceId: string },
    pending: readonly { m: MutationEnvelope; prepared: Valid }[],
  ): Promise<BatchProofs> {
    const proofs = new BatchProofs(cache, ctx.centreId, ctx.deviceId);
    const lookup = new Set<string>();
    for (const { m, prepared } of pending) {
      const selfKeyed = SELF_KEYED_KINDS.includes(prepared.kind);
      if (m.keyId !== undefined && (selfKeyed || !cache.get(ctx.centreId, m.staffId, m.keyId))) lookup.add(m.staffId);
    }
    const found: StoredStaffKey[] = await tx.staffKeys([...lookup]);
    const derived = await Promise.all(found.map((k) => proofKeyFromStored(k.staffId, k.keyId, k.secret)));
    for (const key of derived) {
      proofs.stored.set(ref(key.staffId, key.keyId), key);
      proofs.keyed.add(key.staffId);
      cache.set(ctx.centreId, key);
    }
    // In order: a secret brought early in the batch may seal one brought later.
    const broughtByRef = new Map<string, ProofKey>();
    for (const { m, prepared } of pending) {
      if (m.keyId === undefined) continue;
      const args = prepared.args as KeyArgs;
      let key: ProofKey | null = null;
      if (SELF_KEYED_KINDS.includes(prepared.kind) && args.secret !== undefined && args.key.keyId === m.keyId) {
        key = await proofKeyOf(m.staffId, m.keyId, fromBase64Url(args.secret));
      } else if (SEALED_KEY_KINDS.includes(prepared.kind) && args.sealedKey !== undefined && args.staffId !== undefined) {
        const signer = proofs.known(m.staffId, m.keyId) ?? broughtByRef.get(ref(m.staffId, m.keyId));
        const secret = signer && (await unsealStaffSecret(signer.secret, args.sealedKey, args.staffId, args.key.keyId));
        if (secret) key = await proofKeyOf(args.staffId, args.key.keyId, secret);
      }
      if (key) {
        proofs.brought.set(m.id, key);
        broughtByRef.set(ref(key.staffId, key.keyId), key);
      }
    }
    return proofs;
  }

  private known(staffId: string, keyId: string): ProofKey | undefined {
    return this.stored.get(ref(staffId, keyId)) ?? this.cache.get(this.centreId, staffId, keyId);
  }

  /** Starts a pass over the batch in order: a pass that was undone (a savepoint) is followed by a fresh one. */
  startPass(): void {
    this.added.clear();
    this.addedFor.clear();
  }

  /** A refusal when the proof does not hold (or, for a key adoption, a key is held already); null when it does. */
  check(m: MutationEnvelope, prepared: Valid): Decision | null {
    const bad = refuse(RefusalCode.badStaffProof);
    if (m.keyId === undefined || m.proof === undefined) return bad;
    const proven = { id: m.id, kind: m.kind, args: m.args, staffId: m.staffId, createdAt: m.createdAt, keyId: m.keyId };
    if (SELF_KEYED_KINDS.includes(prepared.kind)) {
      const own = this.brought.get(m.id);
      if (!own || !proofVerifies(own, proven, this.deviceId, m.proof)) return bad;
      // The first adoption wins: a staff member who holds a key adopts none.
      if (this.keyed.has(m.staffId) || this.addedFor.has(m.staffId)) return refuse(RefusalCode.keyExists);
      return null;
    }
    const key = this.known(m.staffId, m.keyId) ?? this.added.get(ref(m.staffId, m.keyId));
    if (!key || !proofVerifies(key, proven, this.deviceId, m.proof)) return bad;
    // A secret sealed for the server that does not open under the signer's key is as bad as a forged proof.
    if (SEALED_KEY_KINDS.includes(prepared.kind) && !this.brought.has(m.id)) return bad;
    return null;
  }

  /** The secret a mutation brought, as it is stored when the mutation applies. */
  keyOf(mutationId: string, at: string): StoredStaffKey | undefined {
    const key = this.brought.get(mutationId);
    return key && { staffId: key.staffId, keyId: key.keyId, secret: toBase64(key.secret), createdAt: at };
  }

  /** The mutation applied: later mutations of this pass may sign with the secret it brought. */
  applied(mutationId: string): void {
    const key = this.brought.get(mutationId);
    if (!key) return;
    this.added.set(ref(key.staffId, key.keyId), key);
    this.addedFor.add(key.staffId);
  }
}
