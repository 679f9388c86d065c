import { useTranslation } from 'react-i18next';

/** A translated message under a field or a form, announced to screen readers. */
export function ErrorText({ code, id }: { code: string | null | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p class="error-text" role="alert" id={id}>
      {t(code)}
    </p>
  );
}
