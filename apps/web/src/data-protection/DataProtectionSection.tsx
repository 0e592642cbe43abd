// The actor page's "Dataskydd" section (ADMIN, persons): the person's state, register extracts,
// restriction of processing, anonymisation or deletion, and who has read their data.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { errorCode } from '../app/apollo';
import { formatDate, formatDateTime, t } from '../i18n/i18n';
import { placeErrors } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { TextField } from '../ui/TextField';
import { ActorPageQuery } from '../actors/operations';
import { operationLabel } from './labels';
import { LiveStatus, useAnnouncement } from './LiveStatus';
import {
  ActorAccessLogQuery,
  ActorDataProtectionQuery,
  AnonymiseActorMutation,
  DeleteActorMutation,
  LiftRestrictionMutation,
  PersonalDataExportMutation,
  RestrictProcessingMutation,
} from './operations';
import { refusals } from './refusals';
import './data-protection.css';

/** How many reads of the access log the section shows at first, and adds with "Visa fler". */
export const ACCESS_LOG_PAGE = 20;

export interface DataProtectionSectionProps {
  actorId: string;
  actorName: string;
  /** Any participation, membership, engagement or ladder history: the person can then not be deleted. */
  hasEvidence: boolean;
}

type Dialogs = 'restrict' | 'lift' | 'anonymise' | 'delete';

