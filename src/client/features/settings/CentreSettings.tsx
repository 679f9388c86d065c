import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { SETTING_RANGES, type SettingValues } from '../../../shared/domain/centre-settings';
import { fenToYuanText, parseYuan } from '../../../shared/domain/money';
import { updateCentreSettings } from '../../data/commands';
import { toAppError } from '../../data/errors';
import { useCentreSettings } from '../../data/queries/settings';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Segmented } from '../../ui/Segmented';
import { useFormat } from '../../ui/format';
import { messageOf, type Message } from '../../ui/useSaveOnce';
import { CentrePhoneForm } from '../receipts/CentrePhoneForm';
import './centre-settings.css';

/** The choices of history kept on the tablets, in months. */
export const HISTORY_MONTH_CHOICES = [3, 6, 12, 24, 36] as const;

type DayName = 'notShippedDays' | 'notCollectedDays' | 'returnAfterDays';
type FieldName = DayName | 'creditLimitFen';
const DAY_SETTINGS: readonly DayName[] = ['notShippedDays', 'notCollectedDays', 'returnAfterDays'];
const FIELDS: readonly FieldName[] = [...DAY_SETTINGS, 'creditLimitFen'];

/** A whole number of days as typed (full-width digits too) within its range; null otherwise. */
export function parseDays(text: string, name: DayName): number | null {
  const trimmed = text.normalize('NFKC').trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  const { min, max } = SETTING_RANGES[name];
  return n >= min && n <= max ? n : null;
}

/** A credit limit in yuan as typed (full-width too) into fen, within its range; null otherwise. */
export function parseCreditLimit(text: string): number | null {
  const fen = parseYuan(text);
  const { min, max } = SETTING_RANGES.creditLimitFen;
  return fen !== null && fen >= min && fen <= max ? fen : null;
}

const parseField = (name: FieldName, text: string) => (name === 'creditLimitFen' ? parseCreditLimit(text) : parseDays(text, name));

const draftOf = (values: SettingValues): Record<FieldName, string> => ({
  notShippedDays: String(values.notShippedDays),
  notCollectedDays: String(values.notCollectedDays),
  returnAfterDays: String(values.returnAfterDays),
  creditLimitFen: fenToYuanText(values.creditLimitFen),
});

/**
 * An admin sets what every tablet of the centre uses: how many months of
 * closed orders and parcels the tablets keep, and when an order or parcel
 * counts as late. Each change is a mutation like any other.
 */
export function CentreSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const current = useCentreSettings();
  const [draft, setDraft] = useState(() => draftOf(current));
  const [invalid, setInvalid] = useState<FieldName[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const shownNow = draftOf(current);
  const edited = FIELDS.some((name) => draft[name] !== shownNow[name]);
  // Values that arrive later (loaded, or by sync) replace the form's fields that still show the old ones.
  const shown = useRef(draftOf(current));
  useEffect(() => {
    const next = draftOf(current);
    const before = shown.current;
    shown.current = next;
    setDraft((d) => Object.fromEntries(FIELDS.map((name) => [name, d[name] === before[name] ? next[name] : d[name]])) as typeof d);
  }, [current.notShippedDays, current.notCollectedDays, current.returnAfterDays, current.creditLimitFen]);

  async function save(patch: Partial<SettingValues>): Promise<void> {
    if (saving) return;
    setSaving(true);
    setMessage(null);
    setSaved(false);
    try {
      await updateCentreSettings(patch);
      setSaved(true);
    } catch (e) {
      setMessage(messageOf(toAppError(e)));
    } finally {
      setSaving(false);
    }
  }

  function saveFields(event: Event): void {
    event.preventDefault();
    const bad = FIELDS.filter((name) => parseField(name, draft[name]) === null);
    setInvalid(bad);
    if (bad.length > 0) return;
    void save(Object.fromEntries(FIELDS.map((name) => [name, parseField(name, draft[name])!])));
  }

  return (
    <div class="card" data-testid="centre-settings">
      <h2>
        <Icon name="clock" /> {t('centreSettings.title')}
      </h2>
      <h3 id="history-months-label">{t('centreSettings.historyMonths')}</h3>
      <p class="muted">{t('centreSettings.historyHint')}</p>
      <Segmented
        labelledBy="history-months-label"
        value={current.historyMonths}
        disabled={saving}
        onChange={(historyMonths) => void save({ historyMonths })}
        segments={HISTORY_MONTH_CHOICES.map((months) => ({
          value: months,
          testId: `history-months-${months}`,
          label: t('centreSettings.months', { count: months, n: fmt.number(months) }),
        }))}
      />
      <form class="settings-days" onSubmit={saveFields} noValidate>
        {FIELDS.map((name) => (
          <label class="field" key={name}>
            <span>{t(`centreSettings.${name}`)}</span>
            <span class="input-with-unit">
              {name === 'creditLimitFen' && <span class="muted">¥</span>}
              <input
                inputMode={name === 'creditLimitFen' ? 'decimal' : 'numeric'}
                value={draft[name]}
                aria-invalid={invalid.includes(name)}
                data-testid={`setting-${name}`}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setDraft((d) => ({ ...d, [name]: value }));
                  setInvalid((list) => list.filter((n) => n !== name));
                  setSaved(false);
                }}
              />
              {name !== 'creditLimitFen' && <span class="muted">{t('centreSettings.daysUnit')}</span>}
            </span>
            {invalid.includes(name) &&
              (name === 'creditLimitFen' ? (
                <ErrorText code="centreSettings.creditLimitInvalid" params={{ max: fmt.money(SETTING_RANGES.creditLimitFen.max) }} />
              ) : (
                <ErrorText code="centreSettings.daysInvalid" params={{ min: fmt.number(SETTING_RANGES[name].min), max: fmt.number(SETTING_RANGES[name].max) }} />
              ))}
          </label>
        ))}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={saving || !edited} data-testid="save-centre-settings">
            {t('centreSettings.save')}
          </button>
          {saved && (
            <span class="notice notice-ok" role="status">
              {t('centreSettings.saved')}
            </span>
          )}
        </div>
        <ErrorText code={message?.key} params={message?.params} />
      </form>
      <CentrePhoneForm />
    </div>
  );
}
