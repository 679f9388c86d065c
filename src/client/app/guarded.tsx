import type { ComponentType } from 'react';
import { roleMayRun, roleMaySee, type Screen } from '../../shared/domain/permissions';
import type { MutationKind } from '../../shared/mutations/kinds';
import { useSession } from '../auth/session';
import { NotAllowed } from './NotAllowed';

/**
 * What a route needs of the person's role: a screen they may see, and (for
 * screens that only write, like a product form) a kind they may run.
 */
export interface Needs {
  screen: Screen;
  run?: MutationKind;
}

/** The route's screen for roles that may open it; the "not allowed" screen for the rest. */
export function guarded(needs: Needs, Screen: ComponentType): ComponentType {
  return function Guarded() {
    const role = useSession()?.staff.role;
    const allowed = !!role && roleMaySee(role, needs.screen) && (needs.run === undefined || roleMayRun(role, needs.run));
    return allowed ? <Screen /> : <NotAllowed />;
  };
}
