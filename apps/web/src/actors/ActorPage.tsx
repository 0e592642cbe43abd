import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { errorCode } from '../app/apollo';
import type { SessionUser } from '../auth/auth-api';
import { PERSONAL_DATA_ROLES, RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import type { ActorPageQuery as ActorPageData } from '../gql/graphql';
import { formatDate, formatDateTime, t } from '../i18n/i18n';
import { initiativeKindLabel, initiativeRoleLabel, membershipPeriod } from '../initiatives/labels';
import { JoinInitiativeDialog } from '../initiatives/JoinInitiativeDialog';
import { INITIATIVE_WRITE_ROLES } from '../initiatives/roles';
import { roleLabel, statusLabel } from '../participations/labels';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { RecordEngagementDialog } from './ActorDialogs';
import { ConsentSection } from './ConsentSection';
import { DataProtectionSection } from '../data-protection/DataProtectionSection';
import {
  engagementKindLabel,
  genderLabel,
  kindLabel,
  legalBasisLabel,
  sectorLabel,
  stepLabel,
} from './labels';
import {
  ActorLastActivityQuery,
  ActorPageMembersQuery,
  ActorPageParticipationsQuery,
  ActorPageQuery,
  RemoveEngagementMutation,
} from './operations';
import './actors.css';

export type PageActor = NonNullable<ActorPageData['actor']>;
type Reason = NonNullable<PageActor['ladder']>['reasons'][number];
type Role = SessionUser['role'];

export const PARTICIPATIONS_PAGE = 10;
export const MEMBERS_PAGE = 25;
/** How long the page keeps asking for the recomputed step after a change (the worker's work). */
const RECOMPUTE_POLL_MS = 1500;
const RECOMPUTE_GIVE_UP_MS = 15_000;

/** Who may record engagements and memberships: the API's WRITE_INITIATIVES (ADMIN, EVENT_STAFF, STRATEGIST). */
export const ENGAGEMENT_WRITE_ROLES: Role[] = INITIATIVE_WRITE_ROLES;
/** Who may open an event's page (`/events/:id` is for staff). */
const EVENT_PAGE_ROLES: Role[] = STAFF_ROLES;

const ladderSignature = (actor: PageActor | null | undefined): string =>
  JSON.stringify([actor?.ladder ?? null, actor?.ladderHistory.length ?? 0]);

/** `/actors/:id`: the actor's step with its evidence, its history, and everything it took part in. */
export function ActorPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { message?: string } | null)?.message ?? null;
  const { role } = useUser();
  const { data, loading, error, refetch, fetchMore } = useQuery(ActorPageQuery, {
    variables: { id, participationsFirst: PARTICIPATIONS_PAGE, membersFirst: MEMBERS_PAGE },
  });
  const lastActivity = useQuery(ActorLastActivityQuery, { variables: { id }, errorPolicy: 'all' });
  const actor = data?.actor;

  // After a change the worker places the actor again; ask until the step's record changes, a while.
  const [recompute, setRecompute] = useState<'idle' | 'running' | 'done'>('idle');
  const baseline = useRef<string | null>(null);
  const signature = ladderSignature(actor);
  useEffect(() => {
    if (recompute === 'running' && baseline.current !== null && signature !== baseline.current) {
      setRecompute('done');
    }
  }, [signature, recompute]);
  useEffect(() => {
    if (recompute !== 'running') return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started > RECOMPUTE_GIVE_UP_MS) setRecompute('idle');
      else void refetch().catch(() => undefined);
    }, RECOMPUTE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [recompute, refetch]);

  const changed = useCallback(() => {
    baseline.current = signature;
    setRecompute('running');
    void refetch().catch(() => undefined);
    void lastActivity.refetch().catch(() => undefined);
  }, [signature, refetch, lastActivity]);

  const moreParticipations = () =>
    fetchMore({
      query: ActorPageParticipationsQuery,
      variables: { id, first: PARTICIPATIONS_PAGE, after: actor?.participations.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.actor || !fetchMoreResult.actor) return previous;
        const next = fetchMoreResult.actor.participations;
        return {
          actor: {
            ...previous.actor,
            participations: {
              ...next,
              edges: [...previous.actor.participations.edges, ...next.edges],
            },
          },
        };
      },
    });

  const moreMembers = () =>
    fetchMore({
      query: ActorPageMembersQuery,
      variables: { id, first: MEMBERS_PAGE, after: actor?.members.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.actor || !fetchMoreResult.actor) return previous;
        const next = fetchMoreResult.actor.members;
        return {
          actor: {
            ...previous.actor,
            members: { ...next, edges: [...previous.actor.members.edges, ...next.edges] },
          },
        };
      },
    });

  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  if (!actor) {
    return (
      <>
        <PageTitle>{t('actors.notFoundTitle')}</PageTitle>
        <ErrorMessage>{t('actors.notFound')}</ErrorMessage>
      </>
    );
  }

  return (
    <ActorView
      actor={actor}
      role={role}
      arrived={arrived}
      lastActivityOn={lastActivity.data?.actor?.lastActivityOn ?? null}
      recompute={recompute}
      onChanged={changed}
      onMoreParticipations={() => void moreParticipations()}
      onMoreMembers={() => void moreMembers()}
    />
  );
}

