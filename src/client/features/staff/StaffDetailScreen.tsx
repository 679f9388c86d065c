import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Role, Staff } from '../../../shared/domain/entities';
import { pinRuleFor } from '../../../shared/domain/pin-rule';
import { useSession } from '../../auth/session';
import { setStaffRole } from '../../data/commands/staff-set-role';
import { useStaffMember } from '../../data/queries/staff-admin';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { DeactivateCard } from './DeactivateCard';
import { ResetPinCard } from './ResetPinCard';
import { RoleBadge } from './RoleBadge';
import { RoleChoice } from './RoleChoice';
import { useStaffAction } from './useStaffAction';

/** One person: change their role, set a new PIN, or deactivate them. */
export function StaffDetailScreen({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const staff = useStaffMember(staffId);
  if (staff === undefined) return <Loading />;
  if (staff === null) return <p class="empty">{t('staff.notFound')}</p>;
  return <StaffDetail key={staff.id} staff={staff} />;
}

function StaffDetail({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const self = session?.staff.id === staff.id;

  return (
    <section class="screen staff-detail">
      <Link to="/staff" className="button button-ghost back-link" data-testid="staff-back">
        <Icon name="back" class="flip-rtl" />
        {t('staff.title')}
      </Link>
      <div class="row-between screen-head">
        <h1 data-testid="staff-detail-name">
          <bdi>{staff.name}</bdi>
        </h1>
        <RoleBadge role={staff.role} active={staff.active} />
      </div>
      {!staff.active && (
        <p class="notice" data-testid="staff-inactive">
          {staff.deactivatedAt ? t('staff.deactivatedOn', { date: fmt.dateTime(staff.deactivatedAt) }) : t('staff.inactive')}
        </p>
      )}
      {staff.active && (
        <>
          <RoleCard staff={staff} self={self} />
          <ResetPinCard staff={staff} />
          <DeactivateCard staff={staff} self={self} />
        </>
      )}
    </section>
  );
}

function RoleCard({ staff, self }: { staff: Staff; self: boolean }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(staff.role);
  const [done, setDone] = useState(false);
  const { busy, failure, clearFailure, run } = useStaffAction();
  const changed = role !== staff.role;

  async function save() {
    setDone(await run(() => setStaffRole(staff.id, role)));
  }

  return (
    <div class="card" data-testid="role-card">
      <RoleChoice
        value={role}
        name="role"
        testId="change-role"
        onChange={(next) => {
          setRole(next);
          setDone(false);
          clearFailure();
        }}
      />
      {changed && role === 'admin' && <p class="muted">{t('staff.adminPinHint', { n: pinRuleFor('admin').minLength })}</p>}
      {changed && self && role !== 'admin' && <p class="notice">{t('staff.selfDemoteHint')}</p>}
      <ErrorText code={failure?.key} params={failure?.params} />
      {done && !changed && (
        <p class="notice notice-ok" role="status" data-testid="role-saved">
          {t('staff.roleSaved', { role: t(`roles.${staff.role}`) })}
        </p>
      )}
      <button
        type="button"
        class="button button-primary button-large"
        data-testid="change-role-save"
        disabled={!changed || busy}
        onClick={() => void save()}
      >
        <Icon name="check" />
        {busy ? t('common.saving') : t('staff.roleSave')}
      </button>
    </div>
  );
}
