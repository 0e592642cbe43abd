// One membership dialog (joinInitiative) for both ends: from an actor, choose the initiative; from an
// initiative, choose the actor. The fixed side is given, the other is found by name in a ComboBox.
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { kindLabel } from '../actors/labels';
import { useDebounced } from '../actors/useDebounced';
import { errorCode } from '../app/apollo';
import type { InitiativeRole } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ComboBox, type ComboBoxOption } from '../ui/ComboBox';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/Messages';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { INITIATIVE_ROLES, initiativeKindLabel, initiativeRoleLabel } from './labels';
import { InitiativeActorOptionsQuery, InitiativeOptionsQuery, JoinInitiativeMutation } from './operations';
import { initiativeFieldErrors, isCalendarDate, placeErrors, todayInStockholm } from './reasons';

/** The side that is fixed, and so which side the ComboBox chooses. */
export type JoinSide = { choose: 'initiative'; actorId: string } | { choose: 'actor'; initiativeId: string };

/** The texts that differ between the two ends (already translated). */
export interface JoinTexts {
  title: string;
  /** A paragraph above the form. */
  intro?: string;
  /** The ComboBox's label and hint. */
  choice: string;
  choiceHint: string;
  /** At the ComboBox when nothing is chosen. */
  chooseMissing: string;
  /** Above the form when a field is missing or not a date (before asking the API). */
  missing: string;
  /** Above the form when the API refuses fields. */
  errorSummary: string;
  save: string;
}

type ChosenField = 'initiativeId' | 'actorId';
type JoinErrors = Partial<Record<ChosenField | 'role' | 'joinedOn' | 'form', string>>;

/** The other side's options for the search text: initiatives (any text, even none) or actors (some text). */
function useFound(choose: JoinSide['choose'], search: string): ComboBoxOption[] {
  const initiatives = useQuery(InitiativeOptionsQuery, {
    variables: { search: search || null },
    skip: choose !== 'initiative',
  });
  const actors = useQuery(InitiativeActorOptionsQuery, {
    variables: { search: search || null },
    skip: choose !== 'actor' || !search,
  });
  const initiativeData = initiatives.data;
  const actorData = actors.data;
  return useMemo(
    () =>
      choose === 'initiative'
        ? (initiativeData?.initiatives.edges ?? []).map(({ node }) => ({
            id: node.id,
            label: node.name,
            detail: initiativeKindLabel(node.kind),
          }))
        : (actorData?.actors.edges ?? []).map(({ node }) => ({
            id: node.id,
            label: node.name,
            detail: node.organisation ? node.organisation.name : kindLabel(node.kind),
          })),
    [choose, initiativeData, actorData],
  );
}

/** Choose the other side by name, a role and a date, then joinInitiative; refusals at their fields. */
export function JoinInitiativeDialog({
  side,
  texts,
  onClose,
  onJoined,
}: {
  side: JoinSide;
  texts: JoinTexts;
  onClose: () => void;
  /** Called with the chosen side's name. */
  onJoined: (chosenName: string) => void;
}) {
  const field: ChosenField = side.choose === 'initiative' ? 'initiativeId' : 'actorId';
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const [role, setRole] = useState<InitiativeRole>('MEMBER');
  const [joinedOn, setJoinedOn] = useState(todayInStockholm());
  const [errors, setErrors] = useState<JoinErrors>({});
  const [join, { loading }] = useMutation(JoinInitiativeMutation);
  const found = useFound(side.choose, useDebounced(search.trim()));

  const options = useMemo(() => {
    if (!chosen || found.some((o) => o.id === chosen.id)) return found;
    return [{ ...chosen, detail: '' }, ...found];
  }, [found, chosen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const invalid: JoinErrors = {};
    if (!chosen) invalid[field] = texts.chooseMissing;
    if (!joinedOn) invalid.joinedOn = t('initiatives.date.required');
    else if (!isCalendarDate(joinedOn)) invalid.joinedOn = t('initiatives.reason.date');
    if (!chosen || Object.keys(invalid).length > 0) {
      setErrors({ ...invalid, form: texts.missing });
      return;
    }
    setErrors({});
    const input =
      side.choose === 'initiative'
        ? { actorId: side.actorId, initiativeId: chosen.id, role, joinedOn }
        : { initiativeId: side.initiativeId, actorId: chosen.id, role, joinedOn };
    try {
      await join({ variables: { input } });
      onJoined(chosen.label);
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(
          placeErrors(initiativeFieldErrors(error), [field, 'role', 'joinedOn'] as const, texts.errorSummary),
        );
      } else setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('app.error.generic') });
    }
  };

  return (
    <Dialog title={texts.title} isOpen onOpenChange={(open) => !open && onClose()}>
      {texts.intro ? <p>{texts.intro}</p> : null}
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form" validationBehavior="aria">
        <ComboBox
          label={texts.choice}
          options={options}
          selectedKey={chosen?.id ?? null}
          onSelectionChange={(key) => {
            const option = options.find((o) => o.id === key);
            setChosen(option ? { id: option.id, label: option.label } : null);
            if (option) setSearch(option.label);
            setErrors((er) => ({ ...er, [field]: undefined }));
          }}
          inputValue={search}
          onInputChange={(text) => {
            setSearch(text);
            if (chosen && text !== chosen.label) setChosen(null);
          }}
          description={texts.choiceHint}
          errorMessage={errors[field]}
          isRequired
          filtered
        />
        <Select
          label={t('initiatives.join.role')}
          name="role"
          options={INITIATIVE_ROLES.map((r) => ({ id: r, label: initiativeRoleLabel(r) }))}
          value={role}
          onChange={(v) => v && setRole(v as InitiativeRole)}
          errorMessage={errors.role}
        />
        <TextField
          label={t('initiatives.join.joinedOn')}
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
            {loading ? t('app.saving') : texts.save}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
