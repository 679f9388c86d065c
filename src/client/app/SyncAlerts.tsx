import { ClockWarning } from '../features/sync/ClockWarning';
import { CreditOverLimitAlert } from '../features/sync/CreditOverLimitAlert';
import { OversoldAlert } from '../features/sync/OversoldAlert';
import { RefusalsNotice } from '../features/sync/RefusalsNotice';

/**
 * What sync found that staff should know: a clock set wrong, stock sold past
 * zero, a villager taken past the credit limit, changes the server refused.
 * Its own chunk, drawn from the first tap or key (or a moment after the
 * screen): none of it can be news before the tablet has looked, and its code
 * stays off a cold load's first wave. `data-testid="sync-alerts"` says the
 * alerts are watching, so a test can tell quiet from not yet drawn.
 */
export function SyncAlerts() {
  return (
    <div class="alerts" data-testid="sync-alerts">
      <ClockWarning />
      <OversoldAlert />
      <CreditOverLimitAlert />
      <RefusalsNotice />
    </div>
  );
}
