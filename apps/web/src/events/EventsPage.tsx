import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import type { EventFilterInput, MeetingPlaceCode } from '../gql/graphql';
import { formatShortDate, formatTime, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { EventsQuery } from './operations';
import { endOfDay, isDate, startOfDay } from './period';
import { useMeetingPlaces } from './useMeetingPlaces';
import './events.css';

const PAGE_SIZE = 25;
const ALL = 'ALL';

/** The filter as the API takes it, from the page's address (so a filtered list can be bookmarked). */
function filterFrom(params: URLSearchParams): EventFilterInput {
  const filter: EventFilterInput = {};
  const place = params.get('plats');
  const from = params.get('fran') ?? '';
  const to = params.get('till') ?? '';
  const search = params.get('sok')?.trim();
  if (place) filter.meetingPlace = place as MeetingPlaceCode;
  if (isDate(from)) filter.from = startOfDay(from);
  if (isDate(to)) filter.to = endOfDay(to);
  if (search) filter.search = search;
  return filter;
}

/** `/events`: the events, newest first, filtered by meeting place, period and title; paged. */
export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const meetingPlaces = useMeetingPlaces();
  const [place, setPlace] = useState(params.get('plats') ?? ALL);
  const [from, setFrom] = useState(params.get('fran') ?? '');
  const [to, setTo] = useState(params.get('till') ?? '');
  const [search, setSearch] = useState(params.get('sok') ?? '');
  const [loadingMore, setLoadingMore] = useState(false);

  const { data, loading, error, fetchMore } = useQuery(EventsQuery, {
    variables: { filter: filterFrom(params), first: PAGE_SIZE },
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (place !== ALL) next.set('plats', place);
    if (from) next.set('fran', from);
    if (to) next.set('till', to);
    if (search.trim()) next.set('sok', search.trim());
    setParams(next);
  };

  const clear = () => {
    setPlace(ALL);
    setFrom('');
    setTo('');
    setSearch('');
    setParams(new URLSearchParams());
  };

  const more = async () => {
    const after = data?.events.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          events: {
            ...fetchMoreResult.events,
            edges: [...previous.events.edges, ...fetchMoreResult.events.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const events = data?.events.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <PageTitle>{t('events.title')}</PageTitle>
      <p>
        <Link href="/events/new" className="button button--primary">
          {t('events.new')}
        </Link>
      </p>
      <section aria-label={t('events.filters')}>
        <Form onSubmit={apply} className="filters">
          <Select
            label={t('events.filter.meetingPlace')}
            options={[{ id: ALL, label: t('events.filter.allMeetingPlaces') }, ...meetingPlaces.options]}
            value={place}
            onChange={(v) => setPlace(v ?? ALL)}
          />
          <TextField label={t('events.filter.from')} type="date" value={from} onChange={setFrom} />
          <TextField label={t('events.filter.to')} type="date" value={to} onChange={setTo} />
          <TextField label={t('events.filter.search')} type="search" value={search} onChange={setSearch} />
          <div className="filters__actions">
            <Button type="submit">{t('events.filter.apply')}</Button>
            <Button variant="secondary" onPress={clear}>
              {t('events.filter.clear')}
            </Button>
          </div>
        </Form>
      </section>
      {error ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <>
          <StatusMessage>
            {events.length === 0
              ? t('events.none')
              : t('events.count', { shown: events.length, total: data.events.totalCount })}
          </StatusMessage>
          {events.length > 0 ? (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('events.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.table.date')}</th>
                    <th scope="col">{t('events.table.time')}</th>
                    <th scope="col">{t('events.table.title')}</th>
                    <th scope="col">{t('events.table.meetingPlace')}</th>
                    <th scope="col">{t('events.table.links')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <tr key={event.id}>
                      <td className="nowrap">{formatShortDate(event.startsAt)}</td>
                      <td className="nowrap">
                        {event.endsAt
                          ? t('events.timeRange', {
                              start: formatTime(event.startsAt),
                              end: formatTime(event.endsAt),
                            })
                          : formatTime(event.startsAt)}
                      </td>
                      <td>
                        <Link href={`/events/${event.id}`}>{event.title}</Link>
                      </td>
                      <td>{meetingPlaces.nameOf(event.meetingPlace)}</td>
                      <td>
                        <Link
                          href={`/events/${event.id}/door`}
                          aria-label={`${t('events.door')}: ${event.title}`}
                        >
                          {t('events.door')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {data.events.pageInfo.hasNextPage ? (
            <div className="actions">
              <Button variant="secondary" onPress={() => void more()} isPending={loadingMore}>
                {t('events.more')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <EventsPage />
    </RequireRole>
  );
}
