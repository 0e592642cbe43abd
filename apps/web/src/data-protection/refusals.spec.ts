import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLError } from 'graphql';
import { REFUSAL_REASONS, refusals, refusalText } from './refusals';

const refused = (field: string, reason?: string) =>
  new CombinedGraphQLErrors({
    errors: [
      new GraphQLError(`${field}: refused`, {
        extensions: { code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) },
      }),
    ],
  });

describe('the Swedish text of a data-protection refusal', () => {
  it.each([
    ['NOT_FOUND', 'Personen finns inte längre. Ladda om sidan.'],
    ['NOT_A_PERSON', 'Det gäller bara personer, inte organisationer.'],
    ['ALREADY_RESTRICTED', 'Behandlingen är redan begränsad.'],
    ['NOT_RESTRICTED', 'Behandlingen är inte begränsad.'],
    ['ANONYMISED', 'Personen är redan anonymiserad.'],
    [
      'HAS_EVIDENCE',
      'Personen har uppgifter som statistiken bygger på och kan inte raderas. Anonymisera personen i stället.',
    ],
    ['REQUIRED', 'Fältet får inte vara tomt.'],
    ['TOO_LONG', 'Texten är för lång. Korta den och försök igen.'],
    [
      'DECISION_REQUIRED',
      'Regeln gallrar allmänna handlingar och kan bara vara aktiv med ett gallringsbeslut. Skriv beslutets diarienummer.',
    ],
    ['BELOW_FLOOR', 'Den här regeln måste spara uppgifterna i minst 12 månader (366 dagar).'],
    ['OUT_OF_RANGE', 'Skriv ett heltal från 1 till 1 200.'],
    ['EMAIL_NOT_USABLE', 'E-postadressen kan inte användas.'],
  ])('%s reads “%s”', (reason, text) => {
    expect(refusalText(reason)).toBe(text);
    expect(refusals(refused('actorId', reason))).toEqual({ actorId: text });
  });

  it('has a text for every code the API gives', () => {
    const other = refusalText(null);
    for (const reason of REFUSAL_REASONS) expect(refusalText(reason)).not.toBe(other);
  });

  it('falls back on the field, then on a general text, without a known code', () => {
    expect(refusals(refused('input.keepAmount'))).toEqual({
      keepAmount: 'Skriv ett heltal från 1 till 1 200.',
    });
    expect(refusals(refused('reason', 'SOMETHING_NEW'))).toEqual({
      reason: 'Uppgiften godtogs inte. Kontrollera den och försök igen.',
    });
    expect(refusals(new Error('network'))).toEqual({});
  });
});
