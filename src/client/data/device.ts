import { useLiveQuery } from 'dexie-react-hooks';
import { API } from '../../shared/protocol/endpoints';
import type { EnrolResponse, ErrorBody } from '../../shared/protocol/messages';
import { db as defaultDb, type CunzhanDb, type StoredDevice } from './db';
import { AppError, AppErrorCode, fromApiError, isAppErrorCode, toAppError } from './errors';
import { getMeta, setMeta } from './meta';

/** What the tablet keeps about its enrolment. */
export type DeviceInfo = StoredDevice;

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

/**
 * Enrols this tablet with a one-time code from the county admin (needs the
 * network once). Storing the device starts the app's sync engine, whose first
 * sync brings the staff to log in.
 */
export async function enrolDevice(code: string, deviceName: string, deps: Partial<EnrolDeps> = {}): Promise<DeviceInfo> {
  const { db: database, fetch: send, baseUrl } = { ...defaultDeps(), ...deps };
  let response: Response;
  try {
    response = await send(
      new Request(new URL(API.enrol, baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: code.trim(), deviceName: deviceName.trim() }),
      }),
    );
  } catch (e) {
    throw toAppError(e);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    if (body?.error && isAppErrorCode(body.error)) throw new AppError(body.error);
    if (response.status === 401 || response.status === 403) throw new AppError(AppErrorCode.enrolCodeInvalid);
    throw fromApiError(response.status, body?.error);
  }
  const body = (await response.json()) as EnrolResponse;
  const device: DeviceInfo = {
    deviceId: body.deviceId,
    // A server older than device numbers sends none: receipts then fall back to the derived prefix.
    ...(Number.isSafeInteger(body.deviceNo) && body.deviceNo > 0 ? { deviceNo: body.deviceNo } : {}),
    token: body.token,
    centre: body.centre,
    name: deviceName.trim(),
    enrolledAt: new Date().toISOString(),
  };
  try {
    await setMeta(database, 'device', device);
  } catch (e) {
    throw toAppError(e);
  }
  return device;
}

export async function getDevice(database: CunzhanDb = defaultDb): Promise<DeviceInfo | null> {
  return (await getMeta(database, 'device')) ?? null;
}

/** undefined while loading, null when this tablet is not enrolled. */
export function useDevice(): DeviceInfo | null | undefined {
  return useLiveQuery(() => getDevice(defaultDb), []);
}
