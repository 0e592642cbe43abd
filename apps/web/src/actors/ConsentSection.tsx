// The actor page's consent section, for a person whose legal basis is CONSENT: the consents recorded,
// newest first, and (for those who write actors) recording a consent or its withdrawal.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { errorCode, fieldErrors } from '../app/apollo';
import type { ConsentSource } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { isCalendarDate, placeErrors, todayInStockholm } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { ActorConsentsQuery, RecordConsentMutation, WithdrawConsentMutation } from './operations';

export const CONSENT_SOURCES: readonly ConsentSource[] = [
  'REGISTRATION_FORM',
  'AT_THE_DOOR',
  'EMAIL',
  'PAPER_FORM',
  'OTHER',
];
export const consentSourceLabel = (source: ConsentSource): string => t(`actors.consent.source.${source}`);

/** recordConsent's and withdrawConsent's refusals in plain Swedish, by the input's field names. */
export function consentReason(field: string, reason: string): string {
  if (/in the future/.test(reason)) return t('actors.consent.reason.future');
  if (/before the consent was given/.test(reason)) return t('actors.consent.reason.beforeGiven');
  if (/YYYY-MM-DD/.test(reason)) return t('actors.reason.date');
  if (/already has an open consent/.test(reason)) return t('actors.consent.reason.open');
  if (/no open consent/.test(reason)) return t('actors.consent.reason.noneOpen');
  if (field === 'textVersion') return t('actors.consent.versionRequired');
  return t('actors.reason.other');
}

type Mode = 'record' | 'withdraw';
type ConsentErrors = Partial<Record<'date' | 'textVersion' | 'source' | 'form', string>>;

export function ConsentSection({
  actorId,
  actorName,
  canWrite,
}: {
  actorId: string;
  actorName: string;
  canWrite: boolean;
}) {
  const { data, loading, error, refetch } = useQuery(ActorConsentsQuery, { variables: { id: actorId } });
  const [dialog, setDialog] = useState<Mode | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const consents = data?.actor?.consents ?? [];
  const open = consents.some((c) => c.withdrawnOn === null);

  return (
    <section aria-labelledby="actor-consent-heading" className="actor-section">
      <h2 id="actor-consent-heading">{t('actors.consent.heading')}</h2>
      <p>{t('actors.consent.intro')}</p>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {data?.actor ? (
        <>
          <p>{open ? t('actors.consent.open') : t('actors.consent.withdrawn')}</p>
          {consents.length === 0 ? (
            <p>{t('actors.consent.none')}</p>
          ) : (
            <div className="table-wrap" role="region" tabIndex={0} aria-label={t('actors.consent.caption')}>
              <table className="actor-table">
                <caption className="visually-hidden">{t('actors.consent.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('actors.consent.givenOn')}</th>
                    <th scope="col">{t('actors.consent.textVersion')}</th>
                    <th scope="col">{t('actors.consent.source')}</th>
                    <th scope="col">{t('actors.consent.withdrawnOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {consents.map((c) => (
                    <tr key={c.id}>
                      <td>{formatDate(c.givenOn)}</td>
                      <td>{c.textVersion}</td>
                      <td>{consentSourceLabel(c.source)}</td>
                      <td>{c.withdrawnOn ? formatDate(c.withdrawnOn) : t('actors.consent.notWithdrawn')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canWrite ? (
            <div className="actions">
              {open ? (
                <Button variant="secondary" onPress={() => setDialog('withdraw')}>
                  {t('actors.consent.withdraw')}
                </Button>
              ) : (
                <Button variant="secondary" onPress={() => setDialog('record')}>
                  {t('actors.consent.record')}
                </Button>
              )}
            </div>
          ) : null}
        </>
      ) : null}
      {dialog ? (
        <ConsentDialog
          mode={dialog}
          actorId={actorId}
          actorName={actorName}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setNews(dialog === 'record' ? t('actors.consent.recorded') : t('actors.consent.withdrawnNews'));
            setDialog(null);
            void refetch().catch(() => undefined);
          }}
        />
      ) : null}
    </section>
  );
}

/** "Registrera samtycke" (date, text version, source) or "Återkalla samtycke" (date). */
function ConsentDialog({
  mode,
  actorId,
  actorName,
  onClose,
  onSaved,
}: {
  mode: Mode;
  actorId: string;
  actorName: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [date, setDate] = useState(todayInStockholm());
  const [textVersion, setTextVersion] = useState('');
  const [source, setSource] = useState<ConsentSource | null>(null);
  const [errors, setErrors] = useState<ConsentErrors>({});
  const [record, recordState] = useMutation(RecordConsentMutation);
  const [withdraw, withdrawState] = useMutation(WithdrawConsentMutation);
  const loading = recordState.loading || withdrawState.loading;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: ConsentErrors = {};
    if (!isCalendarDate(date)) found.date = t('actors.reason.date');
    if (mode === 'record' && !textVersion.trim()) found.textVersion = t('actors.consent.versionRequired');
    if (mode === 'record' && !source) found.source = t('actors.consent.chooseSource');
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, form: t('actors.form.missing') });
      return;
    }
    setErrors({});
    try {
      if (mode === 'record' && source) {
        await record({
          variables: { input: { actorId, givenOn: date, textVersion: textVersion.trim(), source } },
        });
      } else {
        await withdraw({ variables: { input: { actorId, withdrawnOn: date } } });
      }
      onSaved();
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        const server = Object.fromEntries(
          Object.entries(fieldErrors(error)).map(([field, reason]) => [
            field === 'givenOn' || field === 'withdrawnOn' ? 'date' : field,
            consentReason(field, reason),
          ]),
        );
        setErrors(
          placeErrors(server, ['date', 'textVersion', 'source'] as const, t('actors.consent.errorSummary')),
        );
      } else setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('app.error.generic') });
    }
  };

  const title = mode === 'record' ? t('actors.consent.record') : t('actors.consent.withdraw');
  return (
    <Dialog title={title} isOpen onOpenChange={(isOpen) => !isOpen && onClose()}>
      <p>
        {mode === 'record'
          ? t('actors.consent.recordIntro', { name: actorName })
          : t('actors.consent.withdrawIntro', { name: actorName })}
      </p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={t('actors.consent.date')}
          name="date"
          type="date"
          value={date}
          onChange={(v) => {
            setDate(v);
            setErrors((er) => ({ ...er, date: undefined }));
          }}
          errorMessage={errors.date}
          isRequired
        />
        {mode === 'record' ? (
          <>
            <TextField
              label={t('actors.consent.textVersion')}
              name="textVersion"
              value={textVersion}
              onChange={(v) => {
                setTextVersion(v);
                setErrors((er) => ({ ...er, textVersion: undefined }));
              }}
              description={t('actors.consent.versionHint')}
              errorMessage={errors.textVersion}
              isRequired
            />
            <Select
              label={t('actors.consent.source')}
              name="source"
              options={CONSENT_SOURCES.map((s) => ({ id: s, label: consentSourceLabel(s) }))}
              value={source}
              onChange={(v) => {
                setSource(v as ConsentSource | null);
                setErrors((er) => ({ ...er, source: undefined }));
              }}
              placeholder={t('actors.noneChosen')}
              errorMessage={errors.source}
              isRequired
            />
          </>
        ) : null}
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" isPending={loading}>
            {loading ? t('app.saving') : title}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
