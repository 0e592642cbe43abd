import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { DropZone, FileTrigger, isFileDropItem, Text, type DropItem } from 'react-aria-components';
import { useParams } from 'react-router';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import type {
  RegistrationImportQuery as ImportData,
  RegistrationImportsQuery as ImportsData,
} from '../gql/graphql';
import { formatDateTime, formatNumber, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { ImportEventQuery, RegistrationImportQuery, RegistrationImportsQuery } from './operations';
import { checkFile, uploadRegistrationList } from './upload';
import './registrations.css';

type RegistrationImport = NonNullable<ImportData['registrationImport']>;
type EarlierImport = ImportsData['registrationImports'][number];

const ACCEPTED_TYPES = [
  '.csv',
  '.xlsx',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const finished = (status: RegistrationImport['status'] | undefined) =>
  status === 'DONE' || status === 'FAILED';

/** `/events/:id/import`: upload a registration list, follow it to the end, see what became of each row. */
export function ImportPage() {
  const { id: eventId = '' } = useParams();
  const { data: eventData, loading } = useQuery(ImportEventQuery, { variables: { id: eventId } });
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const earlier = useQuery(RegistrationImportsQuery, {
    variables: { eventId },
    fetchPolicy: 'cache-and-network',
  });
  const refetchEarlier = earlier.refetch;

  const upload = async (files: File[]) => {
    setError(null);
    if (files.length === 0) return;
    if (files.length > 1) return setError(t('registrations.error.many'));
    const file = files[0];
    const refused = checkFile(file);
    if (refused) return setError(refused);
    setUploading(file.name);
    const result = await uploadRegistrationList(eventId, file);
    setUploading(null);
    if (!result.ok) return setError(result.message);
    setCurrent(result.id);
    void refetchEarlier();
  };

  const onDrop = async (e: { items: DropItem[] }) => {
    const items = e.items.filter(isFileDropItem);
    await upload(await Promise.all(items.map((item) => item.getFile())));
  };

  if (loading && !eventData) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  const event = eventData?.event;
  if (!event) return <ErrorMessage>{t('registrations.error.notFound')}</ErrorMessage>;

  return (
    <>
      <PageTitle>{t('registrations.title')}</PageTitle>
      <p>
        <Link href={`/events/${event.id}`}>{t('registrations.backToEvent', { title: event.title })}</Link>
      </p>
      <p>{t('registrations.intro')}</p>
      <DropZone
        className="dropzone"
        getDropOperation={() => 'copy'}
        onDrop={(e) => void onDrop(e)}
        isDisabled={uploading !== null}
      >
        {({ isDropTarget }) => (
          <>
            <Text slot="label" className="dropzone__label">
              {isDropTarget ? t('registrations.dropActive') : t('registrations.drop')}
            </Text>
            <p className="hint">{t('registrations.dropHint')}</p>
            <FileTrigger
              acceptedFileTypes={ACCEPTED_TYPES}
              onSelect={(files) => void upload(files ? Array.from(files) : [])}
            >
              <Button isDisabled={uploading !== null}>{t('registrations.choose')}</Button>
            </FileTrigger>
          </>
        )}
      </DropZone>
      {uploading ? <StatusMessage>{t('registrations.uploading', { file: uploading })}</StatusMessage> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {current ? (
        <ImportProgress key={current} id={current} onFinished={() => void refetchEarlier()} />
      ) : null}
      <EarlierImports
        imports={earlier.data?.registrationImports.filter((r) => r.id !== current) ?? null}
        failed={!!earlier.error && !earlier.data}
        onShow={setCurrent}
      />
    </>
  );
}

/** Follows an import by asking for it every second until it is DONE or FAILED. */
export function ImportProgress({ id, onFinished }: { id: string; onFinished?: () => void }) {
  const { data, error, startPolling, stopPolling } = useQuery(RegistrationImportQuery, {
    variables: { id },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const record = data?.registrationImport;
  const done = finished(record?.status);

  useEffect(() => {
    if (done) stopPolling();
    else startPolling(1000);
    return () => stopPolling();
  }, [done, startPolling, stopPolling]);

  // The list of earlier imports shows this one too: ask for it again once, when this one has ended.
  const finishedOnce = useRef(false);
  const latestOnFinished = useRef(onFinished);
  latestOnFinished.current = onFinished;
  useEffect(() => {
    if (!done || finishedOnce.current) return;
    finishedOnce.current = true;
    latestOnFinished.current?.();
  }, [done]);

  if (error && !record) return <ErrorMessage>{t('app.error.network')}</ErrorMessage>;
  if (!data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (!record) return <ErrorMessage>{t('registrations.error.lost')}</ErrorMessage>;
  if (!done) {
    return (
      <StatusMessage className="status--loading">
        {t('registrations.waiting', { status: t(`registrations.status.${record.status}`) })}
      </StatusMessage>
    );
  }
  return <ImportResult record={record} />;
}

export function ImportResult({ record }: { record: RegistrationImport }) {
  const file = record.fileName ?? t('registrations.noFileName');
  const counts: [string, number][] = [
    [t('registrations.count.rows'), record.rows],
    [t('registrations.count.createdParticipations'), record.createdParticipations],
    [t('registrations.count.updatedParticipations'), record.updatedParticipations],
    [t('registrations.count.matchedActors'), record.matchedActors],
    [t('registrations.count.createdActors'), record.createdActors],
    [t('registrations.count.rejected'), record.rejected.length],
  ];
  return (
    <section aria-labelledby="import-result" className="import-result">
      <h2 id="import-result">{t('registrations.result')}</h2>
      {record.status === 'FAILED' ? (
        <ErrorMessage>
          <p>{t('registrations.failed', { file })}</p>
          {record.error ? <p>{record.error}</p> : null}
        </ErrorMessage>
      ) : (
        <StatusMessage className="alert alert--success">{t('registrations.done', { file })}</StatusMessage>
      )}
      {record.status === 'DONE' ? (
        <>
          <dl className="import-counts">
            {counts.map(([label, value]) => (
              <div key={label} className="import-counts__item">
                <dt>{label}</dt>
                <dd>{formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('registrations.rejected')}</h3>
          {record.rejected.length === 0 ? (
            <p>{t('registrations.noneRejected')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('registrations.rejectedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registrations.rejected.line')}</th>
                    <th scope="col">{t('registrations.rejected.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.rejected.map((row, index) => (
                    <tr key={`${row.line}-${index}`}>
                      <td>{formatNumber(row.line)}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {record.ignoredColumns.length > 0 ? (
            <>
              <h3>{t('registrations.ignored')}</h3>
              <p className="hint">{t('registrations.ignoredHint')}</p>
              <ul>
                {record.ignoredColumns.map((column) => (
                  <li key={column}>{column}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The event's imports from the API (anyone's, any device's), newest first. */
function EarlierImports({
  imports,
  failed,
  onShow,
}: {
  imports: readonly EarlierImport[] | null;
  failed: boolean;
  onShow: (id: string) => void;
}) {
  return (
    <section aria-labelledby="earlier-imports">
      <h2 id="earlier-imports">{t('registrations.earlier')}</h2>
      <p className="hint">{t('registrations.earlierHint')}</p>
      {failed ? (
        <ErrorMessage>{t('registrations.earlierFailed')}</ErrorMessage>
      ) : imports === null ? (
        <LoadingMessage>{t('app.loading')}</LoadingMessage>
      ) : imports.length === 0 ? (
        <p>{t('registrations.earlierNone')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('registrations.earlierCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registrations.earlier.file')}</th>
                <th scope="col">{t('registrations.earlier.when')}</th>
                <th scope="col">{t('registrations.earlier.status')}</th>
                <th scope="col">{t('registrations.earlier.summary')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('registrations.show')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((record) => (
                <EarlierImportRow key={record.id} record={record} onShow={onShow} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EarlierImportRow({ record, onShow }: { record: EarlierImport; onShow: (id: string) => void }) {
  const file = record.fileName ?? t('registrations.noFileName');
  return (
    <tr>
      <td>{file}</td>
      <td>{formatDateTime(record.createdAt)}</td>
      <td>{t(`registrations.status.${record.status}`)}</td>
      <td>
        {record.status === 'DONE'
          ? t('registrations.earlier.counts', {
              created: record.createdParticipations,
              updated: record.updatedParticipations,
              rejected: record.rejectedCount,
            })
          : t('app.none')}
      </td>
      <td>
        <Button
          variant="quiet"
          onPress={() => onShow(record.id)}
          aria-label={t('registrations.showFor', { file })}
        >
          {t('registrations.show')}
        </Button>
      </td>
    </tr>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <ImportPage />
    </RequireRole>
  );
}
