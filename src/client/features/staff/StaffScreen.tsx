import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { useSession } from '../../auth/session';
import { useCentreStaff } from '../../data/queries/staff-admin';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { RoleBadge } from './RoleBadge';

/** The centre's people: active first with their roles, deactivated ones greyed below. */
export function StaffScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const staff = useCentreStaff(fmt.lang);
  const active = (staff ?? []).filter((s) => s.active);
  const inactive = (staff ?? []).filter((s) => !s.active);

  const row = (s: Staff) => (
    <li key={s.id}>
      <Link
        to="/staff/$staffId"
        params={{ staffId: s.id }}
        className={s.active ? 'list-row staff-row' : 'list-row staff-row staff-row-inactive'}
        data-testid="staff-row"
        data-active={String(s.active)}
      >
        <Icon name="user" size={32} />
        <span class="list-row-main">
          <strong>
            <bdi>{s.name}</bdi>
            {s.id === session?.staff.id && <span class="muted"> · {t('staff.you')}</span>}
          </strong>
          {!s.active && (
            <span class="muted">
              {s.deactivatedAt ? t('staff.deactivatedOn', { date: fmt.dateTime(s.deactivatedAt) }) : t('staff.inactive')}
            </span>
          )}
        </span>
        <RoleBadge role={s.role} active={s.active} />
        <Icon name="back" class="flip-ltr" />
      </Link>
    </li>
  );

  return (
    <section class="screen">
      <div class="row-between screen-head">
        <h1>{t('staff.title')}</h1>
        <div class="head-actions">
          <Link to="/activity" className="button" data-testid="activity-link">
            <Icon name="receipt" />
            {t('activity.title')}
          </Link>
          <Link to="/staff/new" className="button button-primary" data-testid="add-staff">
            <Icon name="plus" />
            {t('staff.add')}
          </Link>
        </div>
      </div>
      <p class="muted">{t('staff.intro')}</p>
      {staff === undefined ? (
        <Loading />
      ) : (
        <>
          <ul class="list" data-testid="staff-list">
            {active.map(row)}
          </ul>
          {inactive.length > 0 && (
            <>
              <h2>{t('staff.inactiveHeading')}</h2>
              <ul class="list" data-testid="staff-list-inactive">
                {inactive.map(row)}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
