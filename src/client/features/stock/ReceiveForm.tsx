import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { receiveStock } from '../../data/commands';
import type { ProductWithStock } from '../../data/queries';
import { ErrorText } from '../../ui/ErrorText';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { NoteField } from './NoteField';
import { unitNamesOf } from '../../../shared/domain/units';
import { useFormat } from '../../ui/format';
import { parseProductQuantity, quantityErrorOf } from './quantity';

/** Goods arrived: add a quantity, with an optional note (supplier, delivery). */
export function ReceiveForm({ product, onDone }: { product: ProductWithStock; onDone(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const { saving, error, setError, run } = useSaveOnce();

  async function submit(event: Event) {
    event.preventDefault();
    const amount = parseProductQuantity(qty, product);
    if (amount === null || amount === 0) {
      setError(quantityErrorOf(product));
      return;
    }
    await run(async () => {
      await receiveStock({ productId: product.id, qty: amount, note: note.trim() });
      onDone();
    });
  }

  return (
    <form class="form card" onSubmit={submit} noValidate data-testid="receive-form">
      <label class="field">
        <span>{t('stock.qtyReceived', { unit: fmt.name(unitNamesOf(product)) })}</span>
        <input data-testid="receive-qty" inputMode={product.soldBy === 'weight' ? 'decimal' : 'numeric'} dir="ltr" value={qty} onInput={(e) => { setQty(e.currentTarget.value); setError(null); }} />
      </label>
      <NoteField value={note} onChange={setNote} testId="receive-note" />
      <ErrorText code={error} />
      <button type="submit" class="button button-primary button-large" data-testid="receive-save" disabled={saving}>
        {saving ? t('common.saving') : t('stock.receiveSave')}
      </button>
    </form>
  );
}
