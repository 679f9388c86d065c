import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedLiveQuery, sharedLiveQuery } from '../../src/client/data/queries/shared-live';

class CountsDb extends Dexie {
  items!: Table<{ id: string; n: number }, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ items: 'id' });
  }
}

let made = 0;
function freshDb(): CountsDb {
  return new CountsDb(`shared-live-${++made}`);
}

/** The next value a watcher sees that passes `ok`. */
function nextValue<T>(query: SharedLiveQuery<T>, ok: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const watching = query.subscribe(
      (value) => {
        if (!ok(value)) return;
        queueMicrotask(() => watching.unsubscribe());
        resolve(value);
      },
      reject,
    );
  });
}

const open: { unsubscribe(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.unsubscribe();
});

describe('a shared live query', () => {
  it('runs once per change for every watcher, and a watcher that comes later starts from its answer', async () => {
    const db = freshDb();
    await db.items.put({ id: 'a', n: 1 });
    let runs = 0;
    const query = new SharedLiveQuery(async () => {
      runs++;
      return db.items.toArray();
    });
    const seenA: number[][] = [];
    const seenB: number[][] = [];
    open.push(query.subscribe((rows) => seenA.push(rows.map((r) => r.n))));
    open.push(query.subscribe((rows) => seenB.push(rows.map((r) => r.n))));
    await nextValue(query);
    expect(runs).toBe(1);
    expect(query.hasValue()).toBe(true);
    expect(query.getValue().map((r) => r.n)).toEqual([1]);

    await db.items.put({ id: 'b', n: 2 });
    await nextValue(query, (rows) => rows.length === 2);
    expect(runs).toBe(2);
    expect(seenA.at(-1)).toEqual([1, 2]);
    expect(seenB.at(-1)).toEqual([1, 2]);

    // A late watcher is told the current answer at once, without another run.
    const late: number[][] = [];
    open.push(query.subscribe((rows) => late.push(rows.map((r) => r.n))));
    expect(late).toEqual([[1, 2]]);
    expect(runs).toBe(2);
  });

  it('forgets its answer when nothing watches it, and starts again for the next watcher', async () => {
    const db = freshDb();
    await db.items.put({ id: 'a', n: 1 });
    const query = sharedLiveQuery(`items:${made}`, () => db.items.toArray());
    expect(sharedLiveQuery(`items:${made}`, () => db.items.toArray())).toBe(query);
    const watching = query.subscribe();
    await nextValue(query);
    watching.unsubscribe();
    expect(query.hasValue()).toBe(false);
    // Changed while nobody watched: the next watcher sees the change, never the old answer.
    await db.items.put({ id: 'a', n: 5 });
    const again = sharedLiveQuery(`items:${made}`, () => db.items.toArray());
    expect(again.hasValue()).toBe(false);
    expect((await nextValue(again)).map((r) => r.n)).toEqual([5]);
  });
});
