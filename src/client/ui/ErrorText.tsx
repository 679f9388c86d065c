import { useTranslation } from '../i18n/use-translation';

/** A translated message under a field or a form, announced to screen readers. */
export function ErrorText({ code, params }: { code: string | null | undefined; params?: Record<string, string | number> | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p class="error-text" role="alert">
      {t(code, params ?? {})}
    </p>
  );
}