export interface ActorViewProps {
  actor: PageActor;
  role: Role;
  arrived?: string | null;
  lastActivityOn?: string | null;
  recompute?: 'idle' | 'running' | 'done';
  /** A mutation changed the actor's records: load them again (and the step, once recomputed). */
  onChanged: () => void;
  onMoreParticipations?: () => void;
  onMoreMembers?: () => void;
}

export function ActorView({
  actor,
  role,
  arrived = null,
  lastActivityOn = null,
  recompute = 'idle',
  onChanged,
  onMoreParticipations,
  onMoreMembers,
}: ActorViewProps) {
  // Nothing new is tied to an anonymised person (the API refuses it): no edit, engagement or membership.
  const anonymised = Boolean(actor.anonymisedAt);
  const canWrite = ENGAGEMENT_WRITE_ROLES.includes(role) && !anonymised;
  const [news, setNews] = useState<string | null>(arrived);
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'engagement' | 'initiative' | null>(null);
  const [removing, setRemoving] = useState<PageActor['engagements'][number] | null>(null);
  const [remove, removeState] = useMutation(RemoveEngagementMutation);

  const participations = actor.participations.edges.map((e) => e.node);
  const events = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of actor.participations.edges) {
      const { event } = p.node;
      if (!seen.has(event.id)) seen.set(event.id, `${event.title}, ${formatDate(event.startsAt)}`);
    }
    return [...seen].map(([id, label]) => ({ id, label }));
  }, [actor.participations.edges]);
  const initiatives = useMemo(
    () =>
      actor.initiatives
        .filter((m, i, all) => all.findIndex((n) => n.initiative.id === m.initiative.id) === i)
        .map((m) => ({ id: m.initiative.id, label: m.initiative.name })),
    [actor.initiatives],
  );

  const rows: [string, string | null | undefined][] = [
    [t('actors.field.kind'), kindLabel(actor.kind)],
    [t('actors.field.email'), actor.email],
    [t('actors.field.title'), actor.title],
    [t('actors.field.organisationNumber'), actor.organisationNumber],
    [t('actors.field.sector'), sectorLabel(actor.sector)],
    [t('actors.field.municipality'), actor.municipality?.name],
    [t('actors.field.country'), actor.country],
    [t('actors.field.gender'), actor.gender ? genderLabel(actor.gender) : null],
    [t('actors.field.legalBasis'), legalBasisLabel(actor.legalBasis)],
    [t('actors.page.lastActivity'), lastActivityOn ? formatDate(lastActivityOn) : null],
    [t('actors.field.createdAt'), formatDateTime(actor.createdAt)],
    [t('actors.field.updatedAt'), formatDateTime(actor.updatedAt)],
  ];

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await remove({ variables: { id: removing.id } });
      setNews(t('actors.engagements.removed'));
      setFailure(null);
      onChanged();
    } catch (e) {
      setFailure(errorCode(e) === null ? t('app.error.network') : t('app.error.generic'));
    }
    setRemoving(null);
  };

  return (
    <div className="actor-page">
      <PageTitle>{actor.name}</PageTitle>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      <ul className="actor-tools">
        {anonymised ? null : (
          <li>
            <Link href={`/actors/${actor.id}/edit`} className="button button--secondary">
              {t('actors.page.edit')}
            </Link>
          </li>
        )}
        {canWrite ? (
          <>
            <li>
              <Button variant="secondary" onPress={() => setDialog('engagement')}>
                {t('actors.page.recordEngagement')}
              </Button>
            </li>
            <li>
              <Button variant="secondary" onPress={() => setDialog('initiative')}>
                {t('actors.page.joinInitiative')}
              </Button>
            </li>
          </>
        ) : null}
      </ul>

      <LadderSection actor={actor} role={role} recompute={recompute} />

      <section aria-labelledby="actor-facts-heading" className="actor-section">
        <h2 id="actor-facts-heading">{t('actors.page.facts')}</h2>
        <dl className="actor-facts">
          {actor.organisation ? (
            <div className="actor-facts__row">
              <dt>{t('actors.field.organisation')}</dt>
              <dd>
                <Link href={`/actors/${actor.organisation.id}`}>{actor.organisation.name}</Link>
              </dd>
            </div>
          ) : null}
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="actor-facts__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>

      {actor.kind === 'ORGANISATION' ? <MembersSection actor={actor} onMore={onMoreMembers} /> : null}

      <HistorySection actor={actor} role={role} />

      {actor.kind === 'PERSON' && actor.legalBasis === 'CONSENT' ? (
        <ConsentSection actorId={actor.id} actorName={actor.name} canWrite={canWrite} />
      ) : null}

      {role === 'ADMIN' && actor.kind === 'PERSON' ? (
        <DataProtectionSection
          actorId={actor.id}
          actorName={actor.name}
          hasEvidence={
            actor.participations.totalCount > 0 ||
            actor.initiatives.length > 0 ||
            actor.engagements.length > 0 ||
            actor.ladderHistory.length > 0
          }
        />
      ) : null}

      <section aria-labelledby="actor-engagements-heading" className="actor-section">
        <h2 id="actor-engagements-heading">{t('actors.engagements.heading')}</h2>
        {actor.engagements.length === 0 ? (
          <p>{t('actors.engagements.none')}</p>
        ) : (
          <ul className="engagement-list">
            {actor.engagements.map((engagement) => {
              const kind = engagementKindLabel(engagement.kind);
              const date = formatDate(engagement.occurredOn);
              return (
                <li key={engagement.id} id={`engagement-${engagement.id}`} className="engagement">
                  <p className="engagement__title">
                    <strong>{kind}</strong> <span className="engagement__date">{date}</span>
                  </p>
                  {engagement.note ? <p className="engagement__note">{engagement.note}</p> : null}
                  {engagement.event ? (
                    <p className="engagement__link">
                      {EVENT_PAGE_ROLES.includes(role) ? (
                        <Link href={`/events/${engagement.event.id}`}>
                          {t('actors.engagements.linkedEvent', { title: engagement.event.title })}
                        </Link>
                      ) : (
                        t('actors.engagements.linkedEvent', { title: engagement.event.title })
                      )}
                    </p>
                  ) : null}
                  {engagement.initiative ? (
                    <p className="engagement__link">
                      {t('actors.engagements.linkedInitiative')}
                      <Link href={`/initiatives/${engagement.initiative.id}`}>
                        {engagement.initiative.name}
                      </Link>
                    </p>
                  ) : null}
                  {canWrite ? (
                    <Button
                      variant="quiet"
                      onPress={() => setRemoving(engagement)}
                      aria-label={t('actors.engagements.removeFor', { kind, date })}
                    >
                      {t('actors.engagements.remove')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="actor-participations-heading" className="actor-section">
        <h2 id="actor-participations-heading">{t('actors.participations.heading')}</h2>
        {participations.length === 0 ? (
          <p>{t('actors.participations.none')}</p>
        ) : (
          <>
            <div
              className="table-wrap"
              role="region"
              tabIndex={0}
              aria-label={t('actors.participations.region')}
            >
              <table className="actor-table">
                <caption className="visually-hidden">
                  {t('actors.participations.caption', { name: actor.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('actors.participations.event')}</th>
                    <th scope="col">{t('actors.participations.role')}</th>
                    <th scope="col">{t('actors.participations.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {participations.map((p) => (
                    <tr key={p.id} id={`participation-${p.event.id}`}>
                      <th scope="row">
                        {EVENT_PAGE_ROLES.includes(role) ? (
                          <Link href={`/events/${p.event.id}`}>{p.event.title}</Link>
                        ) : (
                          p.event.title
                        )}
                        <span className="actor-table__detail">{formatDate(p.event.startsAt)}</span>
                      </th>
                      <td>{roleLabel(p.role)}</td>
                      <td>{statusLabel(p.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">
              {t('actors.participations.count', {
                shown: participations.length,
                total: actor.participations.totalCount,
              })}
            </p>
            {actor.participations.pageInfo.hasNextPage && onMoreParticipations ? (
              <Button variant="secondary" onPress={onMoreParticipations}>
                {t('actors.participations.more')}
              </Button>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="actor-initiatives-heading" className="actor-section">
        <h2 id="actor-initiatives-heading">{t('actors.memberships.heading')}</h2>
        {actor.initiatives.length === 0 ? (
          <p>{t('actors.memberships.none')}</p>
        ) : (
          <div className="table-wrap" role="region" tabIndex={0} aria-label={t('actors.memberships.region')}>
            <table className="actor-table">
              <caption className="visually-hidden">
                {t('actors.memberships.caption', { name: actor.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('actors.memberships.initiative')}</th>
                  <th scope="col">{t('actors.memberships.role')}</th>
                  <th scope="col">{t('actors.memberships.period')}</th>
                </tr>
              </thead>
              <tbody>
                {actor.initiatives.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link href={`/initiatives/${m.initiative.id}`}>{m.initiative.name}</Link>
                      <span className="actor-table__detail">{initiativeKindLabel(m.initiative.kind)}</span>
                    </th>
                    <td>{initiativeRoleLabel(m.role)}</td>
                    <td>{membershipPeriod(m.joinedOn, m.leftOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <p>
        <Link href="/actors">{t('actors.back')}</Link>
      </p>

      {dialog === 'engagement' ? (
        <RecordEngagementDialog
          actorId={actor.id}
          actorName={actor.name}
          events={events}
          initiatives={initiatives}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setFailure(null);
            setNews(t('actors.record.saved'));
            onChanged();
          }}
        />
      ) : null}
      {dialog === 'initiative' ? (
        <JoinInitiativeDialog
          side={{ choose: 'initiative', actorId: actor.id }}
          texts={{
            title: t('actors.join.title'),
            intro: t('actors.join.intro', { name: actor.name }),
            choice: t('actors.join.initiative'),
            choiceHint: t('actors.join.initiativeHint'),
            chooseMissing: t('actors.join.chooseInitiative'),
            missing: t('actors.form.missing'),
            errorSummary: t('actors.join.errorSummary'),
            save: t('actors.join.save'),
          }}
          onClose={() => setDialog(null)}
          onJoined={(initiative) => {
            setDialog(null);
            setFailure(null);
            setNews(t('actors.join.saved', { name: actor.name, initiative }));
            onChanged();
          }}
        />
      ) : null}
      <ConfirmDialog
        title={t('actors.engagements.removeTitle')}
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        confirmLabel={t('actors.engagements.removeConfirm')}
        cancelLabel={t('actors.engagements.removeKeep')}
        onConfirm={() => void confirmRemove()}
        isPending={removeState.loading}
        danger
      >
        <p>
          {removing
            ? t('actors.engagements.removeText', {
                kind: engagementKindLabel(removing.kind),
                date: formatDate(removing.occurredOn),
              })
            : null}
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** The current step in words, with a picture of the five steps beside it (the words carry it all). */
function LadderSection({
  actor,
  role,
  recompute,
}: {
  actor: PageActor;
  role: Role;
  recompute: 'idle' | 'running' | 'done';
}) {
  const { ladder } = actor;
  const loadedEvents = new Set(actor.participations.edges.map((e) => e.node.event.id));
  return (
    <section aria-labelledby="actor-ladder-heading" className="actor-section actor-ladder">
      <h2 id="actor-ladder-heading">{t('actors.ladder.heading')}</h2>
      {ladder ? (
        <>
          <div className="actor-step">
            <StepPicture level={ladder.level} />
            <p className="actor-step__text">
              {t('actors.ladder.position', {
                level: ladder.level,
                label: ladder.label,
                since: formatDate(ladder.since),
              })}
            </p>
          </div>
          <h3>{t('actors.ladder.reasons')}</h3>
          <ReasonList reasons={ladder.reasons} role={role} loadedEvents={loadedEvents} />
        </>
      ) : (
        <>
          <p className="actor-step__text">{t('actors.ladder.notEngaged')}</p>
          <p>{t('actors.ladder.notEngagedWhy')}</p>
          {actor.highestStep ? (
            <p>{t('actors.ladder.highest', { label: stepLabel(actor.highestStep) })}</p>
          ) : null}
        </>
      )}
      <p role="status" className="hint">
        {recompute === 'running'
          ? t('actors.ladder.recomputing')
          : recompute === 'done'
            ? t('actors.ladder.recomputed')
            : ''}
      </p>
    </section>
  );
}

function StepPicture({ level }: { level: number }) {
  return (
    <span className="step-picture" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <span
          key={n}
          className={`step-picture__step step-picture__step--${n}${n <= level ? ' step-picture__step--reached' : ''}`}
        />
      ))}
    </span>
  );
}

function ReasonList({
  reasons,
  role,
  loadedEvents,
}: {
  reasons: readonly Reason[];
  role: Role;
  loadedEvents: ReadonlySet<string>;
}) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reason-list">
      {reasons.map((reason, i) => (
        <li key={`${reason.rule}-${reason.occurredOn}-${i}`}>
          <ReasonEvidence reason={reason} role={role} loadedEvents={loadedEvents} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A reason, linked to its evidence: another actor's page (an organisation's person), the engagement
 * on this page, the initiative, or the event (its page for staff; for others the participation listed
 * on this page, or the text alone).
 */
export function ReasonEvidence({
  reason,
  role,
  loadedEvents,
}: {
  reason: Reason;
  role: Role;
  loadedEvents: ReadonlySet<string>;
}) {
  if (reason.viaActorId) return <Link href={`/actors/${reason.viaActorId}`}>{reason.textSv}</Link>;
  if (reason.engagementId) {
    return (
      <a className="link" href={`#engagement-${reason.engagementId}`}>
        {reason.textSv}
      </a>
    );
  }
  if (reason.initiativeId) return <Link href={`/initiatives/${reason.initiativeId}`}>{reason.textSv}</Link>;
  if (reason.eventId) {
    if (EVENT_PAGE_ROLES.includes(role)) {
      return <Link href={`/events/${reason.eventId}`}>{reason.textSv}</Link>;
    }
    if (loadedEvents.has(reason.eventId)) {
      return (
        <a className="link" href={`#participation-${reason.eventId}`}>
          {reason.textSv}
        </a>
      );
    }
  }
  return <>{reason.textSv}</>;
}

/** Every change of step as an ordered list, the latest first. */
function HistorySection({ actor, role }: { actor: PageActor; role: Role }) {
  const changes = [...actor.ladderHistory].reverse();
  const loadedEvents = new Set(actor.participations.edges.map((e) => e.node.event.id));
  return (
    <section aria-labelledby="actor-history-heading" className="actor-section">
      <h2 id="actor-history-heading">{t('actors.history.heading')}</h2>
      {changes.length === 0 ? (
        <p>{t('actors.history.none')}</p>
      ) : (
        <>
          <p className="hint">{t('actors.history.order')}</p>
          <ol className="timeline">
            {changes.map((change, i) => (
              <li key={`${change.effectiveOn}-${i}`} className="timeline__entry">
                <p className="timeline__head">
                  <time dateTime={change.effectiveOn}>{formatDate(change.effectiveOn)}</time>
                  <span className="timeline__change">
                    {t('actors.history.change', { from: stepLabel(change.from), to: stepLabel(change.to) })}
                  </span>
                </p>
                <ReasonList reasons={change.reasons} role={role} loadedEvents={loadedEvents} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MembersSection({ actor, onMore }: { actor: PageActor; onMore?: () => void }) {
  const members = actor.members.edges.map((e) => e.node);
  return (
    <section aria-labelledby="actor-members-heading" className="actor-section">
      <h2 id="actor-members-heading">{t('actors.members.heading')}</h2>
      {members.length === 0 ? (
        <p>{t('actors.members.none')}</p>
      ) : (
        <>
          <div className="table-wrap" role="region" tabIndex={0} aria-label={t('actors.members.region')}>
            <table className="actor-table">
              <caption className="visually-hidden">
                {t('actors.members.caption', { name: actor.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('actors.members.name')}</th>
                  <th scope="col">{t('actors.members.step')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link href={`/actors/${m.id}`}>{m.name}</Link>
                      {m.title ? <span className="actor-table__detail">{m.title}</span> : null}
                    </th>
                    <td>{m.ladder ? `${m.ladder.level}. ${m.ladder.label}` : stepLabel(null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {t('actors.members.count', { shown: members.length, total: actor.members.totalCount })}
          </p>
          {actor.members.pageInfo.hasNextPage && onMore ? (
            <Button variant="secondary" onPress={onMore}>
              {t('actors.members.more')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <ActorPage />
    </RequireRole>
  );
}
