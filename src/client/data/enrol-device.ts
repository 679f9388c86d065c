import { API } from '../../shared/protocol/endpoints';
import { checkEnrolReply } from '../../shared/protocol/replies';
import { normaliseEnrolCode } from '../../shared/domain/enrol-code';
import { errorOf, readReply, serverTimeOf } from '../sync/transport';
import { db as defaultDb, type CunzhanDb, type PendingEnrolment } from './db';
import type { DeviceInfo } from './device';
import { AppError, AppErrorCode, toAppError } from './errors';
import { getMeta, setMeta } from './meta';

/*
 * A tablet's enrolment, apart from the stored device (device.ts) that every
 * screen reads: only the enrol screen sends one, so the replies' checks it
 * needs stay out of the signed-in screen's code.
 */

/** How enrolment reaches the server; the app uses same-origin fetch. */
export interface EnrolDeps {
  db: CunzhanDb;
  fetch: (request: Request) => Promise<Response>;
  baseUrl: string;
}

function defaultDeps(): EnrolDeps {
  return {
    db: defaultDb,
    fetch: (request) => fetch(request),
    baseUrl: globalThis.location?.origin ?? 'http://localhost',
  };
}

/** 32 random bytes in base64url (43 characters): the secret that becomes this tablet's token. */
export function makeDeviceSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The enrolment to send: the one left pending by an attempt with the same
 * code (its answer may have been lost after the server enrolled the
 * tablet), else a new one with a new secret. Saved before it is sent.
 */
async function pendingFor(database: CunzhanDb, code: string, deviceName: string): Promise<PendingEnrolment> {
  const pending = await getMeta(database, 'pendingEnrolment');
  // The name sent first is the one the server may have kept: sending another would not match it.
  if (pending && normaliseEnrolCode(pending.code) === normaliseEnrolCode(code)) return pending;
  const fresh: PendingEnrolment = { code, deviceName, secret: makeDeviceSecret() };
  await setMeta(database, 'pendingEnrolment', fresh);
  return fresh;
}

/**
 * Enrols this tablet with a one-time code from the county admin (needs the
 * network once). The tablet makes its own secret and keeps it before
 * sending, so trying again after a cut or a busy server returns the same
 * device (S13). Storing the device starts the app's sync engine, whose first
 * sync brings the staff to log in.
 */
export async function enrolDevice(code: string, deviceName: string, deps: Partial<EnrolDeps> = {}): Promise<DeviceInfo> {
  const { db: database, fetch: send, baseUrl } = { ...defaultDeps(), ...deps };
  let pending: PendingEnrolment;
  try {
    pending = await pendingFor(database, code.trim(), deviceName.trim());
  } catch (e) {
    throw toAppError(e);
  }
  let response: Response;
  try {
    response = await send(
      new Request(new URL(API.enrol, baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: pending.code, deviceName: pending.deviceName, deviceSecret: pending.secret }),
      }),
    );
  } catch (e) {
    throw toAppError(e);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.code === AppErrorCode.deviceRevoked) throw new AppError(AppErrorCode.enrolCodeInvalid);
    if (response.status === 403) throw new AppError(AppErrorCode.enrolCodeInvalid);
    throw error;
  }
  const body = await readReply(response, checkEnrolReply);
  const device: DeviceInfo = {
    deviceId: body.deviceId,
    ...(body.deviceNo > 0 ? { deviceNo: body.deviceNo } : {}),
    // An older server makes its own token and ignores the secret.
    token: body.token,
    centre: body.centre,
    name: pending.deviceName,
    enrolledAt: new Date().toISOString(),
  };
  const serverMs = serverTimeOf(response, body.serverTime);
  try {
    await database.transaction('rw', database.meta, async () => {
      await setMeta(database, 'device', device);
      await database.meta.delete('pendingEnrolment');
      if (serverMs !== null) await setMeta(database, 'clock', { offsetMs: serverMs - Date.now(), readAt: new Date().toISOString() });
    });
  } catch (e) {
    throw toAppError(e);
  }
  return device;
}
