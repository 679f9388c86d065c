import { liveQuery, type Subscription } from 'dexie';
import { db as defaultDb, type CunzhanDb } from '../data/db';
import { endSessionBecause, getSession, onSessionChange, refreshSessionStaff, type Session } from './session';

/**
 * Ends the session as soon as a sync brings the signed-in person's staff
 * row deactivated (and follows a new role or name at once): they must not go on selling under an account the centre
 * has closed (the server would refuse those changes anyway, rolling them back).
 * Returns a function that stops watching.
 */
export function watchSessionStaff(database: CunzhanDb = defaultDb): () => void {
  let watching: Subscription | undefined;
  const follow = (session: Session | null) => {
    watching?.unsubscribe();
    watching = undefined;
    if (!session) return;
    watching = liveQuery(() => database.staff.get(session.staff.id)).subscribe({
      next: (staff) => {
        if (!staff || getSession()?.staff.id !== staff.id) return;
        if (!staff.active) endSessionBecause('deactivated');
        else if (staff.role !== session.staff.role || staff.name !== session.staff.name) refreshSessionStaff(staff);
      },
      error: () => undefined, // a failed read proves nothing: the person stays signed in
    });
  };
  follow(getSession());
  const stopFollowing = onSessionChange(follow);
  return () => {
    stopFollowing();
    watching?.unsubscribe();
  };
}
