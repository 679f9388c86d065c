import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { unitNamesOf } from '../../../shared/domain/units';
import { useMovements, useProduct } from '../../data/queries';
import { Icon } from '../../ui/Icon';
import { PanelButtons, type PanelChoice } from '../../ui/PanelButtons';
import { Loading } from '../../ui/Loading';
import { StockBadge } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';
import { AdjustForm } from './AdjustForm';
import { ReceiveForm } from './ReceiveForm';

type Panel = 'receive' | 'adjust';

const PANELS: readonly PanelChoice<Panel>[] = [
  { panel: 'receive', icon: 'truck', label: 'stock.receive' },
  { panel: 'adjust', icon: 'scale', label: 'stock.adjust' },
];

/** One product's level, its movement history, and the receive / adjust actions. */
export function StockDetailScreen({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const product = useProduct(productId);
  const movements = useMovements(productId);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // A form opened under the buttons may start below the fold of a phone: bring it up.
  useEffect(() => {
    if (panel) panelRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [panel]);

  if (product === undefined) return <Loading />;
  if (product === null) return <p class="empty">{t('products.notFound')}</p>;

  const done = (message: string) => {
    setPanel(null);
    setSaved(message);
  };

  return (
    <section class="screen">
      <Link to="/stock" className="button button-ghost button-small">
        <Icon name="back" class="flip-rtl" />
        {t('stock.title')}
      </Link>
      <div class="card stock-head">
        <div>
          <h1>{fmt.name(product.names)}</h1>
          <p class="muted" dir="auto">
            {product.sku} · {fmt.money(product.priceFen)} / {fmt.name(unitNamesOf(product))}
          </p>
        </div>
        <div class="stock-level-big">
          <strong data-testid="detail-level">{fmt.number(product.level)}</strong>
          <span class="muted">{fmt.name(unitNamesOf(product))}</span>
          <StockBadge level={product.level} lowStockThreshold={product.lowStockThreshold} />
        </div>
      </div>
      {saved && (
        <p class="notice notice-ok" role="status">
          <Icon name="check" /> {t(saved)}
        </p>
      )}
      <PanelButtons
        panels={PANELS}
        open={panel}
        testIdPrefix="open-"
        onToggle={(next) => {
          setSaved(null);
          setPanel(next);
        }}
      />
      <div ref={panelRef} class="stock-form">
        {panel === 'receive' && <ReceiveForm product={product} onDone={() => done('stock.receivedSaved')} />}
        {panel === 'adjust' && <AdjustForm product={product} onDone={() => done('stock.adjustSaved')} />}
      </div>
      <h2>{t('stock.history')}</h2>
      <p class="muted">{t('stock.historyNote')}</p>
      {movements === undefined ? (
        <Loading />
      ) : movements.length === 0 ? (
        <p class="empty">{t('stock.noMovements')}</p>
      ) : (
        <ul class="list" data-testid="movements">
          {movements.map((m) => (
            <li key={m.id} class="list-row">
              <span class="list-row-main">
                <strong>{t(`stock.reason.${m.reason}`)}</strong>
                <span class="muted">
                  {fmt.dateTime(m.createdAt)}
                  {m.note ? ` · ${m.note}` : ''}
                </span>
              </span>
              <strong class={m.delta < 0 ? 'amount negative' : 'amount positive'}>
                <bdi dir="ltr">
                  {m.delta > 0 ? '+' : ''}
                  {fmt.number(m.delta)}
                </bdi>
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
