import { useTranslation } from '../../i18n/use-translation';
import { QrCode } from '../../ui/QrCode';
import { useFormat } from '../../ui/format';
import type { ReceiptDoc } from './receipt-doc';
import { receiptWords } from './receipt-words';
import './receipts.css';

/**
 * A receipt as the villager takes it home: the centre, the number, when and
 * who, the lines, the sums, how it was paid, and a QR code of its id. The
 * one part of the screen that prints (print-area), 48 mm wide on paper.
 */
export function ReceiptDocument({ doc }: { doc: ReceiptDoc }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const w = receiptWords(doc, t, fmt);
  return (
    <article class="receipt card print-area" data-testid="receipt" data-receipt-kind={doc.kind} data-receipt-id={doc.id} data-sale-id={doc.kind === 'sale' ? doc.id : undefined}>
      <header class="receipt-head">
        <p class="receipt-centre">
          <strong data-testid="receipt-centre">{w.centreName}</strong>
        </p>
        {w.phone && (
          <p class="muted" data-testid="receipt-phone">
            {w.phone}
          </p>
        )}
        <h1>{w.title}</h1>
        {w.number && (
          <p>
            {t('receipts.number')}:{' '}
            <strong>
              <bdi data-testid="receipt-no" dir="ltr">
                {w.number}
              </bdi>
            </strong>
          </p>
        )}
        <p class="muted" data-testid="receipt-at">
          {w.at}
        </p>
        {w.staff && (
          <p class="muted" data-testid="receipt-staff">
            {w.staff}
          </p>
        )}
        {w.villager && (
          <p class="muted" data-testid="receipt-villager">
            {w.villager}
          </p>
        )}
        {w.notes.map((note) => (
          <p key={note} class="receipt-note" data-testid="receipt-note">
            {note}
          </p>
        ))}
      </header>
      <table class="receipt-lines">
        {w.lines.length > 0 && (
          <tbody>
            {w.lines.map((line, i) => (
              <tr key={i} data-testid="receipt-line">
                <td>
                  <bdi>{line.name}</bdi>
                  <br />
                  <span class="muted">{line.detail}</span>
                  {line.discount && (
                    <>
                      <br />
                      <span class="muted" data-testid="receipt-line-discount">
                        {line.discount}
                      </span>
                    </>
                  )}
                </td>
                <td class="amount">{line.total}</td>
              </tr>
            ))}
          </tbody>
        )}
        <tbody class="receipt-sums">
          {w.sums.map((sum) => (
            <tr key={sum.key} class={sum.main ? 'receipt-total' : undefined}>
              <th scope="row">{sum.label}</th>
              <td class="amount" data-testid={sum.main ? 'receipt-total' : `receipt-${sum.key}`}>
                {sum.amount}
              </td>
            </tr>
          ))}
        </tbody>
        {w.payments.length > 0 && (
          <tbody class="receipt-payments">
            <tr>
              <th colSpan={2} scope="rowgroup" class="muted">
                {w.paymentsHead}
              </th>
            </tr>
            {w.payments.map((part) => (
              <tr key={part.key} data-testid="receipt-payment" data-means={part.key}>
                <th scope="row">
                  {part.means}
                  {part.reference && (
                    <>
                      <br />
                      <span class="muted receipt-reference">
                        {part.reference}
                      </span>
                    </>
                  )}
                </th>
                <td class="amount">{part.amount}</td>
              </tr>
            ))}
            {w.cash.map((cash) => (
              <tr key={cash.key}>
                <th scope="row">{cash.label}</th>
                <td class="amount" data-testid={`receipt-${cash.key}`}>
                  {cash.amount}
                </td>
              </tr>
            ))}
          </tbody>
        )}
      </table>
      <div class="receipt-qr" data-testid="receipt-qr" data-qr-text={doc.id}>
        <QrCode text={doc.id} label={w.qrLabel} size={132} />
      </div>
      <p class="receipt-thanks muted">{w.thanks}</p>
    </article>
  );
}
