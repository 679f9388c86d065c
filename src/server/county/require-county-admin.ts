import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { COUNTY_API, COUNTY_COOKIE, CSRF_HEADER } from '../../shared/protocol/county';
import { ApiErrorCode } from '../../shared/protocol/messages';
import { ApiError } from '../http/api-error';
import type { CountySessionWithAdmin } from '../store/county-store';
import { csrfMatches, SESSION_MAX_MS, type CountySessions } from './sessions';

export interface CountyVariables {
  countySession: CountySessionWithAdmin;
  /** The raw cookie value, to derive the CSRF token and to end the session. */
  countyCookie: string;
}

/** Whether the browser reached us over https, as `trustProxy` lets us know. */
export type IsHttps = (c: Context) => boolean;

export function isHttpsOf(trustProxy: boolean): IsHttps {
  return (c) => {
    if (new URL(c.req.url).protocol === 'https:') return true;
    return trustProxy && c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase() === 'https';
  };
}

/**
 * HttpOnly: script cannot read it. SameSite=Strict: no other site's page
 * makes the browser send it. Its path keeps it off the tablet's sync calls.
 */
export function setSessionCookie(c: Context, value: string, https: boolean): void {
  setCookie(c, COUNTY_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: COUNTY_API.base,
    secure: https,
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, https: boolean): void {
  deleteCookie(c, COUNTY_COOKIE, { path: COUNTY_API.base, secure: https, httpOnly: true, sameSite: 'Strict' });
}

export function sessionCookieOf(c: Context): string | undefined {
  return getCookie(c, COUNTY_COOKIE);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session check of every county endpoint but login. Order: the session
 * first (401: who are you), then CSRF on anything that changes state (403),
 * both before the handler reads its body or touches the store.
 */
export function requireCountyAdmin(sessions: CountySessions, isHttps: IsHttps): MiddlewareHandler<{ Variables: CountyVariables }> {
  return async (c, next) => {
    const cookie = sessionCookieOf(c);
    const checked = await sessions.check(cookie);
    if (!checked.ok) {
      if (cookie !== undefined) clearSessionCookie(c, isHttps(c));
      if (checked.reason === 'expired') throw new ApiError(401, ApiErrorCode.sessionExpired, 'the session has expired: sign in again');
      throw new ApiError(401, ApiErrorCode.unauthorized, 'sign in first');
    }
    if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(cookie!, c.req.header(CSRF_HEADER))) {
      throw new ApiError(403, ApiErrorCode.csrf, `a valid ${CSRF_HEADER} header is required`);
    }
    c.set('countySession', checked.session);
    c.set('countyCookie', cookie!);
    await next();
  };
}
