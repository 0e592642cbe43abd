import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorCode } from '../app/apollo';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import type {
  ActorKind,
  ActorQuery as ActorData,
  Gender,
  LegalBasis,
  Sector,
  UpdateActorInput,
} from '../gql/graphql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ComboBox } from '../ui/ComboBox';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { GENDERS, genderLabel, LEGAL_BASES, legalBasisLabel, SECTORS, sectorLabel } from './labels';
import {
  ActorQuery,
  CreateOrganisationMutation,
  CreatePersonMutation,
  MunicipalitiesQuery,
  OrganisationOptionsQuery,
  UpdateActorMutation,
} from './operations';
import { actorFieldErrors } from './reasons';
import { useDebounced } from './useDebounced';
import './actors.css';

type EditedActor = NonNullable<ActorData['actor']>;

const NONE = 'NONE';

interface Values {
  name: string;
  email: string;
  title: string;
  organisationId: string | null;
  organisationName: string;
  sector: string;
  municipalityCode: string | null;
  country: string;
  gender: string;
  legalBasis: LegalBasis;
  organisationNumber: string;
}

type Errors = Partial<Record<keyof Values | 'form', string>>;

function initialValues(actor?: EditedActor): Values {
  return {
    name: actor?.name ?? '',
    email: actor?.email ?? '',
    title: actor?.title ?? '',
    organisationId: actor?.organisation?.id ?? null,
    organisationName: actor?.organisation?.name ?? '',
    sector: actor?.sector ?? NONE,
    municipalityCode: actor?.municipality?.code ?? null,
    country: actor?.country ?? '',
    gender: actor?.gender ?? NONE,
    legalBasis: actor?.legalBasis ?? 'PUBLIC_INTEREST',
    organisationNumber: actor?.organisationNumber ?? '',
  };
}

const orNull = (text: string) => text.trim() || null;
const chosen = <T extends string>(value: string) => (value === NONE ? null : (value as T));

/** The API names fields as its inputs do; the form's own names where they differ. */
function placeServerErrors(server: Record<string, string>): Errors {
  const known = Object.keys(initialValues());
  const errors: Errors = {};
  for (const [field, message] of Object.entries(server)) {
    if (known.includes(field)) errors[field as keyof Values] = message;
    else errors.form = message;
  }
  return errors;
}

/** `/actors/new?kind=PERSON|ORGANISATION` and `/actors/:id/edit`. */
export function ActorFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data, loading, error } = useQuery(ActorQuery, {
    variables: { id: id ?? '' },
    skip: !id,
    fetchPolicy: 'network-only',
  });
  if (!id) {
    const kind: ActorKind = params.get('kind') === 'ORGANISATION' ? 'ORGANISATION' : 'PERSON';
    return <ActorForm key={kind} kind={kind} />;
  }
  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  if (!data?.actor) return <ErrorMessage>{t('actors.notFound')}</ErrorMessage>;
  return <ActorForm key={data.actor.id} kind={data.actor.kind} actor={data.actor} />;
}

