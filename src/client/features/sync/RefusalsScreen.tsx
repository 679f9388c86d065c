import { useTranslation } from '../../i18n/use-translation';
import { dismissRefusal, useRefusals, type Refusal, type RollbackNote } from '../../data/queries';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat, type Formatters } from '../../ui/format';

/** Each refused change: when, what it was, why (translated), and what was undone. */
export function RefusalsScreen() {
  const { t } = useTranslation();
  const refusals = useRefusals();
  return (
    <section class="screen">
      <h1>{t('refusals.title')}</h1>
      <p class="muted">{t('refusals.explain')}</p>
      {refusals === undefined ? (
        <Loading />
      ) : refusals.length === 0 ? (
        <p class="empty">{t('refusals.none')}</p>
      ) : (
        <ul class="list" data-testid="refusals-list">
          {refusals.map((r) => (
            <RefusalCard key={r.id} refusal={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RefusalCard({ refusal: r }: { refusal: Refusal }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const what = describe(r, t, fmt);
  return (
    <li class="card" data-testid="refusal">
      <div class="row-between">
        <strong>{t(`mutation.${r.kind}`, { defaultValue: r.kind })}</strong>
        <span class="muted">{fmt.dateTime(r.at)}</span>
      </div>
      {what && <p>{what}</p>}
      <p class="error-text">{t(`refusal.${r.code}`, { defaultValue: t('refusal.unknown') })}</p>
      {r.rolledBack.length > 0 && (
        <>
          <p class="muted">{t('refusals.rolledBack')}</p>
          <ul class="bullets">
            {r.rolledBack.map((note, i) => (
              <li key={i}>{rollbackText(note, t, fmt)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="button button-small" onClick={() => void dismissRefusal(r.id)}>
        <Icon name="check" />
        {t('refusals.dismiss')}
      </button>
    </li>
  );
}

type T = (key: string, options: Record<string, unknown>) => string;

function describe(r: Refusal, t: T, fmt: Formatters): string {
  const parts: string[] = [];
  if (r.summary.receiptNo) parts.push(r.summary.receiptNo);
  if (r.summary.productNames?.length) parts.push(r.summary.productNames.map((n) => fmt.name(n)).join(t('common.listSeparator', {})));
  if (r.summary.qty !== undefined) parts.push(fmt.number(r.summary.qty));
  if (r.summary.totalFen !== undefined) parts.push(fmt.money(r.summary.totalFen));
  return parts.join(' · ');
}

/** Rollback notes carry raw values: money and reasons are formatted here. */
function rollbackText(note: RollbackNote, t: T, fmt: Formatters): string {
  const params: Record<string, unknown> = { ...note.params };
  if (typeof note.params['totalFen'] === 'number') params['total'] = fmt.money(note.params['totalFen']);
  if (typeof note.params['delta'] === 'number') params['delta'] = fmt.number(note.params['delta']);
  if (typeof note.params['reason'] === 'string') params['reason'] = t(`stock.reason.${note.params['reason']}`, {});
  return t(note.key, { ...params, defaultValue: note.key });
}
