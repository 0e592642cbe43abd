import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import type { ActorFilterInput, ActorKind } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { LiveStatus, useAnnouncement } from '../data-protection/LiveStatus';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { kindLabel, sectorLabel } from './labels';
import { ActorsQuery } from './operations';
import './actors.css';

const PAGE_SIZE = 25;
const ALL = 'ALL';

/** `/actors`: search persons and organisations by name or email (the search is kept in the address). */
export function ActorsPage() {
  const [params, setParams] = useSearchParams();
  // A page that sent the user here may say why ("Personen är raderad." after deleting a person). It is
  // shown once: put into the live region after the page is there (so it is announced), and taken out
  // of the history's state, so reloading or coming back does not show it again.
  const location = useLocation();
  const navigate = useNavigate();
  const [arrived, announce] = useAnnouncement();
  const message = (location.state as { message?: unknown } | null)?.message;
  useEffect(() => {
    if (typeof message !== 'string') return;
    announce(message);
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [message, announce, navigate, location.pathname, location.search]);
  const [search, setSearch] = useState(params.get('sok') ?? '');
  const [kind, setKind] = useState(params.get('typ') ?? ALL);
  const filter: ActorFilterInput = {};
  if (params.get('sok')) filter.search = params.get('sok');
  if (params.get('typ') === 'PERSON' || params.get('typ') === 'ORGANISATION')
    filter.kind = params.get('typ') as ActorKind;

  const { data, loading, error, fetchMore } = useQuery(ActorsQuery, {
    variables: { filter, first: PAGE_SIZE },
  });
  const actors = data?.actors.edges.map((e) => e.node) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set('sok', search.trim());
    if (kind !== ALL) next.set('typ', kind);
    setParams(next);
  };

  const more = () =>
    fetchMore({
      variables: { after: data?.actors.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        actors: {
          ...fetchMoreResult.actors,
          edges: [...previous.actors.edges, ...fetchMoreResult.actors.edges],
        },
      }),
    });

  return (
    <>
      <PageTitle>{t('actors.title')}</PageTitle>
      <LiveStatus message={arrived} />
      <p>{t('actors.intro')}</p>
      <ul className="actor-tools">
        <li>
          <Link href="/actors/new?kind=PERSON" className="button button--primary">
            {t('actors.newPerson')}
          </Link>
        </li>
        <li>
          <Link href="/actors/new?kind=ORGANISATION" className="button button--secondary">
            {t('actors.newOrganisation')}
          </Link>
        </li>
      </ul>
      <Form onSubmit={submit} className="actor-search" role="search">
        <TextField label={t('actors.search')} type="search" value={search} onChange={setSearch} />
        <Select
          label={t('actors.kindFilter')}
          options={[
            { id: ALL, label: t('actors.kind.ALL') },
            { id: 'PERSON', label: t('actors.kindPlural.PERSON') },
            { id: 'ORGANISATION', label: t('actors.kindPlural.ORGANISATION') },
          ]}
          value={kind}
          onChange={(v) => setKind(v ?? ALL)}
        />
        <Button type="submit">{t('actors.searchButton')}</Button>
      </Form>
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <StatusMessage>
          {actors.length === 0
            ? t('actors.none')
            : t('actors.count', { shown: actors.length, total: data.actors.totalCount })}
        </StatusMessage>
      ) : null}
      {actors.length > 0 ? (
        <div className="table-wrap">
          <table className="actors-table">
            <caption className="visually-hidden">{t('actors.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actors.table.name')}</th>
                <th scope="col">{t('actors.table.kind')}</th>
                <th scope="col">{t('actors.table.organisation')}</th>
                <th scope="col">{t('actors.table.municipality')}</th>
                <th scope="col">{t('actors.table.sector')}</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => (
                <tr key={actor.id}>
                  <th scope="row">
                    <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
                    {actor.email ? <span className="actors-table__detail">{actor.email}</span> : null}
                  </th>
                  <td>{kindLabel(actor.kind)}</td>
                  <td>{actor.organisation?.name ?? t('app.none')}</td>
                  <td>{actor.municipality?.name ?? t('app.none')}</td>
                  <td>{sectorLabel(actor.sector)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.actors.pageInfo.hasNextPage ? (
        <div className="actions">
          <Button variant="secondary" onPress={() => void more()}>
            {t('actors.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <ActorsPage />
    </RequireRole>
  );
}
