import { Link } from '@tanstack/react-router';
import { useTranslation } from '../i18n/use-translation';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section class="screen">
      <h1>{t('common.notFound')}</h1>
      <Link to="/" className="button">
        {t('nav.sell')}
      </Link>
    </section>
  );
}
