import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../auth/secrets';
import type { CountySessionWithAdmin, CountyStore } from '../store/county-store';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 24 * 3_600_000;
/** Last-seen is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The CSRF token of a session: derived from its secret cookie value, so it
 * needs no storage, and an attacker who reads the token still cannot recover
 * the cookie. Script on our own origin gets it from the JSON answers.
 */
export function csrfTokenFor(cookieValue: string): string {
  return createHash('sha256').update('cunzhan county csrf\0').update(cookieValue).digest('base64url');
}

/** Compares in constant time; false for anything missing or of the wrong length. */
export function csrfMatches(cookieValue: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(cookieValue));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type SessionCheck =
  | { ok: true; session: CountySessionWithAdmin }
  | { ok: false; reason: 'none' | 'expired' };

export interface StartedSession {
  cookieValue: string;
  csrfToken: string;
  /** When the session ends at the latest, whatever happens. */
  expiresAt: string;
}

/** County sessions: random ids, kept only hashed, with idle and absolute expiry. */
export class CountySessions {
  constructor(
    private readonly store: CountyStore,
    private readonly now: () => number = Date.now,
  ) {}

  async start(adminId: string): Promise<StartedSession> {
    const now = this.now();
    // Sign-in is rare: a good moment to drop sessions that can no longer be used.
    await this.store.pruneSessions(new Date(now - SESSION_IDLE_MS).toISOString(), new Date(now - SESSION_MAX_MS).toISOString());
    const cookieValue = randomBytes(32).toString('base64url');
    const at = new Date(now).toISOString();
    await this.store.createSession({ idHash: sha256Hex(cookieValue), adminId, createdAt: at, lastSeenAt: at });
    return { cookieValue, csrfToken: csrfTokenFor(cookieValue), expiresAt: new Date(now + SESSION_MAX_MS).toISOString() };
  }

  async check(cookieValue: string | undefined): Promise<SessionCheck> {
    if (!cookieValue || !COOKIE_VALUE.test(cookieValue)) return { ok: false, reason: 'none' };
    const idHash = sha256Hex(cookieValue);
    const session = await this.store.findSession(idHash);
    if (!session) return { ok: false, reason: 'none' };
    const now = this.now();
    const idle = now - Date.parse(session.lastSeenAt);
    if (idle >= SESSION_IDLE_MS || now - Date.parse(session.createdAt) >= SESSION_MAX_MS) {
      await this.store.deleteSession(idHash);
      return { ok: false, reason: 'expired' };
    }
    if (idle >= TOUCH_EVERY_MS) await this.store.touchSession(idHash, new Date(now).toISOString());
    return { ok: true, session };
  }

  async end(cookieValue: string): Promise<void> {
    if (COOKIE_VALUE.test(cookieValue)) await this.store.deleteSession(sha256Hex(cookieValue));
  }
}
