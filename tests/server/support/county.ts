import type { Hono } from 'hono';
import { createCountyAdmin } from '../../../src/server/county/county-admins';
import type { Store } from '../../../src/server/store/store';
import type { CountySessionInfo } from '../../../src/shared/protocol/county';

/** Cheap scrypt for tests: the format and the check are the same at any cost. */
export const TEST_COST = { logN: 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

export async function makeCountyAdmin(store: Store, username = 'anna'): Promise<void> {
  await createCountyAdmin(store, username, PASSWORD, TEST_COST);
}

export function login(app: Hono, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request('/api/county/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    }),
  );
}

/** The `cz_admin` value a response set, if any. */
export function sessionCookie(res: Response): string | undefined {
  return /(?:^|,\s*)cz_admin=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
}

/** A browser signed in to the county area: its cookie and CSRF token. */
export interface CountyClient {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function clientOf(app: Hono, cookie: string, csrf: string): CountyClient {
  return {
    cookie,
    csrf,
    get: (path) => Promise.resolve(app.request(path, { headers: { cookie: `cz_admin=${cookie}` } })),
    post: (path, body = {}, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `cz_admin=${cookie}`, 'x-csrf-token': csrf, ...headers },
          body: JSON.stringify(body),
        }),
      ),
  };
}

export async function signIn(app: Hono, username = 'anna'): Promise<CountyClient> {
  const res = await login(app, username, PASSWORD);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as CountySessionInfo;
  return clientOf(app, sessionCookie(res)!, body.csrfToken);
}