export function ActorForm({ kind, actor }: { kind: ActorKind; actor?: EditedActor }) {
  const navigate = useNavigate();
  const isPerson = kind === 'PERSON';
  const [values, setValues] = useState<Values>(() => initialValues(actor));
  const [errors, setErrors] = useState<Errors>({});
  const [createPerson, personState] = useMutation(CreatePersonMutation);
  const [createOrganisation, organisationState] = useMutation(CreateOrganisationMutation);
  const [updateActor, updateState] = useMutation(UpdateActorMutation);
  const busy = personState.loading || organisationState.loading || updateState.loading;

  const municipalities = useQuery(MunicipalitiesQuery, { fetchPolicy: 'cache-first' });
  const municipalityOptions = useMemo(
    () =>
      (municipalities.data?.municipalities ?? []).map((m) => ({
        id: m.code,
        label: m.name,
        detail: m.county ?? undefined,
      })),
    [municipalities.data],
  );

  const organisationSearch = useDebounced(values.organisationName.trim());
  const organisations = useQuery(OrganisationOptionsQuery, {
    variables: { search: organisationSearch || null },
    skip: !isPerson,
  });
  const organisationOptions = useMemo(() => {
    const found = (organisations.data?.actors.edges ?? []).map((e) => ({
      id: e.node.id,
      label: e.node.name,
      detail: e.node.municipality?.name,
    }));
    // The chosen organisation stays an option, so its name shows whatever the search finds.
    if (values.organisationId && !found.some((o) => o.id === values.organisationId)) {
      found.unshift({ id: values.organisationId, label: values.organisationName, detail: undefined });
    }
    return found.filter((o) => o.id !== actor?.id);
  }, [organisations.data, values.organisationId, values.organisationName, actor?.id]);

  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!values.name.trim())
      found.name = t('actors.form.required', { field: t('actors.field.name').toLowerCase() });
    if (!isPerson && values.sector === NONE)
      found.sector = t('actors.form.required', { field: t('actors.field.sector').toLowerCase() });
    if (Object.keys(found).length > 0) return setErrors({ ...found, form: t('actors.form.missing') });
    setErrors({});

    try {
      let savedId: string | undefined;
      if (actor) {
        const input: UpdateActorInput = {
          name: values.name.trim(),
          municipalityCode: values.municipalityCode,
          ...(values.country.trim() ? { country: values.country.trim().toUpperCase() } : {}),
          ...(values.sector !== NONE ? { sector: values.sector as Sector } : {}),
          ...(isPerson
            ? {
                email: orNull(values.email),
                title: orNull(values.title),
                organisationId: values.organisationId,
                gender: chosen<Gender>(values.gender),
                legalBasis: values.legalBasis,
              }
            : { organisationNumber: orNull(values.organisationNumber) }),
        };
        await updateActor({ variables: { id: actor.id, input } });
        savedId = actor.id;
      } else if (isPerson) {
        const result = await createPerson({
          variables: {
            input: {
              name: values.name.trim(),
              email: orNull(values.email),
              title: orNull(values.title),
              organisationId: values.organisationId,
              sector: chosen<Sector>(values.sector),
              municipalityCode: values.municipalityCode,
              country: orNull(values.country.toUpperCase()),
              gender: chosen<Gender>(values.gender),
              legalBasis: values.legalBasis,
            },
          },
        });
        savedId = result.data?.createPerson.id;
      } else {
        const result = await createOrganisation({
          variables: {
            input: {
              name: values.name.trim(),
              sector: values.sector as Sector,
              organisationNumber: orNull(values.organisationNumber),
              municipalityCode: values.municipalityCode,
              country: orNull(values.country.toUpperCase()),
            },
          },
        });
        savedId = result.data?.createOrganisation.id;
      }
      if (savedId) {
        void navigate(`/actors/${savedId}`, {
          state: { message: actor ? t('actors.form.saved') : t('actors.form.created') },
        });
      }
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors({ form: t('actors.form.errorSummary'), ...placeServerErrors(actorFieldErrors(error)) });
      } else if (errorCode(error) === null) setErrors({ form: t('app.error.network') });
      else setErrors({ form: t('app.error.generic') });
    }
  };

  const title = actor
    ? t('actors.editTitle', { name: actor.name })
    : isPerson
      ? t('actors.newPersonTitle')
      : t('actors.newOrganisationTitle');

  return (
    <div className="actor-form">
      <PageTitle>{title}</PageTitle>
      <p>
        <Link href={actor ? `/actors/${actor.id}` : '/actors'}>{t('app.back')}</Link>
      </p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <TextField
          label={t('actors.field.name')}
          name="name"
          autoComplete="off"
          value={values.name}
          onChange={set('name')}
          errorMessage={errors.name}
          isRequired
        />
        {isPerson ? (
          <>
            <TextField
              label={t('actors.field.email')}
              name="email"
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={set('email')}
              errorMessage={errors.email}
            />
            <TextField
              label={t('actors.field.title')}
              name="title"
              value={values.title}
              onChange={set('title')}
              errorMessage={errors.title}
            />
            <ComboBox
              label={t('actors.field.organisation')}
              options={organisationOptions}
              selectedKey={values.organisationId}
              onSelectionChange={(key) => {
                const option = organisationOptions.find((o) => o.id === key);
                setValues((v) => ({
                  ...v,
                  organisationId: key,
                  organisationName: option ? option.label : v.organisationName,
                }));
                setErrors((er) => ({ ...er, organisationId: undefined }));
              }}
              inputValue={values.organisationName}
              onInputChange={(text) =>
                setValues((v) => ({
                  ...v,
                  organisationName: text,
                  organisationId: text ? v.organisationId : null,
                }))
              }
              description={t('actors.field.organisationHint')}
              errorMessage={errors.organisationId}
              filtered
            />
          </>
        ) : (
          <TextField
            label={t('actors.field.organisationNumber')}
            name="organisationNumber"
            value={values.organisationNumber}
            onChange={set('organisationNumber')}
            description={t('actors.field.organisationNumberHint')}
            errorMessage={errors.organisationNumber}
          />
        )}
        <Select
          label={t('actors.field.sector')}
          name="sector"
          options={[
            ...(isPerson && !actor ? [{ id: NONE, label: t('actors.noneChosen') }] : []),
            ...SECTORS.map((s) => ({ id: s, label: sectorLabel(s) })),
          ]}
          value={values.sector === NONE && !(isPerson && !actor) ? null : values.sector}
          onChange={(v) => set('sector')(v ?? NONE)}
          placeholder={t('actors.noneChosen')}
          errorMessage={errors.sector}
          isRequired={!isPerson}
        />
        {isPerson && !actor ? <p className="hint">{t('actors.field.sectorHint')}</p> : null}
        <ComboBox
          label={t('actors.field.municipality')}
          options={municipalityOptions}
          selectedKey={values.municipalityCode}
          onSelectionChange={set('municipalityCode')}
          description={t('actors.field.municipalityHint')}
          errorMessage={errors.municipalityCode}
        />
        <TextField
          label={t('actors.field.country')}
          name="country"
          value={values.country}
          onChange={set('country')}
          maxLength={2}
          description={t('actors.field.countryHint')}
          errorMessage={errors.country}
        />
        {isPerson ? (
          <>
            <Select
              label={t('actors.field.gender')}
              name="gender"
              options={[
                { id: NONE, label: t('actors.noneChosen') },
                ...GENDERS.map((g) => ({ id: g, label: genderLabel(g) })),
              ]}
              value={values.gender}
              onChange={(v) => set('gender')(v ?? NONE)}
              errorMessage={errors.gender}
            />
            <p className="hint">{t('actors.field.genderHint')}</p>
            <Select
              label={t('actors.field.legalBasis')}
              name="legalBasis"
              options={LEGAL_BASES.map((b) => ({ id: b, label: legalBasisLabel(b) }))}
              value={values.legalBasis}
              onChange={(v) => v && set('legalBasis')(v as LegalBasis)}
              errorMessage={errors.legalBasis}
            />
          </>
        ) : null}
        <div className="actions">
          <Button type="submit" isPending={busy}>
            {busy ? t('app.saving') : actor ? t('actors.form.save') : t('actors.form.create')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <ActorFormPage />
    </RequireRole>
  );
}
