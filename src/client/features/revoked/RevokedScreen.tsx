import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { checkPin } from '../../auth/check-pin';
import { logout } from '../../auth/session';
import { db, type StoredDevice } from '../../data/db';
import { AppError, AppErrorCode, toAppError } from '../../data/errors';
import type { RevokedState } from '../../data/meta';
import { waitingCount } from '../../data/outbox-queue';
import { useStaffList } from '../../data/queries/staff';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { PinForm } from '../login/PinForm';
import { buildExport, downloadExport, forgetTablet } from './export-queue';

/**
 * The county removed this tablet: nothing syncs any more, and nothing is
 * lost. An admin of the centre saves the unsynced changes to a file (the
 * county imports it), then the tablet can be enrolled again.
 */
export function RevokedScreen({ device, revoked }: { device: StoredDevice; revoked: RevokedState }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pending = useLiveQuery(() => waitingCount(db), [], 0);
  const admins = useStaffList()?.filter((s) => s.role === 'admin');
  const [admin, setAdmin] = useState<Staff | null>(null);
  const [discard, setDiscard] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayEnrolAgain = pending === 0 || revoked.exportedAt !== undefined || discard;

  async function exportAs(staff: Staff, pin: string) {
    const checked = await checkPin(staff.id, pin);
    if (checked.staff.role !== 'admin') throw new AppError(AppErrorCode.notAdmin);
    await downloadExport(db, await buildExport(db), device.deviceNo);
    setAdmin(null);
  }

  async function enrolAgain() {
    setError(null);
    try {
      logout();
      await forgetTablet(db);
    } catch (e) {
      setError(`errors.${toAppError(e).code}`);
    }
  }

  return (
    <main class="gate">
      <div class="gate-card gate-card-wide" role="alert" data-testid="revoked">
        <h1>
          <Icon name="warning" /> {t('revoked.title')}
        </h1>
        <p>{t('revoked.explain', { centre: fmt.name(device.centre.name), device: device.name })}</p>
        <p class="notice" data-testid="revoked-pending" data-count={pending}>
          {t('revoked.pending', { count: pending, n: fmt.number(pending) })}
        </p>
        {revoked.exportedAt && (
          <p class="notice notice-ok" data-testid="revoked-exported">
            {t('revoked.exported', { when: fmt.dateTime(revoked.exportedAt) })}
          </p>
        )}

        {pending > 0 && (
          <div class="card">
            <h2>{t('revoked.exportTitle')}</h2>
            {admin ? (
              <>
                <p>{t('revoked.exportPin', { name: admin.name })}</p>
                <PinForm staffId={admin.id} submitLabel={t('revoked.export')} onPin={(pin) => exportAs(admin, pin)} />
                <button type="button" class="button button-ghost" onClick={() => setAdmin(null)}>
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <>
                <p class="muted">{t('revoked.exportWho')}</p>
                <ul class="staff-tiles">
                  {(admins ?? []).map((a) => (
                    <li key={a.id}>
                      <button type="button" class="staff-tile" data-testid="export-admin" onClick={() => setAdmin(a)}>
                        <Icon name="key" size={28} />
                        <span class="staff-name">{a.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}

        <div class="card">
          <h2>{t('revoked.enrolTitle')}</h2>
          {pending > 0 && revoked.exportedAt === undefined && (
            <label class="field field-inline">
              <input type="checkbox" data-testid="revoked-discard" checked={discard} onChange={(e) => setDiscard(e.currentTarget.checked)} />
              {t('revoked.discard', { count: pending, n: fmt.number(pending) })}
            </label>
          )}
          <ErrorText code={error} />
          <button
            type="button"
            class="button button-large"
            data-testid="revoked-enrol-again"
            disabled={!mayEnrolAgain}
            onClick={() => void enrolAgain()}
          >
            <Icon name="sync" />
            {t('revoked.enrolAgain')}
          </button>
        </div>
      </div>
    </main>
  );
}
