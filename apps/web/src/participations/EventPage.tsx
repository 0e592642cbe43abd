import { useMutation } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { errorCode } from '../app/apollo';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import { formatLabel } from '../events/labels';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type {
  EventWithParticipantsQuery as EventData,
  ParticipationRole,
  ParticipationStatus,
} from '../gql/graphql';
import { formatDate, formatDateTime, formatTime, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { ROLES, roleLabel, STATUSES, statusLabel } from './labels';
import {
  CancelParticipationMutation,
  EventWithParticipantsQuery,
  RegisterParticipationMutation,
} from './operations';
import { useAllParticipants } from './useAllParticipants';
import './participations.css';

type LoadedEvent = NonNullable<EventData['event']>;
export type Participant = LoadedEvent['participants']['edges'][number]['node'];

const ALL = 'ALL';

export interface ParticipantFilter {
  status: ParticipationStatus | typeof ALL;
  role: ParticipationRole | typeof ALL;
  text: string;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** The participants the filter lets through: status, role, and every word in name, email or organisation. */
export function filterParticipants(list: readonly Participant[], filter: ParticipantFilter): Participant[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return list.filter((p) => {
    if (filter.status !== ALL && p.status !== filter.status) return false;
    if (filter.role !== ALL && p.role !== filter.role) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${p.actor.name} ${p.actor.email ?? ''} ${p.actor.organisation?.name ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * The API's export of the event's participants (`/exports/events/{id}/participants.csv` or `.xlsx`),
 * with the status and role filter; the name search stays on the page. A plain link: the browser
 * sends the session cookie with a same-origin GET and saves the answer as the file it names.
 */
export function exportHref(
  eventId: string,
  format: 'csv' | 'xlsx',
  filter: Pick<ParticipantFilter, 'status' | 'role'>,
): string {
  const query = new URLSearchParams();
  if (filter.status !== ALL) query.set('status', filter.status);
  if (filter.role !== ALL) query.set('role', filter.role);
  const search = query.toString();
  return `/exports/events/${encodeURIComponent(eventId)}/participants.${format}${search ? `?${search}` : ''}`;
}

/** `/events/:id`: the event, its participants (filtered, changed, cancelled, exported) and its tools. */
export function EventPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { message?: string } | null)?.message ?? null;
  const { data, loading, error, complete } = useAllParticipants<EventData, Participant>(
    EventWithParticipantsQuery,
    id,
  );

  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  if (!data?.event) return <ErrorMessage>{t('participations.notFound')}</ErrorMessage>;
  return <EventView event={data.event} complete={complete} arrived={arrived} />;
}

function EventView({
  event,
  complete,
  arrived,
}: {
  event: LoadedEvent;
  complete: boolean;
  arrived: string | null;
}) {
  const { nameOf } = useMeetingPlaces();
  const [filter, setFilter] = useState<ParticipantFilter>({ status: ALL, role: ALL, text: '' });
  const [editing, setEditing] = useState<Participant | null>(null);
  const [cancelling, setCancelling] = useState<Participant | null>(null);
  const [news, setNews] = useState<string | null>(arrived);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancel, cancelState] = useMutation(CancelParticipationMutation);

  const all = useMemo(() => event.participants.edges.map((e) => e.node), [event.participants.edges]);
  const shown = useMemo(() => filterParticipants(all, filter), [all, filter]);
  const total = event.participants.totalCount;
  const when = event.endsAt
    ? `${formatDate(event.startsAt)}, ${formatTime(event.startsAt)}–${formatTime(event.endsAt)}`
    : `${formatDate(event.startsAt)}, ${formatTime(event.startsAt)}`;

  const confirmCancel = async () => {
    if (!cancelling) return;
    const name = cancelling.actor.name;
    try {
      await cancel({ variables: { input: { eventId: event.id, actorId: cancelling.actor.id } } });
      setNews(t('participations.cancelled', { name }));
      setFailure(null);
    } catch (e) {
      setFailure(errorCode(e) === null ? t('app.error.network') : t('app.error.generic'));
    }
    setCancelling(null);
  };

  return (
    <>
      <PageTitle>{event.title}</PageTitle>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      <dl className="event-facts">
        <dt>{t('participations.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('participations.where')}</dt>
        <dd>{nameOf(event.meetingPlace)}</dd>
        {event.format ? (
          <>
            <dt>{t('participations.format')}</dt>
            <dd>{formatLabel(event.format)}</dd>
          </>
        ) : null}
        {event.topics.length > 0 ? (
          <>
            <dt>{t('participations.topics')}</dt>
            <dd>{event.topics.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <ul className="event-tools">
        <li>
          <Link href={`/events/${event.id}/door`} className="button button--primary">
            {t('participations.door')}
          </Link>
        </li>
        <li>
          <Link href={`/events/${event.id}/badges`} className="button button--secondary">
            {t('participations.badges')}
          </Link>
        </li>
        <li>
          <Link href={`/events/${event.id}/import`} className="button button--secondary">
            {t('participations.import')}
          </Link>
        </li>
        <li>
          <Link href={`/events/${event.id}/edit`} className="button button--secondary">
            {t('participations.editEvent')}
          </Link>
        </li>
      </ul>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('participations.heading')}</h2>
        {total === 0 ? (
          <p>{t('participations.none')}</p>
        ) : (
          <>
            <div className="filters" role="group" aria-label={t('participations.filters')}>
              <Select
                label={t('participations.filter.status')}
                options={[
                  { id: ALL, label: t('participations.filter.all') },
                  ...STATUSES.map((s) => ({ id: s, label: statusLabel(s) })),
                ]}
                value={filter.status}
                onChange={(v) =>
                  setFilter((f) => ({ ...f, status: (v ?? ALL) as ParticipantFilter['status'] }))
                }
              />
              <Select
                label={t('participations.filter.role')}
                options={[
                  { id: ALL, label: t('participations.filter.all') },
                  ...ROLES.map((r) => ({ id: r, label: roleLabel(r) })),
                ]}
                value={filter.role}
                onChange={(v) => setFilter((f) => ({ ...f, role: (v ?? ALL) as ParticipantFilter['role'] }))}
              />
              <TextField
                label={t('participations.filter.name')}
                type="search"
                value={filter.text}
                onChange={(text) => setFilter((f) => ({ ...f, text }))}
              />
            </div>
            <StatusMessage>
              {complete
                ? shown.length === 0
                  ? t('participations.noneMatch')
                  : t('participations.count', { shown: shown.length, total })
                : t('participations.loadingAll', { loaded: all.length, total })}
            </StatusMessage>
            <div className="actions">
              <a className="button button--secondary" href={exportHref(event.id, 'csv', filter)} download>
                {t('participations.exportCsv')}
              </a>
              <a className="button button--secondary" href={exportHref(event.id, 'xlsx', filter)} download>
                {t('participations.exportXlsx')}
              </a>
            </div>
            <p className="hint">{t('participations.exportHint')}</p>
            {shown.length > 0 ? (
              <ParticipantTable
                title={event.title}
                participants={shown}
                onEdit={setEditing}
                onCancel={setCancelling}
              />
            ) : null}
          </>
        )}
      </section>

      {editing ? (
        <ChangeDialog
          eventId={event.id}
          eventTitle={event.title}
          participant={editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setFailure(null);
            setNews(t('participations.updated', { name }));
          }}
        />
      ) : null}
      <ConfirmDialog
        title={t('participations.cancelTitle')}
        isOpen={cancelling !== null}
        onOpenChange={(open) => !open && setCancelling(null)}
        confirmLabel={t('participations.cancelConfirm')}
        cancelLabel={t('participations.cancelKeep')}
        onConfirm={() => void confirmCancel()}
        isPending={cancelState.loading}
        danger
      >
        <p>{t('participations.cancelText', { name: cancelling?.actor.name ?? '', title: event.title })}</p>
      </ConfirmDialog>
    </>
  );
}

function ParticipantTable({
  title,
  participants,
  onEdit,
  onCancel,
}: {
  title: string;
  participants: readonly Participant[];
  onEdit: (p: Participant) => void;
  onCancel: (p: Participant) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="participants">
        <caption className="visually-hidden">{t('participations.table.caption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participations.table.name')}</th>
            <th scope="col">{t('participations.table.organisation')}</th>
            <th scope="col">{t('participations.table.role')}</th>
            <th scope="col">{t('participations.table.status')}</th>
            <th scope="col">{t('participations.table.checkedIn')}</th>
            <th scope="col">{t('participations.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link href={`/actors/${p.actor.id}`}>{p.actor.name}</Link>
              </th>
              <td>{p.actor.organisation?.name ?? t('app.none')}</td>
              <td>{roleLabel(p.role)}</td>
              <td>
                <span className={`status-tag status-tag--${p.status.toLowerCase()}`}>
                  {statusLabel(p.status)}
                </span>
              </td>
              <td>{p.checkedInAt ? formatDateTime(p.checkedInAt) : t('app.none')}</td>
              <td>
                <div className="row-actions">
                  <Button
                    variant="secondary"
                    onPress={() => onEdit(p)}
                    aria-label={t('participations.changeFor', { name: p.actor.name })}
                  >
                    {t('participations.change')}
                  </Button>
                  {p.status !== 'CANCELLED' ? (
                    <Button
                      variant="quiet"
                      onPress={() => onCancel(p)}
                      aria-label={t('participations.cancelFor', { name: p.actor.name })}
                    >
                      {t('participations.cancel')}
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Role and status of one participation; registerParticipation updates the existing registration. */
function ChangeDialog({
  eventId,
  eventTitle,
  participant,
  onClose,
  onSaved,
}: {
  eventId: string;
  eventTitle: string;
  participant: Participant;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [role, setRole] = useState<ParticipationRole>(participant.role);
  const [status, setStatus] = useState<ParticipationStatus>(participant.status);
  const [error, setError] = useState<string | null>(null);
  const [register, { loading }] = useMutation(RegisterParticipationMutation);
  // Cancelling has its own button and question; here a cancelled participant can be registered again.
  const statuses = STATUSES.filter((s) => s !== 'CANCELLED' || participant.status === 'CANCELLED');

  const save = async () => {
    try {
      await register({
        variables: {
          input: {
            eventId,
            actorId: participant.actor.id,
            role,
            ...(status !== participant.status ? { status } : {}),
          },
        },
      });
      onSaved(participant.actor.name);
    } catch (e) {
      setError(errorCode(e) === null ? t('app.error.network') : t('app.error.generic'));
    }
  };

  return (
    <Dialog title={t('participations.changeTitle')} isOpen onOpenChange={(open) => !open && onClose()}>
      <p>{t('participations.changeIntro', { name: participant.actor.name, title: eventTitle })}</p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="form">
        <Select
          label={t('participations.filter.role')}
          options={ROLES.map((r) => ({ id: r, label: roleLabel(r) }))}
          value={role}
          onChange={(v) => v && setRole(v as ParticipationRole)}
        />
        <Select
          label={t('participations.filter.status')}
          options={statuses.map((s) => ({ id: s, label: statusLabel(s) }))}
          value={status}
          onChange={(v) => v && setStatus(v as ParticipationStatus)}
        />
        <p className="hint">{t('participations.cancelStatusHint')}</p>
      </div>
      <div className="actions">
        <Button variant="secondary" slot="close">
          {t('app.cancel')}
        </Button>
        <Button onPress={() => void save()} isPending={loading}>
          {loading ? t('app.saving') : t('app.save')}
        </Button>
      </div>
    </Dialog>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <EventPage />
    </RequireRole>
  );
}
