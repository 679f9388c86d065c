import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { AppErrorCode } from '../../src/client/data/errors';
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

  it('offline is said once, without a red error repeating it', async () => {
    expect((await counterAfterFailedSync(false)).textContent).toBe('Offline');
    expect(screen.queryByText(/Cannot reach the server/)).toBeNull();
  });

  it('a server failing while the tablet is online is still shown', async () => {
    expect((await counterAfterFailedSync(true)).textContent).toBe('Online');
    expect(screen.getByText('Cannot reach the server. Check the connection and try again.')).toBeTruthy();
  });
});
