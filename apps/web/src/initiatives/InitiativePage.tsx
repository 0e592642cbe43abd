import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useLocation, useParams } from 'react-router';
import { errorCode } from '../app/apollo';
import { kindLabel, sectorLabel } from '../actors/labels';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type { InitiativeDetailQuery as DetailData } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { TextField } from '../ui/TextField';
import { JoinInitiativeDialog } from './JoinInitiativeDialog';
import { initiativeKindLabel, initiativeRoleLabel } from './labels';
import { InitiativeDetailQuery, LeaveInitiativeMutation } from './operations';
import { initiativeFieldErrors, isCalendarDate, placeErrors, todayInStockholm } from './reasons';
import { INITIATIVE_WRITE_ROLES } from './roles';
import './initiatives.css';

export const MEMBERS_PAGE = 100;

export type LoadedInitiative = NonNullable<DetailData['initiative']>;
type Membership = LoadedInitiative['members']['edges'][number]['node'];

/** `/initiatives/:id`: the initiative, its current and former members, join and leave. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { message?: string } | null)?.message ?? null;
  const { role } = useUser();
  const { data, loading, error, refetch, fetchMore } = useQuery(InitiativeDetailQuery, {
    variables: { id, first: MEMBERS_PAGE },
  });

  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  if (!data?.initiative) {
    return (
      <>
        <PageTitle>{t('initiatives.notFoundTitle')}</PageTitle>
        <ErrorMessage>{t('initiatives.notFound')}</ErrorMessage>
      </>
    );
  }

  const more = () =>
    fetchMore({
      variables: { after: data.initiative?.members.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.initiative || !fetchMoreResult.initiative) return previous;
        const next = fetchMoreResult.initiative.members;
        return {
          initiative: {
            ...previous.initiative,
            members: { ...next, edges: [...previous.initiative.members.edges, ...next.edges] },
          },
        };
      },
    });

  return (
    <InitiativeView
      initiative={data.initiative}
      canWrite={INITIATIVE_WRITE_ROLES.includes(role)}
      arrived={arrived}
      onChanged={() => void refetch().catch(() => undefined)}
      onMore={() => void more()}
    />
  );
}

export function InitiativeView({
  initiative,
  canWrite,
  arrived = null,
  onChanged,
  onMore,
}: {
  initiative: LoadedInitiative;
  canWrite: boolean;
  arrived?: string | null;
  onChanged: () => void;
  onMore?: () => void;
}) {
  const { nameOf } = useMeetingPlaces();
  const [news, setNews] = useState<string | null>(arrived);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Membership | null>(null);
  const members = initiative.members.edges.map((e) => e.node);
  const current = members.filter((m) => !m.leftOn);
  const former = members.filter((m) => m.leftOn);

  return (
    <>
      <PageTitle>{initiative.name}</PageTitle>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      <p>
        <Link href="/initiatives">{t('initiatives.back')}</Link>
      </p>
      <dl className="facts initiative-facts">
        <dt>{t('initiatives.facts.kind')}</dt>
        <dd>{initiativeKindLabel(initiative.kind)}</dd>
        <dt>{t('initiatives.facts.meetingPlace')}</dt>
        <dd>{initiative.meetingPlace ? nameOf(initiative.meetingPlace) : t('initiatives.noMeetingPlace')}</dd>
        <dt>{t('initiatives.facts.startedOn')}</dt>
        <dd>{formatDate(initiative.startedOn)}</dd>
        {initiative.topics.length > 0 ? (
          <>
            <dt>{t('initiatives.facts.topics')}</dt>
            <dd>{initiative.topics.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('initiatives.facts.sectors')}</dt>
        <dd>
          {initiative.sectors.length > 0 ? initiative.sectors.map(sectorLabel).join(', ') : t('app.none')}
        </dd>
      </dl>

      <section aria-labelledby="initiative-members-heading" className="initiative-section">
        <h2 id="initiative-members-heading">{t('initiatives.members.heading')}</h2>
        {canWrite ? <Button onPress={() => setAdding(true)}>{t('initiatives.members.add')}</Button> : null}
        <h3>{t('initiatives.members.current')}</h3>
        {current.length === 0 ? (
          <p>{t('initiatives.members.none')}</p>
        ) : (
          <MemberTable
            caption={t('initiatives.members.currentCaption', { name: initiative.name })}
            members={current}
            onLeave={canWrite ? setLeaving : undefined}
          />
        )}
        <h3>{t('initiatives.members.former')}</h3>
        {former.length === 0 ? (
          <p>{t('initiatives.members.noneFormer')}</p>
        ) : (
          <MemberTable
            caption={t('initiatives.members.formerCaption', { name: initiative.name })}
            members={former}
          />
        )}
        {initiative.members.pageInfo.hasNextPage && onMore ? (
          <Button variant="secondary" onPress={onMore}>
            {t('initiatives.members.more')}
          </Button>
        ) : null}
      </section>

      {adding ? (
        <JoinInitiativeDialog
          side={{ choose: 'actor', initiativeId: initiative.id }}
          texts={{
            title: t('initiatives.join.title', { name: initiative.name }),
            choice: t('initiatives.join.actor'),
            choiceHint: t('initiatives.join.actorHint'),
            chooseMissing: t('initiatives.join.chooseActor'),
            missing: t('initiatives.form.missing'),
            errorSummary: t('initiatives.form.errorSummary'),
            save: t('initiatives.join.save'),
          }}
          onClose={() => setAdding(false)}
          onJoined={(name) => {
            setAdding(false);
            setNews(
              `${t('initiatives.join.done', { name, initiative: initiative.name })} ${t('initiatives.ladderUpdates')}`,
            );
            onChanged();
          }}
        />
      ) : null}
      {leaving ? (
        <LeaveDialog
          initiative={initiative}
          membership={leaving}
          onClose={() => setLeaving(null)}
          onSaved={(name) => {
            setLeaving(null);
            setNews(
              `${t('initiatives.leave.done', { name, initiative: initiative.name })} ${t('initiatives.ladderUpdates')}`,
            );
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function MemberTable({
  caption,
  members,
  onLeave,
}: {
  caption: string;
  members: readonly Membership[];
  onLeave?: (m: Membership) => void;
}) {
  return (
    <div
      className="table-wrap"
      role="region"
      tabIndex={0}
      aria-label={t('initiatives.members.region', { caption })}
    >
      <table className="initiative-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.members.name')}</th>
            <th scope="col">{t('initiatives.members.rolePeriod')}</th>
            {onLeave ? <th scope="col">{t('initiatives.members.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link href={`/actors/${m.actor.id}`}>{m.actor.name}</Link>
                <span className="initiative-table__detail">
                  {m.actor.organisation ? m.actor.organisation.name : kindLabel(m.actor.kind)}
                </span>
              </th>
              <td>
                {m.leftOn
                  ? t('initiatives.members.roleClosed', {
                      role: initiativeRoleLabel(m.role),
                      from: formatDate(m.joinedOn),
                      to: formatDate(m.leftOn),
                    })
                  : t('initiatives.members.roleOpen', {
                      role: initiativeRoleLabel(m.role),
                      from: formatDate(m.joinedOn),
                    })}
              </td>
              {onLeave ? (
                <td>
                  <Button
                    variant="secondary"
                    onPress={() => onLeave(m)}
                    aria-label={t('initiatives.members.endFor', { name: m.actor.name })}
                  >
                    {t('initiatives.members.end')}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Avsluta medlemskap": the last day, then leaveInitiative; a refused date shows at the field. */
