import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { errorCode } from '../app/apollo';
import { RequireRole } from '../auth/RequireSession';
import { useMeetingPlaces } from '../events/useMeetingPlaces';
import type { InitiativeKind, MeetingPlaceCode } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { INITIATIVE_KINDS, initiativeKindLabel } from './labels';
import { CreateInitiativeMutation } from './operations';
import { INITIATIVE_WRITE_ROLES } from './roles';
import { initiativeFieldErrors, isCalendarDate, placeErrors, todayInStockholm } from './reasons';
import './initiatives.css';

const NONE = 'NONE';
const FIELDS = ['name', 'kind', 'meetingPlace', 'startedOn', 'topics'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field | 'form', string>>;

/** `/initiatives/new`: name, kind, meeting place, start date and topics (createInitiative). */
export function InitiativeFormPage() {
  const navigate = useNavigate();
  const { options: meetingPlaces } = useMeetingPlaces();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<InitiativeKind | null>(null);
  const [meetingPlace, setMeetingPlace] = useState(NONE);
  const [startedOn, setStartedOn] = useState(todayInStockholm());
  const [topics, setTopics] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [create, { loading }] = useMutation(CreateInitiativeMutation);

  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!name.trim()) {
      found.name = t('initiatives.form.required', { field: t('initiatives.form.name').toLowerCase() });
    }
    if (!kind) found.kind = t('initiatives.form.chooseKind');
    if (!startedOn) found.startedOn = t('initiatives.date.required');
    else if (!isCalendarDate(startedOn)) found.startedOn = t('initiatives.reason.date');
    if (!kind || Object.keys(found).length > 0) {
      setErrors({ ...found, form: t('initiatives.form.missing') });
      return;
    }
    setErrors({});
    try {
      const result = await create({
        variables: {
          input: {
            name: name.trim(),
            kind,
            startedOn,
            meetingPlace: meetingPlace === NONE ? null : (meetingPlace as MeetingPlaceCode),
            topics: topics
              .split(',')
              .map((topic) => topic.trim())
              .filter(Boolean),
          },
        },
      });
      const created = result.data?.createInitiative;
      if (created) {
        void navigate(`/initiatives/${created.id}`, {
          state: { message: t('initiatives.form.created', { name: created.name }) },
        });
      }
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(placeErrors(initiativeFieldErrors(error), FIELDS, t('initiatives.form.errorSummary')));
      } else {
        setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('app.error.generic') });
      }
    }
  };

  return (
    <div className="initiative-form">
      <PageTitle>{t('initiatives.form.title')}</PageTitle>
      <p>
        <Link href="/initiatives">{t('app.back')}</Link>
      </p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={t('initiatives.form.name')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(v) => {
            setName(v);
            clear('name');
          }}
          errorMessage={errors.name}
          isRequired
        />
        <Select
          label={t('initiatives.form.kind')}
          name="kind"
          options={INITIATIVE_KINDS.map((k) => ({ id: k, label: initiativeKindLabel(k) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as InitiativeKind | null);
            clear('kind');
          }}
          placeholder={t('actors.noneChosen')}
          errorMessage={errors.kind}
          isRequired
        />
        <Select
          label={t('initiatives.form.meetingPlace')}
          name="meetingPlace"
          options={[{ id: NONE, label: t('initiatives.noMeetingPlace') }, ...meetingPlaces]}
          value={meetingPlace}
          onChange={(v) => {
            setMeetingPlace(v ?? NONE);
            clear('meetingPlace');
          }}
          errorMessage={errors.meetingPlace}
        />
        <p className="hint">{t('initiatives.form.meetingPlaceHint')}</p>
        <TextField
          label={t('initiatives.form.startedOn')}
          name="startedOn"
          type="date"
          value={startedOn}
          onChange={(v) => {
            setStartedOn(v);
            clear('startedOn');
          }}
          errorMessage={errors.startedOn}
          isRequired
        />
        <TextField
          label={t('initiatives.form.topics')}
          name="topics"
          value={topics}
          onChange={(v) => {
            setTopics(v);
            clear('topics');
          }}
          description={t('initiatives.form.topicsHint')}
          errorMessage={errors.topics}
        />
        <div className="actions">
          <Button type="submit" isPending={loading}>
            {loading ? t('app.saving') : t('initiatives.form.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function Component() {
  return (
    <RequireRole roles={INITIATIVE_WRITE_ROLES}>
      <InitiativeFormPage />
    </RequireRole>
  );
}
