import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import type { ComparedActorFragment, DuplicateCandidatesQuery as CandidatesData } from '../gql/graphql';
import { formatNumber, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { compareActors } from './compare';
import { DismissDuplicateMutation, DuplicateCandidatesQuery, MergeActorsMutation } from './operations';
import './duplicates.css';

type Candidate = CandidatesData['duplicateCandidates']['edges'][number]['node'];

const PAGE_SIZE = 10;

/** `/duplicates`: candidates side by side, merged (choosing the record to keep) or dismissed. */
export function DuplicatesPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(DuplicateCandidatesQuery, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: false,
  });
  const [news, setNews] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [merging, setMerging] = useState<Candidate | null>(null);
  const [dismiss] = useMutation(DismissDuplicateMutation);

  const candidates = data?.duplicateCandidates.edges.map((e) => e.node) ?? [];

  const onDismiss = async (candidate: Candidate) => {
    try {
      await dismiss({ variables: { id: candidate.id } });
      setFailure(null);
      setNews(t('duplicates.dismissed', { a: candidate.a.name, b: candidate.b.name }));
      await refetch();
    } catch {
      setFailure(t('duplicates.error'));
    }
  };

  const more = () =>
    fetchMore({
      variables: { after: data?.duplicateCandidates.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        duplicateCandidates: {
          ...fetchMoreResult.duplicateCandidates,
          edges: [...previous.duplicateCandidates.edges, ...fetchMoreResult.duplicateCandidates.edges],
        },
      }),
    });

  return (
    <>
      <PageTitle>{t('duplicates.title')}</PageTitle>
      <p className="prose">{t('duplicates.intro')}</p>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data ? (
        <StatusMessage>
          {candidates.length === 0
            ? t('duplicates.none')
            : t('duplicates.count', { shown: candidates.length, total: data.duplicateCandidates.totalCount })}
        </StatusMessage>
      ) : null}
      <ul className="candidates">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <DuplicateComparison
              candidate={candidate}
              onMerge={() => setMerging(candidate)}
              onDismiss={() => void onDismiss(candidate)}
            />
          </li>
        ))}
      </ul>
      {data?.duplicateCandidates.pageInfo.hasNextPage ? (
        <div className="actions">
          <Button variant="secondary" onPress={() => void more()}>
            {t('duplicates.more')}
          </Button>
        </div>
      ) : null}
      {merging ? (
        <MergeDialog
          candidate={merging}
          onClose={() => setMerging(null)}
          onMerged={(keep, merge) => {
            setMerging(null);
            setFailure(null);
            setNews(t('duplicates.merged', { keep, merge }));
            void refetch();
          }}
        />
      ) : null}
    </>
  );
}

