import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { sectorLabel } from '../actors/labels';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type { InitiativeFilterInput, InitiativeKind, InitiativeListQuery as ListData } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { INITIATIVE_KINDS, initiativeKindLabel } from './labels';
import { InitiativeListQuery } from './operations';
import { INITIATIVE_WRITE_ROLES } from './roles';
import './initiatives.css';

export const INITIATIVES_PAGE = 25;
const ALL = 'ALL';

type ListedInitiative = ListData['initiatives']['edges'][number]['node'];

/** "3 nu" or "3 nu, 2 har lämnat" (from the first 100 memberships, which is every one in practice). */
export function memberSummary(members: ListedInitiative['members']): string {
  const current = members.edges.filter((e) => !e.node.leftOn).length;
  const left = members.totalCount - current;
  return left > 0
    ? t('initiatives.membersLeft', { current, left })
    : t('initiatives.membersNow', { current });
}

/** `/initiatives`: the list, by kind and name (kept in the address). */
export function InitiativesPage({ canCreate }: { canCreate: boolean }) {
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState(params.get('typ') ?? ALL);
  const [search, setSearch] = useState(params.get('sok') ?? '');
  const { nameOf } = useMeetingPlaces();
  const filter: InitiativeFilterInput = {};
  const kindParam = params.get('typ');
  if (kindParam && (INITIATIVE_KINDS as readonly string[]).includes(kindParam)) {
    filter.kind = kindParam as InitiativeKind;
  }
  if (params.get('sok')) filter.search = params.get('sok');

  const { data, loading, error, fetchMore } = useQuery(InitiativeListQuery, {
    variables: { filter, first: INITIATIVES_PAGE },
  });
  const initiatives = data?.initiatives.edges.map((e) => e.node) ?? [];
  const filtered = Boolean(filter.kind || filter.search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (kind !== ALL) next.set('typ', kind);
    if (search.trim()) next.set('sok', search.trim());
    setParams(next);
  };

  const more = () =>
    fetchMore({
      variables: { after: data?.initiatives.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        initiatives: {
          ...fetchMoreResult.initiatives,
          edges: [...previous.initiatives.edges, ...fetchMoreResult.initiatives.edges],
        },
      }),
    });

  return (
    <>
      <PageTitle>{t('initiatives.title')}</PageTitle>
      <p className="prose">{t('initiatives.intro')}</p>
      {canCreate ? (
        <p>
          <Link href="/initiatives/new" className="button button--primary">
            {t('initiatives.new')}
          </Link>
        </p>
      ) : null}
      <Form onSubmit={submit} className="initiative-filters" role="search">
        <Select
          label={t('initiatives.filter.kind')}
          options={[
            { id: ALL, label: t('initiatives.filter.all') },
            ...INITIATIVE_KINDS.map((k) => ({ id: k, label: initiativeKindLabel(k) })),
          ]}
          value={kind}
          onChange={(v) => setKind(v ?? ALL)}
        />
        <TextField label={t('initiatives.filter.search')} type="search" value={search} onChange={setSearch} />
        <Button type="submit">{t('initiatives.filter.submit')}</Button>
      </Form>
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <StatusMessage>
          {initiatives.length === 0
            ? filtered
              ? t('initiatives.none')
              : t('initiatives.noneYet')
            : t('initiatives.count', { shown: initiatives.length, total: data.initiatives.totalCount })}
        </StatusMessage>
      ) : null}
      {initiatives.length > 0 ? (
        <div className="table-wrap" role="region" tabIndex={0} aria-label={t('initiatives.table.region')}>
          <table className="initiative-table">
            <caption className="visually-hidden">{t('initiatives.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiatives.table.name')}</th>
                <th scope="col">{t('initiatives.table.startedOn')}</th>
                <th scope="col">{t('initiatives.table.members')}</th>
                <th scope="col">{t('initiatives.table.sectors')}</th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((initiative) => (
                <tr key={initiative.id}>
                  <th scope="row">
                    <Link href={`/initiatives/${initiative.id}`}>{initiative.name}</Link>
                    <span className="initiative-table__detail">
                      {initiative.meetingPlace
                        ? t('initiatives.kindAt', {
                            kind: initiativeKindLabel(initiative.kind),
                            place: nameOf(initiative.meetingPlace),
                          })
                        : initiativeKindLabel(initiative.kind)}
                    </span>
                  </th>
                  <td>{formatDate(initiative.startedOn)}</td>
                  <td>{memberSummary(initiative.members)}</td>
                  <td>
                    {initiative.sectors.length > 0
                      ? initiative.sectors.map(sectorLabel).join(', ')
                      : t('app.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.initiatives.pageInfo.hasNextPage ? (
        <div className="actions">
          <Button variant="secondary" onPress={() => void more()}>
            {t('initiatives.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function Page() {
  const { role } = useUser();
  return <InitiativesPage canCreate={INITIATIVE_WRITE_ROLES.includes(role)} />;
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <Page />
    </RequireRole>
  );
}
