/**
 * Villagers' phone numbers: mainland mobile numbers only (11 digits, 1[3-9]…).
 * People type them with spaces, dashes or a +86 prefix; the stored form is
 * the bare 11 digits, so the same phone always compares equal.
 */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The number without spaces, dashes and an optional +86: what is stored and compared. */
export function normalisePhone(text: string): string {
  const bare = text.replace(/[\s\-\u2010-\u2015]/g, '');
  return bare.startsWith('+86') ? bare.slice(3) : bare;
}

/** Whether `text` (as typed) is a mainland mobile number. */
export function isMainlandMobile(text: string): boolean {
  return MAINLAND_MOBILE.test(normalisePhone(text));
}