export function LeaveDialog({
  initiative,
  membership,
  onClose,
  onSaved,
}: {
  initiative: LoadedInitiative;
  membership: Membership;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [leftOn, setLeftOn] = useState(todayInStockholm());
  const [errors, setErrors] = useState<Partial<Record<'leftOn' | 'form', string>>>({});
  const [leave, { loading }] = useMutation(LeaveInitiativeMutation);
  const name = membership.actor.name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!leftOn || !isCalendarDate(leftOn)) {
      setErrors({ leftOn: leftOn ? t('initiatives.reason.date') : t('initiatives.date.required') });
      return;
    }
    setErrors({});
    try {
      await leave({
        variables: { input: { initiativeId: initiative.id, actorId: membership.actor.id, leftOn } },
      });
      onSaved(name);
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(
          placeErrors(initiativeFieldErrors(error), ['leftOn'] as const, t('initiatives.form.errorSummary')),
        );
      } else setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('app.error.generic') });
    }
  };

  return (
    <Dialog title={t('initiatives.leave.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <p>{t('initiatives.leave.text', { name, initiative: initiative.name })}</p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={t('initiatives.leave.leftOn')}
          name="leftOn"
          type="date"
          value={leftOn}
          onChange={(v) => {
            setLeftOn(v);
            setErrors({});
          }}
          errorMessage={errors.leftOn}
          isRequired
        />
        <div className="actions">
          <Button variant="secondary" slot="close" autoFocus>
            {t('initiatives.leave.keep')}
          </Button>
          <Button type="submit" variant="danger" isPending={loading}>
            {loading ? t('app.saving') : t('initiatives.leave.confirm')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <InitiativePage />
    </RequireRole>
  );
}
