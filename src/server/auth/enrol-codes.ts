import type { Store } from '../store/store';
import { hashEnrolCode, newEnrolCode } from './secrets';

export interface IssuedCode {
  code: string;
  centreId: string;
  expiresAt: string;
}

/** Makes a one-time code for a centre; only its hash is stored. */
export async function issueEnrolCode(store: Store, centreId: string, hours: number, now = new Date()): Promise<IssuedCode> {
  const code = newEnrolCode();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  await store.createEnrolCode({ codeHash: hashEnrolCode(code), centreId, expiresAt, createdAt: now.toISOString() });
  return { code, centreId, expiresAt };
}