export function DataProtectionSection({ actorId, actorName, hasEvidence }: DataProtectionSectionProps) {
  const { data, loading, error, refetch, fetchMore } = useQuery(ActorDataProtectionQuery, {
    variables: { id: actorId, accessFirst: ACCESS_LOG_PAGE },
  });
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [news, setNews] = useAnnouncement();
  const [focusHeading, setFocusHeading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [makeExport, exportState] = useMutation(PersonalDataExportMutation);
  const [lift, liftState] = useMutation(LiftRestrictionMutation);

  const actor = data?.actor;
  const exports = data?.personalDataExports ?? [];
  const accessLog = data?.accessLog;

  const reload = () => void refetch().catch(() => undefined);
  const succeed = (message: string) => {
    setFailure(null);
    setNews(message);
    setDialog(null);
    reload();
  };
  const fail = (e: unknown) => {
    setNews(null);
    const refusal = refusals(e).actorId;
    const code = errorCode(e);
    setFailure(
      refusal !== undefined
        ? refusal
        : code === 'RATE_LIMITED'
          ? t('dataProtection.export.rateLimited')
          : code === null
            ? t('app.error.network')
            : t('dataProtection.failed'),
    );
  };

  const doExport = async () => {
    try {
      const result = await makeExport({ variables: { actorId } });
      const made = result.data?.personalDataExport;
      setFailure(null);
      setNews(made ? t('dataProtection.export.made', { date: formatDate(made.expiresAt) }) : null);
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const doLift = async () => {
    try {
      await lift({ variables: { actorId } });
      succeed(t('dataProtection.lift.done'));
    } catch (e) {
      setDialog(null);
      fail(e);
    }
  };

  const moreAccess = () =>
    fetchMore({
      query: ActorAccessLogQuery,
      variables: { id: actorId, first: ACCESS_LOG_PAGE, after: accessLog?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const next = fetchMoreResult.accessLog;
        return {
          ...previous,
          accessLog: { ...next, edges: [...previous.accessLog.edges, ...next.edges] },
        };
      },
    }).catch(() => setFailure(t('app.error.generic')));

  const anonymised = Boolean(actor?.anonymisedAt);
  // Focus goes back to the button that opened a dialog (React Aria). Anonymised, no button is left:
  // once the dialog is gone and the section shows the anonymised person, its heading takes focus
  // rather than the page's body.
  useEffect(() => {
    if (!focusHeading || dialog !== null || !anonymised) return;
    setFocusHeading(false);
    heading.current?.focus();
  }, [focusHeading, dialog, anonymised]);

  return (
    <section aria-labelledby="actor-data-protection-heading" className="actor-section data-protection">
      <h2 id="actor-data-protection-heading" ref={heading} tabIndex={-1} className="data-protection__heading">
        {t('dataProtection.heading')}
      </h2>
      <p className="hint">{t('dataProtection.intro')}</p>
      <LiveStatus message={news} />
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {actor ? (
        <>
          <p className="data-protection__state">
            {actor.anonymisedAt
              ? t('dataProtection.state.anonymised', { date: formatDate(actor.anonymisedAt) })
              : actor.restricted && actor.restriction
                ? t('dataProtection.state.restricted', {
                    date: formatDate(actor.restriction.restrictedAt),
                    reason: actor.restriction.reason,
                  })
                : t('dataProtection.state.normal')}
          </p>
          {anonymised ? null : (
            <ul className="data-protection__tools">
              <li>
                {actor.restricted ? (
                  <Button variant="secondary" onPress={() => setDialog('lift')}>
                    {t('dataProtection.lift.button')}
                  </Button>
                ) : (
                  <Button variant="secondary" onPress={() => setDialog('restrict')}>
                    {t('dataProtection.restrict.button')}
                  </Button>
                )}
              </li>
              <li>
                <Button variant="danger" onPress={() => setDialog('anonymise')}>
                  {t('dataProtection.anonymise.button')}
                </Button>
              </li>
              {hasEvidence ? null : (
                <li>
                  <Button variant="danger" onPress={() => setDialog('delete')}>
                    {t('dataProtection.delete.button')}
                  </Button>
                </li>
              )}
            </ul>
          )}

          <h3>{t('dataProtection.export.heading')}</h3>
          {anonymised ? null : (
            <>
              <p>{t('dataProtection.export.explain')}</p>
              <div className="actions">
                <Button variant="secondary" onPress={() => void doExport()} isPending={exportState.loading}>
                  {exportState.loading ? t('dataProtection.export.making') : t('dataProtection.export.make')}
                </Button>
              </div>
            </>
          )}
          {exports.length === 0 ? (
            <p>{t('dataProtection.export.none')}</p>
          ) : (
            <ul className="data-protection__exports">
              {exports.map((x) => (
                <li key={x.id} className="data-protection__export">
                  <p id={`export-${x.id}`} className="data-protection__export-title">
                    {t('dataProtection.export.item', {
                      date: formatDateTime(x.createdAt),
                      expires: formatDate(x.expiresAt),
                    })}
                  </p>
                  <p className="data-protection__links">
                    <a className="link" href={x.pdfUrl} download aria-describedby={`export-${x.id}`}>
                      {t('dataProtection.export.pdf')}
                    </a>
                    <a className="link" href={x.jsonUrl} download aria-describedby={`export-${x.id}`}>
                      {t('dataProtection.export.json')}
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )}

          <h3 id="actor-access-log-heading">{t('dataProtection.access.heading')}</h3>
          {accessLog && accessLog.edges.length > 0 ? (
            <>
              <p className="hint">{t('dataProtection.access.explain')}</p>
              <div
                className="table-wrap"
                role="region"
                tabIndex={0}
                aria-labelledby="actor-access-log-heading"
              >
                <table className="data-protection-table">
                  <caption className="visually-hidden">{t('dataProtection.access.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dataProtection.access.who')}</th>
                      <th scope="col">{t('dataProtection.access.when')}</th>
                      <th scope="col">{t('dataProtection.access.operation')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {accessLog.edges.map(({ node }) => (
                      <tr key={node.id}>
                        <td>{node.user.name}</td>
                        <td className="data-protection-table__nowrap">{formatDateTime(node.at)}</td>
                        <td>{operationLabel(node.operation)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="hint">
                {t('dataProtection.access.count', {
                  shown: accessLog.edges.length,
                  total: accessLog.totalCount,
                })}
              </p>
              {accessLog.pageInfo.hasNextPage ? (
                <Button variant="secondary" onPress={() => void moreAccess()}>
                  {t('dataProtection.access.more')}
                </Button>
              ) : null}
            </>
          ) : (
            <p>{t('dataProtection.access.none')}</p>
          )}
        </>
      ) : null}

      {dialog === 'restrict' ? (
        <ReasonDialog
          kind="restrict"
          actorId={actorId}
          actorName={actorName}
          onClose={() => setDialog(null)}
          onDone={() => succeed(t('dataProtection.restrict.done', { name: actorName }))}
        />
      ) : null}
      {dialog === 'anonymise' ? (
        <ReasonDialog
          kind="anonymise"
          actorId={actorId}
          actorName={actorName}
          onClose={() => setDialog(null)}
          onDone={() => {
            setFocusHeading(true);
            succeed(t('dataProtection.anonymise.done'));
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <ReasonDialog kind="delete" actorId={actorId} actorName={actorName} onClose={() => setDialog(null)} />
      ) : null}
      <ConfirmDialog
        title={t('dataProtection.lift.title', { name: actorName })}
        isOpen={dialog === 'lift'}
        onOpenChange={(open) => !open && setDialog(null)}
        confirmLabel={t('dataProtection.lift.confirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void doLift()}
        isPending={liftState.loading}
      >
        <p>{t('dataProtection.lift.text', { name: actorName })}</p>
      </ConfirmDialog>
    </section>
  );
}

type ReasonErrors = Partial<Record<'reason' | 'form', string>>;

/**
 * "Begränsa behandling" (a reason), "Anonymisera" and "Radera" (a case reference): the one text field
 * the mutation needs, its refusal shown at the field.
 */
function ReasonDialog({
  kind,
  actorId,
  actorName,
  onClose,
  onDone,
}: {
  kind: 'restrict' | 'anonymise' | 'delete';
  actorId: string;
  actorName: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  const navigate = useNavigate();
  const client = useApolloClient();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ReasonErrors>({});
  const [restrict, restrictState] = useMutation(RestrictProcessingMutation);
  // The answer brings the anonymous name to the page at once; the page is loaded again for the rest
  // (the engagements' notes are gone).
  const [anonymise, anonymiseState] = useMutation(AnonymiseActorMutation, {
    refetchQueries: [ActorPageQuery],
  });
  const [remove, removeState] = useMutation(DeleteActorMutation);
  const pending = restrictState.loading || anonymiseState.loading || removeState.loading;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setErrors({
        reason:
          kind === 'restrict'
            ? t('dataProtection.restrict.reasonRequired')
            : t('dataProtection.caseReferenceRequired'),
      });
      return;
    }
    setErrors({});
    try {
      const variables = { actorId, reason: text };
      if (kind === 'restrict') await restrict({ variables });
      else if (kind === 'anonymise') await anonymise({ variables });
      else {
        await remove({ variables });
        // No name in the history's state: it would come back with the page on reload or "back".
        const message = t('dataProtection.delete.done');
        // Once the person's page is gone, the person leaves the cache too (and so every list there).
        void Promise.resolve(navigate('/actors', { state: { message } })).then(() => {
          client.cache.evict({ id: client.cache.identify({ __typename: 'Actor', id: actorId }) });
          client.cache.gc();
        });
        return;
      }
      onDone?.();
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(placeErrors(refusals(error), ['reason'] as const, t('dataProtection.errorSummary')));
      } else {
        setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('dataProtection.failed') });
      }
    }
  };

  const title =
    kind === 'restrict'
      ? t('dataProtection.restrict.title', { name: actorName })
      : kind === 'anonymise'
        ? t('dataProtection.anonymise.title', { name: actorName })
        : t('dataProtection.delete.title', { name: actorName });
  const confirm =
    kind === 'restrict'
      ? t('dataProtection.restrict.confirm')
      : kind === 'anonymise'
        ? t('dataProtection.anonymise.confirm')
        : t('dataProtection.delete.confirm');

  return (
    <Dialog title={title} isOpen onOpenChange={(isOpen) => !isOpen && onClose()}>
      {kind === 'restrict' ? <p>{t('dataProtection.restrict.explain', { name: actorName })}</p> : null}
      {kind === 'anonymise' ? (
        <>
          <p className="alert alert--warning">
            <strong>{t('dataProtection.anonymise.warning')}</strong>
          </p>
          <p>{t('dataProtection.anonymise.erased')}</p>
          <p>{t('dataProtection.anonymise.kept')}</p>
        </>
      ) : null}
      {kind === 'delete' ? <p>{t('dataProtection.delete.explain')}</p> : null}
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={
            kind === 'restrict' ? t('dataProtection.restrict.reason') : t('dataProtection.caseReference')
          }
          name="reason"
          value={reason}
          onChange={(v) => {
            setReason(v);
            setErrors((er) => ({ ...er, reason: undefined }));
          }}
          description={
            kind === 'restrict'
              ? t('dataProtection.restrict.reasonHint')
              : t('dataProtection.caseReferenceHint')
          }
          errorMessage={errors.reason}
          multiline={kind === 'restrict'}
          maxLength={kind === 'restrict' ? 500 : 200}
          autoComplete="off"
          isRequired
        />
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" variant={kind === 'restrict' ? 'primary' : 'danger'} isPending={pending}>
            {confirm}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
