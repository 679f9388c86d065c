import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ADJUST_REASONS } from '../../../shared/mutations/stock-adjust';
import { adjustStock, type AdjustReason } from '../../data/commands';
import type { ProductWithStock } from '../../data/queries';
import { ErrorText } from '../../ui/ErrorText';
import { useFormat } from '../../ui/format';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { NoteField } from './NoteField';
import { addQuantities } from '../../../shared/domain/quantity';
import { unitNamesOf } from '../../../shared/domain/units';
import { parseProductQuantity, quantityErrorOf } from './quantity';

/**
 * A count enters what is on the shelf (the change is computed);
 * damage and spoil enter how many were lost. Writing off more than the stock
 * shows is allowed (the shelf may know better) but asked about first.
 */
export function AdjustForm({ product, onDone }: { product: ProductWithStock; onDone(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [reason, setReason] = useState<AdjustReason>('count');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const { saving, error, setError, run } = useSaveOnce();
  const [askOver, setAskOver] = useState(false);

  const unit = fmt.name(unitNamesOf(product));
  const amount = parseProductQuantity(qty, product);
  // Weights subtract in thousandths (quantity.ts): a count of 2.3 against 2.1 changes by 0.2 exactly.
  const delta = amount === null ? null : reason === 'count' ? addQuantities(amount, -product.level) : -amount;
  const writesOffMoreThanStock = reason !== 'count' && amount !== null && amount > Math.max(0, product.level);

  async function submit(event: Event) {
    event.preventDefault();
    if (delta === null || (reason !== 'count' && delta === 0)) {
      setError(quantityErrorOf(product));
      return;
    }
    if (delta === 0) {
      setError('stock.errors.countMatches');
      return;
    }
    // Only the explicit "write off anyway" saves it, never Enter again.
    if (writesOffMoreThanStock) {
      setAskOver(true);
      return;
    }
    await save(delta);
  }

  async function save(delta: number) {
    await run(async () => {
      await adjustStock({ productId: product.id, delta, reason, note: note.trim() });
      onDone();
    });
  }

  return (
    <form class="form card" onSubmit={submit} noValidate data-testid="adjust-form">
      <fieldset>
        <legend>{t('stock.reasonLabel')}</legend>
        <div class="segmented">
          {ADJUST_REASONS.map((r) => (
            <label key={r} class={reason === r ? 'segment segment-active' : 'segment'}>
              <input
                type="radio"
                name="reason"
                value={r}
                data-testid={`adjust-reason-${r}`}
                checked={reason === r}
                onChange={() => {
                  setReason(r);
                  setError(null);
                  setAskOver(false);
                }}
              />
              {t(`stock.reason.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{reason === 'count' ? t('stock.countedQty', { unit }) : t('stock.lostQty', { unit })}</span>
        <input
          data-testid="adjust-qty"
          inputMode={product.soldBy === 'weight' ? 'decimal' : 'numeric'}
          dir="ltr"
          value={qty}
          onInput={(e) => {
            setQty(e.currentTarget.value);
            setError(null);
            setAskOver(false);
          }}
        />
        {reason === 'count' && <small>{t('stock.countHint', { n: fmt.number(product.level) })}</small>}
      </label>
      {delta !== null && delta !== 0 && (
        <p class="notice" data-testid="adjust-delta">
          {t('stock.willChange', { from: fmt.number(product.level), to: fmt.number(addQuantities(product.level, delta)) })}
        </p>
      )}
      <NoteField value={note} onChange={setNote} testId="adjust-note" />
      <ErrorText code={error} />
      {askOver && amount !== null && delta !== null ? (
        <div class="confirm" role="alert" data-testid="adjust-over">
          <p>{t('stock.writeOffOver', { n: fmt.number(amount), level: fmt.number(product.level), unit })}</p>
          <div class="actions">
            <button type="button" class="button button-danger" data-testid="adjust-over-confirm" disabled={saving} onClick={() => void save(delta)}>
              {saving ? t('common.saving') : t('stock.writeOffAnyway')}
            </button>
            <button type="button" class="button" data-testid="adjust-over-cancel" onClick={() => setAskOver(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" class="button button-primary button-large" data-testid="adjust-save" disabled={saving}>
          {saving ? t('common.saving') : t('stock.adjustSave')}
        </button>
      )}
    </form>
  );
}
