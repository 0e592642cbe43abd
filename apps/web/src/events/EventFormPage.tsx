import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate, useParams } from 'react-router';
import { errorCode } from '../app/apollo';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import type {
  AttendanceMode,
  CreateEventInput,
  EventForEditQuery as EventForEditData,
  MeetingPlaceCode,
  RusPriority,
} from '../gql/graphql';
import { isoToStockholm, stockholmToIso, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import {
  ATTENDANCE_MODES,
  attendanceModeLabel,
  EVENT_FORMATS,
  formatLabel,
  RUS_PRIORITIES,
  rusPriorityLabel,
} from './labels';
import { CreateEventMutation, EventForEditQuery, UpdateEventMutation } from './operations';
import { isDate, isTime } from './period';
import { eventFieldErrors } from './reasons';
import { useMeetingPlaces } from './useMeetingPlaces';
import './events.css';

const NO_FORMAT = 'NONE';

type EditedEvent = NonNullable<EventForEditData['event']>;

interface Values {
  title: string;
  meetingPlace: string | null;
  date: string;
  startTime: string;
  endTime: string;
  format: string;
  attendanceMode: AttendanceMode;
  topics: string;
  rusPriorities: string[];
  description: string;
}

type Errors = Partial<Record<keyof Values | 'form', string>>;

function initialValues(event?: EditedEvent): Values {
  if (!event) {
    return {
      title: '',
      meetingPlace: null,
      date: '',
      startTime: '',
      endTime: '',
      format: '',
      attendanceMode: 'PHYSICAL',
      topics: '',
      rusPriorities: [],
      description: '',
    };
  }
  const start = isoToStockholm(event.startsAt);
  return {
    title: event.title,
    meetingPlace: event.meetingPlace,
    date: start.date,
    startTime: start.time,
    endTime: event.endsAt ? isoToStockholm(event.endsAt).time : '',
    format: event.format ?? '',
    attendanceMode: event.attendanceMode,
    topics: event.topics.join(', '),
    rusPriorities: [...event.rusPriorities],
    description: event.description ?? '',
  };
}

/** The form's own checks, before anything is sent. */
function check(values: Values): Errors {
  const errors: Errors = {};
  const required = (field: keyof Values, label: string) => {
    errors[field] = t('events.form.required', { field: label.toLowerCase() });
  };
  if (!values.title.trim()) required('title', t('events.form.title'));
  if (!values.meetingPlace) required('meetingPlace', t('events.form.meetingPlace'));
  if (!values.date) required('date', t('events.form.date'));
  else if (!isDate(values.date)) errors.date = t('events.form.badDate');
  if (!values.startTime) required('startTime', t('events.form.startTime'));
  else if (!isTime(values.startTime)) errors.startTime = t('events.form.badTime');
  if (values.endTime && !isTime(values.endTime)) errors.endTime = t('events.form.badTime');
  return errors;
}

/** What the API gets: Stockholm's wall-clock times as UTC instants, empty optional text as null. */
export function toInput(values: Values): CreateEventInput {
  return {
    title: values.title.trim(),
    meetingPlace: values.meetingPlace as MeetingPlaceCode,
    startsAt: stockholmToIso(values.date, values.startTime),
    endsAt: values.endTime ? stockholmToIso(values.date, values.endTime) : null,
    format: values.format || null,
    attendanceMode: values.attendanceMode,
    topics: values.topics
      .split(',')
      .map((topic) => topic.trim())
      .filter(Boolean),
    rusPriorities: values.rusPriorities as RusPriority[],
    description: values.description.trim() || null,
  };
}

/** The API's field names on the form's fields (the start instant is the date and the start time). */
function placeServerErrors(server: Record<string, string>): Errors {
  const errors: Errors = {};
  for (const [field, message] of Object.entries(server)) {
    if (field === 'startsAt') errors.startTime = message;
    else if (field === 'endsAt') errors.endTime = message;
    else if (field in initialValues()) errors[field as keyof Values] = message;
    else errors.form = message;
  }
  return errors;
}

/** `/events/new` and `/events/:id/edit`. */
export function EventFormPage() {
  const { id } = useParams();
  const { data, loading, error } = useQuery(EventForEditQuery, {
    variables: { id: id ?? '' },
    skip: !id,
    fetchPolicy: 'network-only',
  });
  if (!id) return <EventForm />;
  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  if (!data?.event) return <ErrorMessage>{t('events.notFound')}</ErrorMessage>;
  return <EventForm key={data.event.id} event={data.event} />;
}

export function EventForm({ event }: { event?: EditedEvent }) {
  const navigate = useNavigate();
  const meetingPlaces = useMeetingPlaces();
  const [values, setValues] = useState<Values>(() => initialValues(event));
  const [errors, setErrors] = useState<Errors>({});
  const [createEvent, creating] = useMutation(CreateEventMutation);
  const [updateEvent, updating] = useMutation(UpdateEventMutation);
  const busy = creating.loading || updating.loading;

  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(values);
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, form: t('events.form.missing') });
      return;
    }
    setErrors({});
    const input = toInput(values);
    try {
      if (event) {
        await updateEvent({ variables: { id: event.id, input } });
        void navigate(`/events/${event.id}`, { state: { message: t('events.form.saved') } });
      } else {
        const result = await createEvent({ variables: { input } });
        const created = result.data?.createEvent.id;
        if (created) void navigate(`/events/${created}`, { state: { message: t('events.form.created') } });
      }
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        const placed = placeServerErrors(eventFieldErrors(error));
        setErrors({ form: t('events.form.errorSummary'), ...placed });
      } else if (errorCode(error) === 'FORBIDDEN') setErrors({ form: t('app.error.forbiddenText') });
      else if (errorCode(error) === null) setErrors({ form: t('app.error.network') });
      else setErrors({ form: t('app.error.generic') });
    }
  };

  return (
    <div className="event-form">
      <PageTitle>{event ? t('events.editTitle') : t('events.newTitle')}</PageTitle>
      <p>
        <Link href={event ? `/events/${event.id}` : '/events'}>{t('app.back')}</Link>
      </p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={t('events.form.title')}
          name="title"
          value={values.title}
          onChange={set('title')}
          errorMessage={errors.title}
          isRequired
        />
        <Select
          label={t('events.form.meetingPlace')}
          name="meetingPlace"
          options={meetingPlaces.options}
          value={values.meetingPlace}
          onChange={set('meetingPlace')}
          placeholder={t('events.form.choose')}
          errorMessage={errors.meetingPlace}
          isRequired
        />
        <div className="event-form__when">
          <TextField
            label={t('events.form.date')}
            name="date"
            type="date"
            value={values.date}
            onChange={set('date')}
            errorMessage={errors.date}
            isRequired
          />
          <TextField
            label={t('events.form.startTime')}
            name="startTime"
            type="time"
            value={values.startTime}
            onChange={set('startTime')}
            description={t('events.form.timeHint')}
            errorMessage={errors.startTime}
            isRequired
          />
          <TextField
            label={t('events.form.endTime')}
            name="endTime"
            type="time"
            value={values.endTime}
            onChange={set('endTime')}
            description={t('events.form.endTimeHint')}
            errorMessage={errors.endTime}
          />
        </div>
        <Select
          label={t('events.form.format')}
          name="format"
          options={[
            { id: NO_FORMAT, label: t('events.form.noFormat') },
            ...EVENT_FORMATS.map((f) => ({ id: f, label: formatLabel(f) })),
          ]}
          value={values.format || NO_FORMAT}
          onChange={(v) => set('format')(!v || v === NO_FORMAT ? '' : v)}
          errorMessage={errors.format}
        />
        <Select
          label={t('events.form.attendanceMode')}
          name="attendanceMode"
          options={ATTENDANCE_MODES.map((m) => ({ id: m, label: attendanceModeLabel(m) }))}
          value={values.attendanceMode}
          onChange={(v) => set('attendanceMode')((v ?? 'PHYSICAL') as AttendanceMode)}
          errorMessage={errors.attendanceMode}
        />
        <TextField
          label={t('events.form.topics')}
          name="topics"
          value={values.topics}
          onChange={set('topics')}
          description={t('events.form.topicsHint')}
          errorMessage={errors.topics}
        />
        <CheckboxGroup
          label={t('events.form.rusPriorities')}
          options={RUS_PRIORITIES.map((p) => ({ id: p, label: rusPriorityLabel(p) }))}
          value={values.rusPriorities}
          onChange={set('rusPriorities')}
          errorMessage={errors.rusPriorities}
        />
        <TextField
          label={t('events.form.description')}
          name="description"
          multiline
          value={values.description}
          onChange={set('description')}
          errorMessage={errors.description}
        />
        <div className="actions">
          <Button type="submit" isPending={busy}>
            {busy ? t('app.saving') : event ? t('events.form.save') : t('events.form.create')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <EventFormPage />
    </RequireRole>
  );
}
