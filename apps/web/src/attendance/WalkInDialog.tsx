// "Ny deltagare": someone who came without registering. Loaded when first opened (the ComboBox and
// Select stay out of the door's first load). The person is created (or found) and checked in at once;
// offline, the walk-in is queued like a tap.
import { useQuery } from '@apollo/client/react';
import { sectorLabelSv, Sector } from '@crm/domain/enums';
import { COUNTY_MUNICIPALITIES, VASTERBOTTEN_COUNTY_CODE } from '@crm/domain/regions';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { fieldErrors } from '../app/apollo';
import { t, type MessageKey } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ComboBox, type ComboBoxOption } from '../ui/ComboBox';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/Messages';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import type { DoorParticipant } from './door-types';
import type { WalkInPerson } from './door-queue';
import { DoorMunicipalitiesQuery, DoorOrganisationsQuery } from './door.operations';
import type { WalkInOutcome } from './useDoor';

export type WalkInDone =
  { kind: 'checkedIn'; participant: DoorParticipant } | { kind: 'queued'; name: string };

export interface WalkInDialogProps {
  isOpen: boolean;
  online: boolean;
  onClose: () => void;
  walkIn: (
    person: WalkInPerson,
    newOrganisation: { name: string; sector: string; municipalityCode?: string | null } | null,
  ) => Promise<WalkInOutcome>;
  onDone: (done: WalkInDone) => void;
}

type Field = 'name' | 'email' | 'organisation' | 'municipality' | 'sector' | 'gender';

