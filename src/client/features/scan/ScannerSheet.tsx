import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';
import { PURPOSE_FORMATS, type ScanHandler, type ScanPurpose } from './scan-purpose';
import { useCamera } from './useCamera';
import { useFrameCodes } from './useFrameCodes';
import { useWedgeScanner } from './useWedgeScanner';
import './scan.css';

/**
 * The scanner: the back camera's picture with a frame to aim the code into,
 * and a field to type the code, always there (no camera, a worn label). A
 * scanner that types works here too. A code that is taken closes the sheet;
 * one that is not says why and scanning goes on.
 */
export function ScannerSheet({ purpose, onCode, onClose }: { purpose: ScanPurpose; onCode: ScanHandler; onClose(): void }) {
  const { t } = useTranslation();
  const camera = useCamera();
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  async function take(code: string) {
    const outcome = await onCode(code.trim());
    if (outcome === null) onClose();
    else setMessage(outcome);
  }

  const reader = useFrameCodes(camera.video, camera.state === 'live', PURPOSE_FORMATS[purpose], take);
  useWedgeScanner((code) => void take(code));

  // Focus moves into the sheet once, on opening; the on-screen keyboard stays down until the field is tapped.
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
      if (e.key === 'Tab' && dialog.current) keepFocusInside(dialog.current, e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const live = camera.state === 'live';
  const problem = camera.state !== 'live' && camera.state !== 'starting' ? camera.state : null;
  const status = problem ? null : !live ? t('scan.starting') : reader === 'ready' ? t('scan.aim') : reader === 'loading' ? t('scan.loadingReader') : t('scan.readerFailed');

  // On the body, outside the screen's own forms and labels: the sheet has a form of its own.
  return createPortal(
    <div class="scan-backdrop">
      <div
        ref={dialog}
        class="scan-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="scan-title"
        tabIndex={-1}
        data-testid="scanner"
        data-camera={camera.state}
        data-reader={reader}
      >
        <div class="scan-head">
          <h2 id="scan-title">{t(`scan.title.${purpose}`)}</h2>
          <button type="button" class="icon-button" aria-label={t('scan.close')} data-testid="scanner-close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </div>
        <div class={problem ? 'scan-view scan-view-off' : 'scan-view'}>
          <video ref={camera.video} class="scan-video" muted playsInline aria-label={t('scan.preview')} hidden={!!problem} />
          {!problem && <div class="scan-guide" aria-hidden="true" />}
          {problem && (
            <p class="scan-problem" role="alert" data-testid="scanner-camera-problem" data-problem={problem}>
              <Icon name="warning" />
              <span>{t(`scan.camera.${problem}`)}</span>
            </p>
          )}
        </div>
        {status && (
          <p class="scan-status muted" aria-live="polite">
            {status}
          </p>
        )}
        {message && (
          <p class="error-text" role="alert" data-testid="scanner-message">
            {message}
          </p>
        )}
        <form
          class="scan-typed"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim()) void take(typed);
          }}
        >
          <label class="field">
            <span>{t('scan.typed')}</span>
            <input
              data-testid="scanner-typed"
              dir="ltr"
              autoComplete="off"
              inputMode={purpose === 'parcel' ? 'text' : 'numeric'}
              value={typed}
              onInput={(e) => {
                setTyped(e.currentTarget.value);
                setMessage(null);
              }}
            />
          </label>
          <button type="submit" class="button button-primary" data-testid="scanner-typed-submit" disabled={!typed.trim()}>
            <Icon name="check" />
            {t('scan.use')}
          </button>
        </form>
      </div>
    </div>,
    document.body,
  );
}

/** Tab and Shift+Tab go round the sheet's own controls, never to the screen behind it. */
function keepFocusInside(sheet: HTMLElement, e: KeyboardEvent) {
  const focusable = [...sheet.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hidden,
  );
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const at = document.activeElement;
  const leaving = !sheet.contains(at) || (e.shiftKey ? at === first || at === sheet : at === last);
  if (!leaving) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
}
