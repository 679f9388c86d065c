import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { COUNTY_API, type CentresResponse } from '../../../shared/protocol/county';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { LoadFailed } from './LoadFailed';
import { useCountyTranslation } from './i18n';
import { NewCentreForm } from './NewCentreForm';
import { useCounty } from './session';
import { useLoad } from './useLoad';

/** Every centre of the county, with how many tablets each has; a new one is made here. */
export function CentresScreen() {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const { loaded, reload } = useLoad('centres', () => request<CentresResponse>(COUNTY_API.centres));
  const [adding, setAdding] = useState(false);

  return (
    <section class="county-page">
      <div class="row-between screen-head">
        <h1>{t('centres.title')}</h1>
        {!adding && (
          <button type="button" class="button button-primary" data-testid="county-new-centre" onClick={() => setAdding(true)}>
            <Icon name="plus" />
            {t('centres.new')}
          </button>
        )}
      </div>
      {adding && <NewCentreForm onCancel={() => setAdding(false)} />}
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' &&
        (loaded.data.centres.length === 0 ? (
          <p class="empty">{t('centres.none')}</p>
        ) : (
          <table class="county-table" data-testid="county-centres">
            <thead>
              <tr>
                <th scope="col">{t('centres.name')}</th>
                <th scope="col">{t('centres.tablets')}</th>
                <th scope="col">{t('centres.created')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.centres.map((centre) => (
                <tr key={centre.id}>
                  <td>
                    <Link to="/county/centres/$centreId" params={{ centreId: centre.id }} data-testid="county-centre-link">
                      {fmt.name(centre.name)}
                    </Link>
                  </td>
                  <td>
                    {t('centres.tabletCount', { count: centre.devices.active, n: fmt.number(centre.devices.active) })}
                    {centre.devices.revoked > 0 && (
                      <span class="muted"> · {t('centres.revokedCount', { count: centre.devices.revoked, n: fmt.number(centre.devices.revoked) })}</span>
                    )}
                  </td>
                  <td>{fmt.dateTime(centre.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
