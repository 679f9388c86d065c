import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Customer } from '../../../shared/domain/villagers';
import { createCustomer, type VillagerInput } from '../../data/commands/customer-create';
import { updateCustomer } from '../../data/commands/customer-update';
import { db } from '../../data/db';
import { AppErrorCode, UNSTORABLE_TEXT_DETAIL, type AppError } from '../../data/errors';
import { useVillager } from '../../data/queries/villagers';
import { findDuplicates, type LikelyDuplicate } from '../../data/villager-duplicates';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { ConsentChoice } from './ConsentChoice';
import { DuplicateWarning } from './DuplicateWarning';
import {
  draftFromCustomer,
  emptyVillagerDraft,
  validateVillagerDraft,
  villagerFieldOf,
  type VillagerDraft,
  type VillagerErrors,
  type VillagerTextField,
} from './villager-form';

/** Add a villager (customerId null) or edit one. */
export function VillagerFormScreen({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const found = useVillager(customerId ?? '');
  if (customerId === null) return <VillagerForm villager={null} />;
  if (found === undefined) return <Loading />;
  if (found === null || found.customer.deleted) return <p class="empty">{t('villagers.notFound')}</p>;
  return <VillagerForm key={found.customer.id} villager={found.customer} />;
}

function VillagerForm({ villager }: { villager: Customer | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<VillagerDraft>(() => (villager ? draftFromCustomer(villager) : emptyVillagerDraft()));
  const [errors, setErrors] = useState<VillagerErrors>({});
  const [duplicates, setDuplicates] = useState<{ input: VillagerInput; found: LikelyDuplicate[] } | null>(null);
  const { saving, error: formError, run } = useSaveOnce();

  function field(name: VillagerTextField, label: string, options: { inputMode?: 'numeric' | 'tel' | 'text'; hint?: string; multiline?: boolean } = {}) {
    const error = errors[name];
    const common = {
      name,
      'data-testid': `villager-${name}`,
      value: draft[name],
      dir: 'auto' as const,
      'aria-invalid': error !== undefined,
      onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [name]: value }));
        setErrors((current) => ({ ...current, [name]: undefined }));
        setDuplicates(null);
      },
    };
    return (
      <label class="field">
        <span>{label}</span>
        {options.multiline ? <textarea rows={3} {...common} /> : <input inputMode={options.inputMode ?? 'text'} {...common} />}
        {options.hint && <small>{options.hint}</small>}
        <ErrorText code={error} />
      </label>
    );
  }

  function setConsent(consent: boolean) {
    // Without consent nothing but the name is kept: what was typed is cleared, not hidden and kept.
    setDraft((d) => (consent ? { ...d, consent } : { ...emptyVillagerDraft(), name: d.name }));
    setErrors((current) => ({ name: current.name }));
    setDuplicates(null);
  }

  /** Refused text is shown under its field, which the person then retypes. */
  function explainUnderField(error: AppError): boolean {
    if (error.code !== AppErrorCode.invalidInput) return false;
    const name = villagerFieldOf(error.field);
    if (!name) return false;
    const message =
      error.detail === UNSTORABLE_TEXT_DETAIL
        ? 'villagers.errors.unstorableText'
        : name === 'phone'
          ? 'villagers.errors.phoneInvalid'
          : 'villagers.errors.invalid';
    setErrors((current) => ({ ...current, [name]: message }));
    return true;
  }

  async function saveInput(input: VillagerInput) {
    await run(async () => {
      const saved = villager ? await updateCustomer(villager, input) : await createCustomer(input);
      await navigate({ to: '/villagers/$customerId', params: { customerId: saved.id } });
    }, explainUnderField);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (saving) return;
    const result = validateVillagerDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (!villager) {
      // Asked before creating: the same phone, or the same name in the same village.
      const found = await findDuplicates(db, result.input);
      if (found.length > 0) {
        setDuplicates({ input: result.input, found });
        return;
      }
    }
    await saveInput(result.input);
  }

  const back = villager ? (
    <Link to="/villagers/$customerId" params={{ customerId: villager.id }} className="button button-ghost back-link">
      <Icon name="back" class="flip-rtl" />
      <bdi>{villager.name}</bdi>
    </Link>
  ) : (
    <Link to="/villagers" className="button button-ghost back-link">
      <Icon name="back" class="flip-rtl" />
      {t('villagers.title')}
    </Link>
  );

  return (
    <section class="screen">
      {back}
      <h1>{villager ? t('villagers.edit') : t('villagers.add')}</h1>
      <form class="form card" onSubmit={save} noValidate data-testid="villager-form">
        {field('name', t('villagers.name'), { hint: t('villagers.nameHint') })}
        <ConsentChoice value={draft.consent} onChange={setConsent} />
        {draft.consent ? (
          <div class="form-grid">
            {field('phone', t('villagers.phone'), { inputMode: 'tel', hint: t('villagers.phoneHint') })}
            {field('village', t('villagers.village'))}
            {field('household', t('villagers.household'), { hint: t('villagers.householdHint') })}
            {field('householdSize', t('villagers.householdSize'), { inputMode: 'numeric', hint: t('villagers.householdSizeHint') })}
          </div>
        ) : (
          <p class="notice" data-testid="villager-no-consent">
            {t('villagers.consent.withoutExplained')}
          </p>
        )}
        {draft.consent && field('notes', t('villagers.notes'), { multiline: true })}
        {duplicates && (
          <DuplicateWarning
            found={duplicates.found}
            busy={saving}
            onUse={(id) => void navigate({ to: '/villagers/$customerId', params: { customerId: id } })}
            onCreateAnyway={() => void saveInput(duplicates.input)}
          />
        )}
        <ErrorText code={formError} />
        {!duplicates && (
          <div class="actions">
            <button type="submit" class="button button-primary button-large" data-testid="villager-save" disabled={saving}>
              <Icon name="check" />
              {saving ? t('common.saving') : t('common.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