/** One candidate: why it is proposed, the two records side by side with differing fields marked. */
export function DuplicateComparison({
  candidate,
  onMerge,
  onDismiss,
}: {
  candidate: Candidate;
  onMerge: () => void;
  onDismiss: () => void;
}) {
  const { a, b } = candidate;
  const rows = compareActors(a, b);
  const headingId = `candidate-${candidate.id}`;
  return (
    <article className="candidate" aria-labelledby={headingId}>
      <h2 id={headingId} className="candidate__title">
        {t('duplicates.candidate', { a: a.name, b: b.name })}
      </h2>
      <p>{t('duplicates.likelihood', { percent: formatNumber(Math.round(candidate.score * 100)) })}</p>
      {candidate.reasons.length > 0 ? (
        <>
          <h3 className="candidate__subtitle">{t('duplicates.reasons')}</h3>
          <ul className="candidate__reasons">
            {candidate.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="table-wrap">
        <table className="comparison">
          <caption className="visually-hidden">{t('duplicates.caption', { a: a.name, b: b.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('duplicates.field')}</th>
              <th scope="col">
                {t('duplicates.first')}{' '}
                <Link href={`/actors/${a.id}`} aria-label={t('duplicates.actorLink', { name: a.name })}>
                  {a.name}
                </Link>
              </th>
              <th scope="col">
                {t('duplicates.second')}{' '}
                <Link href={`/actors/${b.id}`} aria-label={t('duplicates.actorLink', { name: b.name })}>
                  {b.name}
                </Link>
              </th>
              <th scope="col">{t('duplicates.compare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.differs ? 'comparison__row--differs' : undefined}>
                <th scope="row">{t(row.field)}</th>
                <td>{row.a || t('app.none')}</td>
                <td>{row.b || t('app.none')}</td>
                <td>
                  {row.differs === null ? null : row.differs ? (
                    <span className="comparison__marker">
                      <span aria-hidden="true">≠ </span>
                      {t('duplicates.differs')}
                    </span>
                  ) : (
                    <span className="comparison__same">{t('duplicates.same')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <Button onPress={onMerge} aria-label={t('duplicates.mergeFor', { a: a.name, b: b.name })}>
          {t('duplicates.merge')}
        </Button>
        <Button
          variant="secondary"
          onPress={onDismiss}
          aria-label={t('duplicates.dismissFor', { a: a.name, b: b.name })}
        >
          {t('duplicates.dismiss')}
        </Button>
      </div>
    </article>
  );
}

function detail(actor: ComparedActorFragment): string {
  return [actor.email, actor.organisation?.name, actor.organisationNumber, actor.municipality?.name]
    .filter(Boolean)
    .join(', ');
}

/** First the choice of which record to keep, then a confirmation: merging cannot be undone. */
function MergeDialog({
  candidate,
  onClose,
  onMerged,
}: {
  candidate: Candidate;
  onClose: () => void;
  onMerged: (keep: string, merge: string) => void;
}) {
  const [keepId, setKeepId] = useState<string>(candidate.a.id);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [merge, { loading }] = useMutation(MergeActorsMutation);
  const keep = keepId === candidate.a.id ? candidate.a : candidate.b;
  const gone = keepId === candidate.a.id ? candidate.b : candidate.a;

  const confirm = async () => {
    try {
      await merge({
        variables: { keepId: keep.id, mergeId: gone.id },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Actor', id: gone.id }) });
          cache.gc();
        },
      });
      onMerged(keep.name, gone.name);
    } catch {
      setError(t('duplicates.error'));
    }
  };

  return (
    <Dialog
      title={step === 'choose' ? t('duplicates.mergeTitle') : t('duplicates.confirmTitle')}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {step === 'choose' ? (
        <>
          <RadioGroup className="keep-choice" value={keepId} onChange={setKeepId}>
            <Label className="field__label">{t('duplicates.keepQuestion')}</Label>
            {[candidate.a, candidate.b].map((actor) => (
              <Radio key={actor.id} value={actor.id} className="keep-choice__option">
                <span className="keep-choice__dot" aria-hidden="true" />
                <span>
                  <span className="keep-choice__name">
                    {t('duplicates.keepOption', { name: actor.name })}
                  </span>
                  {detail(actor) ? <span className="keep-choice__detail">{detail(actor)}</span> : null}
                </span>
              </Radio>
            ))}
          </RadioGroup>
          <p className="hint">{t('duplicates.keepHint')}</p>
          <div className="actions">
            <Button variant="secondary" slot="close">
              {t('app.cancel')}
            </Button>
            <Button onPress={() => setStep('confirm')}>{t('duplicates.next')}</Button>
          </div>
        </>
      ) : (
        <>
          <p>{t('duplicates.confirmText', { merge: gone.name, keep: keep.name })}</p>
          <div className="actions">
            <Button variant="secondary" onPress={() => setStep('choose')}>
              {t('duplicates.back')}
            </Button>
            <Button variant="danger" onPress={() => void confirm()} isPending={loading}>
              {t('duplicates.confirm')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <DuplicatesPage />
    </RequireRole>
  );
}
