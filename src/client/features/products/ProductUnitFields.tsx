import type { JSX } from 'preact';
import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { CATEGORIES, isCategory } from '../../../shared/domain/categories';
import type { SoldBy } from '../../../shared/domain/quantity';
import { COMMON_UNITS, commonUnitByCode } from '../../../shared/domain/units';
import { ErrorText } from '../../ui/ErrorText';
import { Segmented } from '../../ui/Segmented';
import { useFormat } from '../../ui/format';
import { OTHER_UNIT, type DraftErrors, type ProductDraft } from './product-form';
import './products.css';

type UnitTextField = 'unitZh' | 'unitEn' | 'unitUg';
type TextFieldOptions = { lang?: string; dir?: 'ltr' | 'rtl' | 'auto' };

const SOLD_BY: readonly SoldBy[] = ['piece', 'weight'];

/**
 * How a product is sold: its unit (a common one, named in every language, or
 * one typed in each), by the piece or by weight, its category on the sell
 * screen, and whether it is a quick key there.
 */
export function ProductUnitFields({ draft, errors, textField, onChange }: {
  draft: ProductDraft;
  errors: DraftErrors;
  textField(name: UnitTextField, label: string, options: TextFieldOptions): JSX.Element;
  onChange(change: Partial<ProductDraft>): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const soldById = useId();
  return (
    <>
      <div class="form-grid">
        <label class="field">
          <span>{t('selling.unit')}</span>
          <select
            data-testid="product-unit"
            value={draft.unitCode}
            aria-invalid={errors.unit !== undefined}
            onChange={(e) => {
              const code = e.currentTarget.value;
              // A weighed unit (公斤, 斤) is sold by weight; choosing one says so, the person may still change it.
              const common = commonUnitByCode(code);
              onChange(common ? { unitCode: code, soldBy: common.soldBy } : { unitCode: code });
            }}
          >
            <option value="" disabled>
              {t('selling.unit')}
            </option>
            {COMMON_UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {fmt.name(u.names)}
              </option>
            ))}
            <option value={OTHER_UNIT}>{t('selling.unitOther')}</option>
          </select>
          {draft.unitCode !== OTHER_UNIT && <ErrorText code={errors.unit} />}
        </label>
        <label class="field">
          <span>{t('selling.category')}</span>
          <select
            data-testid="product-category"
            value={draft.category}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange({ category: isCategory(value) ? value : '' });
            }}
          >
            <option value="">{t('selling.categoryNone')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`selling.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.unitCode === OTHER_UNIT && (
        <fieldset data-testid="product-unit-names">
          <legend>{t('selling.unitOther')}</legend>
          <small>{t('selling.unitCustomHint')}</small>
          <div class="form-grid">
            {textField('unitZh', t('selling.unitZh'), { lang: 'zh-CN' })}
            {textField('unitEn', t('selling.unitEn'), { lang: 'en', dir: 'ltr' })}
            {textField('unitUg', t('selling.unitUg'), { lang: 'ug', dir: 'rtl' })}
          </div>
          <ErrorText code={errors.unit} />
        </fieldset>
      )}
      <fieldset>
        <legend id={soldById}>{t('selling.soldBy')}</legend>
        <Segmented
          labelledBy={soldById}
          value={draft.soldBy}
          onChange={(soldBy) => onChange({ soldBy })}
          segments={SOLD_BY.map((way) => ({
            value: way,
            testId: `product-sold-by-${way}`,
            label: way === 'weight' ? t('selling.soldByWeight') : t('selling.soldByPiece'),
          }))}
        />
      </fieldset>
      <label class="field field-inline product-pinned">
        <input type="checkbox" data-testid="product-pinned" checked={draft.pinned} onChange={(e) => onChange({ pinned: e.currentTarget.checked })} />
        <span>
          {t('selling.pinned')}
          <small class="muted">{t('selling.pinnedHint')}</small>
        </span>
      </label>
    </>
  );
}
