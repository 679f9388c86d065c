/**
 * Commands announce here that they queued a mutation; the sync engine
 * listens and pushes soon after. The data layer does not import the sync
 * engine, so commands work (and are tested) without one.
 */
const target = new EventTarget();
const EVENT = 'mutation-queued';

export function announceMutationQueued(): void {
  target.dispatchEvent(new Event(EVENT));
}

export function onMutationQueued(listener: () => void): () => void {
  target.addEventListener(EVENT, listener);
  return () => target.removeEventListener(EVENT, listener);
}
