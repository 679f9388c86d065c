import { useParams } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { RequirePinAgain } from '../auth/RequirePinAgain';
import { StaffDetailScreen } from '../features/staff/StaffDetailScreen';
import { StaffNewScreen } from '../features/staff/StaffNewScreen';
import { StaffScreen } from '../features/staff/StaffScreen';

// Staff changes decide who can sign in: the admin types their PIN again before any of them.

export const StaffRoute = guarded({ screen: 'staff' }, function StaffList() {
  return (
    <RequirePinAgain>
      <StaffScreen />
    </RequirePinAgain>
  );
});

export const StaffNewRoute = guarded({ screen: 'staff', run: 'staff.create' }, function StaffNew() {
  return (
    <RequirePinAgain>
      <StaffNewScreen />
    </RequirePinAgain>
  );
});

export const StaffDetailRoute = guarded({ screen: 'staff' }, function StaffDetail() {
  const { staffId } = useParams({ from: '/staff/$staffId' });
  return (
    <RequirePinAgain>
      <StaffDetailScreen staffId={staffId} />
    </RequirePinAgain>
  );
});
