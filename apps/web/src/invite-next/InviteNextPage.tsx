import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { sectorLabel, SECTORS, STEPS } from '../actors/labels';
import { errorCode, fieldErrors } from '../app/apollo';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type { InviteNextActorsQuery as ActorsData, SavedFiltersQuery as SavedData } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { INITIATIVE_KINDS } from '../initiatives/labels';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import {
  exportHref,
  invitableFilter,
  filterFromJson,
  filterFromParams,
  filterKey,
  filterToJson,
  filterToParams,
  initiativeKindLabel,
  stepLabel,
  SUB_REGION_OPTIONS,
  withField,
  type FilterField,
  type InviteFilter,
} from './filter';
import {
  DeleteSavedFilterMutation,
  InviteNextActorsQuery,
  InviteNextMunicipalitiesQuery,
  SavedFiltersQuery,
  SaveFilterMutation,
} from './operations';
import './invite-next.css';

export const PAGE_SIZE = 25;
/** The API's ACTOR_EXPORT_MAX_ROWS: an export is a list to invite from, not a copy of the register. */
export const EXPORT_MAX_ROWS = 5_000;
export const SAVED_PAGE = 'NEXT_INVITES' as const;
const ALL = 'ALL';
const MAX_NAME = 100;

type Actor = ActorsData['actors']['edges'][number]['node'];
type SavedFilter = SavedData['savedFilters'][number];

/** `/ladder/next`: pick a group of actors, see their step and last activity, save the filter, export. */
export function InviteNextPage() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [news, setNews] = useState<string | null>(null);

  const apply = (next: InviteFilter) => {
    // News about a saved filter ("used", "saved") no longer holds once the filter changes.
    setNews(null);
    setParams(filterToParams(next), { replace: true });
  };
  const change = (field: FilterField, value: string | null) =>
    apply(withField(filter, field, value === ALL ? null : value));

  return (
    <>
      <PageTitle>{t('inviteNext.title')}</PageTitle>
      <p className="invite-intro">{t('inviteNext.intro')}</p>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      <SavedFilters filter={filter} onApply={apply} onNews={setNews} />
      <Filters filter={filter} onChange={change} onApply={apply} />
      <ActorList filter={filter} />
    </>
  );
}

