import { guarded } from '../app/guarded';
import { RequirePinAgain } from '../auth/RequirePinAgain';
import { SettingsScreen } from '../features/settings/SettingsScreen';

// Settings hold the tablet's lock time and its enrolment: the PIN is asked again.
export const SettingsRoute = guarded({ screen: 'settings' }, function Settings() {
  return (
    <RequirePinAgain>
      <SettingsScreen />
    </RequirePinAgain>
  );
});
