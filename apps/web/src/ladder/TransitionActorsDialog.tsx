import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { kindLabel } from '../actors/labels';
import type { LadderFilterInput } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { stepLabel } from './labels';
import type { MatrixCell } from './matrix';
import { LadderTransitionActorsQuery } from './operations';

export const ACTORS_PAGE = 25;

const day = (date: string): string => formatDate(`${date}T12:00:00Z`);

/** The actors behind one cell of the movement matrix, by name, a page at a time. */
export function TransitionActorsDialog({
  cell,
  from,
  to,
  filter,
  onClose,
}: {
  cell: MatrixCell;
  from: string;
  to: string;
  filter: LadderFilterInput;
  onClose: () => void;
}) {
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(LadderTransitionActorsQuery, {
    variables: { from, to, fromStep: cell.from, toStep: cell.to, filter, first: ACTORS_PAGE },
  });
  const connection = data?.ladderTransitionActors;
  const actors = connection?.edges.map((e) => e.node) ?? [];
  const stayed = cell.from !== null && cell.from === cell.to;
  const title = stayed
    ? t('ladder.actors.titleStayed', { step: stepLabel(cell.from) })
    : t('ladder.actors.title', { from: stepLabel(cell.from), to: stepLabel(cell.to) });

  const more = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ladderTransitionActors: {
            ...fetchMoreResult.ladderTransitionActors,
            edges: [
              ...previous.ladderTransitionActors.edges,
              ...fetchMoreResult.ladderTransitionActors.edges,
            ],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Dialog title={title} isOpen onOpenChange={(isOpen) => !isOpen && onClose()}>
      <p>{t('ladder.actors.period', { from: day(from), to: day(to) })}</p>
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {connection ? (
        <StatusMessage>
          {actors.length === 0
            ? t('ladder.actors.none')
            : t('ladder.actors.count', { shown: actors.length, total: connection.totalCount })}
        </StatusMessage>
      ) : null}
      {actors.length > 0 ? (
        <div className="table-wrap ladder-table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="ladder-actors">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ladder.actors.name')}</th>
                <th scope="col">{t('ladder.actors.organisation')}</th>
                <th scope="col">{t('ladder.actors.municipality')}</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => (
                <tr key={actor.id}>
                  <th scope="row">
                    <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
                    {actor.kind === 'ORGANISATION' ? (
                      <span className="ladder-actors__detail">{kindLabel(actor.kind)}</span>
                    ) : null}
                  </th>
                  <td>{actor.organisation?.name ?? t('app.none')}</td>
                  <td>{actor.municipality?.name ?? t('app.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="actions">
        {connection?.pageInfo.hasNextPage ? (
          <Button variant="secondary" onPress={() => void more()} isPending={loadingMore}>
            {t('ladder.actors.more')}
          </Button>
        ) : null}
        <Button slot="close">{t('app.close')}</Button>
      </div>
    </Dialog>
  );
}
