// The actor page's forms in dialogs: record an engagement, join an initiative.
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { errorCode } from '../app/apollo';
import type { EngagementKind, InitiativeRole } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { INITIATIVE_ROLES, initiativeKindLabel, initiativeRoleLabel } from '../initiatives/labels';
import { JoinInitiativeMutation, InitiativeOptionsQuery } from '../initiatives/operations';
import { initiativeFieldErrors, isCalendarDate, placeErrors, todayInStockholm } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { ComboBox } from '../ui/ComboBox';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/Messages';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { ENGAGEMENT_KINDS, engagementKindLabel } from './labels';
import { RecordEngagementMutation } from './operations';
import { engagementFieldErrors } from './reasons';
import { useDebounced } from './useDebounced';

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

type JoinErrors = Partial<Record<'initiativeId' | 'role' | 'joinedOn' | 'form', string>>;

/** "Gå med i initiativ": choose an initiative by name, a role and a date (joinInitiative). */
export function JoinInitiativeDialog({
  actorId,
  actorName,
  onClose,
  onSaved,
}: {
  actorId: string;
  actorName: string;
  onClose: () => void;
  onSaved: (initiativeName: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [role, setRole] = useState<InitiativeRole>('MEMBER');
  const [joinedOn, setJoinedOn] = useState(todayInStockholm());
  const [errors, setErrors] = useState<JoinErrors>({});
  const [join, { loading }] = useMutation(JoinInitiativeMutation);
  const debounced = useDebounced(search.trim());
  const { data } = useQuery(InitiativeOptionsQuery, { variables: { search: debounced || null } });

  const options = useMemo(() => {
    const found = (data?.initiatives.edges ?? []).map(({ node }) => ({
      id: node.id,
      label: node.name,
      detail: initiativeKindLabel(node.kind),
    }));
    if (chosen && !found.some((o) => o.id === chosen.id)) found.unshift({ ...chosen, detail: '' });
    return found;
  }, [data, chosen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: JoinErrors = {};
    if (!chosen) found.initiativeId = t('actors.join.chooseInitiative');
    if (!joinedOn) found.joinedOn = t('initiatives.date.required');
    else if (!isCalendarDate(joinedOn)) found.joinedOn = t('initiatives.reason.date');
    if (!chosen || Object.keys(found).length > 0) {
      setErrors({ ...found, form: t('actors.form.missing') });
      return;
    }
    setErrors({});
    try {
      await join({ variables: { input: { actorId, initiativeId: chosen.id, role, joinedOn } } });
      onSaved(chosen.label);
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(
          placeErrors(
            initiativeFieldErrors(error),
            ['initiativeId', 'role', 'joinedOn'] as const,
            t('actors.join.errorSummary'),
          ),
        );
      } else setErrors({ form: failure(error) });
    }
  };

  return (
    <Dialog title={t('actors.join.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <p>{t('actors.join.intro', { name: actorName })}</p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <ComboBox
          label={t('actors.join.initiative')}
          options={options}
          selectedKey={chosen?.id ?? null}
          onSelectionChange={(key) => {
            const option = options.find((o) => o.id === key);
            setChosen(option ? { id: option.id, label: option.label } : null);
            if (option) setSearch(option.label);
            setErrors((er) => ({ ...er, initiativeId: undefined }));
          }}
          inputValue={search}
          onInputChange={(text) => {
            setSearch(text);
            if (chosen && text !== chosen.label) setChosen(null);
          }}
          description={t('actors.join.initiativeHint')}
          errorMessage={errors.initiativeId}
          isRequired
          filtered
        />
        <Select
          label={t('actors.join.role')}
          name="role"
          options={INITIATIVE_ROLES.map((r) => ({ id: r, label: initiativeRoleLabel(r) }))}
          value={role}
          onChange={(v) => v && setRole(v as InitiativeRole)}
          errorMessage={errors.role}
        />
        <TextField
          label={t('actors.join.joinedOn')}
          name="joinedOn"
          type="date"
          value={joinedOn}
          onChange={(v) => {
            setJoinedOn(v);
            setErrors((er) => ({ ...er, joinedOn: undefined }));
          }}
          description={t('initiatives.join.joinedOnHint')}
          errorMessage={errors.joinedOn}
          isRequired
        />
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" isPending={loading}>
            {loading ? t('app.saving') : t('actors.join.save')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
