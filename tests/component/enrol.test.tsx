import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client/data/db';
import { getMeta } from '../../src/client/data/meta';
import { freshTabletEach, renderApp } from './support';

describe('enrolment screen', () => {
  freshTabletEach('en');
  afterEach(() => vi.unstubAllGlobals());

  it('too many attempts: says how many seconds to wait, and keeps the secret for the next try', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(Response.json({ error: 'rate_limited', message: 'slow down' }, { status: 429, headers: { 'Retry-After': '30' } })),
    );
    renderApp('/');
    fireEvent.input(await screen.findByTestId('enrol-code', {}, { timeout: 5000 }), { target: { value: 'ABCD-2345' } });
    fireEvent.click(screen.getByTestId('enrol-submit'));

    expect(await screen.findByText('Too many attempts: try again in 30 seconds')).toBeTruthy();
    expect(await getMeta(db, 'pendingEnrolment')).toMatchObject({ code: 'ABCD-2345' });
    expect(await getMeta(db, 'device')).toBeUndefined();
  });
});
