import { isPinAllowed } from '../../shared/domain/pin-rule';
import type {
  CentreDetail,
  CentresResponse,
  CreateCentreRequest,
  CreatedCentre,
  ImportResponse,
  IssuedCodeResponse,
} from '../../shared/protocol/county';
import { ApiErrorCode } from '../../shared/protocol/messages';
import { addStaff, createCentre } from '../admin/operations';
import { resetStaffPin } from '../admin/reset-pin';
import { ImportRefused, type ImportCounts, type ImportOptions } from '../apply/import-export';
import { issueEnrolCode } from '../auth/enrol-codes';
import { ApiError } from '../http/api-error';
import type { Logger } from '../log';
import type { Store } from '../store/store';

/** Applies a revoked tablet's exported changes once (apply/import-export.ts). */
export type ImportExport = (store: Store, file: unknown, options: ImportOptions) => Promise<ImportCounts>;

/** How many of a centre's latest codes the detail page lists. */
const CODES_LISTED = 20;
/** A code from the admin area, unless asked otherwise: a day, like the CLI's. */
const DEFAULT_CODE_HOURS = 24;

const noCentre = () => new ApiError(404, ApiErrorCode.notFound, 'no such centre');

/** What county admins do to centres, tablets and centre admins; the route only checks who asks. */
export class CentreActions {
  constructor(
    private readonly store: Store,
    private readonly importExport: ImportExport,
  ) {}

  async listCentres(): Promise<CentresResponse> {
    const [centres, devices] = await Promise.all([this.store.listCentres(), this.store.listDevices()]);
    const counts = new Map<string, { active: number; revoked: number }>();
    for (const d of devices) {
      const count = counts.get(d.centreId) ?? { active: 0, revoked: 0 };
      if (d.revokedAt === null) count.active++;
      else count.revoked++;
      counts.set(d.centreId, count);
    }
    return {
      centres: centres.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt, devices: counts.get(c.id) ?? { active: 0, revoked: 0 } })),
    };
  }

  /** The centre, then its first admin: the tablets enrolled later pull the admin with everything else. */
  async createCentre(request: CreateCentreRequest): Promise<CreatedCentre> {
    if (!isPinAllowed('admin', request.admin.pin)) throw new ApiError(400, ApiErrorCode.invalidBody, 'admin.pin: the PIN must be 6 digits');
    const centre = await createCentre(this.store, request.name);
    const admin = await addStaff(this.store, { centreId: centre.id, name: request.admin.name, role: 'admin', pin: request.admin.pin });
    return { centre, adminId: admin.id };
  }

  async centreDetail(centreId: string): Promise<CentreDetail> {
    const centre = await this.store.getCentre(centreId);
    if (!centre) throw noCentre();
    const [devices, staff, codes] = await Promise.all([
      this.store.listDevices(centreId),
      this.store.county.centreStaff(centreId),
      this.store.county.listEnrolCodes(centreId, CODES_LISTED),
    ]);
    return {
      centre,
      tablets: devices.map((d) => ({
        id: d.id,
        name: d.name,
        deviceNo: d.deviceNo,
        enrolledAt: d.enrolledAt,
        revokedAt: d.revokedAt,
        lastSyncAt: d.lastSyncAt,
        appVersion: d.appVersion,
        pendingCount: d.pendingCount,
      })),
      admins: staff.filter((s) => s.role === 'admin').map((s) => ({ id: s.id, name: s.name, active: s.active })),
      codes: codes.map((code) => ({ createdAt: code.createdAt, expiresAt: code.expiresAt, usedAt: code.usedAt })),
    };
  }

  async issueCode(centreId: string, hours = DEFAULT_CODE_HOURS): Promise<IssuedCodeResponse> {
    if (!(await this.store.getCentre(centreId))) throw noCentre();
    const issued = await issueEnrolCode(this.store, centreId, hours);
    return { code: issued.code, expiresAt: issued.expiresAt };
  }

  /** Only a centre admin's PIN: the centre's own admin resets the others' on a tablet. */
  async resetAdminPin(centreId: string, staffId: string, pin: string): Promise<void> {
    const staff = (await this.store.county.centreStaff(centreId)).find((s) => s.id === staffId);
    if (!staff || staff.role !== 'admin') throw new ApiError(404, ApiErrorCode.notFound, 'no such admin in this centre');
    if (!isPinAllowed('admin', pin)) throw new ApiError(400, ApiErrorCode.invalidBody, 'pin: the PIN must be 6 digits');
    await resetStaffPin(this.store, { id: staffId, centreId }, pin);
  }

  /** A file refused as a whole (not an export, an unknown tablet) applied nothing: 422 says so. */
  async importFile(file: unknown, log: Logger): Promise<ImportResponse> {
    try {
      const counts = await this.importExport(this.store, file, { log });
      return { applied: counts.applied, refused: counts.refused, alreadyApplied: counts.alreadyApplied };
    } catch (error) {
      if (error instanceof ImportRefused) throw new ApiError(422, ApiErrorCode.importRefused, `${error.reason}: ${error.message}`);
      throw error;
    }
  }
}
