import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { matchParcel } from '../../data/commands/parcel-match';
import { ErrorText } from '../../ui/ErrorText';
import { useAction } from '../orders/useAction';
import { VillagerPicker } from '../orders/VillagerPicker';
import { OpenOrderChoice } from './OpenOrderChoice';

/** Whose a waiting parcel is, and which of their open orders (that order then shows it arrived). */
export function MatchPanel({ parcelId, customerId, onDone }: { parcelId: string; customerId: string | null; onDone(): void }) {
  const { t } = useTranslation();
  const [villager, setVillager] = useState<string | null>(customerId);
  const [order, setOrder] = useState<string | null>(null);
  const { busy, message, run } = useAction();
  return (
    <form
      class="card form"
      data-testid="match-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (villager) void run(() => matchParcel(parcelId, villager, order)).then((ok) => ok && onDone());
      }}
    >
      <VillagerPicker value={villager} onChange={(id) => { setVillager(id); setOrder(null); }} />
      {villager && <OpenOrderChoice customerId={villager} value={order} onChange={setOrder} />}
      <ErrorText code={message?.key} params={message?.params} />
      <button type="submit" class="button button-primary button-large" data-testid="match-save" disabled={busy || !villager}>
        {t('parcels.matchSave')}
      </button>
    </form>
  );
}
