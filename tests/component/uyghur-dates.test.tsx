import { screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '../../src/client/auth/session';
import ug from '../../src/client/i18n/locales/ug.json';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

describe('Uyghur dates', () => {
  freshTabletEach('ug');

  // Like Chromium, whose trimmed ICU data has no Uyghur (Node's full ICU has).
  beforeEach(() => {
    const dates = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
    const relative = Intl.RelativeTimeFormat.supportedLocalesOf.bind(Intl.RelativeTimeFormat);
    const withoutUyghur = (locales: Intl.LocalesArgument) => [locales ?? []].flat().map(String).filter((l) => l !== 'ug');
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales) => dates(withoutUyghur(locales)));
    vi.spyOn(Intl.RelativeTimeFormat, 'supportedLocalesOf').mockImplementation((locales) => relative(withoutUyghur(locales)));
  });
  afterEach(() => vi.restoreAllMocks());

  it('name the month in Uyghur instead of showing bare numbers', async () => {
    const centre = await enrolledTablet();
    await login(centre.staff.id, centre.pin);
    renderApp('/settings');

    // The tablet was enrolled just now: "29-نويابىر، 2026، 09:05".
    const now = new Date();
    const month = ug.time.date.months[String(now.getMonth() + 1) as keyof typeof ug.time.date.months];
    const enrolled = await screen.findByText(new RegExp(`^${now.getDate()}-${month}، ${now.getFullYear()}، \\d\\d:\\d\\d$`));
    expect(enrolled.previousElementSibling?.textContent).toBe(ug.settings.enrolledAt);
  });
});
