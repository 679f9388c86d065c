import { liveQuery } from 'dexie';

type Next<T> = (value: T) => void;
type Fail = (error: unknown) => void;

/**
 * One live query however many components watch it: it runs once per change
 * of what it read, and a component mounting while it is live starts from its
 * current answer instead of showing "loading" first. With nothing watching
 * it stops and forgets its answer, so it never serves an answer it stopped
 * keeping up to date. Shaped for dexie-react-hooks' useObservable, which
 * reads getValue() on mount.
 */
export class SharedLiveQuery<T> {
  private readonly watchers = new Set<{ next: Next<T>; error: Fail }>();
  private inner: { unsubscribe(): void } | null = null;
  private has = false;
  private value: T | undefined;

  constructor(
    private readonly querier: () => Promise<T>,
    private readonly onIdle: () => void = () => undefined,
  ) {}

  hasValue(): boolean {
    return this.has;
  }

  /** The current answer; only meaningful while hasValue(). */
  getValue(): T {
    return this.value as T;
  }

  subscribe(next: Next<T> = () => undefined, error: Fail = () => undefined): { unsubscribe(): void } {
    const watcher = { next, error };
    this.watchers.add(watcher);
    if (!this.inner) {
      this.inner = liveQuery(this.querier).subscribe({
        next: (value) => {
          this.value = value;
          this.has = true;
          for (const w of [...this.watchers]) w.next(value);
        },
        error: (e: unknown) => {
          // The next watcher starts it again.
          this.inner = null;
          this.has = false;
          this.value = undefined;
          for (const w of [...this.watchers]) w.error(e);
        },
      });
    } else if (this.has) {
      // A late watcher gets the answer it may have missed between its render and its subscription.
      next(this.value as T);
    }
    let done = false;
    return {
      unsubscribe: () => {
        if (done) return;
        done = true;
        this.watchers.delete(watcher);
        if (this.watchers.size > 0 || !this.inner) return;
        this.inner.unsubscribe();
        this.inner = null;
        this.has = false;
        this.value = undefined;
        this.onIdle();
      },
    };
  }
}

const shared = new Map<string, SharedLiveQuery<unknown>>();

/** The shared live query of `key`, made with `querier` when nothing watches it yet. */
export function sharedLiveQuery<T>(key: string, querier: () => Promise<T>): SharedLiveQuery<T> {
  let found = shared.get(key) as SharedLiveQuery<T> | undefined;
  if (!found) {
    const made: SharedLiveQuery<T> = new SharedLiveQuery(querier, () => {
      if (shared.get(key) === made) shared.delete(key);
    });
    shared.set(key, made as SharedLiveQuery<unknown>);
    found = made;
  }
  return found;
}
