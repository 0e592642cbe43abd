// The actor page's form in a dialog: record an engagement (joining an initiative is
// initiatives/JoinInitiativeDialog).
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { errorCode } from '../app/apollo';
import type { EngagementKind } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { isCalendarDate, placeErrors, todayInStockholm } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/Messages';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { ENGAGEMENT_KINDS, engagementKindLabel } from './labels';
import { RecordEngagementMutation } from './operations';
import { engagementFieldErrors } from './reasons';

const NONE = 'NONE';

export interface Choice {
  id: string;
  label: string;
}

type EngagementErrors = Partial<
  Record<'kind' | 'occurredOn' | 'eventId' | 'initiativeId' | 'note' | 'form', string>
>;

function failure(error: unknown): string {
  return errorCode(error) === null ? t('app.error.network') : t('app.error.generic');
}

/** "Registrera engagemang": recordEngagement, its refusals at the fields they name. */
export function RecordEngagementDialog({
  actorId,
  actorName,
  events,
  initiatives,
  onClose,
  onSaved,
}: {
  actorId: string;
  actorName: string;
  /** The actor's events (from the participations loaded), to tie the engagement to one. */
  events: readonly Choice[];
  initiatives: readonly Choice[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [kind, setKind] = useState<EngagementKind | null>(null);
  const [occurredOn, setOccurredOn] = useState(todayInStockholm());
  const [eventId, setEventId] = useState(NONE);
  const [initiativeId, setInitiativeId] = useState(NONE);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<EngagementErrors>({});
  const [record, { loading }] = useMutation(RecordEngagementMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: EngagementErrors = {};
    if (!kind) found.kind = t('actors.record.chooseKind');
    if (!occurredOn) found.occurredOn = t('actors.record.dateRequired');
    else if (!isCalendarDate(occurredOn)) found.occurredOn = t('actors.reason.date');
    if (!kind || Object.keys(found).length > 0) {
      setErrors({ ...found, form: t('actors.form.missing') });
      return;
    }
    setErrors({});
    try {
      await record({
        variables: {
          input: {
            actorId,
            kind,
            occurredOn,
            eventId: eventId === NONE ? null : eventId,
            initiativeId: initiativeId === NONE ? null : initiativeId,
            note: note.trim() || null,
          },
        },
      });
      onSaved();
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(
          placeErrors(
            engagementFieldErrors(error),
            ['kind', 'occurredOn', 'eventId', 'initiativeId', 'note'] as const,
            t('actors.record.errorSummary'),
          ),
        );
      } else setErrors({ form: failure(error) });
    }
  };

  return (
    <Dialog title={t('actors.record.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <p>{t('actors.record.intro', { name: actorName })}</p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <Select
          label={t('actors.record.kind')}
          name="kind"
          options={ENGAGEMENT_KINDS.map((k) => ({ id: k, label: engagementKindLabel(k) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as EngagementKind | null);
            setErrors((er) => ({ ...er, kind: undefined }));
          }}
          placeholder={t('actors.noneChosen')}
          errorMessage={errors.kind}
          isRequired
        />
        <TextField
          label={t('actors.record.occurredOn')}
          name="occurredOn"
          type="date"
          value={occurredOn}
          onChange={(v) => {
            setOccurredOn(v);
            setErrors((er) => ({ ...er, occurredOn: undefined }));
          }}
          errorMessage={errors.occurredOn}
          isRequired
        />
        {events.length > 0 ? (
          <Select
            label={t('actors.record.event')}
            name="eventId"
            options={[{ id: NONE, label: t('actors.record.none') }, ...events]}
            value={eventId}
            onChange={(v) => setEventId(v ?? NONE)}
            errorMessage={errors.eventId}
          />
        ) : null}
        {initiatives.length > 0 ? (
          <Select
            label={t('actors.record.initiative')}
            name="initiativeId"
            options={[{ id: NONE, label: t('actors.record.none') }, ...initiatives]}
            value={initiativeId}
            onChange={(v) => setInitiativeId(v ?? NONE)}
            errorMessage={errors.initiativeId}
          />
        ) : null}
        <TextField
          label={t('actors.record.note')}
          name="note"
          multiline
          value={note}
          onChange={(v) => {
            setNote(v);
            setErrors((er) => ({ ...er, note: undefined }));
          }}
          description={t('actors.record.noteHint')}
          errorMessage={errors.note}
        />
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" isPending={loading}>
            {loading ? t('app.saving') : t('actors.record.save')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