const GENDERS = ['WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The municipalities, Västerbotten's first (the API's list; the county's own offline). */
export function municipalityOptions(
  list: readonly { code: string; name: string; countyCode: string; county?: string | null }[] | undefined,
): ComboBoxOption[] {
  if (!list?.length) return COUNTY_MUNICIPALITIES.map((m) => ({ id: m.code, label: m.nameSv }));
  const collator = new Intl.Collator('sv-SE');
  const home = (m: { countyCode: string }) => (m.countyCode === VASTERBOTTEN_COUNTY_CODE ? 0 : 1);
  return [...list]
    .sort((a, b) => home(a) - home(b) || collator.compare(a.name, b.name))
    .map((m) => ({ id: m.code, label: m.name, detail: m.county ?? undefined }));
}

/** The API's field errors (English reasons) as Swedish messages at the form's fields. */
export function walkInFieldErrors(error: unknown): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const [field, reason] of Object.entries(fieldErrors(error))) {
    let key: MessageKey = 'attendance.walkIn.fieldRejected';
    let target: Field | null = null;
    if (field === 'name') [target, key] = ['name', 'attendance.walkIn.nameRequired'];
    else if (field === 'email') {
      target = 'email';
      key = /another person|already/i.test(reason)
        ? 'attendance.reason.emailTaken'
        : 'attendance.walkIn.emailInvalid';
    } else if (field === 'organisationId') target = 'organisation';
    else if (field === 'municipalityCode' || field === 'country') target = 'municipality';
    else if (field === 'sector') [target, key] = ['sector', 'attendance.walkIn.sectorRequired'];
    else if (field === 'gender') target = 'gender';
    if (target) errors[target] = t(key);
  }
  return errors;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export default function WalkInDialog({ isOpen, online, onClose, walkIn, onDone }: WalkInDialogProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisationText, setOrganisationText] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [municipalityText, setMunicipalityText] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [gender, setGender] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState(false);

  const search = useDebounced(organisationText.trim(), 200);
  const organisations = useQuery(DoorOrganisationsQuery, {
    variables: { search: search || null },
    skip: !online,
    fetchPolicy: 'cache-first',
  });
  const municipalities = useQuery(DoorMunicipalitiesQuery, { fetchPolicy: 'cache-first', skip: !online });

  const organisationNodes = useMemo(
    () => organisations.data?.actors.edges.map((edge) => edge.node) ?? [],
    [organisations.data],
  );
  const [chosen, setChosen] = useState<{ id: string; name: string; sector: string } | null>(null);
  const organisationOptions: ComboBoxOption[] = useMemo(
    () =>
      organisationNodes.map((o) => ({ id: o.id, label: o.name, detail: o.municipality?.name ?? undefined })),
    [organisationNodes],
  );
  const municipalityList = useMemo(
    () => municipalityOptions(municipalities.data?.municipalities),
    [municipalities.data],
  );

  const typedOrganisation = organisationText.trim();
  const isNewOrganisation = Boolean(typedOrganisation) && (!chosen || chosen.name !== organisationText);
  const inheritedSector = !isNewOrganisation && chosen ? chosen.sector : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('attendance.walkIn.nameRequired');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('attendance.walkIn.emailInvalid');
    if (!inheritedSector && !sector) found.sector = t('attendance.walkIn.sectorRequired');
    setErrors(found);
    setFailed(false);
    if (Object.keys(found).length) return;
    const person: WalkInPerson = {
      name: name.trim(),
      email: email.trim() || null,
      organisationId: isNewOrganisation ? null : (chosen?.id ?? null),
      municipalityCode,
      sector: inheritedSector ? null : sector,
      gender,
    };
    const newOrganisation =
      isNewOrganisation && sector ? { name: typedOrganisation, sector, municipalityCode } : null;
    setSending(true);
    const outcome = await walkIn(person, newOrganisation);
    setSending(false);
    if (outcome.kind === 'checkedIn') onDone({ kind: 'checkedIn', participant: outcome.participant });
    else if (outcome.kind === 'queued') onDone({ kind: 'queued', name: person.name });
    else if (outcome.kind === 'fieldErrors') {
      const atFields = walkInFieldErrors(outcome.error);
      setErrors(atFields);
      if (!Object.keys(atFields).length) setFailed(true);
    } else setFailed(true);
  };

  return (
    <Dialog title={t('attendance.walkIn.title')} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      <p>{t('attendance.walkIn.intro')}</p>
      {failed ? <ErrorMessage>{t('attendance.walkIn.failed')}</ErrorMessage> : null}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('attendance.walkIn.name')}
          value={name}
          onChange={setName}
          isRequired
          autoComplete="off"
          errorMessage={errors.name}
        />
        <TextField
          label={t('attendance.walkIn.email')}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="off"
          description={t('attendance.walkIn.optional')}
          errorMessage={errors.email}
        />
        <ComboBox
          label={t('attendance.walkIn.organisation')}
          options={organisationOptions}
          filtered
          allowsCustomValue
          inputValue={organisationText}
          onInputChange={(value) => {
            setOrganisationText(value);
            if (chosen && value !== chosen.name) {
              setChosen(null);
              setOrganisationId(null);
            }
          }}
          selectedKey={organisationId}
          onSelectionChange={(key) => {
            setOrganisationId(key);
            const node = organisationNodes.find((o) => o.id === key);
            setChosen(node ? { id: node.id, name: node.name, sector: node.sector } : null);
            if (node) setOrganisationText(node.name);
          }}
          description={
            isNewOrganisation
              ? t('attendance.walkIn.newOrganisation', { name: typedOrganisation })
              : t('attendance.walkIn.organisationHelp')
          }
          errorMessage={errors.organisation}
        />
        <ComboBox
          label={t('attendance.walkIn.municipality')}
          options={municipalityList}
          inputValue={municipalityText}
          onInputChange={setMunicipalityText}
          selectedKey={municipalityCode}
          onSelectionChange={(key) => {
            setMunicipalityCode(key);
            const option = municipalityList.find((m) => m.id === key);
            if (option) setMunicipalityText(option.label);
          }}
          errorMessage={errors.municipality}
        />
        {inheritedSector ? (
          <p className="door-walkin__sector">
            {t('attendance.walkIn.sectorFromOrganisation', {
              sector: sectorLabelSv[inheritedSector as Sector] ?? inheritedSector,
            })}
          </p>
        ) : (
          <Select
            label={t('attendance.walkIn.sector')}
            placeholder={t('attendance.walkIn.sectorPlaceholder')}
            options={Object.values(Sector).map((s) => ({ id: s, label: sectorLabelSv[s] }))}
            value={sector}
            onChange={setSector}
            isRequired
            errorMessage={errors.sector}
          />
        )}
        <Select
          label={t('attendance.walkIn.gender')}
          placeholder={t('attendance.walkIn.genderPlaceholder')}
          options={GENDERS.map((g) => ({ id: g, label: t(`attendance.walkIn.gender.${g}`) }))}
          value={gender}
          onChange={setGender}
          errorMessage={errors.gender}
        />
        <p className="field__description">{t('attendance.walkIn.genderHelp')}</p>
        <div className="actions">
          <Button type="submit" large isDisabled={sending}>
            {sending ? t('attendance.walkIn.sending') : t('attendance.walkIn.submit')}
          </Button>
          <Button variant="secondary" onPress={onClose}>
            {t('app.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
