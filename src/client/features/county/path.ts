/**
 * The county admin area lives under /county: a browser there needs no
 * enrolled tablet and no staff PIN, only a county sign-in. Tiny on purpose:
 * the tablet's first screen imports this and nothing else of the area.
 */
export function isCountyPath(pathname: string): boolean {
  return pathname === '/county' || pathname.startsWith('/county/');
}
