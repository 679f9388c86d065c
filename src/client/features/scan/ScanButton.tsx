import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useScreenShown } from '../../app/screen-shown';
import { Icon } from '../../ui/Icon';
import { withAllWords } from '../../i18n';
import type { ScanHandler, ScanPurpose } from './scan-purpose';
import './scan-button.css';

// The scanner (and the code reader it loads) is fetched on the first tap, never with the screen; its
// words are among those that come after the first screen's.
const ScannerSheet = lazy(() => withAllWords(import('./ScannerSheet')).then((m) => ({ default: m.ScannerSheet })));

/**
 * Opens the scanner for `purpose`. `wide`: a full button with its words (under
 * a field); otherwise a square icon button (beside a search box).
 */
export function ScanButton({ purpose, onCode, wide = false, testId }: {
  purpose: ScanPurpose;
  onCode: ScanHandler;
  wide?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // A kept screen left for another (the device's back button) closes its scanner: the camera stops with it.
  const shown = useScreenShown();
  if (open && !shown) setOpen(false);
  const label = t(`scan.button.${purpose}`);

  function close() {
    // Back where the person was, the button they tapped, unless taking the code moved on (to the form's next field).
    const at = document.activeElement;
    const movedOn = at !== null && at !== document.body && !at.closest('.scan-backdrop');
    setOpen(false);
    if (!movedOn) button.current?.focus();
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        class={wide ? 'button scan-button' : 'icon-button scan-button'}
        aria-label={wide ? undefined : label}
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        <Icon name="scan" />
        {wide && label}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ScannerSheet purpose={purpose} onCode={onCode} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
