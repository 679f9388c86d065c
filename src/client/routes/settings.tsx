import { SettingsScreen } from '../features/settings/SettingsScreen';

export function SettingsRoute() {
  return <SettingsScreen />;
}
