import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { AppErrorCode } from '../../src/client/data/errors';
import { setMeta } from '../../src/client/data/meta';
import { syncEngine } from '../../src/client/sync';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

async function counterAfterFailedSync(online: boolean) {
  const centre = await enrolledTablet();
  await login(centre.staff.id, centre.pin);
  syncEngine.status.update({ online, lastError: AppErrorCode.serverUnreachable });
  renderApp('/');
  return screen.findByTestId('online-state');
}

describe('sync status in the top bar', () => {
  freshTabletEach('en');
  afterEach(() => syncEngine.status.update({ online: true, lastError: null }));

  it('says it is checking the connection until the first request has come back, not that it is offline', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    syncEngine.status.update({ online: null, lastError: null });
    renderApp('/');
    const state = await screen.findByTestId('online-state');
    expect(state.textContent).toBe('Checking connection…');
    expect(screen.getByTestId('sync-status').hasAttribute('data-online')).toBe(false);
    syncEngine.status.update({ online: false });
    await expect.poll(() => state.textContent).toBe('Offline');
  });

  it('offline is said once, without a red error repeating it', async () => {
    expect((await counterAfterFailedSync(false)).textContent).toBe('Offline');
    expect(screen.queryByText(/Cannot reach the server/)).toBeNull();
  });

  it('a server failing while the tablet is online is still shown', async () => {
    expect((await counterAfterFailedSync(true)).textContent).toBe('Online');
    expect(screen.getByText('Cannot reach the server. Check the connection and try again.')).toBeTruthy();
  });

  it('a server that cannot save just now is told calmly as the server\'s trouble, to be retried', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    syncEngine.status.update({ online: true, lastError: AppErrorCode.storageUnavailable });
    renderApp('/');
    expect(await screen.findByText('The server cannot save just now. Everything stays on this tablet and is sent later by itself.')).toBeTruthy();
    syncEngine.status.update({ lastError: AppErrorCode.rateLimited });
    expect(await screen.findByText('The server is busy: the tablet will try again by itself shortly')).toBeTruthy();
    syncEngine.status.update({ lastError: AppErrorCode.badReply });
    expect(await screen.findByText(/The server sent an answer this tablet cannot read/)).toBeTruthy();
  });

  it('says when the tablet last synced before the sync engine has loaded, not that it never has', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    await setMeta(db, 'lastSyncAt', new Date(Date.now() - 10 * 60_000).toISOString());
    // The engine is fetched after the first screen: until then its status knows no sync.
    syncEngine.status.update({ lastSyncAt: null });
    renderApp('/');
    const lastSync = await screen.findByTestId('last-sync');
    await expect.poll(() => lastSync.textContent).toMatch(/^Last sync .*10 minutes ago/);
  });
});
