import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Navigate } from 'react-router';
import { STAFF_ROLES } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import { EventsQuery } from '../events/operations';
import { addDays, endOfDay, startOfDay, stockholmToday } from '../events/period';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type { EventsQuery as EventsData } from '../gql/graphql';
import { formatShortDate, formatTime, t, type MessageKey } from '../i18n/i18n';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import './home.css';

type EventItem = EventsData['events']['edges'][number]['node'];

const UPCOMING_DAYS = 30;

/** Where a strategist's week starts: the ladder, the map, whom to invite next and the reports. */
const STRATEGIST_PLACES: { href: string; title: MessageKey; text: MessageKey }[] = [
  { href: '/ladder', title: 'home.place.ladder', text: 'home.place.ladderText' },
  { href: '/ladder/map', title: 'home.place.map', text: 'home.place.mapText' },
  { href: '/ladder/next', title: 'home.place.next', text: 'home.place.nextText' },
  { href: '/reports', title: 'home.place.reports', text: 'home.place.reportsText' },
];

/** `/`: for event staff, today's and the coming 30 days' events; the committee goes to its reports; a strategist gets the places to start from. */
export function HomePage() {
  const user = useUser();
  // The committee's home is its reports.
  if (user.role === 'COMMITTEE') return <Navigate to="/reports" replace />;
  if (!STAFF_ROLES.includes(user.role)) {
    return (
      <>
        <PageTitle>{t('home.title')}</PageTitle>
        <h2>{t('home.welcome', { name: user.name })}</h2>
        <p>{t('home.welcomeText')}</p>
        <ul className="home-events">
          {STRATEGIST_PLACES.map((place) => (
            <li key={place.href} className="home-event">
              <h3 className="home-event__title">
                <Link href={place.href}>{t(place.title)}</Link>
              </h3>
              <p className="home-event__meta">{t(place.text)}</p>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <StaffHome />;
}

function StaffHome() {
  const today = stockholmToday();
  const todayEnds = endOfDay(today);
  // Events ending today or later and starting within the coming 30 days (the API lists newest first).
  const { data, loading, error } = useQuery(EventsQuery, {
    variables: {
      filter: { from: startOfDay(today), to: endOfDay(addDays(today, UPCOMING_DAYS)) },
      first: 200,
    },
  });

  const [todays, upcoming] = useMemo(() => {
    const events = [...(data?.events.edges.map((e) => e.node) ?? [])].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    );
    return [events.filter((e) => e.startsAt <= todayEnds), events.filter((e) => e.startsAt > todayEnds)];
  }, [data, todayEnds]);

  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      {error ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <>
          <section aria-labelledby="home-today">
            <h2 id="home-today">{t('home.today')}</h2>
            <EventList events={todays} empty={t('home.noneToday')} showDate={false} />
          </section>
          <section aria-labelledby="home-upcoming">
            <h2 id="home-upcoming">{t('home.upcoming')}</h2>
            <p className="hint">{t('home.upcomingHint')}</p>
            <EventList events={upcoming} empty={t('home.noneUpcoming')} showDate />
          </section>
        </>
      ) : null}
      <p className="home-event__links">
        <Link href="/events">{t('home.allEvents')}</Link>
        <Link href="/events/new">{t('home.newEvent')}</Link>
      </p>
    </>
  );
}

function EventList({ events, empty, showDate }: { events: EventItem[]; empty: string; showDate: boolean }) {
  const { nameOf } = useMeetingPlaces();
  if (events.length === 0) return <p>{empty}</p>;
  return (
    <ul className="home-events">
      {events.map((event) => {
        const time = event.endsAt
          ? `${formatTime(event.startsAt)}–${formatTime(event.endsAt)}`
          : formatTime(event.startsAt);
        return (
          <li key={event.id} className="home-event">
            <h3 className="home-event__title">
              <Link href={`/events/${event.id}`}>{event.title}</Link>
            </h3>
            <p className="home-event__meta">
              {showDate ? t('home.when', { date: formatShortDate(event.startsAt), time }) : time}
              {' · '}
              {nameOf(event.meetingPlace)}
            </p>
            <p className="home-event__links">
              <Link
                href={`/events/${event.id}/door`}
                aria-label={t('home.openDoorFor', { title: event.title })}
              >
                {t('home.openDoor')}
              </Link>
              <Link
                href={`/events/${event.id}`}
                aria-label={t('home.participantsFor', { title: event.title })}
              >
                {t('home.participants')}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function Component() {
  return <HomePage />;
}
