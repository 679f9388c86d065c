import { useEffect, useState } from 'preact/hooks';
import type { Staff } from '../../shared/domain/entities';
import { verifyPin } from '../../shared/domain/pin';
import { db as defaultDb, type CunzhanDb } from '../data/db';
import { AppError, AppErrorCode } from '../data/errors';
import { getMeta } from '../data/meta';

/**
 * Who is working on this tablet right now. This module owns the session:
 * auto-lock and quick user switch (next issue) hook in here, through
 * `logout()` and `onSessionChange`.
 */
export interface Session {
  staff: Staff;
  deviceId: string;
  centreId: string;
  /** UTC ISO time of the login. */
  since: string;
}

// sessionStorage: a reload of the tab keeps the person logged in, closing it does not.
const STORAGE_KEY = 'cunzhan.session';
const listeners = new Set<(session: Session | null) => void>();

function storage(): Storage | undefined {
  return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
}

function read(): Session | null {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as Session;
  } catch {
    return null;
  }
}

let current: Session | null = read();

function publish(session: Session | null): void {
  current = session;
  const store = storage();
  if (session) store?.setItem(STORAGE_KEY, JSON.stringify(session));
  else store?.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(session);
}

export function getSession(): Session | null {
  return current;
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Checks the PIN against the staff row synced to this tablet (works offline). */
export async function login(staffId: string, pin: string, database: CunzhanDb = defaultDb): Promise<Session> {
  const device = await getMeta(database, 'device');
  if (!device) throw new AppError(AppErrorCode.notEnrolled);
  const staff = await database.staff.get(staffId);
  if (!staff || !staff.active || staff.centreId !== device.centre.id) throw new AppError(AppErrorCode.wrongPin);
  if (!(await verifyPin(pin, staff))) throw new AppError(AppErrorCode.wrongPin);
  const session: Session = {
    staff,
    deviceId: device.deviceId,
    centreId: device.centre.id,
    since: new Date().toISOString(),
  };
  publish(session);
  return session;
}

/** Why a session ended other than by the person's own logout: told once on the login screen. */
export type LogoutReason = 'deactivated';
let endedBecause: LogoutReason | null = null;

export function logout(): void {
  endedBecause = null;
  publish(null);
}

/** Ends the session for the person (see `LogoutReason`). */
export function endSessionBecause(reason: LogoutReason): void {
  endedBecause = reason;
  publish(null);
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
