import { guarded } from '../app/guarded';
import { RequirePinAgain } from '../auth/RequirePinAgain';
import { CashUpScreen } from '../features/counter/CashUpScreen';

// A cash-up records what the person vouches they counted: the PIN is asked again, every time.
export const CashUpRoute = guarded({ screen: 'cashup', run: 'till.cashUp' }, function CashUp() {
  return (
    <RequirePinAgain always>
      <CashUpScreen />
    </RequirePinAgain>
  );
});
