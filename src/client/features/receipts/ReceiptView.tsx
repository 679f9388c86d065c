import type { ComponentChildren } from 'preact';
import { useTranslation } from '../../i18n/use-translation';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { ReceiptActions } from './ReceiptActions';
import { ReceiptDocument } from './ReceiptDocument';
import type { ReceiptKind } from './receipt-doc';
import type { ReceiptAhead } from './receipt-handover';
import { useReceipt } from './receipt-queries';

/** A receipt of any kind with its print and share buttons; `children` are the screen's own ways on. */
export function ReceiptView({ kind, id, ahead, children }: { kind: ReceiptKind; id: string; ahead?: ReceiptAhead | undefined; children?: ComponentChildren }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const doc = useReceipt(kind, id, fmt.lang, ahead);
  if (doc === undefined) return <Loading />;
  if (doc === null) return <p class="empty">{t('receipts.notFound')}</p>;
  return (
    <section class="screen receipt-screen">
      <ReceiptDocument doc={doc} />
      <ReceiptActions doc={doc} />
      {children}
    </section>
  );
}
