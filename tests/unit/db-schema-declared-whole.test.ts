import 'fake-indexeddb/auto';
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { uuidv7 } from '../../src/shared/domain/ids';
import { LAST_SHIPPED_VERSION, openShippedVersion } from './support/shipped-db';

/** The object stores and indexes IndexedDB really holds, as comparable text. */
function storedSchema(database: IDBDatabase): Record<string, string> {
  const stores: Record<string, string> = {};
  const tx = database.transaction([...database.objectStoreNames], 'readonly');
  for (const name of database.objectStoreNames) {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].map((i) => {
      const index = store.index(i);
      return `${index.name}=${JSON.stringify(index.keyPath)}${index.multiEntry ? '*' : ''}${index.unique ? '&' : ''}`;
    });
    stores[name] = `${JSON.stringify(store.keyPath)}${store.autoIncrement ? '++' : ''} ${indexes.sort().join(' ')}`;
  }
  return stores;
}

async function schemaOf(database: Dexie): Promise<Record<string, string>> {
  await database.open();
  const schema = storedSchema(database.backendDB());
  database.close();
  return schema;
}

describe('the schema declared whole', () => {
  it('a new tablet gets every table, and a tablet at each shipped version is upgraded to exactly the same stores and indexes', async () => {
    const expected = await schemaOf(new CunzhanDb(`fresh-${uuidv7()}`));
    // The same as the chain of versions that shipped, declared one after another.
    expect(expected).toEqual(await schemaOf(openShippedVersion(`chain-${uuidv7()}`, LAST_SHIPPED_VERSION)));
    for (let version = 1; version <= LAST_SHIPPED_VERSION; version++) {
      const name = `shipped-${version}-${uuidv7()}`;
      const old = openShippedVersion(name, version);
      await old.open();
      await old.table('meta').put({ key: 'cursor', value: version });
      old.close();

      const current = new CunzhanDb(name);
      await current.open();
      expect(storedSchema(current.backendDB()), `from version ${version}`).toEqual(expected);
      // What the old version held is still there.
      expect((await current.meta.get('cursor'))?.value, `from version ${version}`).toBe(version);
      current.close();
    }
  });
});
