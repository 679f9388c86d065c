import { useTranslation } from '../../i18n/use-translation';
import { usePlatforms } from '../../data/queries/orders';
import { ErrorText } from '../../ui/ErrorText';
import { useFormat } from '../../ui/format';

/** The platforms of the centre as big choices (淘宝, 京东…). */
export function PlatformPicker({ value, onChange, error }: { value: string | null; onChange(id: string): void; error?: string | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const platforms = usePlatforms();
  return (
    <fieldset>
      <legend>{t('orders.platform')}</legend>
      <div class="segmented" role="radiogroup">
        {(platforms ?? []).map((p) => (
          <label key={p.id} class={value === p.id ? 'segment segment-active' : 'segment'} data-testid="platform-choice">
            <input type="radio" name="platform" checked={value === p.id} onChange={() => onChange(p.id)} />
            {fmt.name(p.names)}
          </label>
        ))}
      </div>
      {platforms && platforms.length === 0 && <p class="muted">{t('orders.noPlatforms')}</p>}
      <ErrorText code={error} />
    </fieldset>
  );
}
