/** Which part of a trainer session is open, so a reload opens the same one. */
export type SessionPart = 'attendance' | 'quiz' | 'results';

export interface SessionSearch {
  part?: SessionPart;
}

export function parseSessionSearch(search: Record<string, unknown>): SessionSearch {
  const part = search['part'];
  return part === 'attendance' || part === 'quiz' || part === 'results' ? { part } : {};
}
