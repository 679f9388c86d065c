import { Link } from '@tanstack/react-router';
import { COUNTY_API, type CentreDetail } from '../../../shared/protocol/county';
import { LANGUAGES } from '../../../shared/domain/entities';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { AdminsPanel } from './AdminsPanel';
import { CodesPanel } from './CodesPanel';
import { LoadFailed } from './LoadFailed';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';
import { TabletsPanel } from './TabletsPanel';
import { useLoad } from './useLoad';

/** One centre: its tablets, codes to enrol more, and its admins' PINs. */
export function CentreScreen({ centreId }: { centreId: string }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const { loaded, reload } = useLoad(`centre/${centreId}`, () => request<CentreDetail>(COUNTY_API.centre(centreId)));

  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'failed') return <LoadFailed error={loaded.error} onRetry={reload} />;
  const { centre, tablets, admins, codes } = loaded.data;
  const otherNames = LANGUAGES.filter((lang) => lang !== fmt.lang && centre.name[lang]).map((lang) => centre.name[lang]);

  return (
    <section class="county-page">
      <Link to="/county" className="button button-ghost button-small county-back">
        <Icon name="back" class="flip-rtl" />
        {t('nav.centres')}
      </Link>
      <div class="screen-head">
        <h1 data-testid="county-centre-name">{fmt.name(centre.name)}</h1>
        {otherNames.length > 0 && <p class="muted">{otherNames.join(' · ')}</p>}
      </div>
      <div class="county-columns">
        <CodesPanel centreId={centre.id} codes={codes} onChanged={reload} />
        <AdminsPanel centreId={centre.id} admins={admins} />
      </div>
      <TabletsPanel tablets={tablets} onChanged={reload} />
    </section>
  );
}
