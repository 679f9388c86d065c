import type { CentreTx, Store } from '../../../src/server/store/store';
import type { RowChange } from '../../../src/shared/mutations/types';

/** The error a write of this row throws, or undefined when it succeeds. */
export type WriteFault = (change: RowChange) => unknown;

/** An error as the pg driver reports a failed statement: its SQLSTATE in `code`. */
export function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'DatabaseError', code, severity: 'ERROR' });
}

/**
 * A Store that behaves as `inner`, except that a CentreTx.writeRows holding a
 * row `fault` picks throws its error before writing anything: the way to make
 * a store fail on one row without breaking the database itself.
 */
export class FaultyStore implements Store {
  fault: WriteFault = () => undefined;

  constructor(readonly inner: Store) {}

  get kind() {
    return this.inner.kind;
  }

  get county() {
    return this.inner.county;
  }

  get packs() {
    return this.inner.packs;
  }

  get variants() {
    return this.inner.variants;
  }

  migrate = () => this.inner.migrate();
  close = () => this.inner.close();
  createCentre: Store['createCentre'] = (centre) => this.inner.createCentre(centre);
  getCentre: Store['getCentre'] = (id) => this.inner.getCentre(id);
  listCentres: Store['listCentres'] = () => this.inner.listCentres();
  redeemEnrolCode: Store['redeemEnrolCode'] = (codeHash, now, device) => this.inner.redeemEnrolCode(codeHash, now, device);
  createEnrolCode: Store['createEnrolCode'] = (code) => this.inner.createEnrolCode(code);
  usableEnrolCodeUntil: Store['usableEnrolCodeUntil'] = (centreId, now) => this.inner.usableEnrolCodeUntil(centreId, now);
  findActiveDevice: Store['findActiveDevice'] = (tokenHash) => this.inner.findActiveDevice(tokenHash);
  findDeviceByToken: Store['findDeviceByToken'] = (tokenHash) => this.inner.findDeviceByToken(tokenHash);
  getDevice: Store['getDevice'] = (id) => this.inner.getDevice(id);
  recordDeviceSync: Store['recordDeviceSync'] = (id, report) => this.inner.recordDeviceSync(id, report);
  listDevices: Store['listDevices'] = (centreId) => this.inner.listDevices(centreId);
  revokeDevice: Store['revokeDevice'] = (id, at) => this.inner.revokeDevice(id, at);
  pull: Store['pull'] = (centreId, after, limit, device, scope) => this.inner.pull(centreId, after, limit, device, scope);
  closedHistory: Store['closedHistory'] = (centreId, query) => this.inner.closedHistory(centreId, query);
  readRow: Store['readRow'] = (centreId, table, id) => this.inner.readRow(centreId, table, id);
  lastSeq: Store['lastSeq'] = (centreId) => this.inner.lastSeq(centreId);

  inCentreTx<T>(centreId: string, work: (tx: CentreTx) => Promise<T>): Promise<T> {
    return this.inner.inCentreTx(centreId, (tx) => work(this.faulty(tx)));
  }

  private faulty(tx: CentreTx): CentreTx {
    return {
      ...tx,
      writeRows: async (changes, origin) => {
        for (const change of changes) {
          const error = this.fault(change);
          if (error !== undefined) throw error;
        }
        return tx.writeRows(changes, origin);
      },
    };
  }
}
