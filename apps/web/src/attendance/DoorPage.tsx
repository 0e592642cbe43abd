// The door: /events/:id/door. One hand, one phone: search or scan, tap to check in, undo for ten
// seconds, a walk-in form for those who came unannounced, live counts, and it keeps working offline.
// The state is in useDoor.ts (and the plain modules it uses); this file is only what is shown.
import { participationRoleLabelSv, participationStatusLabelSv } from '@crm/domain/enums';
import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useParams } from 'react-router';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import { formatNumber, formatTime, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { codeInScan, codeInSearch } from './door-code';
import { refusalReason, type RefusedItem } from './door-queue';
import type { DoorParticipant } from './door-types';
import { DoorEventQuery } from './door.operations';
import { useDoor, useDoorSearch, type CodeOutcome, type Door } from './useDoor';
import './door.css';

// Loaded when first opened, so the door's first load stays small.
const WalkInDialog = lazy(() => import('./WalkInDialog'));
const ScannerDialog = lazy(() => import('./ScannerDialog'));

/** The route's element: staff only. */
export function DoorRoute() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <DoorPageForUser />
    </RequireRole>
  );
}

function DoorPageForUser() {
  const { id = '' } = useParams();
  const user = useUser();
  // A new user or event is a new door (its own queue and cache).
  return <DoorPage key={`${user.id}:${id}`} eventId={id} userId={user.id} />;
}

