import { Link } from '@tanstack/react-router';
import { useTranslation } from '../i18n/use-translation';
import { Icon } from '../ui/Icon';

/** A screen the person's role may not open, reached by a link or a typed address. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <section class="screen screen-error card" role="alert" data-testid="not-allowed">
      <h1>
        <Icon name="lock" /> {t('access.notAllowed')}
      </h1>
      <p>{t('access.notAllowedHint')}</p>
      <Link to="/" className="button button-primary button-large">
        <Icon name="cart" />
        {t('nav.sell')}
      </Link>
    </section>
  );
}
