import { useTranslation } from '../i18n/use-translation';
import { Icon, type IconName } from './Icon';

export interface PanelChoice<P extends string> {
  panel: P;
  icon: IconName;
  /** i18next key of the button's word. */
  label: string;
}

/**
 * A row of large buttons, each opening one panel below it (receive or adjust
 * stock, hand over or return a parcel); the open one is highlighted, and a
 * second tap closes it.
 */
export function PanelButtons<P extends string>({
  panels,
  open,
  testIdPrefix,
  onToggle,
}: {
  panels: readonly PanelChoice<P>[];
  open: P | null;
  testIdPrefix: string;
  onToggle(panel: P | null): void;
}) {
  const { t } = useTranslation();
  return (
    <div class="actions">
      {panels.map(({ panel, icon, label }) => (
        <button
          type="button"
          key={panel}
          class={open === panel ? 'button button-large button-primary' : 'button button-large'}
          data-testid={`${testIdPrefix}${panel}`}
          aria-expanded={open === panel}
          onClick={() => onToggle(open === panel ? null : panel)}
        >
          <Icon name={icon} />
          {t(label)}
        </button>
      ))}
    </div>
  );
}
