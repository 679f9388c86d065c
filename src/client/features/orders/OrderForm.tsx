import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { createOrder } from '../../data/commands/order-create';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { draftTotalFen, emptyLine, emptyOrderDraft, validateOrderDraft, type LineDraft, type OrderDraft, type OrderErrors } from './order-form';
import { PlatformPicker } from './PlatformPicker';
import { useAction } from './useAction';
import { VillagerPicker } from './VillagerPicker';

const NO_ERRORS: OrderErrors = { fields: {}, lines: {} };

function MoneyField({ label, value, onInput, error, testId }: { label: string; value: string; onInput(v: string): void; error?: string | undefined; testId: string }) {
  const { t } = useTranslation();
  return (
    <label class="field">
      <span>{label}</span>
      <div class="money-input" dir="ltr">
        <span aria-hidden="true">¥</span>
        <input data-testid={testId} inputMode="decimal" autoComplete="off" dir="ltr" value={value} placeholder="0.00" aria-invalid={!!error} onInput={(e) => onInput(e.currentTarget.value)} />
      </div>
      {error && <small class="error-text">{t(error)}</small>}
    </label>
  );
}

/**
 * A new assisted order: who for, which platform, its number there, what was
 * bought (qty × price, full-width digits welcome) and the fees; the total is
 * worked out as it is typed. Saved as a draft or as placed.
 */
export function OrderForm({ customerId, onSaved }: { customerId: string | null; onSaved(orderId: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [draft, setDraft] = useState<OrderDraft>(() => emptyOrderDraft(customerId));
  const [errors, setErrors] = useState<OrderErrors>(NO_ERRORS);
  const { busy, message, run } = useAction();
  const totalFen = draftTotalFen(draft);

  const set = (patch: Partial<OrderDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors(NO_ERRORS);
  };
  const setLine = (key: number, patch: Partial<LineDraft>) => set({ lines: draft.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) });

  async function save(status: 'draft' | 'placed') {
    const checked = validateOrderDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    await run(async () => onSaved(await createOrder({ ...checked.input, status })));
  }

  return (
    <form class="form" noValidate data-testid="order-form" onSubmit={(e) => { e.preventDefault(); void save('placed'); }}>
      <div class="card form">
        <VillagerPicker value={draft.customerId} onChange={(id) => set({ customerId: id })} error={errors.fields.customer} />
        <PlatformPicker value={draft.platformId} onChange={(id) => set({ platformId: id })} error={errors.fields.platform} />
        <label class="field">
          <span>{t('orders.platformOrderNo')}</span>
          <small>{t('orders.platformOrderNoHint')}</small>
          <input data-testid="order-platform-no" dir="ltr" autoComplete="off" value={draft.platformOrderNo} onInput={(e) => set({ platformOrderNo: e.currentTarget.value })} />
          {errors.fields.platformOrderNo && <small class="error-text">{t(errors.fields.platformOrderNo)}</small>}
        </label>
      </div>

      <fieldset class="card">
        <legend>{t('orders.lines')}</legend>
        <ul class="order-lines">
          {draft.lines.map((line, i) => {
            const lineErrors = errors.lines[line.key] ?? {};
            return (
              <li key={line.key} class="order-line" data-testid="order-line">
                <label class="field order-line-name">
                  <span>{t('orders.lineName', { n: i + 1 })}</span>
                  <input data-testid="line-name" dir="auto" value={line.name} aria-invalid={!!lineErrors.name} onInput={(e) => setLine(line.key, { name: e.currentTarget.value })} />
                  {lineErrors.name && <small class="error-text">{t(lineErrors.name)}</small>}
                </label>
                <label class="field order-line-qty">
                  <span>{t('orders.qty')}</span>
                  <input data-testid="line-qty" inputMode="numeric" dir="ltr" value={line.qty} aria-invalid={!!lineErrors.qty} onInput={(e) => setLine(line.key, { qty: e.currentTarget.value })} />
                  {lineErrors.qty && <small class="error-text">{t(lineErrors.qty)}</small>}
                </label>
                <MoneyField label={t('orders.unitPrice')} value={line.price} onInput={(v) => setLine(line.key, { price: v })} error={lineErrors.price} testId="line-price" />
                {draft.lines.length > 1 && (
                  <button type="button" class="icon-button" aria-label={t('orders.removeLine', { n: i + 1 })} onClick={() => set({ lines: draft.lines.filter((l) => l.key !== line.key) })}>
                    <Icon name="close" />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <ErrorText code={errors.fields.lines} />
        <button type="button" class="button" data-testid="add-line" onClick={() => set({ lines: [...draft.lines, emptyLine()] })}>
          <Icon name="plus" /> {t('orders.addLine')}
        </button>
      </fieldset>

      <div class="card">
        <div class="form-grid">
          <MoneyField label={t('orders.deliveryFee')} value={draft.deliveryFee} onInput={(v) => set({ deliveryFee: v })} error={errors.fields.deliveryFee} testId="order-delivery-fee" />
          <MoneyField label={t('orders.serviceFee')} value={draft.serviceFee} onInput={(v) => set({ serviceFee: v })} error={errors.fields.serviceFee} testId="order-service-fee" />
          <MoneyField label={t('orders.deposit')} value={draft.deposit} onInput={(v) => set({ deposit: v })} error={errors.fields.deposit} testId="order-deposit" />
        </div>
        <p class="total row-between" aria-live="polite">
          <span>{t('orders.total')}</span>
          <strong class="amount" data-testid="order-total">
            {fmt.money(totalFen)}
          </strong>
        </p>
      </div>

      <ErrorText code={message?.key} params={message?.params} />
      <div class="actions">
        <button type="button" class="button button-large" data-testid="order-save-draft" disabled={busy} onClick={() => void save('draft')}>
          {t('orders.saveDraft')}
        </button>
        <button type="submit" class="button button-large button-primary" data-testid="order-save" disabled={busy}>
          {busy ? t('common.saving') : t('orders.savePlaced')}
        </button>
      </div>
    </form>
  );
}