export function DoorPage({ eventId, userId }: { eventId: string; userId: string }) {
  const door = useDoor(eventId, userId);
  const event = useQuery(DoorEventQuery, { variables: { id: eventId }, fetchPolicy: 'cache-first' });
  const title = event.data?.event?.title;
  const [query, setQuery] = useState('');
  const [spotlight, setSpotlight] = useState<DoorParticipant | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [scannerOpen, setScannerOpen] = useState(false);
  const search = useSearch(door, query);
  const searchRef = useRef<HTMLInputElement>(null);
  // Ready for a hand scanner, which types into the focused field.
  useEffect(() => searchRef.current?.focus(), []);

  const announceCheckIn = (participant: DoorParticipant) =>
    setAnnouncement(
      t('attendance.announce.checkedIn', {
        name: participant.name,
        time: formatTime(participant.checkedInAt ?? new Date()),
      }),
    );

  const onCode = async (code: string) => {
    setCodeError(null);
    const outcome: CodeOutcome = await door.checkInByCode(code);
    if (outcome.kind === 'checkedIn') {
      setQuery('');
      setSpotlight(outcome.participant);
      announceCheckIn(outcome.participant);
    } else if (outcome.kind === 'unknown') setCodeError(t('attendance.code.unknown', { code }));
    else if (outcome.kind === 'unknownOffline') setCodeError(t('attendance.code.notFoundOffline', { code }));
    else setCodeError(t('attendance.error.checkIn'));
  };

  const onSubmit = (text: string) => {
    const code = codeInSearch(text);
    if (code) void onCode(code);
  };

  const onScanned = (text: string) => {
    setScannerOpen(false);
    const code = codeInScan(text);
    if (code) void onCode(code);
    else setCodeError(t('attendance.scan.notCode'));
  };

  const rows = [
    ...(spotlight && !search.results.some((p) => p.id === spotlight.id) ? [spotlight] : []),
    ...search.results,
  ].map(door.current);

  return (
    <div className="door">
      {/* Focus goes to the search box instead (a hand scanner types there), also when the title loads. */}
      <PageTitle focus={false}>
        {title ? t('attendance.door.titleFor', { title }) : t('attendance.door.title')}
      </PageTitle>
      {event.data && !event.data.event ? (
        <ErrorMessage>{t('attendance.door.eventMissing')}</ErrorMessage>
      ) : null}

      <Counts door={door} />
      <SyncStatus door={door} />
      <Refused items={door.queue.refused} onDismiss={(key) => void door.dismissRefused(key)} />

      <div className="door__search">
        <div className="field door__searchfield">
          <label htmlFor="door-search" className="field__label">
            {t('attendance.search.label')}
          </label>
          <input
            id="door-search"
            ref={searchRef}
            type="search"
            className="field__input door__input"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            aria-describedby="door-search-help"
            value={query}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setQuery(value);
              setCodeError(null);
              if (value) setSpotlight(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onSubmit(e.currentTarget.value);
              }
            }}
          />
          <p id="door-search-help" className="field__description door__help">
            {codeInSearch(query) ? t('attendance.search.codeHint') : t('attendance.search.description')}
          </p>
        </div>
        <div className="door__tools">
          <Button variant="secondary" className="door__tool" onPress={() => setScannerOpen(true)}>
            {t('attendance.scan.open')}
          </Button>
          <Button variant="secondary" className="door__tool" onPress={() => setWalkInOpen(true)}>
            {t('attendance.walkIn.open')}
          </Button>
        </div>
      </div>

      {codeError ? <ErrorMessage>{codeError}</ErrorMessage> : null}
      <p role="status" className="door__announce">
        {announcement}
      </p>

      <p role="status" className="door__hits">
        {search.text}
      </p>
      {search.source === 'device' && query.trim() ? (
        <p className="hint">{t('attendance.search.localNote')}</p>
      ) : null}

      {/* data-query and data-source: which query the rows answer, and from where (tests, the bench). */}
      <ul className="door__results" data-query={search.query} data-source={search.source}>
        {rows.map((participant) => (
          <ResultRow
            key={participant.id}
            participant={participant}
            undoOpen={door.undoOpen.has(participant.id)}
            waiting={door.queue.pending.some(
              (item) => item.kind !== 'walkIn' && item.participationId === participant.id,
            )}
            onCheckIn={async () => {
              const updated = await door.checkIn(participant);
              announceCheckIn(updated);
            }}
            onUndo={async () => {
              await door.undoCheckIn(participant);
              setAnnouncement(t('attendance.announce.undone', { name: participant.name }));
              searchRef.current?.focus();
            }}
          />
        ))}
      </ul>

      {walkInOpen ? (
        <Suspense fallback={null}>
          <WalkInDialog
            isOpen
            onClose={() => setWalkInOpen(false)}
            walkIn={door.walkIn}
            online={door.online}
            onDone={(outcome) => {
              setWalkInOpen(false);
              if (outcome.kind === 'checkedIn') {
                setQuery('');
                setSpotlight(outcome.participant);
                setAnnouncement(t('attendance.announce.walkIn', { name: outcome.participant.name }));
              } else setAnnouncement(t('attendance.walkIn.queued', { name: outcome.name }));
            }}
          />
        </Suspense>
      ) : null}
      {scannerOpen ? (
        <Suspense fallback={<LoadingMessage>{t('attendance.scan.starting')}</LoadingMessage>}>
          <ScannerDialog isOpen onClose={() => setScannerOpen(false)} onScanned={onScanned} />
        </Suspense>
      ) : null}
    </div>
  );
}

function useSearch(door: Door, query: string) {
  const state = useDoorSearch(
    door.eventId,
    query,
    door.online,
    door.cache.participants,
    door.tracker,
    door.cache.ready,
    door.absorb,
  );
  const count = state.results.length;
  let text = '';
  if (state.loading && !count) text = t('attendance.search.searching');
  else if (state.failed) text = t('attendance.error.checkIn');
  else if (state.query) {
    text =
      count === 0
        ? t('attendance.search.noHits')
        : count === 1
          ? t('attendance.search.oneHit')
          : t('attendance.search.hits', { count });
  }
  return { ...state, text };
}

