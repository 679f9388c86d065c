import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Product } from '../../../shared/domain/entities';
import { ProductUnitFields } from './ProductUnitFields';
import { createProduct, receiveStock, updateProduct } from '../../data/commands';
import { AppErrorCode, UNSTORABLE_TEXT_DETAIL, type AppError } from '../../data/errors';
import { useProduct, useProducts } from '../../data/queries';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { changedFields, draftFieldOf, draftFromProduct, emptyDraft, validateDraft, type DraftErrors, type ProductDraft } from './product-form';

/** Add a product (productId null) or edit one. */
export function ProductEditScreen({ productId }: { productId: string | null }) {
  const { t } = useTranslation();
  const product = useProduct(productId ?? '');
  if (productId === null) return <ProductForm product={null} />;
  if (product === undefined) return <Loading />;
  if (product === null) return <p class="empty">{t('products.notFound')}</p>;
  return <ProductForm key={product.id} product={product} />;
}

/** The draft's text fields, each one input. */
type TextFieldName = Exclude<keyof ProductDraft, 'unitCode' | 'soldBy' | 'category' | 'pinned'>;

function ProductForm({ product }: { product: Product | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const all = useProducts('');
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftFromProduct(product) : emptyDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const { saving, error: formError, run } = useSaveOnce();

  const takenSkus = useMemo(
    () => new Set((all ?? []).filter((p) => p.id !== product?.id).map((p) => p.sku.toLocaleLowerCase())),
    [all, product?.id],
  );

  function field(name: TextFieldName, label: string, options: { inputMode?: 'decimal' | 'numeric' | 'text'; lang?: string; dir?: 'ltr' | 'rtl' | 'auto'; hint?: string } = {}) {
    const error = errors[name];
    return (
      <label class="field">
        <span>{label}</span>
        <input
          name={name}
          data-testid={`product-${name}`}
          value={draft[name]}
          inputMode={options.inputMode ?? 'text'}
          lang={options.lang}
          dir={options.dir ?? 'auto'}
          aria-invalid={error !== undefined}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setDraft((d) => ({ ...d, [name]: value }));
            setErrors((current) => ({ ...current, [name]: undefined, names: name.startsWith('name') ? undefined : current.names }));
          }}
        />
        {options.hint && <small>{options.hint}</small>}
        <ErrorText code={error} />
      </label>
    );
  }

  /** Text the command refused as unstorable is shown under its field, which the person then retypes. */
  function explainUnderField(error: AppError): boolean {
    if (error.code !== AppErrorCode.invalidInput || error.detail !== UNSTORABLE_TEXT_DETAIL) return false;
    const name = draftFieldOf(error.field);
    if (!name) return false;
    setErrors((current) => ({ ...current, [name]: 'products.errors.unstorableText' }));
    return true;
  }

  async function save(event: Event) {
    event.preventDefault();
    // SKUs must be known before uniqueness can be checked.
    if (saving || all === undefined) return;
    const result = validateDraft(draft, takenSkus, product === null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    await run(async () => {
      if (product) {
        const patch = changedFields(product, result.input);
        if (Object.keys(patch).length > 0) await updateProduct(product.id, patch);
      } else {
        // Two changes in order: the product, then what is on its shelf as goods received.
        const created = await createProduct(result.input);
        if (result.openingStock > 0) await receiveStock({ productId: created.id, qty: result.openingStock, note: '' });
      }
      await navigate({ to: '/products' });
    }, explainUnderField);
  }

  return (
    <section class="screen">
      <h1>{product ? t('products.edit') : t('products.add')}</h1>
      <form class="form card" onSubmit={save} noValidate data-testid="product-form">
        <fieldset>
          <legend>{t('products.names')}</legend>
          {field('nameZh', t('products.nameZh'), { lang: 'zh-CN' })}
          {field('nameEn', t('products.nameEn'), { lang: 'en', dir: 'ltr' })}
          {field('nameUg', t('products.nameUg'), { lang: 'ug', dir: 'rtl' })}
          <ErrorText code={errors.names} />
        </fieldset>
        <div class="form-grid">
          {field('sku', t('products.sku'), { dir: 'ltr', ...(product ? {} : { hint: t('products.skuAuto') }) })}
          {field('barcode', t('products.barcode'), { inputMode: 'numeric', dir: 'ltr' })}
          {field('price', t('products.price'), { inputMode: 'decimal', dir: 'ltr', hint: t('products.priceHint') })}
          {field('lowStockThreshold', t('products.lowStockThreshold'), { inputMode: 'numeric', dir: 'ltr', hint: t('products.lowStockHint') })}
          {!product && field('openingStock', t('products.openingStock'), { inputMode: draft.soldBy === 'weight' ? 'decimal' : 'numeric', dir: 'ltr', hint: t('products.openingStockHint') })}
        </div>
        <ProductUnitFields
          draft={draft}
          errors={errors}
          textField={(name, label, options) => field(name, label, options)}
          onChange={(change) => {
            setDraft((d) => ({ ...d, ...change }));
            setErrors((current) => ({ ...current, unit: undefined, openingStock: undefined }));
          }}
        />
        <ErrorText code={formError} />
        <div class="actions">
          <button type="submit" class="button button-primary button-large" data-testid="product-save" disabled={saving || all === undefined}>
            <Icon name="check" />
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" class="button button-large" onClick={() => void navigate({ to: '/products' })}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
