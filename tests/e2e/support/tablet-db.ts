import type { Page } from 'playwright-core';

/**
 * What a person with the tablet's browser in hand could do to its storage:
 * used to hand-craft changes the screens would never make, and to set the
 * idle time without waiting minutes. Runs in the page, on raw IndexedDB.
 */

/** Sets a `meta` value (e.g. idleLockMs) as the app stores it. */
export async function setTabletMeta(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ({ key, value }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('cunzhan');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key, value });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { key, value },
  );
}

/**
 * Queues a price change signed with the signed-in person's own key, as if
 * the screens had let them make it: the local row changes and the entry
 * waits in the outbox, properly proven. Only the role check can stop it.
 */
export async function craftSignedPriceChange(page: Page, sku: string, priceFen: number, protocolVersion: number): Promise<void> {
  await page.evaluate(
    async ({ sku, priceFen, protocolVersion }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('cunzhan');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
        new Promise((ok, fail) => {
          const r = op(db.transaction(store).objectStore(store));
          r.onsuccess = () => ok(r.result as T);
          r.onerror = () => fail(r.error);
        });
      const canonical = (v: unknown): string => {
        if (v === null || typeof v !== 'object') return JSON.stringify(v);
        if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
      };
      const [keysRow] = await read<{ staffId: string; keys: { keyId: string; proofKey: CryptoKey } }[]>('sessionKeys', (s) => s.getAll());
      const device = (await read<{ value: { deviceId: string; centre: { id: string } } }>('meta', (s) => s.get('device'))).value;
      const products = await read<{ id: string; sku: string; priceFen: number }[]>('products', (s) => s.getAll());
      const product = products.find((p) => p.sku === sku)!;
      const id = crypto.randomUUID();
      const createdAt = new Date().toISOString();
      const args = { id: product.id, patch: { priceFen } };
      const { staffId, keys } = keysRow!;
      const text = canonical(['cunzhan-proof-1', id, 'product.update', staffId, device.deviceId, createdAt, keys.keyId, args]);
      // A proof is the HMAC's first 16 bytes (src/shared/auth/PROOF.md).
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.proofKey, new TextEncoder().encode(text))).slice(0, 16);
      const proof = btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const key = `products:${product.id}`;
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['products', 'outbox'], 'readwrite');
        tx.objectStore('products').put({ ...product, priceFen });
        tx.objectStore('outbox').add({
          id, kind: 'product.update', args, staffId, deviceId: device.deviceId, centreId: device.centre.id, createdAt,
          protocolVersion, keyId: keys.keyId, proof, touched: [key], before: [{ key, row: product }],
        });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { sku, priceFen, protocolVersion },
  );
}
