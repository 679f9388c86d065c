import { roleMayRun, roleMaySee, type Screen } from '../../shared/domain/permissions';
import type { MutationKind } from '../../shared/mutations/kinds';
import { useSession } from './session';

/**
 * What the signed-in person may see and do, from the one permission table
 * the server also reads. Hiding is a courtesy: the server refuses anyway.
 */
export function useMaySee(screen: Screen): boolean {
  const session = useSession();
  return !!session && roleMaySee(session.staff.role, screen);
}

export function useMayRun(kind: MutationKind): boolean {
  const session = useSession();
  return !!session && roleMayRun(session.staff.role, kind);
}
