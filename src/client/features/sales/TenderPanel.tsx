import { useTranslation } from 'react-i18next';
import { fenToYuanText, parseYuan, type Fen } from '../../../shared/domain/money';
import { useFormat } from '../../ui/format';

const QUICK_NOTES_FEN: readonly Fen[] = [5000, 10000];

/** Cash received, typed in yuan or picked from quick buttons; shows the change. */
export function TenderPanel({ totalFen, text, onText }: { totalFen: Fen; text: string; onText(text: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tenderedFen = parseYuan(text);
  const message =
    text.trim() === ''
      ? null
      : tenderedFen === null || tenderedFen < 0
        ? 'sell.tenderInvalid'
        : tenderedFen < totalFen
          ? 'sell.tenderShort'
          : null;

  return (
    <div class="tender">
      <div class="tender-row">
        <label class="field">
          <span class="tender-label">{t('sell.tendered')}</span>
          <div class="money-input">
            <span aria-hidden="true">¥</span>
            <input
              data-testid="tender-input"
              inputMode="decimal"
              autoComplete="off"
              dir="ltr"
              value={text}
              placeholder={fenToYuanText(totalFen)}
              onInput={(e) => onText(e.currentTarget.value)}
              aria-invalid={message !== null}
            />
          </div>
        </label>
        <div class="quick-buttons">
          <button type="button" class="chip" data-testid="tender-exact" onClick={() => onText(fenToYuanText(totalFen))}>
            {t('sell.exact')}
          </button>
          {QUICK_NOTES_FEN.map((fen) => (
            <button type="button" class="chip tender-note" key={fen} data-testid={`tender-${fen / 100}`} onClick={() => onText(fenToYuanText(fen))}>
              {fmt.money(fen)}
            </button>
          ))}
        </div>
      </div>
      {message ? (
        <p class="error-text" role="alert" data-testid="tender-error">
          {t(message, { missing: fmt.money(totalFen - (tenderedFen ?? 0)) })}
        </p>
      ) : (
        tenderedFen !== null && (
          <p class="change" data-testid="change-due">
            {t('sell.change')}: <strong>{fmt.money(tenderedFen - totalFen)}</strong>
          </p>
        )
      )}
    </div>
  );
}