function ResultRow({
  participant,
  undoOpen,
  waiting,
  onCheckIn,
  onUndo,
}: {
  participant: DoorParticipant;
  undoOpen: boolean;
  waiting: boolean;
  onCheckIn: () => Promise<void>;
  onUndo: () => Promise<void>;
}) {
  const attended = participant.status === 'ATTENDED';
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The tapped button is gone: focus moves to "Ångra", else stays on the row.
    if (undoOpen) undoRef.current?.focus();
  }, [undoOpen]);
  return (
    <li className={`door-row${attended ? ' door-row--attended' : ''}`}>
      <div className="door-row__who">
        <span className="door-row__name">{participant.name}</span>
        <span className="door-row__detail">
          {participant.organisation ?? t('attendance.row.noOrganisation')}
        </span>
        <span className="door-row__detail">
          {t('attendance.row.role', { role: participationRoleLabelSv[participant.role] })}
          {attended ? null : (
            <>
              {' · '}
              {t('attendance.row.status', { status: participationStatusLabelSv[participant.status] })}
            </>
          )}
        </span>
      </div>
      <div className="door-row__action">
        {attended ? (
          <>
            <span className="door-row__checked">
              <span className="door-row__time">
                {t('attendance.row.checkedIn', { time: formatTime(participant.checkedInAt ?? new Date()) })}
              </span>
              {waiting ? <span className="door-row__waiting">{t('attendance.row.waiting')}</span> : null}
            </span>
            {undoOpen ? (
              <AriaButton
                ref={undoRef}
                className="button button--secondary door-row__undo"
                onPress={() => void onUndo()}
              >
                {t('attendance.row.undo')}
              </AriaButton>
            ) : null}
          </>
        ) : (
          <Button className="door-row__checkin" onPress={() => void onCheckIn()}>
            {t('attendance.row.checkIn', { name: participant.name })}
          </Button>
        )}
      </div>
    </li>
  );
}

function Counts({ door }: { door: Door }) {
  const { counts, local } = door.counts;
  if (!counts) return null;
  return (
    <section aria-label={t('attendance.counts.label')} className="door__counts">
      <ul>
        <li>{t('attendance.counts.registered', { count: formatNumber(counts.registered) })}</li>
        <li>{t('attendance.counts.attended', { count: formatNumber(counts.attended) })}</li>
        <li>{t('attendance.counts.walkIns', { count: formatNumber(counts.walkIns) })}</li>
      </ul>
      {local ? <p className="hint">{t('attendance.counts.local')}</p> : null}
    </section>
  );
}

function SyncStatus({ door }: { door: Door }) {
  const count = door.queue.pending.length;
  let text: string;
  let tone = 'ok';
  if (!door.online) {
    tone = 'offline';
    text = count === 1 ? t('attendance.sync.offlineOne') : t('attendance.sync.offline', { count });
  } else if (door.queue.stoppedBy === 'signedOut' && count) {
    tone = 'offline';
    text = t('attendance.sync.signedOut', { count });
  } else if (count) {
    tone = 'pending';
    text = t('attendance.sync.pending', { count });
  } else text = t('attendance.sync.synced');
  const cache = door.cache.state;
  return (
    <div className={`door__sync door__sync--${tone}`}>
      <p role="status" className="door__sync-text">
        {text}
      </p>
      <p className="hint door__cache">
        {cache === 'loading'
          ? t('attendance.cache.loading')
          : cache === 'failed' && !door.cache.participants.length
            ? t('attendance.cache.failed')
            : t('attendance.cache.ready', { count: door.cache.participants.length })}
      </p>
    </div>
  );
}

function Refused({ items, onDismiss }: { items: RefusedItem[]; onDismiss: (key: string) => void }) {
  if (!items.length) return null;
  return (
    <section className="alert alert--warning door__refused" aria-labelledby="door-refused-title">
      <h2 id="door-refused-title">{t('attendance.refused.title')}</h2>
      <p>{t('attendance.refused.intro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key} className="door__refused-item">
            <span>
              <strong>{t(`attendance.refused.kind.${item.kind}`)}</strong>{' '}
              {t('attendance.refused.item', { name: item.name, reason: t(refusalReason(item)) })}
            </span>
            <Button
              variant="secondary"
              aria-label={t('attendance.refused.dismissFor', { name: item.name })}
              onPress={() => onDismiss(item.key)}
            >
              {t('attendance.refused.dismiss')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
