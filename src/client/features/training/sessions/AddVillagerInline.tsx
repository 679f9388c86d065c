import { useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { CUSTOMER_LIMITS } from '../../../../shared/domain/villagers';
import { createCustomer } from '../../../data/commands/customer-create';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { ConsentChoice } from '../../villagers/ConsentChoice';
import { useAction } from '../../orders/useAction';
import { emptyVillagerDraft, validateVillagerDraft, type VillagerDraft } from '../../villagers/villager-form';

/**
 * A villager who came but is not on the tablet yet, added on the spot by
 * the same command as the villager form. Consent is asked as there: without
 * it only the name is kept; with it, their village may be noted too.
 */
export function AddVillagerInline({ onAdded, onCancel }: { onAdded(customerId: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<VillagerDraft>(emptyVillagerDraft);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { busy, message, run } = useAction();

  const save = (event: Event) => {
    event.preventDefault();
    const result = validateVillagerDraft(draft);
    if (!result.ok) {
      setFieldError(result.errors.name ?? result.errors.village ?? 'villagers.errors.invalid');
      return;
    }
    void run(async () => {
      const villager = await createCustomer(result.input);
      await onAdded(villager.id);
    });
  };

  return (
    <form class="card form session-add" onSubmit={save} noValidate data-testid="session-add-form">
      <h3>{t('sessions.addVillager')}</h3>
      <label class="field">
        <span>{t('villagers.name')}</span>
        <input
          name="name"
          dir="auto"
          maxLength={CUSTOMER_LIMITS.name}
          value={draft.name}
          aria-invalid={fieldError !== undefined}
          onInput={(e) => {
            const name = e.currentTarget.value;
            setDraft((d) => ({ ...d, name }));
            setFieldError(undefined);
          }}
          data-testid="session-add-name"
        />
        <ErrorText code={fieldError} />
      </label>
      <ConsentChoice value={draft.consent} onChange={(consent) => setDraft((d) => (consent ? { ...d, consent } : { ...emptyVillagerDraft(), name: d.name }))} />
      {draft.consent && (
        <label class="field">
          <span>{t('villagers.village')}</span>
          <input
            name="village"
            dir="auto"
            maxLength={CUSTOMER_LIMITS.village}
            value={draft.village}
            onInput={(e) => {
              const village = e.currentTarget.value;
              setDraft((d) => ({ ...d, village }));
            }}
            data-testid="session-add-village"
          />
        </label>
      )}
      <ErrorText code={message?.key} params={message?.params} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy} data-testid="session-add-save">
          <Icon name="check" />
          {t('sessions.addAndMark')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