/** The user's saved filters: apply one, save the current filter under a name, delete one. */
function SavedFilters({
  filter,
  onApply,
  onNews,
}: {
  filter: InviteFilter;
  onApply: (filter: InviteFilter) => void;
  onNews: (news: string) => void;
}) {
  const { data } = useQuery(SavedFiltersQuery, { variables: { page: SAVED_PAGE } });
  const saved = useMemo(() => data?.savedFilters ?? [], [data]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [remove, removeState] = useMutation(DeleteSavedFilterMutation);

  // The saved filter shown as chosen is the one the page's filter equals (after a reload or a shared
  // link too); the one picked last wins when two saved filters are the same.
  const current = filterKey(filter);
  const matches = saved.filter((s) => {
    const parsed = filterFromJson(s.filter);
    return parsed !== null && filterKey(parsed) === current;
  });
  const chosen = matches.find((s) => s.id === chosenId) ?? matches[0] ?? null;

  const choose = (id: string | null) => {
    const picked = saved.find((s) => s.id === id);
    if (!picked) return;
    setChosenId(picked.id);
    onApply(filterFromJson(picked.filter) ?? {});
    onNews(t('inviteNext.saved.applied', { name: picked.name }));
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const { id, name } = deleting;
    try {
      await remove({
        variables: { id },
        update: (cache) =>
          cache.updateQuery({ query: SavedFiltersQuery, variables: { page: SAVED_PAGE } }, (previous) =>
            previous ? { savedFilters: previous.savedFilters.filter((s) => s.id !== id) } : previous,
          ),
      });
      setFailure(null);
      onNews(t('inviteNext.saved.deleted', { name }));
    } catch (e) {
      setFailure(errorCode(e) === null ? t('app.error.network') : t('app.error.generic'));
    }
    setDeleting(null);
  };

  return (
    <section className="invite-saved" aria-label={t('inviteNext.saved.label')}>
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      {/* One row and one "Spara urval" button whether or not filters are saved yet: the button
          keeps its identity (and focus) when the saved filters arrive. */}
      <div className="invite-saved__row">
        {saved.length > 0 ? (
          <>
            <Select
              label={t('inviteNext.saved.label')}
              placeholder={t('inviteNext.saved.placeholder')}
              options={saved.map((s) => ({ id: s.id, label: s.name }))}
              value={chosen?.id ?? null}
              onChange={choose}
            />
            {chosen ? (
              <Button
                variant="quiet"
                onPress={() => setDeleting(chosen)}
                aria-label={t('inviteNext.saved.deleteFor', { name: chosen.name })}
              >
                {t('inviteNext.saved.delete')}
              </Button>
            ) : null}
          </>
        ) : data ? (
          <p className="hint">{t('inviteNext.saved.none')}</p>
        ) : null}
        <Button variant="secondary" onPress={() => setSaving(true)}>
          {t('inviteNext.save.open')}
        </Button>
      </div>
      {saving ? (
        <SaveDialog
          filter={filter}
          saved={saved}
          initialName={chosen?.name ?? ''}
          onClose={() => setSaving(false)}
          onSaved={(row, replaced) => {
            setSaving(false);
            setChosenId(row.id);
            onNews(t(replaced ? 'inviteNext.save.replaced' : 'inviteNext.save.saved', { name: row.name }));
          }}
        />
      ) : null}
      <ConfirmDialog
        title={t('inviteNext.saved.deleteTitle')}
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        confirmLabel={t('inviteNext.saved.deleteConfirm')}
        cancelLabel={t('inviteNext.saved.deleteKeep')}
        onConfirm={() => void confirmDelete()}
        isPending={removeState.loading}
        danger
      >
        <p>{t('inviteNext.saved.deleteText', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** A name for the current filter; a name already used asks before it replaces that filter. */
function SaveDialog({
  filter,
  saved,
  initialName,
  onClose,
  onSaved,
}: {
  filter: InviteFilter;
  saved: readonly SavedFilter[];
  initialName: string;
  onClose: () => void;
  onSaved: (row: SavedFilter, replaced: boolean) => void;
}) {
  const [name, setName] = useState(initialName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmedName, setConfirmedName] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SaveFilterMutation);
  const trimmed = name.trim();
  const existing = saved.find((s) => s.name === trimmed) ?? null;
  const mustConfirm = existing !== null && confirmedName !== trimmed;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!trimmed || trimmed.length > MAX_NAME) {
      setNameError(t(trimmed ? 'inviteNext.save.nameTooLong' : 'inviteNext.save.nameRequired'));
      return;
    }
    setNameError(null);
    if (mustConfirm) {
      // Ask first: the same name replaces the filter saved under it.
      setConfirmedName(trimmed);
      return;
    }
    try {
      const result = await save({
        variables: { input: { page: SAVED_PAGE, name: trimmed, filter: filterToJson(filter) } },
        update: (cache, { data }) => {
          const row = data?.saveFilter;
          if (!row) return;
          cache.updateQuery({ query: SavedFiltersQuery, variables: { page: SAVED_PAGE } }, (previous) => {
            const others = (previous?.savedFilters ?? []).filter((s) => s.id !== row.id);
            return {
              savedFilters: [...others, row].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
            };
          });
        },
      });
      if (result.data) onSaved(result.data.saveFilter, existing !== null);
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.name) setNameError(t('inviteNext.save.nameTooLong'));
      else setFailure(errorCode(error) === null ? t('app.error.network') : t('app.error.generic'));
    }
  };

  return (
    <Dialog title={t('inviteNext.save.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <Form onSubmit={(e) => void submit(e)} className="form">
        <p>{t('inviteNext.save.intro')}</p>
        {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
        <TextField
          label={t('inviteNext.save.name')}
          description={t('inviteNext.save.nameHint')}
          value={name}
          onChange={(value) => {
            setName(value);
            setNameError(null);
          }}
          errorMessage={nameError}
          maxLength={MAX_NAME}
          isRequired
          autoFocus
        />
        {existing && confirmedName === trimmed ? (
          <div role="alert" className="alert alert--warning">
            {t('inviteNext.save.exists', { name: trimmed })}
          </div>
        ) : null}
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" isPending={loading}>
            {loading
              ? t('app.saving')
              : existing && confirmedName === trimmed
                ? t('inviteNext.save.replace')
                : t('inviteNext.save.submit')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

/** The filters: each choice applies at once; the name search when it is sent. */
function Filters({
  filter,
  onChange,
  onApply,
}: {
  filter: InviteFilter;
  onChange: (field: FilterField, value: string | null) => void;
  onApply: (filter: InviteFilter) => void;
}) {
  const { options: meetingPlaces } = useMeetingPlaces();
  const { data: municipalities } = useQuery(InviteNextMunicipalitiesQuery, { fetchPolicy: 'cache-first' });
  const all = { id: ALL, label: t('inviteNext.filter.all') };
  const headingId = useId();

  const municipalityOptions = [
    all,
    ...(municipalities?.municipalities ?? [])
      .map((m) => ({ id: m.code, label: m.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
  ];
  // A shared link may name a municipality outside the county: keep it choosable so it shows.
  if (filter.municipalityCode && !municipalityOptions.some((o) => o.id === filter.municipalityCode)) {
    municipalityOptions.push({ id: filter.municipalityCode, label: filter.municipalityCode });
  }

  return (
    <section className="invite-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('inviteNext.filters.heading')}</h2>
      <div className="invite-filters__grid">
        <Select
          label={t('inviteNext.filter.step')}
          options={[all, ...STEPS.map((s) => ({ id: s, label: stepLabel(s) }))]}
          value={filter.ladderStep ?? ALL}
          onChange={(v) => onChange('ladderStep', v)}
        />
        <Select
          label={t('inviteNext.filter.sector')}
          options={[all, ...SECTORS.map((s) => ({ id: s, label: sectorLabel(s) }))]}
          value={filter.sector ?? ALL}
          onChange={(v) => onChange('sector', v)}
        />
        <Select
          label={t('inviteNext.filter.municipality')}
          options={municipalityOptions}
          value={filter.municipalityCode ?? ALL}
          onChange={(v) => onChange('municipalityCode', v)}
        />
        <Select
          label={t('inviteNext.filter.subRegion')}
          options={[all, ...SUB_REGION_OPTIONS]}
          value={filter.subRegion ?? ALL}
          onChange={(v) => onChange('subRegion', v)}
        />
        <Select
          label={t('inviteNext.filter.meetingPlace')}
          options={[all, ...meetingPlaces]}
          value={filter.meetingPlace ?? ALL}
          onChange={(v) => onChange('meetingPlace', v)}
        />
        <Select
          label={t('inviteNext.filter.withoutInitiativeKind')}
          options={[all, ...INITIATIVE_KINDS.map((k) => ({ id: k, label: initiativeKindLabel(k) }))]}
          value={filter.withoutInitiativeKind ?? ALL}
          onChange={(v) => onChange('withoutInitiativeKind', v)}
        />
        <Select
          label={t('inviteNext.filter.kind')}
          options={[
            { id: ALL, label: t('inviteNext.filter.kindAll') },
            { id: 'PERSON', label: t('actors.kindPlural.PERSON') },
            { id: 'ORGANISATION', label: t('actors.kindPlural.ORGANISATION') },
          ]}
          value={filter.kind ?? ALL}
          onChange={(v) => onChange('kind', v)}
        />
      </div>
      {/* Keyed by the address's search, so applying a saved filter or clearing resets what is typed. */}
      <SearchForm
        key={filter.search ?? ''}
        initial={filter.search ?? ''}
        onSearch={(text) => onChange('search', text || null)}
        onClear={() => onApply({})}
      />
    </section>
  );
}

function SearchForm({
  initial,
  onSearch,
  onClear,
}: {
  initial: string;
  onSearch: (text: string) => void;
  onClear: () => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <Form
      role="search"
      className="invite-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <TextField label={t('inviteNext.filter.search')} type="search" value={text} onChange={setText} />
      <Button type="submit">{t('inviteNext.filter.searchButton')}</Button>
      <Button variant="secondary" onPress={onClear}>
        {t('inviteNext.filter.clear')}
      </Button>
    </Form>
  );
}

/** The actors the filter lets through, a page at a time, with the exports of all of them. */
function ActorList({ filter }: { filter: InviteFilter }) {
  const headingId = useId();
  const captionId = useId();
  const { data, loading, error, fetchMore } = useQuery(InviteNextActorsQuery, {
    variables: { filter: invitableFilter(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const actors = data?.actors.edges.map((e) => e.node) ?? [];

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
    <section className="invite-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('inviteNext.list.heading')}</h2>
      {data && data.actors.totalCount > EXPORT_MAX_ROWS ? (
        <p className="hint">
          {t('inviteNext.exportTooMany', { total: data.actors.totalCount, max: EXPORT_MAX_ROWS })}
        </p>
      ) : (
        <>
          <div className="actions">
            <a className="button button--secondary" href={exportHref('csv', filter)} download>
              {t('inviteNext.exportCsv')}
            </a>
            <a className="button button--secondary" href={exportHref('xlsx', filter)} download>
              {t('inviteNext.exportXlsx')}
            </a>
          </div>
          <p className="hint">{t('inviteNext.exportHint')}</p>
        </>
      )}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <StatusMessage>
          {actors.length === 0
            ? t('inviteNext.list.none')
            : t('inviteNext.list.count', { shown: actors.length, total: data.actors.totalCount })}
        </StatusMessage>
      ) : null}
      {actors.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="invite-table">
            <caption id={captionId} className="visually-hidden">
              {t('inviteNext.table.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('inviteNext.table.name')}</th>
                <th scope="col">{t('inviteNext.table.organisation')}</th>
                <th scope="col">{t('inviteNext.table.sector')}</th>
                <th scope="col">{t('inviteNext.table.municipality')}</th>
                <th scope="col">{t('inviteNext.table.step')}</th>
                <th scope="col">{t('inviteNext.table.lastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => (
                <ActorRow key={actor.id} actor={actor} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.actors.pageInfo.hasNextPage ? (
        <div className="actions">
          <Button variant="secondary" onPress={() => void more()} isPending={loading}>
            {t('inviteNext.list.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function ActorRow({ actor }: { actor: Actor }) {
  return (
    <tr>
      <th scope="row">
        <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
      </th>
      <td>{actor.organisation?.name ?? t('app.none')}</td>
      <td>{sectorLabel(actor.sector)}</td>
      <td>{actor.municipality?.name ?? t('app.none')}</td>
      <td>{actor.ladder ? actor.ladder.label : t('inviteNext.notEngaged')}</td>
      <td className="invite-table__date">
        {actor.lastActivityOn ? formatDate(actor.lastActivityOn) : t('inviteNext.noActivity')}
      </td>
    </tr>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <InviteNextPage />
    </RequireRole>
  );
}
