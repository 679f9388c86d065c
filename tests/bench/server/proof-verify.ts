import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentre } from '../../../src/server/admin/operations';
import { BatchProofs } from '../../../src/server/apply/batch-proofs';
import { ProofKeyCache } from '../../../src/server/auth/proof-keys';
import { openStore } from '../../../src/server/store/open';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { prepareMutation, type PreparedMutation } from '../../../src/shared/mutations/registry';
import type { MutationEnvelope } from '../../../src/shared/protocol/messages';
import { addSignedStaff, sign } from '../../support/signing';

export interface ProofVerifyRun {
  mutations: number;
  /** Server CPU per verified mutation (canonical JSON of the proof text, HMAC, compare), median of the runs. */
  usPerMutation: number;
  runsUs: number[];
}

type Valid = Extract<PreparedMutation, { valid: true }>;

/**
 * The cost of checking proofs, through the server's own check (BatchProofs)
 * with the signer's key already derived and cached, as in a long push: the
 * sales are as tablets make them (three-language names on each line).
 */
export async function proofVerifyCase(count: number, runs = 5): Promise<ProofVerifyRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-proof-'));
  const store = await openStore({ dataDir });
  try {
    await store.migrate();
    const centre = await createCentre(store, { en: 'Proof bench' });
    const { staff, signer } = await addSignedStaff(store, { centreId: centre.id, name: 'Clerk', role: 'clerk', pin: '2222' });
    const deviceId = uuidv7();
    const names = { 'zh-CN': '东北大米 5公斤', en: 'Northeast rice 5 kg', ug: 'شەرقىي شىمال گۈرۈچى 5 كىلو' };
    const pending: { m: MutationEnvelope; prepared: Valid }[] = [];
    for (let i = 0; i < count; i++) {
      const lines = Array.from({ length: 1 + (i % 3) }, (_, l) => ({ productId: uuidv7(), names, unit: '袋', unitPriceFen: 3990 + l, qty: 1 + l }));
      const args = { saleId: uuidv7(), receiptNo: `B-${i}`, lines, tenderedFen: 100_000 };
      const m = sign(signer, { id: uuidv7(), kind: 'sale.create', staffId: staff.id, createdAt: new Date().toISOString(), args }, deviceId);
      const prepared = prepareMutation(m.kind, m.args, m.staffId, m.createdAt);
      if (!prepared.valid) throw new Error('a bench sale did not parse');
      pending.push({ m, prepared });
    }
    const cache = new ProofKeyCache();
    const runsUs: number[] = [];
    await store.inCentreTx(centre.id, async (tx) => {
      const proofs = await BatchProofs.load(tx, cache, { centreId: centre.id, deviceId }, pending);
      for (let run = 0; run < runs; run++) {
        proofs.startPass();
        const started = process.cpuUsage();
        for (const { m, prepared } of pending) {
          if (proofs.check(m, prepared) !== null) throw new Error('a bench proof did not verify');
        }
        const used = process.cpuUsage(started);
        runsUs.push((used.user + used.system) / count);
      }
    });
    const sorted = [...runsUs].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return { mutations: count, usPerMutation: round(sorted[Math.floor(sorted.length / 2)]!), runsUs: runsUs.map(round) };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
