import { useTranslation } from '../i18n/use-translation';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
