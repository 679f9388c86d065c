import { useEffect, useState } from 'preact/hooks';
import type { StaffKeys } from '../../shared/auth/staff-key';
import type { Staff } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import { SESSION_STORAGE_KEY } from '../../shared/first-screen/first-screen-preload';
import { db as defaultDb, type CunzhanDb } from '../data/db';

/**
 * Who is working on this tablet right now, and the keys their PIN unlocked.
 * The session (without keys) lives in sessionStorage, so a reload keeps the
 * person signed in and closing the tab does not; the keys live in memory
 * and, for reloads, in IndexedDB under the session's id: after a reload the
 * session counts only once `restoreSession` has found its keys.
 */
export interface Session {
  /** Names this sign-in; the stored keys carry the same id. */
  id: string;
  staff: Staff;
  deviceId: string;
  centreId: string;
  /** UTC ISO time of the login. */
  since: string;
  /** The keys their PIN unlocked: they sign the person's changes. Never extractable, never in sessionStorage. */
  keys: StaffKeys;
  /** Epoch ms of the last time the person typed their PIN (sign-in or asked again). */
  pinAt: number;
}

type StoredSession = Omit<Session, 'keys'> & { keyId: string };

// The page's inline preload script looks for the session under this key too.
const STORAGE_KEY = SESSION_STORAGE_KEY;
const listeners = new Set<(session: Session | null) => void>();

function storage(): Storage | undefined {
  return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
}

function read(): StoredSession | null {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const session = JSON.parse(text) as Partial<StoredSession>;
    // A session stored by the app before keys has no key: that person signs in again.
    return typeof session.id === 'string' && typeof session.keyId === 'string' ? (session as StoredSession) : null;
  } catch {
    return null;
  }
}

/**
 * The PIN's check (the key's unwrap, the wrong attempts, the queue's
 * signing): the sign-in screen's and a PIN asked again, never a reload's,
 * so it stays off a signed-in cold load.
 */
const loadPinCheck = () => import('./check-pin');

let current: Session | null = null;
/** The database holding the session's keys (the app's, or a test's). */
let keysDb: CunzhanDb = defaultDb;

function publish(session: Session | null): void {
  current = session;
  const store = storage();
  if (session) {
    const { keys, ...rest } = session;
    store?.setItem(STORAGE_KEY, JSON.stringify({ ...rest, keyId: keys.keyId } satisfies StoredSession));
  } else store?.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(session);
}

/** A person was signed in before this load (a reload): known at once, before keys are restored. */
export function sessionStored(): boolean {
  return read() !== null;
}

export function getSession(): Session | null {
  return current;
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * At app start: takes back the keys of the tab's session from IndexedDB,
 * or ends a session whose keys are gone. Keys left by a closed tab (no
 * session in this one) are deleted.
 */
export async function restoreSession(database: CunzhanDb = defaultDb): Promise<Session | null> {
  keysDb = database;
  if (current) return current;
  const stored = read();
  const row = stored ? await database.sessionKeys.get(stored.id).catch(() => undefined) : undefined;
  if (stored && row && row.staffId === stored.staff.id && row.keys.keyId === stored.keyId) {
    const { keyId: _keyId, ...rest } = stored;
    publish({ ...rest, keys: row.keys });
    return current;
  }
  await database.sessionKeys.clear().catch(() => undefined);
  storage()?.removeItem(STORAGE_KEY);
  return null;
}

/** Checks the PIN by unwrapping the person's key on this tablet (works offline) and opens a session. */
export async function login(staffId: string, pin: string, database: CunzhanDb = defaultDb): Promise<Session> {
  const { checkPin } = await loadPinCheck();
  const { staff, keys, device } = await checkPin(staffId, pin, database);
  const now = Date.now();
  const session: Session = {
    id: uuidv7(),
    staff,
    deviceId: device.deviceId,
    centreId: device.centre.id,
    since: new Date(now).toISOString(),
    keys,
    pinAt: now,
  };
  await database.transaction('rw', database.sessionKeys, async () => {
    await database.sessionKeys.clear();
    await database.sessionKeys.put({ id: session.id, staffId, keys });
  });
  keysDb = database;
  publish(session);
  return session;
}

/** The signed-in person types their PIN again (screens that ask for it); throws as `checkPin` does. */
export async function confirmPin(pin: string): Promise<void> {
  const session = current;
  if (!session) throw new Error('confirmPin without a session');
  const { checkPin } = await loadPinCheck();
  await checkPin(session.staff.id, pin, keysDb);
  if (current?.id === session.id) publish({ ...session, pinAt: Date.now() });
}

/** A sync brought the signed-in person's row changed (a new role, a new name): the session follows it. */
export function refreshSessionStaff(staff: Staff): void {
  if (current && current.staff.id === staff.id && current.staff !== staff) publish({ ...current, staff });
}

/** Why a session ended other than by the person's own logout: told once on the login screen. */
export type LogoutReason = 'deactivated' | 'idle';
let endedBecause: LogoutReason | null = null;

function end(reason: LogoutReason | null): void {
  endedBecause = reason;
  // The keys go with the session; a failed delete is cleared at the next start.
  void keysDb.sessionKeys.clear().catch(() => undefined);
  publish(null);
}

/** Locks the tablet: the person's cart stays parked under their name until they sign in again. */
export function logout(): void {
  end(null);
}

export const lock = logout;

/** Ends the session for the person (see `LogoutReason`). */
export function endSessionBecause(reason: LogoutReason): void {
  end(reason);
}

/** The reason the last session was ended for the person, once; null after that or for a plain logout. */
export function takeLogoutReason(): LogoutReason | null {
  const reason = endedBecause;
  endedBecause = null;
  return reason;
}

export function useSession(): Session | null {
  const [session, setSession] = useState(current);
  useEffect(() => {
    setSession(current);
    return onSessionChange(setSession);
  }, []);
  return session;
}
