import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { PrintButton } from './PrintButton';
import type { ReceiptDoc } from './receipt-doc';
import { receiptPng } from './receipt-image';
import { receiptWords } from './receipt-words';

type Outcome = 'shared' | 'downloaded' | 'shareFailed' | 'imageFailed';

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Print the receipt, or share it as a picture: through the tablet's share
 * sheet (WeChat, a message) where the browser has one, else saved as a PNG.
 */
export function ReceiptActions({ doc }: { doc: ReceiptDoc }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function share(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const rtl = i18n.dir(fmt.lang) === 'rtl';
      const png = await receiptPng(receiptWords(doc, t, fmt), t('receipts.number'), doc.id, rtl);
      if (!png) {
        setOutcome('imageFailed');
        return;
      }
      const file = new File([png], `receipt-${doc.receiptNo || doc.id}.png`, { type: 'image/png' });
      if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
        try {
          await navigator.share({ files: [file], title: t(`receipts.kind.${doc.kind}`) });
          setOutcome('shared');
        } catch (e) {
          // Closing the share sheet is a choice, not a failure.
          if (!(e instanceof DOMException && e.name === 'AbortError')) setOutcome('shareFailed');
        }
        return;
      }
      download(file);
      setOutcome('downloaded');
    } catch {
      setOutcome('imageFailed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="receipt-actions">
      <div class="actions">
        <PrintButton />
        <button type="button" class="button button-large" data-testid="receipt-share" disabled={busy} onClick={() => void share()}>
          <Icon name="share" />
          {t('receipts.share')}
        </button>
      </div>
      {outcome && (
        <p
          class={outcome === 'shared' || outcome === 'downloaded' ? 'notice notice-ok receipt-status' : 'notice receipt-status'}
          role={outcome === 'shared' || outcome === 'downloaded' ? 'status' : 'alert'}
          data-testid="receipt-share-outcome"
          data-outcome={outcome}
        >
          {t(`receipts.${outcome}`)}
        </p>
      )}
    </div>
  );
}
