import { useTranslation } from '../../i18n/use-translation';
import { DISCOUNT_LIMIT_PERCENT } from '../../../shared/domain/discounts';
import type { Role } from '../../../shared/domain/entities';
import type { Fen } from '../../../shared/domain/money';
import { useFormat } from '../../ui/format';
import { Segmented } from '../../ui/Segmented';
import { discountProblem, emptyDiscount, type DiscountDraft } from './sale-discounts';

/** One discount: amount or percentage, and the value, with what is wrong with it. */
function DiscountField({ label, testId, role, baseFen, draft, onDraft }: {
  label: string;
  testId: string;
  role: Role;
  baseFen: Fen;
  draft: DiscountDraft | undefined;
  onDraft(draft: DiscountDraft): void;
}) {
  const { t } = useTranslation();
  const value = draft ?? emptyDiscount();
  const problem = discountProblem(role, baseFen, value);
  const id = `${testId}-label`;
  return (
    <div class="discount-field" data-testid={testId}>
      <span id={id} class="discount-label">
        {label}
      </span>
      <div class="discount-inputs">
        <Segmented
          labelledBy={id}
          value={value.kind}
          onChange={(kind) => onDraft({ ...value, kind })}
          segments={[
            { value: 'amount', label: '¥', testId: `${testId}-amount` },
            { value: 'percent', label: '%', testId: `${testId}-percent` },
          ]}
        />
        <input
          class="discount-input"
          data-testid={`${testId}-input`}
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          aria-labelledby={id}
          aria-invalid={problem !== null}
          value={value.text}
          placeholder="0"
          onInput={(e) => onDraft({ ...value, text: e.currentTarget.value })}
        />
      </div>
      {problem && (
        <p class="error-text" role="alert" data-testid={`${testId}-error`}>
          {t(problem.key, 'params' in problem ? { limit: problem.params.limit } : {})}
        </p>
      )}
    </div>
  );
}

export interface DiscountLine {
  productId: string;
  name: string;
  grossFen: Fen;
}

/**
 * Discounts of the sale being made: on any line, and on the whole sale after
 * the lines', as an amount or a percentage, within the seller's role (a
 * clerk 10%, an admin all of it).
 */
export function DiscountPanel({ role, lines, lineDrafts, saleDraft, subtotalFen, onLine, onSale }: {
  role: Role;
  lines: readonly DiscountLine[];
  lineDrafts: Readonly<Record<string, DiscountDraft>>;
  saleDraft: DiscountDraft | undefined;
  /** The lines' totals after their own discounts: the sale's discount is a share of this. */
  subtotalFen: Fen;
  onLine(productId: string, draft: DiscountDraft): void;
  onSale(draft: DiscountDraft): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section class="discount-panel" aria-label={t('pay.discounts')} data-testid="discount-panel">
      <p class="muted">{t('pay.discountRule', { limit: fmt.number(DISCOUNT_LIMIT_PERCENT[role]) })}</p>
      <DiscountField label={t('pay.saleDiscount')} testId="discount-sale" role={role} baseFen={subtotalFen} draft={saleDraft} onDraft={onSale} />
      {lines.map((line) => (
        <DiscountField
          key={line.productId}
          label={`${line.name} · ${fmt.money(line.grossFen)}`}
          testId={`discount-line-${line.productId}`}
          role={role}
          baseFen={line.grossFen}
          draft={lineDrafts[line.productId]}
          onDraft={(draft) => onLine(line.productId, draft)}
        />
      ))}
    </section>
  );
}
