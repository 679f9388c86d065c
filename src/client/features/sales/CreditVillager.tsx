import { useTranslation } from '../../i18n/use-translation';
import type { Fen } from '../../../shared/domain/money';
import { approveOverLimit } from '../../data/commands/complete-sale';
import type { CreditLedger } from '../../data/queries/credit';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { VillagerPicker } from '../orders/VillagerPicker';
import { AdminPinStep } from '../parcels/AdminPinStep';
import { approvalCovers, type CreditApproval } from './credit-approval';
import { creditNeedsAdmin } from './sale-payment';

/**
 * Who the credit part goes to: picked by name, pinyin, phone or village,
 * with what they owe and the centre's limit. A part that takes them past
 * the limit waits for an admin's PIN, typed here, unless an admin is selling.
 */
export function CreditVillager({ customerId, ledger, creditFen, selfIsAdmin, approval, onCustomer, onApproval }: {
  customerId: string | null;
  /** The picked villager's ledger (undefined while it loads or none is picked). */
  ledger: CreditLedger | undefined;
  creditFen: Fen;
  selfIsAdmin: boolean;
  approval: CreditApproval | null;
  onCustomer(id: string | null): void;
  onApproval(approval: CreditApproval): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const needsAdmin = customerId !== null && ledger !== undefined && creditNeedsAdmin(ledger.balanceFen, creditFen, ledger.limitFen);
  return (
    <div class="pay-credit" data-testid="pay-credit">
      <VillagerPicker value={customerId} onChange={onCustomer} />
      {customerId === null && <p class="muted">{t('pay.pickVillager')}</p>}
      {customerId !== null && ledger && (
        <p class="pay-credit-ledger" data-testid="pay-credit-ledger">
          <span>
            {ledger.balanceFen >= 0 ? t('credit.owes') : t('credit.inCredit')}{' '}
            <strong class="amount" data-testid="pay-credit-balance">{fmt.money(Math.abs(ledger.balanceFen))}</strong>
          </span>
          <span class="muted">{t('credit.limit', { limit: fmt.money(ledger.limitFen) })}</span>
          {creditFen > 0 && (
            <span>
              {t('pay.afterSale')} <strong class={needsAdmin ? 'amount amount-warning' : 'amount'} data-testid="pay-credit-after">{fmt.money(ledger.balanceFen + creditFen)}</strong>
            </span>
          )}
        </p>
      )}
      {needsAdmin && ledger && (
        <div class="notice notice-warning" data-testid="pay-over-limit">
          <p>
            <Icon name="warning" size={18} /> {t('pay.overLimit', { over: fmt.money(ledger.balanceFen + creditFen - ledger.limitFen), limit: fmt.money(ledger.limitFen) })}
          </p>
          {selfIsAdmin ? (
            <p class="muted">{t('pay.adminSelling')}</p>
          ) : approvalCovers(approval, customerId, creditFen) ? (
            <p data-testid="pay-approved">
              <Icon name="check" size={18} /> {t('pay.approved')}
            </p>
          ) : (
            <AdminPinStep
              title={t('pay.adminToAllow')}
              submitLabel={t('pay.allow')}
              onPin={async (adminId, pin) => {
                const by = await approveOverLimit(adminId, pin);
                onApproval({ adminId: by, customerId, creditFen });
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
