import * as v from 'valibot';
import type { Centre, LocalizedName } from '../domain/entities';
import { localizedName, shortText, uuid } from '../mutations/fields';

/**
 * The county admin API: used online from a desktop or tablet browser by
 * county staff, never by a centre's tablet. Not part of the sync protocol
 * (nothing here is hashed with the wire schemas): both sides ship together.
 */
export const COUNTY_API = {
  base: '/api/county',
  login: '/api/county/login',
  logout: '/api/county/logout',
  session: '/api/county/session',
  centres: '/api/county/centres',
  centre: (id: string) => `/api/county/centres/${encodeURIComponent(id)}`,
  codes: (centreId: string) => `/api/county/centres/${encodeURIComponent(centreId)}/codes`,
  staffPin: (centreId: string, staffId: string) =>
    `/api/county/centres/${encodeURIComponent(centreId)}/staff/${encodeURIComponent(staffId)}/pin`,
  revokeDevice: (id: string) => `/api/county/devices/${encodeURIComponent(id)}/revoke`,
  import: '/api/county/import',
} as const;

/** The cookie of a county session; its path keeps it off every other request. */
export const COUNTY_COOKIE = 'cz_admin';
/** The header carrying the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** Lowercase letters, digits, `.`, `_` and `-`: a name typed the same on any keyboard. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** A centre admin's PIN (pinRuleFor('admin')). */
export const ADMIN_PIN_PATTERN = /^\d{6}$/;
/** An exported file from a revoked tablet; bounded well below the default body limit of a push. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;

export function normaliseUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

export const loginRequest = v.strictObject({
  username: v.pipe(v.string(), v.maxLength(64)),
  password: v.pipe(v.string(), v.maxLength(PASSWORD_MAX_LENGTH)),
});
export type LoginRequest = v.InferOutput<typeof loginRequest>;

export const createCentreRequest = v.strictObject({
  name: localizedName,
  admin: v.strictObject({
    name: v.pipe(shortText(80), v.minLength(1, 'the admin needs a name')),
    pin: v.pipe(v.string(), v.regex(ADMIN_PIN_PATTERN, 'the PIN must be 6 digits')),
  }),
});
export type CreateCentreRequest = v.InferOutput<typeof createCentreRequest>;

export const createCodeRequest = v.strictObject({
  hours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 14))),
});

export const resetPinRequest = v.strictObject({
  pin: v.pipe(v.string(), v.regex(ADMIN_PIN_PATTERN, 'the PIN must be 6 digits')),
});

/** Ids in paths: the same shape as ids everywhere else. */
export const idParam = uuid;

export interface CountySessionInfo {
  username: string;
  /** Sent back in X-CSRF-Token on every POST. */
  csrfToken: string;
}

export interface CentreSummary {
  id: string;
  name: LocalizedName;
  createdAt: string;
  devices: { active: number; revoked: number };
}

export interface CentresResponse {
  centres: CentreSummary[];
}

export interface CreatedCentre {
  centre: Centre;
  adminId: string;
}

export interface TabletInfo {
  id: string;
  name: string;
  deviceNo: number;
  enrolledAt: string;
  revokedAt: string | null;
  lastSyncAt?: string | null | undefined;
  appVersion?: string | null | undefined;
  pendingCount?: number | null | undefined;
}

export interface CentreAdminInfo {
  id: string;
  name: string;
  active: boolean;
}

export interface CodeInfo {
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface CentreDetail {
  centre: Centre;
  tablets: TabletInfo[];
  admins: CentreAdminInfo[];
  codes: CodeInfo[];
}

export interface IssuedCodeResponse {
  code: string;
  expiresAt: string;
}

export interface ImportResponse {
  applied: number;
  refused: number;
  alreadyApplied: number;
}
