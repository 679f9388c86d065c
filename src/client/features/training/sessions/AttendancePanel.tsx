import { useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { useVillagerSearch } from '../../../data/queries/villagers';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { SearchField } from '../../../ui/SearchField';
import { useFormat } from '../../../ui/format';
import { useAction } from '../../orders/useAction';
import { VillagerSummary } from '../../villagers/VillagerResults';
import { AddVillagerInline } from './AddVillagerInline';
import { markAttendance, type Attendee } from './session-data';

/**
 * Who came: the villagers marked present, and a search to mark more (or a
 * new one added on the spot). Each mark is saved at once, so a reload keeps it.
 */
export function AttendancePanel({ sessionId, attendees, running }: { sessionId: string; attendees: Attendee[]; running: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const { message, run } = useAction();
  const found = useVillagerSearch(query, fmt.lang);
  const present = new Set(attendees.flatMap((a) => [a.markedId, a.villager.id]));

  const mark = (customerId: string, on: boolean) => run(() => markAttendance(sessionId, customerId, on));

  return (
    <div class="session-attendance" data-testid="session-attendance">
      <h2>{t('sessions.attendeesCount', { count: attendees.length, n: fmt.number(attendees.length) })}</h2>
      {attendees.length === 0 ? (
        <p class="muted">{t('sessions.noAttendees')}</p>
      ) : (
        <ul class="list" data-testid="session-attendees">
          {attendees.map((a) => (
            <li key={a.markedId} class="list-row" data-testid="session-attendee">
              <VillagerSummary villager={a.villager} />
              {running && (
                <button
                  type="button"
                  class="button button-ghost"
                  onClick={() => void mark(a.markedId, false)}
                  aria-label={t('sessions.unmark', { name: a.villager.name })}
                  data-testid="session-unmark"
                >
                  <Icon name="close" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorText code={message?.key} params={message?.params} />
      {running && (
        <div class="card session-find">
          <h3>{t('sessions.markMore')}</h3>
          <SearchField value={query} onChange={setQuery} label={t('sessions.searchVillager')} testId="session-search" />
          {query.trim() !== '' && found !== undefined && (
            <ul class="list session-found">
              {found.filter((v) => !v.deleted && !present.has(v.id)).slice(0, 8).map((v) => (
                <li key={v.id}>
                  <button type="button" class="list-row session-found-row" onClick={() => void mark(v.id, true).then(() => setQuery(''))} data-testid="session-mark">
                    <VillagerSummary villager={v} />
                    <span class="badge badge-ok">
                      <Icon name="plus" size={18} /> {t('sessions.mark')}
                    </span>
                  </button>
                </li>
              ))}
              {found.length === 0 && <li class="muted">{t('sessions.noneFound')}</li>}
            </ul>
          )}
          {adding ? (
            <AddVillagerInline
              onAdded={async (id) => {
                await markAttendance(sessionId, id, true);
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <button type="button" class="button" onClick={() => setAdding(true)} data-testid="session-add-villager">
              <Icon name="plus" />
              {t('sessions.addVillager')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
